import type { scoringApi } from '../../../shared/api/scoring';
import { isStaff } from '../../../shared/roles';
import { canSendBack, effectivePeriodStatus, selfAssessmentOpen } from '../../../shared/scoring/status';
import { recordAudit } from '../audit/trail';
import { chinaMinute } from '../feedback/china-time';
import { forbidden } from '../http/problem';
import type { Handler } from '../http/route';
import { newMessage, type OutboxMessage } from '../notify/outbox';
import { assessmentFor, memberOf } from './access';
import { assessmentPage } from './page';
import { notSubmittedToSendBack, selfAssessmentClosed, staleAssessment } from './problems';
import { getAssessment, sendBackSelf, type AssessmentItem, type PeriodItem } from './store';

/** WeChat's `thing` fields hold 20 characters. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

/**
 * The message that tells the branch's secretary their self-assessment came back, and why: to the account holding
 * the secretary's place now (none while the place is a name with an unclaimed code, as council members voting in
 * person get no reminders), through WeChat when the one who submitted it is that account and signed in there.
 */
export const sentBackMessage = (period: PeriodItem, a: AssessmentItem, reason: string, at: string): OutboxMessage | undefined => {
  const to = period.secretaries[a.branchId]?.userId;
  if (!to) return undefined;
  return newMessage({
    kind: 'scoring-sent-back',
    to,
    ...(a.submittedById === to && a.submittedByOpenid ? { toOpenid: a.submittedByOpenid } : {}),
    at,
    data: { thing1: thing(a.branchName), thing2: thing(`${period.name}自评已退回`), thing3: thing(reason), time4: chinaMinute(at) },
    page: `packages/scoring/assessment/index?id=${a.id}`,
  });
};

/**
 * The committee or the working group's lead sends a submitted self-assessment back to the branch's secretary (退回)
 * with the reason: it is a draft again, to correct and submit, while the self-assessment is open. One conditional
 * write (submitted, at the version read); a refusal writes nothing. Measures already added stay with their problem
 * and show again if the problem is still on the list when the branch submits again. The secretary is told (a
 * WeChat subscription message through the assessment's outbox, in the same write). On the audit trail.
 */
export const sendBackScoringSelfAssessment: Handler<typeof scoringApi.sendBackScoringSelfAssessment> = async ({ params, body }, { principal, now, sourceIp }) => {
  const access = await assessmentFor(principal, params.id);
  if (!isStaff(principal.roles) && !memberOf(access.period, principal.userId)?.lead) throw forbidden('只有社区工作人员或工作小组组长可以退回自评');
  const { assessment: a } = access;
  const status = effectivePeriodStatus(access.period, now);
  if (!canSendBack(status, a.status)) throw selfAssessmentOpen(status) ? notSubmittedToSendBack() : selfAssessmentClosed();
  if (a.version !== body.version) throw staleAssessment();
  const at = now.toISOString();
  const saved = await sendBackSelf(a, { at, byName: principal.name, reason: body.reason }, body.version, sentBackMessage(access.period, a, body.reason, at));
  if (!saved) {
    const current = await getAssessment(principal.communityId, params.id);
    throw current?.status === 'draft' ? notSubmittedToSendBack() : staleAssessment();
  }
  // the reason is the committee's own words about the branch's paperwork, not a resident's: it may go on the trail's target only by id
  await recordAudit({ action: 'scoring-send-back', actor: principal, at: now, sourceIp, target: { kind: 'scoring-assessment', id: saved.id }, change: `${saved.branchName}: sent back to draft` });
  return assessmentPage(principal, access.period, saved, access.viewers, now);
};
