import { useCallback, useEffect, useState } from 'react';
import { CompoundListBody, identityApi } from '@shared/api/identity';
import { ApiError, errorMessage, staffCall, zodFieldErrors } from '../../../api';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { Button, Form, Html, TextField, useConfirm, useUniqueId } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';

const NAME_MAX = CompoundListBody.shape.names.element.maxLength ?? undefined;

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready' };

/**
 * The community's compounds (小区): the list residents pick from when they report, and what the statistics and
 * the queue's filter group by. Staff add, rename, reorder and remove, then save the whole list at once; if a
 * colleague saved meanwhile, nothing is overwritten: the page says so and shows their list.
 */
export default function CompoundsPage() {
  const session = useSession('staff');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [names, setNames] = useState<string[]>([]);
  const [saved, setSaved] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('compounds-title');
  const addId = useUniqueId('compound-new');

  const fetchList = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      const list = await staffCall(identityApi.listCompounds);
      setNames(list.names);
      setSaved(list.names);
      setVersion(list.version);
      setLoad({ state: 'ready' });
    } catch (err) {
      setLoad({ state: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    if (session) void fetchList();
  }, [session, fetchList]);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const changed = names.join('\n') !== saved.join('\n');

  const add = () => {
    const name = adding.trim();
    const parsed = CompoundListBody.shape.names.safeParse([...names, name]);
    if (!name) return setAddError('请填写小区名称');
    if (!parsed.success) return setAddError(Object.values(zodFieldErrors(parsed.error.issues))[0]);
    setNames([...names, name]);
    setAdding('');
    setAddError(undefined);
    setNotice(null);
  };

  const move = (i: number, by: -1 | 1) => {
    const next = [...names];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setNames(next);
  };

  const remove = async (name: string) => {
    const ok = await confirm({
      title: `删除「${name}」吗？`,
      content: '删除后居民反映问题时不能再选这个小区；已经提交的反馈和统计不受影响。保存后才生效。',
      confirmText: '删除',
      cancelText: '保留',
      destructive: true,
    });
    if (ok) setNames((n) => n.filter((x) => x !== name));
  };

  const save = async () => {
    setNotice(null);
    const parsed = CompoundListBody.safeParse({ names, version });
    if (!parsed.success) return setNotice({ kind: 'error', text: Object.values(zodFieldErrors(parsed.error.issues))[0] ?? '名单有误' });
    setSaving(true);
    try {
      const list = await staffCall(identityApi.updateCompounds, { body: parsed.data });
      setNames(list.names);
      setSaved(list.names);
      setVersion(list.version);
      setNotice({ kind: 'ok', text: `已保存，共 ${list.names.length} 个小区。` });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await fetchList();
        setNotice({ kind: 'error', text: '其他工作人员刚刚修改并保存了小区名单，下面是最新的名单，请在此基础上重新修改。' });
      } else setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='compounds' session={session}>
      <Html tag='h1' className='gz-h1'>
        小区名单
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        居民反映问题时从这个名单里选小区，统计和筛选也按它分组。改完请点“保存名单”。
      </Html>
      {load.state === 'loading' ? <LoadingState /> : null}
      {load.state === 'error' ? <ErrorState message={load.message} onRetry={() => void fetchList()} /> : null}
      {load.state === 'ready' ? (
        <>
          <Html tag='h2' className='gz-h2' id={titleId}>
            {`共 ${names.length} 个小区`}
          </Html>
          <Html tag='ol' className='gz-list gz-compounds' aria-labelledby={titleId}>
            {names.map((name, i) => (
              <Html tag='li' className='gz-card gz-compound' key={name}>
                <Html tag='p' className='gz-item-title'>
                  {name}
                </Html>
                <Html tag='div' className='gz-compound-actions'>
                  <Button inline variant='plain' disabled={i === 0} onClick={() => move(i, -1)} accessibleName={`把「${name}」上移`}>
                    上移
                  </Button>
                  <Button inline variant='plain' disabled={i === names.length - 1} onClick={() => move(i, 1)} accessibleName={`把「${name}」下移`}>
                    下移
                  </Button>
                  <Button inline variant='danger' onClick={() => void remove(name)} accessibleName={`删除「${name}」`}>
                    删除
                  </Button>
                </Html>
              </Html>
            ))}
          </Html>

          <Form onSubmit={add} className='gz-filter-search'>
            <TextField id={addId} label='新增小区' value={adding} onChange={setAdding} placeholder='例如：青年新苑' maxLength={NAME_MAX} error={addError} />
            <Button inline type='submit'>
              添加
            </Button>
          </Form>

          {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
          <Button variant='primary' loading={saving} disabled={!changed} onClick={() => void save()}>
            {changed ? '保存名单' : '名单没有改动'}
          </Button>
        </>
      ) : null}
      {dialog}
    </AdminShell>
  );
}
