import { useCallback, useEffect, useState } from 'react';
import { scoringApi, type BranchHistory, type PeriodResults, type StarDistribution } from '@shared/api/scoring';
import type { z } from 'zod';
import { errorMessage, staffCall } from '../../../api';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { useCsvExport } from '../../../components/admin/useCsvExport';
import { usePrintableReport } from '../../../components/admin/usePrintableReport';
import { ReportView } from '../../../components/admin/ReportView';
import { backOrRedirect } from '../../../components/nav';
import { periodStatusText, rectificationText, scoreText, starText } from '../../../components/scoring/scoringText';
import { BarChart, Button, DataTable, Html, SelectField, useUniqueId, type DataColumn } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';

type PeriodRow = z.infer<typeof StarDistribution>['periods'][number];
type Counts = PeriodRow['counts'];
type HistoryEntry = z.infer<typeof BranchHistory>['entries'][number];
type ResultRow = z.infer<typeof PeriodResults>['branches'][number];

const KEYS = [5, 4, 3, 2, 1, 'unrated'] as const;
const keyLabel = (k: (typeof KEYS)[number]) => (k === 'unrated' ? '不评星' : starText(k));
const change = (n: number | undefined) => (n === undefined ? '' : n > 0 ? `（+${n}）` : n < 0 ? `（${n}）` : '');

const DIST_COLUMNS: DataColumn<PeriodRow>[] = [
  { label: '评定周期', cell: (r) => `${r.period.name}${r.public ? '' : '（未公示）'}` },
  ...KEYS.map((k) => ({ label: keyLabel(k), cell: (r: PeriodRow) => `${r.counts[k]}${change(r.change?.[k])}`, short: true })),
  { label: '平均星级', cell: (r) => (r.meanStar === undefined ? '—' : r.meanStar.toFixed(1)), short: true },
];
const RESULT_COLUMNS: DataColumn<ResultRow>[] = [
  { label: '党支部', cell: (r) => r.branchName },
  { label: '得分', cell: (r) => `${r.total} 分`, short: true },
  { label: '星级', cell: (r) => starText(r.star), short: true },
];
const MOVES = { up: '上升', down: '下降', same: '持平' } as const;
const HISTORY_COLUMNS: DataColumn<HistoryEntry>[] = [
  { label: '评定周期', cell: (e) => `${e.period.name}（${periodStatusText(e.period.status)}）` },
  { label: '自评荐星', cell: (e) => scoreText(e.proposed), short: true },
  { label: '最终结果', cell: (e) => (e.result ? scoreText(e.result) : '未定'), short: true },
  { label: '变化', cell: (e) => (e.move ? MOVES[e.move] : '—'), short: true },
  { label: '整改', cell: (e) => (e.rectification ? rectificationText(e.rectification) : '—') },
];

/**
 * The community's stars over periods (a chart of the chosen period and a table of every period, with the change
 * from the one before), the chosen period's results by branch (and as CSV), and one branch's history.
 */
export default function ScoringResultsPage() {
  const session = useSession('staff');
  const [dist, setDist] = useState<PeriodRow[] | null>(null);
  const [error, setError] = useState<string>();
  const [periodId, setPeriodId] = useState('');
  const [results, setResults] = useState<z.infer<typeof PeriodResults> | null>(null);
  const [branchId, setBranchId] = useState('');
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const csv = useCsvExport();
  const printable = usePrintableReport();
  const distId = useUniqueId('dist-title');
  const resultsId = useUniqueId('results-title');
  const historyId = useUniqueId('history-title');

  const load = useCallback(async () => {
    if (!session) return;
    setError(undefined);
    try {
      const d = (await staffCall(scoringApi.getScoringStarDistribution)).periods;
      setDist(d);
      setPeriodId((id) => id || d.at(-1)?.period.id || '');
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [session]);
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!periodId) return;
    setResults(null);
    staffCall(scoringApi.getScoringResults, { params: { id: periodId } }).then(setResults, (err) => setOutcome({ kind: 'error', text: errorMessage(err) }));
  }, [periodId]);

  useEffect(() => {
    if (!branchId) return setHistory(null);
    setHistory(null);
    staffCall(scoringApi.getScoringBranchHistory, { params: { id: branchId } }).then(
      (h) => setHistory(h.entries),
      (err) => setOutcome({ kind: 'error', text: errorMessage(err) }),
    );
  }, [branchId]);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const chosen = dist?.find((d) => d.period.id === periodId);
  if (printable.report)
    return (
      <AdminShell sections={ADMIN_SECTIONS} current='scoring' session={session}>
        <ReportView report={printable.report} onClose={printable.close} />
      </AdminShell>
    );
  const countsRows = (c: Counts) => KEYS.map((k) => ({ label: keyLabel(k), values: [c[k]] }));

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='scoring' session={session}>
      <Html tag='h1' className='gz-h1'>
        星级分布和历史
      </Html>
      {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
      {csv.exported ? <Notice kind={csv.exported.kind}>{csv.exported.text}</Notice> : null}
      {printable.failed ? <Notice kind='error'>{printable.failed}</Notice> : null}
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!error && !dist ? <LoadingState /> : null}
      {dist && !dist.length ? <EmptyState title='还没有评定出结果的周期。' /> : null}
      {dist?.length ? (
        <>
          <Html tag='div' className='gz-audit-bar'>
            <SelectField
              id='results-period'
              label='评定周期'
              value={periodId}
              options={[...dist].reverse().map((d) => ({ value: d.period.id, label: d.period.name }))}
              onChange={(v) => v && setPeriodId(v)}
            />
            <Button inline loading={printable.preparing} disabled={!periodId} onClick={() => void printable.open(async () => (await staffCall(scoringApi.exportScoringResults, { params: { id: periodId } })).report)}>
              {printable.preparing ? '正在生成…' : '打印结果 / 存为 PDF'}
            </Button>
            <Button inline variant='plain' loading={csv.exporting} disabled={!periodId} onClick={() => void csv.run(() => staffCall(scoringApi.exportScoringResults, { params: { id: periodId } }))}>
              导出结果 CSV
            </Button>
          </Html>
          {chosen ? (
            <BarChart
              series={[{ label: '党支部数', tone: 'main' }]}
              unit=' 个'
              summary={`${chosen.period.name}各星级的党支部数，详见下表`}
              rows={countsRows(chosen.counts)}
            />
          ) : null}
          <Html tag='h2' className='gz-h2' id={distId}>
            各周期星级分布（括号里是比上一周期的变化）
          </Html>
          <DataTable columns={DIST_COLUMNS} rows={[...dist].reverse()} rowKey={(r) => r.period.id} labelledBy={distId} />

          <Html tag='h2' className='gz-h2' id={resultsId}>
            {chosen ? `${chosen.period.name}各党支部结果` : '各党支部结果'}
          </Html>
          {results ? (
            results.branches.length ? (
              <DataTable columns={RESULT_COLUMNS} rows={results.branches} rowKey={(r) => r.branchId} labelledBy={resultsId} />
            ) : (
              <EmptyState title='这个周期还没有确定结果的党支部。' />
            )
          ) : (
            <LoadingState />
          )}

          <Html tag='h2' className='gz-h2' id={historyId}>
            一个党支部的历次评定
          </Html>
          <SelectField
            id='history-branch'
            label='党支部'
            value={branchId}
            options={(results?.branches ?? []).map((b) => ({ value: b.branchId, label: b.branchName }))}
            onChange={setBranchId}
            emptyLabel='请选择'
          />
          {branchId ? history ? <DataTable columns={HISTORY_COLUMNS} rows={[...history].reverse()} rowKey={(e) => e.period.id} labelledBy={historyId} /> : <LoadingState /> : null}
        </>
      ) : null}
      <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/scoring-periods/index')}>
        返回评定周期列表
      </Button>
    </AdminShell>
  );
}
