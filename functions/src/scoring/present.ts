import type { ScoringAssessment, ScoringPeriod, ScoringPeriodSummary } from '../../../shared/api/scoring';
import { isStaff } from '../../../shared/roles';
import { problemsOf, rectificationCounts, measureOverdue } from '../../../shared/scoring/problems';
import { assess, limitText, type Assessed } from '../../../shared/scoring/rules';
import { consolidateReviews, differences } from '../../../shared/scoring/results';
import { criteriaOf, maxBasePoints, type Sheet } from '../../../shared/scoring/sheet';
import {
  allowedPeriodMoves,
  canSendBack,
  effectivePeriodStatus,
  PERIOD_MOVE_NEEDS,
  reviewOpen,
  selfAssessmentOpen,
} from '../../../shared/scoring/status';
import { chinaDate } from '../feedback/china-time';
import type { Principal } from '../http/auth';
import { signedUrl } from '../uploads';
import { memberOf, type AssessmentViewer } from './access';
import { satisfactionOf, type FeedbackFigures } from './figures';
import {
  assessmentIdOf,
  type Assignee,
  type AssessmentPartition,
  type MeasureItem,
  type PeriodItem,
  type ReviewItem,
  type StoredEntry,
  type TaskItem,
} from './store';

/** What a list shows of a period; its status as of now (an announcement whose days have passed is final). */
export const periodSummary = (p: Pick<PeriodItem, 'id' | 'name' | 'startDate' | 'endDate' | 'status' | 'announcement' | 'branches' | 'createdAt'>, now: Date): ScoringPeriodSummary => ({
  id: p.id,
  name: p.name,
  startDate: p.startDate,
  endDate: p.endDate,
  status: effectivePeriodStatus(p, now),
  branchCount: p.branches?.length ?? 0,
  ...(p.announcement ? { announcement: p.announcement } : {}),
  createdAt: p.createdAt,
});

/** A period as the caller sees it: accounts and claim codes for staff only. */
export const presentPeriod = (p: PeriodItem, principal: Pick<Principal, 'userId' | 'roles'>, now: Date): ScoringPeriod => {
  const staff = isStaff(principal.roles);
  const participant = Boolean(memberOf(p, principal.userId)) || Object.values(p.secretaries).some((s) => s.userId === principal.userId);
  const assignee = (a: Assignee) => ({
    name: a.name,
    claimed: Boolean(a.userId),
    ...(staff && a.userId ? { userId: a.userId } : {}),
    ...(staff && a.claimCode ? { claimCode: a.claimCode } : {}),
  });
  const summary = periodSummary(p, now);
  const next = allowedPeriodMoves(summary.status)[0];
  return {
    ...summary,
    version: p.version,
    updatedAt: p.updatedAt,
    announcementDays: p.announcementDays,
    branches: p.branches.map((b) => {
      const secretary = p.secretaries[b.id];
      return {
        id: b.id,
        name: b.name,
        assessmentId: assessmentIdOf(p.communityId, p.id, b.id),
        secretary: secretary ? assignee(secretary) : null,
        reviewers: p.workingGroup.filter((m) => m.branchIds.includes(b.id)).map((m) => ({ memberId: m.id, name: m.name })),
      };
    }),
    workingGroup: p.workingGroup.map((m) => ({ ...assignee(m), id: m.id, branchIds: m.branchIds, lead: m.lead })),
    sheet: p.sheet,
    maxBasePoints: maxBasePoints(p.sheet),
    ...(p.copiedFrom ? { copiedFrom: p.copiedFrom } : {}),
    history: p.history,
    next: next ? { to: next, needs: PERIOD_MOVE_NEEDS[next] } : null,
    viewer: staff ? 'committee' : participant ? 'participant' : 'resident',
  };
};

/** Entries in sheet order, as the contract lists them. */
export const entryList = (sheet: Sheet, entries: Readonly<Record<string, StoredEntry>>) =>
  criteriaOf(sheet).flatMap((k) => {
    const e = entries[k.id];
    if (!e) return [];
    return [{ criterionId: k.id, deductions: e.deductions, ...(e.score !== undefined ? { score: e.score } : {}), ...(e.note ? { note: e.note } : {}) }];
  });

export const assessedOut = (a: Assessed) => ({ ...a, limits: a.limits.map((l) => ({ kind: l.kind, text: limitText(l) })) });

export const presentMeasure = (m: MeasureItem, today: string) => ({
  id: m.id,
  problemKey: m.problemKey,
  measure: m.measure,
  ownerName: m.ownerName,
  deadline: m.deadline,
  done: Boolean(m.doneAt),
  ...(m.doneAt ? { doneAt: m.doneAt } : {}),
  overdue: measureOverdue(m, today),
  updates: m.updates,
  version: m.version,
  createdAt: m.createdAt,
  createdByName: m.createdByName,
});

export const presentTask = (t: TaskItem) => {
  const { assessmentId: _a, requestFingerprint: _f, ...rest } = t;
  return rest;
};

const presentReview = (r: ReviewItem, sheet: Sheet, self: Assessed, satisfaction: ReturnType<typeof satisfactionOf>) => {
  const computed = assess(sheet, { entries: r.entries, vetoes: r.vetoes, bonuses: r.bonuses, ...(satisfaction ? { satisfaction } : {}) });
  return {
    memberId: r.memberId,
    reviewerName: r.reviewerName,
    status: r.status,
    entries: entryList(sheet, r.entries),
    vetoes: r.vetoes,
    bonuses: r.bonuses,
    ...(r.note ? { note: r.note } : {}),
    computed: assessedOut(computed),
    differences: differences(self, computed),
    ...(r.submittedAt ? { submittedAt: r.submittedAt } : {}),
    version: r.version,
  };
};

/**
 * A branch's assessment as the caller sees it. The secretary never reads the reviews (their notes are the working
 * group's); a reviewer reads their own; the lead and the committee read every review and what they suggest.
 */
export const presentAssessment = async (
  part: AssessmentPartition,
  period: PeriodItem,
  viewers: AssessmentViewer[],
  principal: Pick<Principal, 'userId'>,
  figures: FeedbackFigures,
  now: Date,
): Promise<ScoringAssessment> => {
  const a = part.assessment;
  const sheet = period.sheet;
  const today = chinaDate(now);
  const status = effectivePeriodStatus(period, now);
  const satisfaction = satisfactionOf(figures);
  const computed = assess(sheet, { entries: a.entries, vetoes: a.vetoes, bonuses: a.bonuses, ...(satisfaction ? { satisfaction } : {}) });
  const problems = problemsOf(sheet, a.entries);
  const secretary = period.secretaries[a.branchId];
  const reviewers = period.workingGroup.filter((m) => m.branchIds.includes(a.branchId));
  const submittedReviews = part.reviews.filter((r) => r.status === 'submitted' && reviewers.some((m) => m.id === r.memberId));
  const me = memberOf(period, principal.userId);
  const myReview = me ? part.reviews.find((r) => r.memberId === me.id) : undefined;
  const seesAll = viewers.includes('lead') || viewers.includes('committee');
  const suggested = seesAll ? consolidateReviews(sheet, submittedReviews, satisfaction) : undefined;
  const evidence = await Promise.all(
    part.evidence.map(async (e) => ({
      id: e.id,
      target: e.target,
      url: await signedUrl(e.key),
      contentType: e.contentType,
      size: e.size,
      ...(e.caption ? { caption: e.caption } : {}),
      addedAt: e.addedAt,
      addedByName: e.addedByName,
    })),
  );
  const isSecretary = viewers.includes('secretary');
  const draftOpen = a.status === 'draft' && selfAssessmentOpen(status);
  const reviewing = reviewOpen(status) && !a.result;
  return {
    id: a.id,
    period: periodSummary(period, now),
    branch: { id: a.branchId, name: a.branchName },
    ...(secretary ? { secretaryName: secretary.name } : {}),
    status: a.status,
    version: a.version,
    sheet,
    self: { entries: entryList(sheet, a.entries), vetoes: a.vetoes, bonuses: a.bonuses, ...(a.note ? { note: a.note } : {}) },
    computed: assessedOut(computed),
    ...(a.proposed ? { proposed: a.proposed } : {}),
    ...(a.submittedAt ? { submittedAt: a.submittedAt } : {}),
    ...(a.submittedByName ? { submittedByName: a.submittedByName } : {}),
    ...(a.sentBack ? { sentBack: a.sentBack } : {}),
    problems: problems.map((p) => ({
      ...p,
      measures: part.measures.filter((m) => m.problemKey === p.key).map((m) => presentMeasure(m, today)),
      meetingIds: part.meetings.filter((m) => m.problemKeys.includes(p.key)).map((m) => m.id),
    })),
    rectification: rectificationCounts(
      problems.map((p) => p.key),
      part.measures,
      today,
    ),
    meetings: part.meetings.map(({ requestFingerprint: _f, ...m }) => m),
    tasks: part.tasks.map(presentTask),
    evidence,
    feedbackFigures: figures,
    reviews: {
      assigned: reviewers.length,
      submitted: submittedReviews.length,
      reviewers: reviewers.map((m) => ({ memberId: m.id, name: m.name, submitted: submittedReviews.some((r) => r.memberId === m.id) })),
      ...(myReview && viewers.includes('reviewer') ? { mine: presentReview(myReview, sheet, computed, satisfaction) } : {}),
      ...(seesAll ? { all: part.reviews.map((r) => presentReview(r, sheet, computed, satisfaction)) } : {}),
      ...(suggested ? { suggested: { total: suggested.total, star: suggested.star } } : {}),
    },
    ...(a.result
      ? {
          result: {
            total: a.result.total,
            star: a.result.star,
            ...(a.result.reason ? { reason: a.result.reason } : {}),
            at: a.result.at,
            byName: a.result.byName,
            ...(a.result.proposed ? { proposed: a.result.proposed } : {}),
            reviewsCounted: a.result.reviewsCounted,
          },
        }
      : {}),
    viewer: viewers,
    can: {
      editSelf: isSecretary && draftOpen,
      submit: isSecretary && draftOpen && computed.complete,
      review: viewers.includes('reviewer') && reviewing && myReview?.status !== 'submitted',
      finalise: viewers.includes('lead') && reviewing && submittedReviews.length > 0,
      rectify: isSecretary && a.status === 'submitted',
      sendBack: (viewers.includes('committee') || viewers.includes('lead')) && canSendBack(status, a.status),
    },
  };
};
