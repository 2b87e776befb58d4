import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { CreatePeriodBody, scoringApi } from '@shared/api/scoring';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { SplitView } from '../../../components/admin/SplitView';
import { useWideLayout } from '../../../components/admin/useWideLayout';
import { Button, Form, Html, SelectField, TextField, useUniqueId } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { PeriodBoard } from '../scoring/PeriodBoard';
import { PeriodCard } from '../scoring/PeriodCard';

const PAGE_SIZE = 20;

/** A new period: its name and dates; the sheet copied from an earlier period (or the default sheet); every branch. */
function CreatePeriod({ periods, onCreated }: { periods: { id: string; name: string }[]; onCreated: (id: string, name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [days, setDays] = useState('7');
  const [copyFrom, setCopyFrom] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('create-title');

  const create = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = CreatePeriodBody.safeParse({
      name,
      startDate: startDate.trim(),
      endDate: endDate.trim(),
      announcementDays: days.trim() ? Number(days) : undefined,
      ...(copyFrom ? { copySheetFrom: copyFrom } : {}),
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const p = await staffCall(scoringApi.createScoringPeriod, { body: parsed.data });
      setOpen(false);
      setName('');
      onCreated(p.id, p.name);
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors);
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!open)
    return (
      <Button variant='primary' inline expanded={false} onClick={() => setOpen(true)}>
        新建评定周期
      </Button>
    );
  return (
    <Form onSubmit={() => void create()} aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        新建评定周期
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <TextField id='period-name' label='周期名称' placeholder='例如：2027年度' value={name} onChange={setName} maxLength={30} error={errors.name} />
      <TextField id='period-start' label='开始日期' hint='例如：2027-01-01' value={startDate} onChange={setStart} maxLength={10} error={errors.startDate} />
      <TextField id='period-end' label='结束日期' hint='例如：2027-12-31' value={endDate} onChange={setEnd} maxLength={10} error={errors.endDate} />
      <TextField id='period-days' label='公示天数' value={days} onChange={setDays} maxLength={2} error={errors.announcementDays} />
      <SelectField
        id='period-copy'
        label='考评表'
        value={copyFrom}
        options={periods.map((p) => ({ value: p.id, label: `沿用「${p.name}」的考评表` }))}
        onChange={setCopyFrom}
        emptyLabel='默认考评表'
        hint='参评党支部默认为全部党支部，新建后可在筹备阶段修改'
      />
      <Button type='submit' variant='primary' loading={sending}>
        创建
      </Button>
      <Button variant='plain' onClick={() => setOpen(false)}>
        取消
      </Button>
    </Form>
  );
}

/**
 * 星级评定 for the committee: the evaluation periods, newest first; on a desktop the chosen period's board beside
 * the list, on a phone and in WeChat on its own page. From here: a new period, and the star distribution.
 */
export default function ScoringPeriodsPage() {
  const session = useSession('staff');
  const wide = useWideLayout();
  const [selected, setSelected] = useState<string | null>(null);
  const [created, setCreated] = useState<string>();
  const titleId = useUniqueId('periods-title');
  const fetchPage = useCallback((cursor: string | undefined) => staffCall(scoringApi.listScoringPeriods, { query: { limit: PAGE_SIZE, cursor } }), []);
  const list = usePagedList(fetchPage, Boolean(session));
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;

  const open = (id: string) => {
    if (wide) setSelected(id);
    else void Taro.navigateTo({ url: `/packages/admin/scoring-period/index?id=${id}` });
  };

  const periods = (
    <>
      <Html tag='h2' className='gz-h2' id={titleId}>
        评定周期
      </Html>
      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.items.length ? <EmptyState title='还没有评定周期。请点“新建评定周期”。' /> : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((p) => (
            <Html tag='li' key={p.id}>
              <PeriodCard period={p} selected={wide && p.id === selected} onOpen={() => open(p.id)} />
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
    </>
  );

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='scoring' session={session}>
      <Html tag='h1' className='gz-h1'>
        星级党支部评定
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        每个评定周期：筹备（考评表、书记、工作小组）→ 支部自评荐星 → 工作小组复核 → 结果公示 → 亮星。
      </Html>
      {created ? <Notice kind='ok'>{created}</Notice> : null}
      <Html tag='div' className='gz-button-row'>
        <Button inline variant='plain' onClick={() => void Taro.navigateTo({ url: '/packages/admin/scoring-results/index' })}>
          星级分布和历史
        </Button>
      </Html>
      <CreatePeriod
        periods={list.items}
        onCreated={(id, name) => {
          setCreated(`已创建「${name}」。请在筹备阶段指定支部书记和工作小组。`);
          void list.reload();
          open(id);
        }}
      />
      <SplitView
        wide={wide}
        list={periods}
        detailLabel='评定周期详情'
        detail={
          selected ? (
            <PeriodBoard key={selected} id={selected} headingLevel={2} onChanged={() => void list.reload()} />
          ) : (
            <EmptyState title='在左边的列表中点选一个评定周期，各党支部的进度和星级会显示在这里。' />
          )
        }
      />
    </AdminShell>
  );
}
