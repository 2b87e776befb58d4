import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { scoringApi, type BranchHistory, type ScoringAssessment } from '@shared/api/scoring';
import type { z } from 'zod';
import { errorMessage, staffCall } from '../../../api';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { useCsvExport } from '../../../components/admin/useCsvExport';
import { usePrintableReport } from '../../../components/admin/usePrintableReport';
import { ReportView } from '../../../components/admin/ReportView';
import { formatTime } from '../../../components/format';
import { backOrRedirect } from '../../../components/nav';
import { assessmentStatusText, dayText, periodStatusText, rectificationText, reviewsText, scoreText } from '../../../components/scoring/scoringText';
import { FinaliseSection } from '../../../components/scoring/FinaliseForm';
import { SendBackSection, SentBackNotice } from '../../../components/scoring/SendBackForm';
import '../../../components/scoring/scoring.css';
import { Button, DataTable, Facts, Html, useUniqueId, type DataColumn } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';

type HistoryEntry = z.infer<typeof BranchHistory>['entries'][number];
const MOVES = { up: '上升', down: '下降', same: '持平' } as const;
const HISTORY_COLUMNS: DataColumn<HistoryEntry>[] = [
  { label: '评定周期', cell: (e) => `${e.period.name}（${periodStatusText(e.period.status)}）` },
  { label: '自评荐星', cell: (e) => scoreText(e.proposed) },
  { label: '最终结果', cell: (e) => (e.result ? scoreText(e.result) : '未定') },
  { label: '变化', cell: (e) => (e.move ? MOVES[e.move] : '—'), short: true },
];

/**
 * One branch's record in a period, for the committee: where it stands, the reviews and where they differ, the
 * result, the problem list with its rectification, meetings and key tasks, the branch's stars over periods, and
 * its full record as a CSV file.
 */
export default function AdminScoringBranchPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  const id = params.id ?? '';
  const [a, setA] = useState<ScoringAssessment | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const csv = useCsvExport();
  const printable = usePrintableReport();
  const problemsId = useUniqueId('problems');
  const reviewsId = useUniqueId('reviews');
  const historyId = useUniqueId('history');

  const load = useCallback(async () => {
    if (!session) return;
    if (!id) return setError('没有指定党支部评定');
    setError(undefined);
    try {
      const got = await staffCall(scoringApi.getScoringAssessment, { params: { id } });
      setA(got);
      setHistory((await staffCall(scoringApi.getScoringBranchHistory, { params: { id: got.branch.id } })).entries);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [session, id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!session) return <LoadingState text='正在前往登录…' />;

  if (printable.report)
    return (
      <AdminShell sections={ADMIN_SECTIONS} current='scoring' session={session}>
        <ReportView report={printable.report} onClose={printable.close} />
      </AdminShell>
    );
  const changed = (x: ScoringAssessment, text: string) => {
    setA(x);
    setOutcome({ kind: 'ok', text });
  };
  const failed = (text: string) => setOutcome({ kind: 'error', text });

  const names = new Map((a?.sheet.categories ?? []).flatMap((c) => c.criteria).map((k) => [k.id, k.title]));
  return (
    <AdminShell sections={ADMIN_SECTIONS} current='scoring' session={session}>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!error && !a ? <LoadingState /> : null}
      {a ? (
        <>
          <Html tag='h1' className='gz-h1'>
            {`${a.branch.name} · ${a.period.name}`}
          </Html>
          {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
          {csv.exported ? <Notice kind={csv.exported.kind}>{csv.exported.text}</Notice> : null}
          {printable.failed ? <Notice kind='error'>{printable.failed}</Notice> : null}
      {csv.exported ? <Notice kind={csv.exported.kind}>{csv.exported.text}</Notice> : null}
      {printable.failed ? <Notice kind='error'>{printable.failed}</Notice> : null}
          <Facts
            rows={[
              ['阶段', periodStatusText(a.period.status)],
              ['支部书记', a.secretaryName ?? '未指定'],
              ['自评', a.proposed ? `${assessmentStatusText(a.status)}：${scoreText(a.proposed)}` : `${assessmentStatusText(a.status)}（当前 ${a.computed.total} 分）`],
              ['复核', reviewsText(a.reviews)],
              ['最终结果', a.result ? `${scoreText(a.result)}${a.result.reason ? `；理由：${a.result.reason}` : ''}` : '未定'],
              ['整改', rectificationText(a.rectification)],
              ['支部大会', a.meetings.length ? a.meetings.map((m) => `${dayText(m.date)}（${m.attendeeCount} 人）`).join('、') : '未记录'],
              ['重点任务', a.tasks.length ? a.tasks.map((t) => `${t.title}（${t.summary ? '已总结' : t.execution ? '已落实' : t.plan ? '已计划' : '未开始'}）`).join('；') : '无'],
            ]}
          />
          <SentBackNotice assessment={a} />
          <Html tag='div' className='gz-button-row'>
            <Button inline loading={printable.preparing} onClick={() => void printable.open(async () => (await staffCall(scoringApi.exportScoringBranchRecord, { params: { id } })).report)}>
              {printable.preparing ? '正在生成…' : '打印 / 存为 PDF'}
            </Button>
            <Button inline variant='plain' loading={csv.exporting} onClick={() => void csv.run(() => staffCall(scoringApi.exportScoringBranchRecord, { params: { id } }))}>
              {csv.exporting ? '正在导出…' : '导出完整记录 CSV'}
            </Button>
          </Html>
          {a.can.sendBack ? <SendBackSection realm='staff' assessment={a} onChanged={changed} onFailed={failed} /> : null}

          <Html tag='h2' className='gz-h2' id={reviewsId}>
            {`工作小组复核（${reviewsText(a.reviews)}）`}
          </Html>
          <Html tag='ul' className='gz-list' aria-labelledby={reviewsId}>
            {a.reviews.reviewers.map((r) => {
              const review = a.reviews.all?.find((x) => x.memberId === r.memberId);
              return (
                <Html tag='li' className='gz-measure' key={r.memberId}>
                  <Html tag='p' className='gz-item-title'>
                    {`${r.name}：${r.submitted && review ? scoreText(review.computed) : '未提交'}`}
                  </Html>
                  {r.submitted
                    ? review?.differences.map((d) => (
                        <Html tag='p' className='gz-diff' key={d.criterionId}>
                          {`${names.get(d.criterionId) ?? d.criterionId}：自评 ${d.self} 分，复核 ${d.review} 分（${d.delta > 0 ? '+' : ''}${d.delta}）`}
                        </Html>
                      ))
                    : null}
                </Html>
              );
            })}
          </Html>

          {a.can.finalise ? (
            <FinaliseSection realm='staff' assessment={a} onChanged={changed} onFailed={failed} />
          ) : null}

          <Html tag='h2' className='gz-h2' id={problemsId}>
            {`问题清单（${a.problems.length} 个）`}
          </Html>
          {a.problems.length ? (
            <Html tag='ul' className='gz-list' aria-labelledby={problemsId}>
              {a.problems.map((p) => (
                <Html tag='li' className='gz-problem' key={p.key}>
                  <Html tag='p' className='gz-item-title'>
                    {`${p.text}（扣 ${p.points} 分）`}
                  </Html>
                  <Html tag='p' className='gz-meta'>
                    {`${p.categoryName} · ${p.criterionTitle}`}
                  </Html>
                  {p.measures.length ? (
                    p.measures.map((m) => (
                      <Html tag='p' className={m.overdue && !m.done ? 'gz-text gz-diff' : 'gz-text'} key={m.id}>
                        {`整改：${m.measure}（${m.ownerName}，${dayText(m.deadline)}前，${m.done ? `已完成 ${m.doneAt ? formatTime(m.doneAt) : ''}` : m.overdue ? '已逾期' : '整改中'}）`}
                      </Html>
                    ))
                  ) : (
                    <Html tag='p' className='gz-text gz-muted'>
                      还没有整改措施
                    </Html>
                  )}
                </Html>
              ))}
            </Html>
          ) : (
            <Html tag='p' className='gz-text gz-muted'>
              {a.status === 'submitted' ? '自评没有扣分。' : '自评提交后，扣分项会列为问题。'}
            </Html>
          )}

          <Html tag='h2' className='gz-h2' id={historyId}>
            历次评定
          </Html>
          {history ? <DataTable columns={HISTORY_COLUMNS} rows={[...history].reverse()} rowKey={(e) => e.period.id} labelledBy={historyId} /> : <LoadingState />}
        </>
      ) : null}
      <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/scoring-periods/index')}>
        返回评定周期列表
      </Button>
    </AdminShell>
  );
}
