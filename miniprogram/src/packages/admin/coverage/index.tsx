import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { StewardSettingsBody, stewardsApi, type Coverage } from '@shared/api/stewards';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { useCsvExport } from '../../../components/admin/useCsvExport';
import { formatMonth, recentMonths } from '../../../components/format';
import { hoursText } from '../../../components/stewards/stewardText';
import { BarChart, Button, DataTable, Form, Html, SelectField, TextField, useUniqueId, type DataColumn } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { WORK_SERIES, compoundBars, stewardBars, workChartSummary } from './coverageText';

const MONTH_OPTIONS = recentMonths(new Date(), 12).map((value) => ({ value, label: formatMonth(value) }));
type StewardRow = Coverage['stewards'][number];
type CompoundRow = Coverage['compounds'][number];

const stewardColumns = (interval: number): DataColumn<StewardRow>[] => [
  { label: '红色小管家', cell: (r) => r.steward.name },
  { label: '负责户数', cell: (r) => r.households, short: true },
  { label: `超过 ${interval} 天未走访`, cell: (r) => r.overdue, short: true },
  { label: '最近走访', cell: (r) => r.lastVisitDate ?? '—', short: true },
  { label: '走访次数', cell: (r) => `${r.month.visits}（${r.month.householdsVisited} 户）`, short: true },
  { label: '帮扶', cell: (r) => `${r.month.help} 次 · ${hoursText(r.month.helpHours)}`, short: true },
];
const COMPOUND_COLUMNS: DataColumn<CompoundRow>[] = [
  { label: '小区', cell: (r) => r.compound },
  { label: '住户', cell: (r) => r.households, short: true },
  { label: '超期未走访', cell: (r) => r.overdue, short: true },
  { label: '走访次数', cell: (r) => r.visits, short: true },
  { label: '帮扶次数', cell: (r) => r.help, short: true },
];

/** The committee sets after how many days without a visit a household counts as overdue. */
function IntervalForm({ interval, onSaved }: { interval: number; onSaved: () => void }) {
  const [version, setVersion] = useState<number | null>(null);
  const [days, setDays] = useState(String(interval));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [sending, setSending] = useState(false);
  useEffect(() => {
    staffCall(stewardsApi.getStewardSettings)
      .then((s) => setVersion(s.version))
      .catch((err) => setNote({ kind: 'error', text: errorMessage(err) }));
  }, []);
  const save = async () => {
    if (sending || version === null) return;
    const parsed = StewardSettingsBody.safeParse({ intervalDays: days.trim() ? Number(days) : undefined, version });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const saved = await staffCall(stewardsApi.updateStewardSettings, { body: parsed.data });
      setVersion(saved.version);
      setNote({ kind: 'ok', text: `已保存：超过 ${saved.intervalDays} 天未走访算超期。` });
      onSaved();
    } catch (err) {
      setNote({ kind: 'error', text: err instanceof ApiError && err.kind.endsWith('stale-version') ? '设置刚被其他人修改过，请刷新页面。' : errorMessage(err) });
    } finally {
      setSending(false);
    }
  };
  return (
    <Form onSubmit={() => void save()} className='gz-card' aria-labelledby='interval-title'>
      <Html tag='h2' className='gz-h2' id='interval-title'>
        走访周期
      </Html>
      {note ? <Notice kind={note.kind}>{note.text}</Notice> : null}
      <TextField id='interval-days' label='超过多少天未走访算超期' value={days} onChange={setDays} maxLength={3} hint='7 到 180 天。' error={errors.intervalDays} />
      <Button type='submit' inline loading={sending} disabled={version === null}>
        保存
      </Button>
    </Form>
  );
}

/**
 * 走访情况: the red stewards' coverage for a month — per steward their households, overdue visits, last visit,
 * visits and help; per compound the same — each as a bar chart of the month's visits and help with the accessible
 * table beside it, a CSV file, and the visit interval.
 */
export default function CoveragePage() {
  const session = useSession('staff');
  const [month, setMonth] = useState(MONTH_OPTIONS[0]!.value);
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [error, setError] = useState<string>();
  const csv = useCsvExport();
  const stewardsId = useUniqueId('coverage-stewards');
  const compoundsId = useUniqueId('coverage-compounds');

  const load = useCallback(async () => {
    if (!session) return;
    setError(undefined);
    setCoverage(null);
    try {
      setCoverage(await staffCall(stewardsApi.getStewardCoverage, { query: { month } }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [session, month]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='stewards' session={session}>
      <Html tag='h1' className='gz-h1'>
        走访情况
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        红色小管家每月走访和帮扶的情况。有超期未走访住户的小管家排在前面。
      </Html>
      <Html tag='div' className='gz-button-row'>
        <Button inline variant='plain' onClick={() => void Taro.navigateTo({ url: '/packages/admin/households/index' })}>
          走访住户名单
        </Button>
        <Button inline variant='plain' onClick={() => void Taro.navigateTo({ url: '/packages/admin/surveys/index' })}>
          民意征集
        </Button>
        <Button inline variant='plain' loading={csv.exporting} onClick={() => void csv.run(() => staffCall(stewardsApi.exportStewardCoverage, { query: { month } }))}>
          {csv.exporting ? '正在导出…' : '导出 CSV'}
        </Button>
      </Html>
      {csv.exported ? <Notice kind={csv.exported.kind}>{csv.exported.text}</Notice> : null}
      <SelectField id='coverage-month' label='月份' value={month} options={MONTH_OPTIONS} onChange={(v) => v && setMonth(v)} />
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!coverage && !error ? <LoadingState /> : null}
      {coverage ? (
        <>
          <Html tag='dl' className='gz-stat-tiles'>
            {(
              [
                ['住户', `${coverage.totals.households} 户`],
                [`超过 ${coverage.intervalDays} 天未走访`, `${coverage.totals.overdue} 户`],
                ['走访', `${coverage.totals.visits} 次`],
                ['帮扶', `${coverage.totals.help} 次 · ${hoursText(coverage.totals.helpHours)}`],
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
          <Html tag='h2' className='gz-h2' id={stewardsId}>
            {`${formatMonth(coverage.month)} 各红色小管家`}
          </Html>
          {coverage.stewards.length ? (
            <>
              <BarChart
                series={WORK_SERIES}
                unit=' 次'
                summary={workChartSummary(`${formatMonth(coverage.month)}各红色小管家`, coverage.stewards.map((r) => r.month))}
                rows={stewardBars(coverage)}
              />
              <DataTable columns={stewardColumns(coverage.intervalDays)} rows={coverage.stewards} rowKey={(r) => r.steward.id} labelledBy={stewardsId} />
            </>
          ) : (
            <EmptyState title='社区还没有红色小管家。' />
          )}
          <Html tag='h2' className='gz-h2' id={compoundsId}>
            {`${formatMonth(coverage.month)} 各小区`}
          </Html>
          {coverage.compounds.length ? (
            <>
              <BarChart
                series={WORK_SERIES}
                unit=' 次'
                summary={workChartSummary(`${formatMonth(coverage.month)}各小区`, coverage.compounds)}
                rows={compoundBars(coverage)}
              />
              <DataTable columns={COMPOUND_COLUMNS} rows={coverage.compounds} rowKey={(r) => r.compound} labelledBy={compoundsId} />
            </>
          ) : (
            <EmptyState title='还没有登记走访住户。' />
          )}
          <IntervalForm key={coverage.intervalDays} interval={coverage.intervalDays} onSaved={() => void load()} />
        </>
      ) : null}
    </AdminShell>
  );
}
