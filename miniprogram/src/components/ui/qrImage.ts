import qrcode from 'qrcode-generator';

/**
 * A QR code as a GIF data URL (qrcode-generator draws it without a canvas, so it works the same in WeChat and
 * the browser). `M` correction survives a scuffed print; 6-pixel cells and a 4-cell quiet zone scan from arm's
 * length. Addresses are ASCII (the page percent-encodes what it puts in them), so the default byte mode is right.
 */
export const qrImage = (text: string): string => {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(6, 4);
};
