import { randomUUID } from 'node:crypto';
import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { putNewFeedback, type FeedbackItem } from './store';

/** A resident (or a steward for themself) reports a problem; it enters the committee's queue as submitted. */
export const submitFeedback: Handler<typeof feedbackApi.submitFeedback> = async ({ body }, { principal, now }) => {
  const at = now.toISOString();
  const byRole = principal.roles.includes('steward') ? 'steward' : 'resident';
  const item: FeedbackItem = {
    id: randomUUID(),
    communityId: principal.communityId,
    reporterId: principal.userId,
    reporterName: principal.name,
    category: body.category,
    title: body.title,
    description: body.description,
    compound: body.compound,
    ...(body.building ? { building: body.building } : {}),
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
    version: 1,
    history: [{ at, from: null, to: 'submitted', byRole, byName: principal.name }],
  };
  await putNewFeedback(item);
  return item;
};
