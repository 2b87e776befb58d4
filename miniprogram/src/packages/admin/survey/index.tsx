import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { SurveyResults } from '@shared/api/stewards';
import { SURVEY_STATUS_TEXT, type SurveyStatus } from '@shared/stewards/surveys';
import { ApiError, errorMessage, staffCall } from '../../../api';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { useCsvExport } from '../../../components/admin/useCsvExport';
import { backOrRedirect } from '../../../components/nav';
import { BarChart, Button, DataTable, Html, useConfirm, useUniqueId, type DataColumn } from '../../../components/ui';
import { useLoaded } from '../../../components/useLoaded';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { SurveyForm } from '../stewards-admin/SurveyForm';
import { stewardsApi } from '@shared/api/stewards';

type ChoiceResult = SurveyResults['questions'][number];

/** One choice question: a bar per option (one picture) and the same counts per compound as a table. */
function ChoiceResultView({ q, index }: { q: ChoiceResult; index: number }) {
  const titleId = useUniqueId(`result-${q.id}`);
  const options = q.options ?? [];
  const total = options.reduce((n, o) => n + o.count, 0);
  const columns: DataColumn<{ compound: string; counts: number[] }>[] = [
    { label: '小区', cell: (r) => r.compound },
    ...options.map((o, i): DataColumn<{ compound: string; counts: number[] }> => ({ label: o.label, cell: (r) => r.counts[i] ?? 0, short: true })),
  ];
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`${index + 1}. ${q.text}`}
      </Html>
      <BarChart
        series={[{ label: '人数', tone: 'main' }]}
        rows={options.map((o) => ({ label: o.label, values: [o.count] }))}
        summary={`共 ${total} 人回答：${options.map((o) => `${o.label} ${o.count} 人`).join('，')}`}
        unit='人'
      />
      {q.perCompound?.length ? <DataTable columns={columns} rows={q.perCompound} rowKey={(r) => r.compound} labelledBy={titleId} /> : null}
    </Html>
  );
}

function TextResultView({ q, index }: { q: ChoiceResult; index: number }) {
  const titleId = useUniqueId(`result-${q.id}`);
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`${index + 1}. ${q.text}（${q.answers?.length ?? 0} 条）`}
      </Html>
      {q.answers?.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {q.answers.map((a, i) => (
            <Html tag='li' className='gz-member gz-text gz-pre' key={i}>
              {a}
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有人填写。
        </Html>
      )}
    </Html>
  );
}

const MOVE_TEXT: Record<SurveyStatus, { to: SurveyStatus; label: string; title: string; content: string } | undefined> = {
  draft: { to: 'open', label: '发布', title: '发布这项征集吗？', content: '发布后居民和红色小管家就能看到并回答，问题不能再修改。' },
  open: { to: 'closed', label: '结束征集', title: '结束这项征集吗？', content: '结束后不再接受回答，已有的结果保留；以后可以重新开放。' },
  closed: { to: 'open', label: '重新开放', title: '重新开放这项征集吗？', content: '重新开放后，居民和红色小管家可以继续回答。' },
};

/** A survey for the committee: a draft to edit and publish; once published, its results, close or reopen, CSV. */
export default function AdminSurveyPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: results, error, load } = useLoaded(session ? () => staffCall(stewardsApi.getSurveyResults, { params: { id } }) : null, [id], {
    missing: id ? undefined : '没有指定征集',
  });
  const survey = results?.survey ?? null;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [moving, setMoving] = useState(false);
  const [dialog, confirm] = useConfirm();
  const csv = useCsvExport();

  if (!session) return <LoadingState text='正在前往登录…' />;

  const move = async () => {
    if (!survey) return;
    const m = MOVE_TEXT[survey.status];
    if (!m) return;
    const ok = await confirm({ title: m.title, content: m.content, confirmText: m.label, cancelText: '取消' });
    if (!ok) return;
    setMoving(true);
    try {
      await staffCall(stewardsApi.moveSurvey, { params: { id: survey.id }, body: { to: m.to, version: survey.version } });
      setNote({ kind: 'ok', text: `已${m.label}。` });
      await load();
    } catch (err) {
      setNote({ kind: 'error', text: err instanceof ApiError && err.kind.endsWith('stale-version') ? '这项征集刚被其他人修改过，已为您刷新。' : errorMessage(err) });
      await load();
    } finally {
      setMoving(false);
    }
  };

  const m = survey ? MOVE_TEXT[survey.status] : undefined;
  return (
    <AdminShell sections={ADMIN_SECTIONS} current='stewards' session={session}>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!survey && !error ? <LoadingState /> : null}
      {survey && results ? (
        <>
          <Html tag='div' className='gz-item-head'>
            <Html tag='h1' className='gz-h1'>
              {survey.title}
            </Html>
            <Html tag='span' className='gz-tag-new'>{SURVEY_STATUS_TEXT[survey.status]}</Html>
          </Html>
          {note ? <Notice kind={note.kind}>{note.text}</Notice> : null}
          {editing ? (
            <SurveyForm
              survey={survey}
              onSaved={() => {
                setEditing(false);
                setNote({ kind: 'ok', text: '草稿已保存。' });
                void load();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <Html tag='p' className='gz-text'>
                {survey.status === 'draft'
                  ? `草稿，共 ${survey.questions.length} 个问题。发布后居民才能看到。`
                  : `共 ${results.responses} 份回答：居民自己回答 ${results.byVia.resident} 份，红色小管家代为记录 ${results.byVia.steward} 份。`}
              </Html>
              <Html tag='div' className='gz-button-row'>
                {survey.status === 'draft' ? (
                  <Button inline onClick={() => { setNote(undefined); setEditing(true); }}>
                    修改草稿
                  </Button>
                ) : (
                  <Button inline variant='plain' loading={csv.exporting} onClick={() => void csv.run(() => staffCall(stewardsApi.exportSurveyResults, { params: { id: survey.id } }))}>
                    {csv.exporting ? '正在导出…' : '导出 CSV'}
                  </Button>
                )}
                {m ? (
                  <Button inline variant={survey.status === 'open' ? 'danger' : 'primary'} loading={moving} onClick={() => void move()}>
                    {m.label}
                  </Button>
                ) : null}
              </Html>
              {csv.exported ? <Notice kind={csv.exported.kind}>{csv.exported.text}</Notice> : null}
              {results.questions.map((q, i) => (q.kind === 'choice' ? <ChoiceResultView key={q.id} q={q} index={i} /> : <TextResultView key={q.id} q={q} index={i} />))}
            </>
          )}
        </>
      ) : null}
      <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/surveys/index')}>
        返回民意征集
      </Button>
      {dialog}
    </AdminShell>
  );
}
