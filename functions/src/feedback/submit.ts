import { randomUUID } from 'node:crypto';
import type { feedbackApi, SubmitFeedbackBody } from '../../../shared/api/feedback';
import type { Role } from '../../../shared/roles';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { getFeedback, putNewFeedback, type FeedbackItem } from './store';

/** What new feedback looks like: submitted, version 1, its history opened by its reporter. */
export const newFeedbackItem = (
  reporter: { communityId: string; userId: string; name: string; role: Role },
  form: Omit<SubmitFeedbackBody, 'category'> & { category: FeedbackItem['category'] },
  at: string,
  id: string = randomUUID(),
): FeedbackItem => ({
  id,
  communityId: reporter.communityId,
  reporterId: reporter.userId,
  reporterName: reporter.name,
  category: form.category,
  title: form.title,
  description: form.description,
  compound: form.compound,
  ...(form.building ? { building: form.building } : {}),
  status: 'submitted',
  createdAt: at,
  updatedAt: at,
  version: 1,
  history: [{ at, from: null, to: 'submitted', byRole: reporter.role, byName: reporter.name }],
});

/**
 * A resident (or a steward for themself) reports a problem; it enters the committee's queue as submitted.
 * With an `Idempotency-Key`, a retry (a lost answer, a double tap) returns the feedback the first call created:
 * one conditional put, and a crash between the two calls can never leave two copies.
 */
export const submitFeedback: Handler<typeof feedbackApi.submitFeedback> = async ({ body }, { principal, now, idempotencyKey }) => {
  const role = principal.roles.includes('steward') ? 'steward' : 'resident';
  const id = newItemId('submitFeedback', principal, idempotencyKey);
  const item: FeedbackItem = {
    ...newFeedbackItem({ ...principal, role }, body, now.toISOString(), id),
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  return createOnce({ item, put: putNewFeedback, read: () => getFeedback(principal.communityId, id) });
};
