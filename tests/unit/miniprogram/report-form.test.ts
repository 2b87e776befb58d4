/**
 * The report form's pure parts: a red steward's "代居民记录" as the contract receives it
 * (miniprogram/src/pages/feedback/new/onBehalf.ts), and the size a too-large photo is redrawn at
 * (miniprogram/src/api/imageSize.ts).
 */
import { SubmitFeedbackBody } from '../../../shared/api/feedback';
import { SHRINK_STEPS, fitWithin } from '../../../miniprogram/src/api/imageSize';
import { NO_ON_BEHALF, digitsOnly, onBehalfBody } from '../../../miniprogram/src/pages/feedback/new/onBehalf';

const report = { category: 'facilities', title: '楼道扶手松动', description: '扶手松了', compound: '青年新苑' };

describe('代居民记录', () => {
  it('sends nothing while the switch is off', () => {
    expect(onBehalfBody({ ...NO_ON_BEHALF, name: '赵奶奶' })).toBeUndefined();
  });

  it('keeps phone numbers as people type them valid', () => {
    expect(digitsOnly('139 1234-5678')).toBe('13912345678');
    const body = onBehalfBody({ on: true, channel: 'visit', name: '赵奶奶', phone: '139 1234 5678', consent: true });
    expect(SubmitFeedbackBody.safeParse({ ...report, onBehalf: body }).success).toBe(true);
  });

  it('a name without consent is refused by the contract, under the consent box', () => {
    const body = onBehalfBody({ on: true, channel: 'visit', name: '赵奶奶', phone: '', consent: false });
    const r = SubmitFeedbackBody.safeParse({ ...report, onBehalf: body });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['onBehalf.consent', '记录居民姓名或电话前，请先征得本人同意']]);
  });

  it('anonymous: a channel alone is enough', () => {
    const body = onBehalfBody({ on: true, channel: 'stand', name: '  ', phone: '', consent: false });
    expect(body).toEqual({ channel: 'stand', name: undefined, phone: undefined, consent: undefined });
    expect(SubmitFeedbackBody.safeParse({ ...report, onBehalf: body }).success).toBe(true);
  });
});

describe('redrawing a photo that is too large', () => {
  it.each([
    [4032, 3024, 2560, { width: 2560, height: 1920 }],
    [3024, 4032, 1920, { width: 1440, height: 1920 }],
    [800, 600, 2560, { width: 800, height: 600 }],
    [10000, 10, 1280, { width: 1280, height: 1 }],
  ])('%i × %i within %i', (w, h, max, size) => {
    expect(fitWithin(w, h, max)).toEqual(size);
  });

  it('tries smaller sizes and lower quality in turn', () => {
    const sides = SHRINK_STEPS.map((s) => s.maxSide);
    expect([...sides].sort((a, b) => b - a)).toEqual(sides);
  });
});
