import { randomUUID } from 'node:crypto';
import type { feedbackApi, SubmitFeedbackBody } from '../../../shared/api/feedback';
import type { Role } from '../../../shared/roles';
import { createOnce, keyReused, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { forbidden, HttpProblem } from '../http/problem';
import { ON_BEHALF_CHANNEL_LABELS } from '../../../shared/feedback/contact';
import { verifyUploads } from '../uploads';
import { presentFeedback } from './present';
import { countReceived } from './stats';
import { countStewardWork } from './work-log';
import { getFeedback, nextReference, putNewFeedback, returnReference, type FeedbackItem } from './store';

/** What new feedback looks like: submitted, version 1, its history opened by its reporter. */
export const newFeedbackItem = (
  reporter: { communityId: string; userId: string; name: string; role: Role; openid?: string },
  form: Omit<SubmitFeedbackBody, 'category' | 'onBehalf'> & { category: FeedbackItem['category']; onBehalf?: SubmitFeedbackBody['onBehalf'] },
  at: string,
  id: string = randomUUID(),
  ref?: string,
): FeedbackItem => ({
  id,
  communityId: reporter.communityId,
  reporterId: reporter.userId,
  ...(reporter.openid ? { reporterOpenid: reporter.openid } : {}),
  reporterName: reporter.name,
  category: form.category,
  title: form.title,
  description: form.description,
  compound: form.compound,
  ...(form.building ? { building: form.building } : {}),
  ...(ref ? { ref } : {}),
  ...(form.phone ? { phone: form.phone } : {}),
  ...(form.onBehalf
    ? {
        onBehalf: {
          ...(form.onBehalf.name ? { name: form.onBehalf.name } : {}),
          ...(form.onBehalf.phone ? { phone: form.onBehalf.phone } : {}),
          channel: form.onBehalf.channel,
          ...(form.onBehalf.consent ? { consentRecordedAt: at } : {}),
        },
      }
    : {}),
  status: 'submitted',
  createdAt: at,
  updatedAt: at,
  version: 1,
  history: [
    {
      at,
      from: null,
      to: 'submitted',
      ...(form.onBehalf ? { note: `代居民记录（${ON_BEHALF_CHANNEL_LABELS[form.onBehalf.channel]}）` } : {}),
      byRole: reporter.role,
      byName: reporter.name,
    },
  ],
});

/**
 * A resident (or a steward for themself) reports a problem, with up to 3 photos; it enters the committee's queue
 * as submitted. With an `Idempotency-Key`, a retry (a lost answer, a double tap) returns the feedback the first
 * call created: one conditional put, and a crash between the two calls can never leave two copies.
 *
 * Photos are checked before anything is written (a refused report leaves its uploads where they were, for the
 * lifecycle rule), and moved only when all pass. A retry must not check them again: the first call moved them.
 * So a keyed report with photos first looks for the item its key makes; and a retry after a crash between the
 * move and the put finds its photos stored under this item's id (the claim), and takes them from there.
 * A keyed report without photos skips that look-up (the hot path: three store calls, not four): the conditional
 * put finds the first call's item instead, and the reference number taken for nothing is given back.
 */
export const submitFeedback: Handler<typeof feedbackApi.submitFeedback> = async ({ body }, { principal, now, idempotencyKey }) => {
  const role = principal.roles.includes('steward') ? 'steward' : 'resident';
  const id = newItemId('submitFeedback', principal, idempotencyKey);
  const fingerprint = idempotencyKey ? requestFingerprint(body) : undefined;
  const photos = body.photos ?? [];
  // A keyed retry with photos finds what the first call made before anything else is done (and so checks and
  // moves no photo twice).
  if (idempotencyKey && photos.length) {
    const existing = await getFeedback(principal.communityId, id);
    if (existing) {
      if (existing.requestFingerprint !== fingerprint) throw keyReused();
      return presentFeedback(existing);
    }
  }
  if (body.onBehalf && role !== 'steward') throw forbidden('只有红色小管家可以代居民记录问题');
  const photoKeys = photos.length ? await verifyUploads(photos, principal, 'feedback-photo', { field: 'photos', claim: id }) : [];
  const ref = await nextReference(principal.communityId, now);
  const item: FeedbackItem = {
    ...newFeedbackItem({ ...principal, role }, body, now.toISOString(), id, ref),
    ...(photoKeys.length ? { photoKeys } : {}),
    ...(fingerprint ? { requestFingerprint: fingerprint } : {}),
  };
  let stored: FeedbackItem;
  try {
    stored = await createOnce({ item, put: putNewFeedback, read: () => getFeedback(principal.communityId, id) });
  } catch (err) {
    if (err instanceof HttpProblem) await returnReference(principal.communityId, now, ref);
    throw err;
  }
  if (stored !== item) await returnReference(principal.communityId, now, ref);
  // not for a retry that found the first call's report
  if (stored === item)
    await Promise.all([countReceived(item), item.onBehalf ? countStewardWork(item.communityId, item.reporterId, item.createdAt, 'logged') : undefined]);
  return presentFeedback(stored);
};
