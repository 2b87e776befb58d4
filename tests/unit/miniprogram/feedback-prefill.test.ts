/**
 * The report form opened filled in (miniprogram/src/pages/feedback/new/prefill.ts): the star-rating announcement's
 * 提出异议 hands it the objection link in its address; the form reads it back, whatever encoding the trip added.
 */
import fc from 'fast-check';
import { SubmitFeedbackBody } from '../../../shared/api/feedback';
import { FEEDBACK_CATEGORIES } from '../../../shared/feedback/categories';
import { FEEDBACK_FORM, prefilledFormAddress, readPrefill } from '../../../miniprogram/src/pages/feedback/new/prefill';
import { objectionFor } from '../../../functions/src/scoring/objection';

const MAX = { title: SubmitFeedbackBody.shape.title.maxLength ?? undefined, description: SubmitFeedbackBody.shape.description.maxLength ?? undefined };

/** The parameters as WeChat and Taro's H5 router hand them over: split, not decoded. */
const paramsOf = (address: string): Record<string, string> =>
  Object.fromEntries((address.split('?')[1] ?? '').split('&').filter(Boolean).map((kv) => kv.split('=') as [string, string]));

it('carries an objection to the form as the server wrote it', () => {
  const objection = objectionFor('青年新苑第二党支部', '2026年度');
  const address = prefilledFormAddress(objection);
  expect(address.startsWith(`${FEEDBACK_FORM}?category=other&title=`)).toBe(true);
  expect(address).toMatch(/^[\x21-\x7e]+$/);
  expect(readPrefill(paramsOf(address), MAX)).toEqual(objection);
});

it('reads the same back after a sign-in on the way encoded it again', () => {
  const objection = objectionFor('紫云小区党支部', '2026年度');
  const twice = Object.fromEntries(Object.entries(paramsOf(prefilledFormAddress(objection))).map(([k, v]) => [k, encodeURIComponent(v)]));
  expect(readPrefill(twice, MAX)).toEqual(objection);
});

it('asks for nothing without parameters, drops an unknown category and cuts text to the form’s limits', () => {
  expect(prefilledFormAddress({})).toBe(FEEDBACK_FORM);
  expect(readPrefill({}, MAX)).toBeUndefined();
  expect(readPrefill({ id: 'x', category: 'made-up', title: '%20%20' }, MAX)).toBeUndefined();
  const long = readPrefill({ title: encodeURIComponent('长'.repeat(200)), description: encodeURIComponent('述'.repeat(5000)) }, MAX)!;
  expect(long.title).toHaveLength(MAX.title!);
  expect(long.description).toHaveLength(MAX.description!);
  // broken percent-encoding is kept as typed
  expect(readPrefill({ title: '100%' }, MAX)).toEqual({ title: '100%' });
});

it('round-trips any category and text without a percent sign', () => {
  const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes('%') && s.trim() === s && s.length > 0);
  fc.assert(
    fc.property(fc.constantFrom(...FEEDBACK_CATEGORIES), text, text, (category, title, description) => {
      expect(readPrefill(paramsOf(prefilledFormAddress({ category, title, description })), MAX)).toEqual({ category, title, description });
    }),
  );
});
