import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { UpdateVenueBody, VenueBody, type Venue, teamsApi } from '@shared/api/teams';
import { ApiError, RetryKey, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { backOrRedirect } from '../../../components/nav';
import { Button, Html, useConfirm, useUniqueId } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { VenueForm } from './VenueForm';
import { draftChanged, newVenueDraft, seasonText, venueBodyOf, venueDraftOf, type VenueDraft } from './venueForm';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; venues: Venue[] };

/** The form open: a new venue (no id), or a venue being changed with the version it was read at. */
interface Editing {
  venue?: Venue;
  draft: VenueDraft;
  /** As it was when the form opened: leaving with changes asks first. */
  original: VenueDraft;
}

const hoursText = (rs: readonly { start: string; end: string }[]) => rs.map((r) => `${r.start}–${r.end}`).join('、');

/**
 * The venues teams dance at (场地管理): how many teams each holds at once, its allowed hours, seasonal rules and a
 * note. The committee adds and changes them; a change saved by a colleague meanwhile is never overwritten (the
 * page says so and shows theirs). Teams already registered keep their places when a venue changes.
 */
export default function VenuesPage() {
  const session = useSession('staff');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [dialog, confirm] = useConfirm();
  const retryKey = useRef(new RetryKey());
  const titleId = useUniqueId('venues-title');

  const fetchVenues = useCallback(async (): Promise<Venue[] | undefined> => {
    setLoad((l) => (l.state === 'ready' ? l : { state: 'loading' }));
    try {
      const { items } = await staffCall(teamsApi.listVenues);
      setLoad({ state: 'ready', venues: items });
      return items;
    } catch (err) {
      setLoad({ state: 'error', message: errorMessage(err) });
      return undefined;
    }
  }, []);
  useEffect(() => {
    if (session) void fetchVenues();
  }, [session, fetchVenues]);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const open = (venue?: Venue) => {
    const draft = venue ? venueDraftOf(venue) : newVenueDraft();
    setEditing({ venue, draft, original: draft });
    setErrors({});
    setNotice(null);
  };

  const close = async () => {
    if (editing && draftChanged(editing.draft, editing.original)) {
      const ok = await confirm({
        title: '放弃这次修改吗？',
        content: '填写的内容还没有保存，放弃后不会留下。',
        confirmText: '放弃',
        cancelText: '继续填写',
        destructive: true,
      });
      if (!ok) return;
    }
    setEditing(null);
    setErrors({});
  };

  const save = async () => {
    if (!editing || saving) return;
    setNotice(null);
    const body = venueBodyOf(editing.draft);
    const venue = editing.venue;
    const parsed = venue ? UpdateVenueBody.safeParse({ ...body, version: venue.version }) : VenueBody.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      setNotice({ kind: 'error', text: '有几处需要修改，请看各项下面的提示。' });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = venue
        ? await staffCall(teamsApi.updateVenue, { params: { id: venue.id }, body: { ...body, version: venue.version } })
        : await staffCall(teamsApi.createVenue, { body }, { idempotencyKey: retryKey.current.keyFor(body) });
      retryKey.current.reset();
      setEditing(null);
      setNotice({ kind: 'ok', text: venue ? `已保存「${saved.name}」。` : `已添加场地「${saved.name}」。` });
      await fetchVenues();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && venue) {
        // a colleague saved first: show theirs, to change again from there
        const latest = (await fetchVenues())?.find((v) => v.id === venue.id);
        if (latest) {
          const draft = venueDraftOf(latest);
          setEditing({ venue: latest, draft, original: draft });
        }
        setNotice({ kind: 'error', text: '其他工作人员刚刚修改了这个场地，下面是最新的内容，请在此基础上重新修改。' });
      } else {
        if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
        setNotice({ kind: 'error', text: errorMessage(err) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='teams' session={session}>
      <Html tag='h1' className='gz-h1'>
        场地管理
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        舞队备案时从这里选场地。每个场地可同时容纳的队伍数、允许活动的时间和季节规则，决定哪些时段能够备案。
      </Html>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}

      {editing ? (
        <VenueForm
          title={editing.venue ? `修改场地：${editing.venue.name}` : '新增场地'}
          draft={editing.draft}
          onChange={(draft) => setEditing({ ...editing, draft })}
          errors={errors}
          saving={saving}
          submitLabel={editing.venue ? '保存修改' : '添加场地'}
          onSubmit={() => void save()}
          onCancel={() => void close()}
        />
      ) : load.state === 'loading' ? (
        <LoadingState />
      ) : load.state === 'error' ? (
        <ErrorState message={load.message} onRetry={() => void fetchVenues()} />
      ) : (
        <>
          <Html tag='div' className='gz-row'>
            <Html tag='h2' className='gz-h2' id={titleId}>
              {`共 ${load.venues.length} 个场地`}
            </Html>
            <Button inline variant='primary' onClick={() => open()}>
              新增场地
            </Button>
          </Html>
          {load.venues.length ? (
            <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
              {load.venues.map((v) => (
                <Html tag='li' className='gz-card' key={v.id}>
                  <Html tag='p' className='gz-item-title'>
                    {v.name}
                  </Html>
                  <Html tag='dl' className='gz-dl'>
                    <Html tag='div' className='gz-dl-row'>
                      <Html tag='dt' className='gz-dt'>
                        同时容纳
                      </Html>
                      <Html tag='dd' className='gz-dd'>
                        {`${v.capacity} 支队伍`}
                      </Html>
                    </Html>
                    <Html tag='div' className='gz-dl-row'>
                      <Html tag='dt' className='gz-dt'>
                        允许时间
                      </Html>
                      <Html tag='dd' className='gz-dd'>
                        {hoursText(v.allowedHours)}
                      </Html>
                    </Html>
                    {v.seasonalRules.length ? (
                      <Html tag='div' className='gz-dl-row'>
                        <Html tag='dt' className='gz-dt'>
                          季节规则
                        </Html>
                        <Html tag='dd' className='gz-dd'>
                          {v.seasonalRules.map(seasonText).join('；')}
                        </Html>
                      </Html>
                    ) : null}
                    {v.note ? (
                      <Html tag='div' className='gz-dl-row'>
                        <Html tag='dt' className='gz-dt'>
                          备注
                        </Html>
                        <Html tag='dd' className='gz-dd'>
                          {v.note}
                        </Html>
                      </Html>
                    ) : null}
                  </Html>
                  <Html tag='div' className='gz-button-row'>
                    <Button inline variant='plain' onClick={() => open(v)} accessibleName={`修改「${v.name}」`}>
                      修改
                    </Button>
                    <Button
                      inline
                      variant='plain'
                      onClick={() => void Taro.navigateTo({ url: `/packages/admin/timetable/index?venue=${v.id}` })}
                      accessibleName={`查看「${v.name}」的时间表`}
                    >
                      时间表
                    </Button>
                  </Html>
                </Html>
              ))}
            </Html>
          ) : (
            <EmptyState title='还没有场地。添加后，队长备案时就能选择。' />
          )}
          <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/teams/index')}>
            返回舞队列表
          </Button>
        </>
      )}
      {dialog}
    </AdminShell>
  );
}
