import type { scoringApi } from '../../../shared/api/scoring';
import { chinaDate } from '../feedback/china-time';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { assessmentFor, secretaryOnly } from './access';
import { presentMeasure } from './present';
import { measureDone, staleItem } from './problems';
import { getMeasure, recordMeasureProgress } from './store';

/**
 * The secretary records how a rectification measure is going, or that it is done (整改完成): the update joins the
 * measure's list in one conditional write, on the version read and only while it is not done.
 */
export const recordScoringRectificationProgress: Handler<typeof scoringApi.recordScoringRectificationProgress> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const { assessment } = secretaryOnly(await assessmentFor(principal, params.id));
  const measure = await getMeasure(cid, assessment.id, body.measureId);
  if (!measure) throw notFound('没有这项整改措施');
  if (measure.doneAt) throw measureDone();
  if (measure.version !== body.version) throw staleItem('这项整改措施');
  const saved = await recordMeasureProgress(cid, measure, { at: now.toISOString(), byName: principal.name, text: body.text, done: body.done }, body.version);
  if (!saved) {
    const current = await getMeasure(cid, assessment.id, body.measureId);
    throw current?.doneAt ? measureDone() : staleItem('这项整改措施');
  }
  return presentMeasure(saved, chinaDate(now));
};
