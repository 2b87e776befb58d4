import type { AssignBody, feedbackApi } from '../../../../shared/api/feedback';
import type { Principal } from '../../http/auth';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { conflict, notFound } from '../../http/problem';
import { presentFeedback } from '../present';
import { assign, getFeedback, type FeedbackItem } from '../store';
import { countStewardWork } from '../work-log';

/** The assignment as stored: the branch and/or steward picked, and who assigned it when. */
export const assignmentFrom = (body: AssignBody, by: Principal, at: Date): NonNullable<FeedbackItem['assignment']> => ({
  ...(body.branch ? { branch: body.branch } : {}),
  ...(body.steward ? { steward: body.steward } : {}),
  at: at.toISOString(),
  byName: by.name,
});

/** Assigns one item; tells apart "no such item" from "final, nobody works on it any more". */
export const assignOne = async (principal: Principal, id: string, assignment: NonNullable<FeedbackItem['assignment']>) => {
  const updated = await assign(principal.communityId, id, assignment);
  if (updated) {
    const steward = assignment.steward?.id;
    if (steward && steward !== updated.before.assignment?.steward?.id)
      await countStewardWork(principal.communityId, steward, assignment.at, 'assigned');
    return updated.after;
  }
  if (!(await getFeedback(principal.communityId, id))) throw notFound('反馈不存在');
  throw conflict('already-final', '这条反馈已结束，不能再分派');
};

export const auditAssignment = (principal: Principal, id: string, a: NonNullable<FeedbackItem['assignment']>, at: Date, sourceIp: string) =>
  recordAudit({
    action: 'feedback-assignment',
    actor: principal,
    at,
    sourceIp,
    target: { kind: 'feedback', id },
    change: [a.branch && `branch ${a.branch.id}`, a.steward && `steward ${a.steward.id}`].filter(Boolean).join(', '),
  });

/**
 * The committee hands feedback to a Party branch and/or a red steward; the steward then finds it in their
 * queue and may start and resolve it. Outcomes: the updated feedback; 404; 409 `already-final`.
 */
export const assignFeedback: Handler<typeof feedbackApi.assignFeedback> = async ({ params, body }, { principal, now, sourceIp }) => {
  const assignment = assignmentFrom(body, principal, now);
  const updated = await assignOne(principal, params.id, assignment);
  await auditAssignment(principal, params.id, assignment, now, sourceIp);
  return presentFeedback(updated, 'committee');
};
