import type { scoringApi } from '../../../../shared/api/scoring';
import { effectivePeriodStatus } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import { createOnce, keyReused, newItemId, requestFingerprint } from '../../http/idempotency';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { presentTask } from '../present';
import { periodClosed, unknownBranches } from '../problems';
import { assessmentIdOf, getTask, putTask, recordTaskBatch, type TaskItem } from '../store';

/**
 * The working group hands branches a key task (重点工作任务清单), to be done with a plan, with execution and with a
 * summary: one task item per branch, in the branch's assessment. With an `Idempotency-Key` a retry returns the
 * tasks the first call made (each task's id comes from the key and its branch).
 */
export const createScoringKeyTasks: Handler<typeof scoringApi.createScoringKeyTasks> = async ({ params, body }, { principal, now, sourceIp, idempotencyKey }) => {
  const cid = principal.communityId;
  const period = await readPeriod(cid, params.id);
  const status = effectivePeriodStatus(period, now);
  if (status === 'final') throw periodClosed(status);
  const unknown = body.branchIds.flatMap((id, i) => (period.branches.some((b) => b.id === id) ? [] : [{ path: `branchIds.${i}` }]));
  if (unknown.length) throw unknownBranches(unknown);
  const at = now.toISOString();
  const fingerprint = idempotencyKey ? requestFingerprint(body) : undefined;
  const ids = body.branchIds.map((branchId) => ({ branchId, assessmentId: assessmentIdOf(cid, period.id, branchId), id: newItemId(`createScoringKeyTasks\n${period.id}\n${branchId}`, principal, idempotencyKey) }));
  // a key reused for other content is refused before any task is written
  if (idempotencyKey && !(await recordTaskBatch(cid, period.id, newItemId('createScoringKeyTasks', principal, idempotencyKey), fingerprint!))) throw keyReused();
  let created = 0;
  const items = await Promise.all(
    ids.map(async ({ branchId, assessmentId, id }) => {
      const task: TaskItem = {
        id,
        assessmentId,
        branchId,
        title: body.title,
        ...(body.description ? { description: body.description } : {}),
        ...(body.dueDate ? { dueDate: body.dueDate } : {}),
        version: 1,
        createdAt: at,
        createdByName: principal.name,
        ...(fingerprint ? { requestFingerprint: fingerprint } : {}),
      };
      const stored = await createOnce({ item: task, put: (t) => putTask(cid, period.id, t), read: () => getTask(cid, assessmentId, id) });
      if (stored === task) created++;
      return stored;
    }),
  );
  if (created)
    await recordAudit({ action: 'scoring-period-setup', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: `key task for ${created} branches` });
  return { items: items.map(presentTask) };
};
