import type { scoringApi } from '../../../shared/api/scoring';
import { effectivePeriodStatus } from '../../../shared/scoring/status';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { assessmentFor, secretaryOnly } from './access';
import { presentTask } from './present';
import { periodClosed, staleItem } from './problems';
import { getTask, reportTaskStage } from './store';

/** The secretary writes a key task's plan (计划), execution (落实) or summary (总结), with the version read. */
export const reportScoringKeyTask: Handler<typeof scoringApi.reportScoringKeyTask> = async ({ params, body }, { principal, now }) => {
  const access = secretaryOnly(await assessmentFor(principal, params.id));
  const status = effectivePeriodStatus(access.period, now);
  if (status === 'final') throw periodClosed(status);
  const task = await getTask(principal.communityId, access.assessment.id, body.taskId);
  if (!task) throw notFound('本支部没有这项任务');
  if (task.version !== body.version) throw staleItem('这项任务');
  const saved = await reportTaskStage(principal.communityId, task, body.stage, { text: body.text, at: now.toISOString(), byName: principal.name }, body.version);
  if (!saved) throw staleItem('这项任务');
  return presentTask(saved);
};
