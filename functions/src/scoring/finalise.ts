import type { scoringApi } from '../../../shared/api/scoring';
import { finalNeedsReason } from '../../../shared/scoring/results';
import type { Star } from '../../../shared/scoring/sheet';
import { effectivePeriodStatus, reviewOpen } from '../../../shared/scoring/status';
import { recordAudit } from '../audit/trail';
import { badRequest, forbidden } from '../http/problem';
import type { Handler } from '../http/route';
import { assessmentFor, memberOf } from './access';
import { assessmentPage } from './page';
import { noReview, resultSet, reviewClosed } from './problems';
import { readAssessmentPartition, setResult } from './store';

/**
 * The working-group lead sets the branch's final score and star, with a reason where they differ from the branch's
 * own proposal (or the branch proposed nothing). Written once, with a conditional write: two leads' clicks, or a
 * retry, cannot set it twice. On the record of the audit trail (the lead's act, like the council chair's).
 */
export const finaliseScoringAssessment: Handler<typeof scoringApi.finaliseScoringAssessment> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const access = await assessmentFor(principal, params.id);
  const lead = memberOf(access.period, principal.userId);
  if (!lead?.lead) throw forbidden('只有工作小组组长可以确定最终星级');
  if (!reviewOpen(effectivePeriodStatus(access.period, now))) throw reviewClosed();
  if (access.assessment.result) throw resultSet();
  const part = await readAssessmentPartition(cid, access.assessment.id);
  const reviewers = access.period.workingGroup.filter((m) => m.branchIds.includes(access.assessment.branchId));
  const counted = (part?.reviews ?? []).filter((r) => r.status === 'submitted' && reviewers.some((m) => m.id === r.memberId)).length;
  if (!counted) throw noReview();
  const final = { total: body.total, star: body.star as Star | null };
  const proposed = access.assessment.proposed;
  if (finalNeedsReason(final, proposed) && !body.reason)
    throw badRequest('最终得分或星级与支部自评不同，请填写理由', [{ location: 'body', path: 'reason', message: '与自评不同，请填写理由' }]);
  const saved = await setResult(access.assessment, {
    ...final,
    ...(body.reason ? { reason: body.reason } : {}),
    at: now.toISOString(),
    byName: principal.name,
    byId: principal.userId,
    ...(proposed ? { proposed } : {}),
    reviewsCounted: counted,
  });
  if (!saved) throw resultSet();
  await recordAudit({ action: 'scoring-result', actor: principal, at: now, sourceIp, target: { kind: 'scoring-assessment', id: saved.id }, change: `${saved.branchName}: ${final.total}, ${final.star ?? 'unrated'}★` });
  return assessmentPage(principal, access.period, saved, access.viewers, now);
};
