import { useCallback, useEffect, useState } from 'react';
import { PublishDanceRulesBody, type DanceRules, teamsApi } from '@shared/api/teams';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { discardDraft, readDraft, useKeepDraft } from '../../../components/draft';
import { formatTime } from '../../../components/format';
import { backOrRedirect } from '../../../components/nav';
import { Button, Form, Html, TextField, useConfirm, useUniqueId } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';

const TITLE_MAX = PublishDanceRulesBody.shape.title.maxLength ?? undefined;
const TEXT_MAX = PublishDanceRulesBody.shape.text.maxLength ?? undefined;
/** A new version being written survives a reload and a sign-in, until it is published. */
const DRAFT_KEY = 'gongzhi.admin.danceRulesDraft';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; rules: DanceRules | null };
interface Draft {
  title: string;
  text: string;
}

/** The version in force, or none yet (the server answers 404 `no-dance-rules`). */
const fetchCurrent = async (): Promise<DanceRules | null> => {
  try {
    return await staffCall(teamsApi.getCurrentDanceRules);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
};

/**
 * The dance rules (广场舞规章制度): the version in force — what every member reads and accepts — and a new version
 * written from it. Publishing asks first: every member of every team is asked to accept again, and a team is
 * approvable only once all its members have.
 */
export default function DanceRulesPage() {
  const session = useSession('staff');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<Draft | null>(() => readDraft<Draft>(DRAFT_KEY) ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [dialog, confirm] = useConfirm();
  const currentTitleId = useUniqueId('rules-current');
  const formTitleId = useUniqueId('rules-form');
  const titleFieldId = useUniqueId('rules-title');
  const textFieldId = useUniqueId('rules-text');

  const fetchRules = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      const rules = await fetchCurrent();
      setLoad({ state: 'ready', rules });
      return rules;
    } catch (err) {
      setLoad({ state: 'error', message: errorMessage(err) });
      return undefined;
    }
  }, []);
  useEffect(() => {
    if (session) void fetchRules();
  }, [session, fetchRules]);

  const current = load.state === 'ready' ? load.rules : null;
  // the form starts from the text in force: a new version is usually a change to it
  const shown: Draft = draft ?? { title: current?.title ?? '', text: current?.text ?? '' };
  const changed = Boolean(current ? shown.title.trim() !== current.title || shown.text.trim() !== current.text : shown.title.trim() || shown.text.trim());
  useKeepDraft(DRAFT_KEY, shown, draft !== null && changed);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const edit = (part: Partial<Draft>) => {
    setDraft({ ...shown, ...part });
    setErrors({});
    setNotice(null);
  };

  const revert = async () => {
    const ok = await confirm({
      title: '撤销修改吗？',
      content: '您填写的内容会被清除，表单恢复为现行规章。',
      confirmText: '撤销',
      cancelText: '保留',
      destructive: true,
    });
    if (!ok) return;
    setDraft(null);
    setErrors({});
    setNotice(null);
  };

  const publish = async () => {
    if (publishing || load.state !== 'ready') return;
    setNotice(null);
    const previousVersion = current?.version ?? 0;
    const parsed = PublishDanceRulesBody.safeParse({ title: shown.title, text: shown.text, previousVersion });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    if (!changed) {
      setNotice({ kind: 'error', text: '内容和现行规章一样，请修改后再发布。' });
      return;
    }
    const next = previousVersion + 1;
    const ok = await confirm({
      title: `发布第 ${next} 版规章吗？`,
      content: '发布后，所有舞队的每一位队员都要重新阅读并确认新版规章；队员全部确认之前，队伍的备案不能通过审核。',
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!ok) return;
    setPublishing(true);
    try {
      const rules = await staffCall(teamsApi.publishDanceRules, { body: parsed.data });
      discardDraft(DRAFT_KEY);
      setDraft(null);
      setLoad({ state: 'ready', rules });
      setNotice({ kind: 'ok', text: `已发布第 ${rules.version} 版规章，队员打开小程序时会被请求重新确认。` });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // a colleague published meanwhile: theirs is shown above, what was typed here stays in the form
        await fetchRules();
        setNotice({ kind: 'error', text: '其他工作人员刚刚发布了新版本，上面是现在的规章。您填写的内容还在，请对照后再发布。' });
      } else {
        if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
        setNotice({ kind: 'error', text: errorMessage(err) });
      }
    } finally {
      setPublishing(false);
    }
  };

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='teams' session={session}>
      <Html tag='h1' className='gz-h1'>
        广场舞规章
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        每位队员都要阅读并确认现行规章；修订后发布新版本，所有队员会被请求重新确认。
      </Html>
      {load.state === 'loading' ? <LoadingState /> : null}
      {load.state === 'error' ? <ErrorState message={load.message} onRetry={() => void fetchRules()} /> : null}
      {load.state === 'ready' ? (
        <>
          <Html tag='section' className='gz-card' aria-labelledby={currentTitleId}>
            <Html tag='h2' className='gz-h2' id={currentTitleId}>
              {current ? `现行规章（第 ${current.version} 版）` : '现行规章'}
            </Html>
            {current ? (
              <>
                <Html tag='p' className='gz-item-title'>
                  {current.title}
                </Html>
                <Html tag='p' className='gz-meta'>
                  {`${formatTime(current.publishedAt)} 由 ${current.publishedByName} 发布`}
                </Html>
                <Html tag='p' className='gz-text gz-pre gz-rules-text'>
                  {current.text}
                </Html>
              </>
            ) : (
              <Html tag='p' className='gz-text'>
                社区还没有发布广场舞规章。发布之前，舞队不能提交备案，也不能通过审核。
              </Html>
            )}
          </Html>

          <Html tag='section' className='gz-card' aria-labelledby={formTitleId}>
            <Html tag='h2' className='gz-h2' id={formTitleId}>
              {`发布第 ${(current?.version ?? 0) + 1} 版`}
            </Html>
            {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
            {draft && changed ? (
              <Html tag='p' className='gz-text gz-muted'>
                下面是您还没有发布的修改。
              </Html>
            ) : null}
            <Form onSubmit={() => void publish()} className='gz-rules-form'>
              <TextField
                id={titleFieldId}
                label='标题'
                value={shown.title}
                onChange={(title) => edit({ title })}
                placeholder='例如：青年社区广场舞活动规章'
                maxLength={TITLE_MAX}
                error={errors.title}
                disabled={publishing}
              />
              <TextField
                id={textFieldId}
                label='规章内容'
                multiline
                value={shown.text}
                onChange={(text) => edit({ text })}
                placeholder='一条一行，例如：一、活动时间：按场地允许的时间活动……'
                hint='在现行规章的基础上修改。每条一行，队员会逐条阅读。'
                maxLength={TEXT_MAX}
                error={errors.text}
                disabled={publishing}
              />
              <Button type='submit' variant='primary' loading={publishing}>
                {publishing ? '正在发布…' : `发布第 ${(current?.version ?? 0) + 1} 版`}
              </Button>
              {draft && changed ? (
                <Button
                  variant='plain'
                  disabled={publishing}
                  onClick={() => void revert()}
                >
                  撤销修改，恢复现行内容
                </Button>
              ) : null}
            </Form>
          </Html>
          <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/teams/index')}>
            返回舞队列表
          </Button>
        </>
      ) : null}
      {dialog}
    </AdminShell>
  );
}
