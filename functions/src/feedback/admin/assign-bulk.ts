import type { feedbackApi } from '../../../../shared/api/feedback';
import { HttpProblem } from '../../http/problem';
import type { Handler } from '../../http/route';
import { assignmentFrom, assignOne, auditAssignment } from './assign';

/**
 * The same assignment for many items (the queue's "bulk assign"): each is its own conditional write, so one
 * that is final or gone is refused alone and the rest go through. Answers which were assigned and which not.
 */
export const assignFeedbackInBulk: Handler<typeof feedbackApi.assignFeedbackInBulk> = async ({ body }, { principal, now, sourceIp }) => {
  const assignment = assignmentFrom(body, principal, now);
  const ids = [...new Set(body.ids)];
  const results = await Promise.all(
    ids.map(async (id) => {
      try {
        await assignOne(principal, id, assignment);
        await auditAssignment(principal, id, assignment, now, sourceIp);
        return { id, ok: true as const };
      } catch (err) {
        if (err instanceof HttpProblem && err.status < 500) return { id, ok: false as const, reason: err.detail ?? err.title };
        throw err;
      }
    }),
  );
  return {
    assigned: results.filter((r) => r.ok).map((r) => r.id),
    refused: results.flatMap((r) => (r.ok ? [] : [{ id: r.id, reason: r.reason }])),
  };
};
