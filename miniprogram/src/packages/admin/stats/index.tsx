import { useCallback, useEffect, useMemo, useState } from 'react';
import { STAT_DIMENSION_LABELS, totalsOver, type StatDimension, type StatRow, type StatTotal } from '@shared/feedback/stats';
import { errorMessage, staffCall } from '../../../api';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { useCsvExport } from '../../../components/admin/useCsvExport';
import { formatMonth, recentMonths } from '../../../components/format';
import { BarChart, Button, ChoiceGroup, DataTable, Html, SelectField, useUniqueId, type DataColumn } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { byMonth, chartSummary, median, percent, stars } from './statsText';
import { feedbackApi } from '@shared/api/feedback';

/** Two years to choose from (the server answers at most 24 months at once), this month first. */
const MONTHS = recentMonths(new Date(), 24);
const MONTH_OPTIONS = MONTHS.map((value) => ({ value, label: formatMonth(value) }));
const DIMENSIONS = (['all', 'category', 'compound', 'branch'] as const).map((value) => ({
  value,
  label: value === 'all' ? '按月份' : `按${STAT_DIMENSION_LABELS[value]}`,
}));
const SERIES = [
  { label: '收到', tone: 'main' },
  { label: '已解决', tone: 'second' },
] as const;

const MONTH_COLUMNS: DataColumn<StatRow>[] = [
  { label: '月份', cell: (r) => formatMonth(r.month), short: true },
  { label: '收到', cell: (r) => r.received, short: true },
  { label: '已解决', cell: (r) => r.resolved, short: true },
  { label: '首次响应（中位）', cell: (r) => median(r.medianFirstResponse), short: true },
  { label: '解决用时（中位）', cell: (r) => median(r.medianResolution), short: true },
  { label: '满意度', cell: (r) => stars(r.satisfaction), short: true },
  { label: '重新处理率', cell: (r) => percent(r.reopenRate), short: true },
];
const totalColumns = (dimension: StatDimension): DataColumn<StatTotal>[] => [
  { label: STAT_DIMENSION_LABELS[dimension], cell: (t) => t.value },
  { label: '收到', cell: (t) => t.received, short: true },
  { label: '已解决', cell: (t) => t.resolved, short: true },
  { label: '满意度', cell: (t) => stars(t.satisfaction), short: true },
  { label: '重新处理率', cell: (t) => percent(t.reopenRate), short: true },
];

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; rows: StatRow[] };

/**
 * Feedback statistics for the committee: a range of months, by month or broken down by category, compound or
 * branch — a chart and the same numbers as a table (the chart is a picture; the table is what a screen reader and
 * a careful reader use), and a CSV file for Excel. The numbers are counters kept as feedback changes, so the
 * page is quick for any range.
 */
export default function StatsPage() {
  const session = useSession('staff');
  const [from, setFrom] = useState(MONTHS[5]!);
  const [to, setTo] = useState(MONTHS[0]!);
  const [dimension, setDimension] = useState<StatDimension>('all');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const csv = useCsvExport();
  const { exporting, exported } = csv;
  const titleId = useUniqueId('stats-title');
  const fromId = useUniqueId('stats-from');
  const toId = useUniqueId('stats-to');
  const rangeError = from > to ? '开始月份不能晚于结束月份' : undefined;

  const fetchStats = useCallback(async () => {
    if (!session || rangeError) return;
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', rows: (await staffCall(feedbackApi.feedbackStats, { query: { from, to } })).rows });
    } catch (err) {
      setLoad({ state: 'error', message: errorMessage(err) });
    }
  }, [session, from, to, rangeError]);
  useEffect(() => {
    void fetchStats();
  }, [fetchStats]);

  const rows = load.state === 'ready' ? load.rows : [];
  const overall = useMemo(() => totalsOver(rows, 'all')[0], [rows]);
  const months = useMemo(() => byMonth(rows, from, to), [rows, from, to]);
  const totals = useMemo(() => (dimension === 'all' ? [] : totalsOver(rows, dimension)), [rows, dimension]);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const exportCsv = () => csv.run(() => staffCall(feedbackApi.exportFeedbackStats, { query: { from, to } }));

  const range = from === to ? formatMonth(from) : `${formatMonth(from)}至${formatMonth(to)}`;
  const what = dimension === 'all' ? '各月' : `各${STAT_DIMENSION_LABELS[dimension]}`;
  const empty = load.state === 'ready' && !overall?.received;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='stats' session={session}>
      <Html tag='h1' className='gz-h1'>
        反馈统计
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        选一段月份，看收到多少、解决多少、回应和解决用了多久、居民是否满意。可以导出 CSV 用 Excel 打开。
      </Html>

      <Html tag='div' className='gz-audit-bar'>
        <SelectField id={fromId} label='从' value={from} options={MONTH_OPTIONS} onChange={(v) => v && setFrom(v)} error={rangeError} />
        <SelectField id={toId} label='到' value={to} options={MONTH_OPTIONS} onChange={(v) => v && setTo(v)} />
        <Button inline variant='plain' loading={exporting} disabled={Boolean(rangeError)} onClick={() => void exportCsv()}>
          导出 CSV
        </Button>
      </Html>
      {exported ? <Notice kind={exported.kind}>{exported.text}</Notice> : null}

      <ChoiceGroup id='stats-dimension' legend='查看方式' options={DIMENSIONS} value={dimension} onChange={setDimension} />

      <Html tag='h2' className='gz-h2' id={titleId}>
        {`${range}${what}的反馈`}
      </Html>

      {rangeError ? null : load.state === 'loading' ? (
        <LoadingState />
      ) : load.state === 'error' ? (
        <ErrorState message={load.message} onRetry={() => void fetchStats()} />
      ) : empty ? (
        <EmptyState title={`${range}没有收到反馈。`} />
      ) : (
        <>
          {overall ? (
            <Html tag='dl' className='gz-stat-tiles'>
              {(
                [
                  ['收到', `${overall.received} 条`],
                  ['已解决', `${overall.resolved} 条`],
                  ['满意度', stars(overall.satisfaction)],
                  ['重新处理率', percent(overall.reopenRate)],
                ] as const
              ).map(([term, value]) => (
                <Html tag='div' className='gz-stat-tile' key={term}>
                  <Html tag='dt' className='gz-stat-term'>
                    {term}
                  </Html>
                  <Html tag='dd' className='gz-stat-value'>
                    {value}
                  </Html>
                </Html>
              ))}
            </Html>
          ) : null}

          {dimension === 'all' ? (
            <>
              <BarChart
                series={SERIES}
                unit=' 条'
                summary={chartSummary(range + what, months)}
                rows={months.map((m) => ({ label: formatMonth(m.month), values: [m.received, m.resolved] }))}
              />
              <DataTable columns={MONTH_COLUMNS} rows={[...months].reverse()} rowKey={(r) => r.month} labelledBy={titleId} />
            </>
          ) : totals.length ? (
            <>
              <BarChart
                series={SERIES}
                unit=' 条'
                summary={chartSummary(range + what, totals)}
                rows={totals.map((t) => ({ label: t.value, values: [t.received, t.resolved] }))}
              />
              <DataTable columns={totalColumns(dimension)} rows={totals} rowKey={(t) => t.value} labelledBy={titleId} />
              <Html tag='p' className='gz-text gz-muted'>
                回应和解决用时的中位数按月计算，请在“按月份”或导出的 CSV 中查看。
              </Html>
            </>
          ) : (
            <EmptyState title={`${range}的反馈还没有按${STAT_DIMENSION_LABELS[dimension]}归类的。`} />
          )}
        </>
      )}
    </AdminShell>
  );
}
