/** A branch's evidence words (miniprogram/src/packages/scoring/evidenceText.ts): a PDF's name as a caption the contract takes. */
import fc from 'fast-check';
import { AddEvidenceBody } from '../../../shared/api/scoring';
import { captionFromName, sizeText } from '../../../miniprogram/src/packages/scoring/evidenceText';

const caption = AddEvidenceBody.shape.caption;

it.each<[string | undefined, string | undefined]>([
  ['支部大会会议记录.pdf', '支部大会会议记录'],
  ['C:\\Users\\书记\\2026年工作计划.PDF', '2026年工作计划'],
  ['/storage/emulated/0/Download/整改清单.pdf', '整改清单'],
  ['  .pdf', undefined],
  [undefined, undefined],
  ['a\u0000b\u001fc.pdf', 'abc'],
])('%s → %s', (name, expected) => {
  expect(captionFromName(name)).toBe(expected);
});

it('cuts a long name at 60 characters, never inside a character', () => {
  expect(captionFromName(`${'😀'.repeat(70)}.pdf`)).toBe('😀'.repeat(60));
});

it('always gives a caption the contract accepts, or none', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
      const c = captionFromName(name);
      if (c !== undefined) expect(caption.safeParse(c).success).toBe(true);
    }),
  );
});

it('reads sizes as people do', () => {
  expect([sizeText(170), sizeText(180 * 1024), sizeText(2.4 * 1024 * 1024)]).toEqual(['1 KB', '180 KB', '2.4 MB']);
});
