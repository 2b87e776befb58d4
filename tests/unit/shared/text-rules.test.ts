/** Required text must show something; no control characters or broken UTF-16 get into the store (issue 5, defect 9). */
import { hasVisibleText, optionalText, text } from '../../../shared/api/common';
import { SubmitFeedbackBody, TransitionBody } from '../../../shared/api/feedback';

const title = text(40, '标题');
const description = text(1000, '问题描述', { multiline: true });

describe('required text', () => {
  it.each([
    ['zero-width space', '\u200b'],
    ['word joiner', '\u2060'],
    ['Hangul filler', '\u3164'],
    ['halfwidth Hangul filler', '\uffa0'],
    ['blank Braille pattern', '\u2800'],
    ['BOM', '\ufeff'],
    ['ideographic space', '\u3000'],
    ['a mix of them', ' \u200b\u3000\u2060 '],
  ])('of only a %s is refused as empty', (_, value) => {
    const r = title.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('请填写标题');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['escape', 'a\u001bb'],
    ['DEL', 'a\u007fb'],
    ['a line break in a one-line field', '第一行\n第二行'],
  ])('with %s is refused', (_, value) => {
    expect(title.safeParse(value).success).toBe(false);
  });

  it.each([
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
  ])('with %s is refused as unreadable', (_, value) => {
    const r = title.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('标题含有无法识别的字符');
  });

  it.each([
    ['Chinese', '楼道灯坏了'],
    ['an emoji (a surrogate pair)', '💡 坏了'],
    ['digits only', '3'],
    ['a zero-width joiner inside real text', '灯\u200d坏'],
  ])('with %s is accepted', (_, value) => {
    expect(title.safeParse(value).success).toBe(true);
  });

  it('keeps line breaks and tabs in multi-line text, refuses other control characters there', () => {
    expect(description.safeParse('第一行\n第二行\r\n\t缩进').success).toBe(true);
    expect(description.safeParse('第一行\u0000').success).toBe(false);
  });

  it('trims before counting: 40 characters with spaces around fit a 40-character field', () => {
    expect(title.parse(`  ${'字'.repeat(40)}  `)).toBe('字'.repeat(40));
    expect(title.safeParse('字'.repeat(41)).success).toBe(false);
  });
});

describe('optional text', () => {
  const building = optionalText(40, '楼栋');
  it('treats invisible-only input as not given', () => {
    expect(building.parse('\u200b ')).toBe('');
    expect(building.parse(undefined)).toBeUndefined();
    expect(building.parse(' 5栋 ')).toBe('5栋');
  });
  it('still refuses control characters and lone surrogates', () => {
    expect(building.safeParse('5\u0000栋').success).toBe(false);
    expect(building.safeParse('5\ud800').success).toBe(false);
  });
});

describe('the forms that carry it', () => {
  const form = { category: 'environment', title: '灯坏了', description: '三楼', compound: '青年新苑' };
  it.each(['title', 'description', 'compound'])('feedback %s of invisible characters only is refused', (field) => {
    expect(SubmitFeedbackBody.safeParse({ ...form, [field]: '\u200b\u3164' }).success).toBe(false);
  });
  it('a transition note keeps its line breaks', () => {
    expect(TransitionBody.parse({ to: 'resolved', note: '已修好。\n谢谢反映。', version: 1 }).note).toBe('已修好。\n谢谢反映。');
  });
  it('hasVisibleText', () => {
    expect([hasVisibleText(''), hasVisibleText('\u200b'), hasVisibleText('a')]).toEqual([false, false, true]);
  });
});
