import type { ScoringAssessment, scoringApi } from '../../../../shared/api/scoring';
import { reportCsv, type Report } from '../../../../shared/scoring/export';
import { starText, type Star } from '../../../../shared/scoring/sheet';
import { ASSESSMENT_STATUS_LABELS, PERIOD_STATUS_LABELS } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import { chinaDate } from '../../feedback/china-time';
import type { Handler } from '../../http/route';
import { assessmentFor } from '../access';
import { assessmentPage } from '../page';

const stars = (s: number | null | undefined) => (s === undefined ? '' : starText(s as Star | null));
const TASK_STAGE = { plan: '计划', execution: '落实', summary: '总结' } as const;
const TARGET = { criterion: '考评指标', bonus: '加分项', task: '重点任务', measure: '整改措施', meeting: '支部大会' } as const;

/** A branch's assessment as a printable report: the sections the committee files (and prints) for the branch. */
export const branchRecord = (a: ScoringAssessment): Report => {
  const criteria = a.sheet.categories.flatMap((c) => c.criteria.map((k) => ({ category: c, k })));
  const scoreOf = (computed: ScoringAssessment['computed'], id: string) => computed.criteria.find((c) => c.criterionId === id);
  const self = new Map(a.self.entries.map((e) => [e.criterionId, e]));
  const ruleText = (criterionId: string, ruleId: string) =>
    criteria.find((x) => x.k.id === criterionId)?.k.deductions.find((d) => d.id === ruleId)?.text ?? ruleId;
  const vetoText = (id: string) => a.sheet.vetoItems.find((v) => v.id === id)?.text ?? id;
  const bonusText = (id: string) => a.sheet.bonusItems.find((b) => b.id === id)?.text ?? id;
  const reviews = a.reviews.all ?? [];
  return {
    title: `${a.branch.name} ${a.period.name} 星级党支部创评档案`,
    subtitle: `评定周期 ${a.period.startDate} 至 ${a.period.endDate}（${PERIOD_STATUS_LABELS[a.period.status]}）`,
    sections: [
      {
        heading: '基本情况',
        columns: ['项目', '内容'],
        rows: [
          ['党支部', a.branch.name],
          ['支部书记', a.secretaryName ?? '未指定'],
          ['自评状态', ASSESSMENT_STATUS_LABELS[a.status]],
          ['自评得分', a.proposed ? String(a.proposed.total) : `${a.computed.total}（未提交）`],
          ['自评星级', a.proposed ? stars(a.proposed.star) : `${stars(a.computed.star)}（未提交）`],
          ['复核进度', `${a.reviews.submitted}/${a.reviews.assigned}`],
          ['最终得分', a.result ? String(a.result.total) : '未确定'],
          ['最终星级', a.result ? stars(a.result.star) : '未确定'],
          ['调整理由', a.result?.reason ?? ''],
          ['确定人', a.result ? `${a.result.byName} ${chinaDate(a.result.at)}` : ''],
        ],
      },
      {
        heading: '量化考评（自评）',
        columns: ['类别', '指标', '满分', '扣分项', '自评得分', '说明'],
        rows: criteria.map(({ category, k }) => {
          const e = self.get(k.id);
          return [
            category.name,
            k.title,
            String(k.maxPoints),
            (e?.deductions ?? []).map((d) => `${ruleText(k.id, d.ruleId)}${d.times > 1 ? ` ×${d.times}` : ''}`).join('；'),
            e ? String(scoreOf(a.computed, k.id)?.score ?? '') : '未评',
            e?.note ?? '',
          ];
        }),
      },
      {
        heading: '否决项和加分项（自评）',
        columns: ['类型', '项目'],
        rows: [...a.self.vetoes.map((v) => ['否决项', vetoText(v)]), ...a.self.bonuses.map((b) => ['加分项', bonusText(b)])],
      },
      {
        heading: '问题清单和整改',
        columns: ['类别', '问题', '扣分', '整改措施', '责任人', '完成时限', '状态', '最新进展'],
        rows: a.problems.flatMap((p) =>
          (p.measures.length ? p.measures : [undefined]).map((m) => [
            p.categoryName,
            p.text,
            String(p.points),
            m?.measure ?? '（未制定）',
            m?.ownerName ?? '',
            m?.deadline ?? '',
            m ? (m.done ? '已完成' : m.overdue ? '已逾期' : '整改中') : '',
            m?.updates.at(-1)?.text ?? '',
          ]),
        ),
      },
      {
        heading: '支部大会',
        columns: ['日期', '参会人数', '讨论的问题', '会议纪要'],
        rows: a.meetings.map((m) => [
          m.date,
          String(m.attendeeCount),
          m.problemKeys.map((k) => a.problems.find((p) => p.key === k)?.text ?? k).join('；'),
          m.minutes,
        ]),
      },
      {
        heading: '重点工作任务',
        columns: ['任务', '完成时限', TASK_STAGE.plan, TASK_STAGE.execution, TASK_STAGE.summary],
        rows: a.tasks.map((t) => [t.title, t.dueDate ?? '', t.plan?.text ?? '', t.execution?.text ?? '', t.summary?.text ?? '']),
      },
      {
        heading: '工作小组复核',
        columns: ['复核人', '状态', '复核得分', '复核星级', '与自评不同的指标', '复核意见'],
        rows: reviews.map((r) => [
          r.reviewerName,
          r.status === 'submitted' ? '已提交' : '复核中',
          String(r.computed.total),
          stars(r.computed.star),
          r.differences.map((d) => `${criteria.find((x) => x.k.id === d.criterionId)?.k.title ?? d.criterionId}：自评 ${d.self}，复核 ${d.review}`).join('；'),
          [r.note, ...r.entries.flatMap((e) => (e.note ? [e.note] : []))].filter(Boolean).join('；'),
        ]),
      },
      {
        heading: '群众评价（反馈统计）',
        columns: ['月份', '已解决', '重新处理', '评价数', '满意度（星）', '解决用时中位'],
        rows: a.feedbackFigures.months.map((m) => [m.month, String(m.resolved), String(m.reopened), String(m.ratings), m.satisfaction?.toFixed(1) ?? '', m.medianResolution ?? '']),
      },
      {
        heading: '佐证材料',
        columns: ['所属', '说明', '上传人', '时间'],
        rows: a.evidence.map((e) => [TARGET[e.target.kind], e.caption ?? '', e.addedByName, chinaDate(e.addedAt)]),
      },
    ],
  };
};

/**
 * A branch's full record of a period, as CSV and as a printable report (the page lays out the sections and the
 * browser prints them): sheet and self-assessment, problems and rectification, meetings, tasks, reviews with the
 * working group's notes, the result. Staff only, recorded in the audit trail.
 */
export const exportScoringBranchRecord: Handler<typeof scoringApi.exportScoringBranchRecord> = async ({ params }, { principal, now, sourceIp }) => {
  const access = await assessmentFor(principal, params.id);
  const page = await assessmentPage(principal, access.period, access.assessment, access.viewers, now);
  const report = branchRecord(page);
  await recordAudit({ action: 'scoring-export', actor: principal, at: now, sourceIp, target: { kind: 'scoring-assessment', id: page.id }, change: 'branch record' });
  return { filename: `${page.branch.name}_${page.period.name}_创评档案.csv`, csv: reportCsv(report), report };
};
