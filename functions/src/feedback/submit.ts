import { randomUUID } from 'node:crypto';
import type { feedbackApi, SubmitFeedbackBody } from '../../../shared/api/feedback';
import type { Role } from '../../../shared/roles';
import type { Handler } from '../http/route';
import { putNewFeedback, type FeedbackItem } from './store';

/** What new feedback looks like: submitted, version 1, its history opened by its reporter. */
export const newFeedbackItem = (
  reporter: { communityId: string; userId: string; name: string; role: Role },
  form: Omit<SubmitFeedbackBody, 'category'> & { category: FeedbackItem['category'] },
  at: string,
): FeedbackItem => ({
  id: randomUUID(),
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

/** A resident (or a steward for themself) reports a problem; it enters the committee's queue as submitted. */
export const submitFeedback: Handler<typeof feedbackApi.submitFeedback> = async ({ body }, { principal, now }) => {
  const role = principal.roles.includes('steward') ? 'steward' : 'resident';
  const item = newFeedbackItem({ ...principal, role }, body, now.toISOString());
  await putNewFeedback(item);
  return item;
};
