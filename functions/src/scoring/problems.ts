import { PERIOD_STATUS_LABELS, type PeriodStatus } from '../../../shared/scoring/status';
import { conflict, HttpProblem, notFound, type FieldError } from '../http/problem';

/** The refusals the scoring use cases share, each with the slug clients branch on and words people read. */

export const periodNotFound = () => notFound('评定周期不存在');
export const assessmentNotFound = () => notFound('该党支部的评定不存在（评定周期开始后才有）');

export const stalePeriod = () => conflict('stale-version', '评定周期刚被修改过，请刷新后再操作');
export const staleAssessment = () => conflict('stale-version', '自评内容刚被修改过，请刷新后再操作');
export const staleItem = (what: string) => conflict('stale-version', `${what}刚被修改过，请刷新后再操作`);

export const sheetFixed = () => conflict('sheet-fixed', '各党支部开始自评后，考评表不能再修改（下一周期可复制后修改）');
export const branchesFixed = () => conflict('branches-fixed', '自评开始后，参评党支部不能再调整');
export const workingGroupFixed = () => conflict('working-group-fixed', '复核开始后，工作小组不能再调整');
export const periodClosed = (status: PeriodStatus) => conflict('period-closed', `评定周期处于“${PERIOD_STATUS_LABELS[status]}”阶段，不能再进行此操作`);
export const moveNotAllowed = (from: PeriodStatus, to: PeriodStatus) =>
  conflict('transition-not-allowed', `“${PERIOD_STATUS_LABELS[from]}”阶段不能直接进入“${PERIOD_STATUS_LABELS[to]}”`);
export const periodNotReady = (to: PeriodStatus, errors: FieldError[]) =>
  new HttpProblem(409, 'period-not-ready', '操作冲突', `还不能进入“${PERIOD_STATUS_LABELS[to]}”：${errors[0]?.message ?? ''}${errors.length > 1 ? `（共 ${errors.length} 处）` : ''}`, errors);

export const selfAssessmentClosed = () => conflict('self-assessment-closed', '自评荐星阶段未开放或已结束');
export const alreadySubmitted = () => conflict('already-submitted', '已经提交，不能再修改');
export const incomplete = (missing: { criterionId: string; title: string }[]) =>
  new HttpProblem(
    409,
    'incomplete',
    '操作冲突',
    `还有 ${missing.length} 个指标没有评分，全部评分后才能提交`,
    missing.map((m) => ({ location: 'assessment', path: `entries.${m.criterionId}`, message: `“${m.title}”还没有评分` })),
  );
export const notSubmitted = () => conflict('not-submitted', '自评提交后才有问题清单，才能制定整改措施');
export const notSubmittedToSendBack = () => conflict('not-submitted', '这份自评还没有提交，不用退回');
export const reviewClosed = () => conflict('review-closed', '工作小组复核阶段未开放或已结束');
export const resultSet = () => conflict('result-set', '该党支部的最终星级已经确定，不能再修改');
export const noReview = () => conflict('no-review', '还没有复核人提交复核，暂不能确定最终星级');
export const measureDone = () => conflict('measure-done', '该整改措施已完成');

export const unprocessableWith = (slug: string, detail: string, errors: FieldError[]) => new HttpProblem(422, slug, '无法处理', detail, errors);
export const unknownBranches = (paths: { path: string }[]) =>
  unprocessableWith('unknown-branch', paths.length === 1 ? '所选党支部不在本周期的参评名单中' : `有 ${paths.length} 个党支部不在参评名单中`, paths.map((p) => ({ location: 'body', path: p.path, message: '没有这个党支部' })));
export const unknownPerson = (path: string) => unprocessableWith('unknown-person', '本社区没有这个人', [{ location: 'body', path, message: '本社区没有这个人' }]);
export const dateInFuture = (path = 'date') => unprocessableWith('date-in-future', '日期不能晚于今天', [{ location: 'body', path, message: '日期不能晚于今天' }]);
export const unknownProblem = (paths: string[]) =>
  unprocessableWith('unknown-problem', '问题清单中没有这个问题', paths.map((path) => ({ location: 'body', path, message: '问题清单中没有这个问题' })));
