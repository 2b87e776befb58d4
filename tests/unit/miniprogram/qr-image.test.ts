/** QR codes for team ID cards and invites (miniprogram/src/components/ui/qrImage.ts). */
import qrcode from 'qrcode-generator';
import { qrImage } from '../../../miniprogram/src/components/ui/qrImage';

it('draws a GIF data URL that WeChat and browsers both show', () => {
  expect(qrImage('https://example.org/#/packages/teams/verify/index?number=%E9%9D%92')).toMatch(/^data:image\/gif;base64,[A-Za-z0-9+/]+=*$/);
});

it('holds a whole verification address (the size grows with the text, never truncating it)', () => {
  const long = `https://example.org/#/packages/teams/verify/index?number=${encodeURIComponent('青年-WD-2026-001')}&community=baogong-qingnian`;
  const qr = qrcode(0, 'M');
  qr.addData(long);
  qr.make();
  expect(qr.getModuleCount()).toBeGreaterThanOrEqual(21);
  expect(qrImage(long).length).toBeGreaterThan(qrImage('short').length);
});
