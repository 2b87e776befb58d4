import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SlotCheck, TeamForm, type Team, type Venue, teamsApi } from '@shared/api/teams';
import type { z } from 'zod';
import { ApiError, RetryKey, call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { discardDraft, readDraft, useKeepDraft } from '../../../components/draft';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { venueRulesText } from '../../../components/teams/teamText';
import { Button, Checkbox, Form, Html, SelectField, TextField, useConfirm } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { SlotEditor, type SlotDraft } from '../SlotEditor';

interface Draft {
  name: string;
  phone: string;
  venueId: string;
  slots: SlotDraft[];
  expectedSize: string;
  usesLoudspeaker: boolean;
  volumeLimitDb: string;
  volumeCommitment: string;
}

const EMPTY: Draft = {
  name: '',
  phone: '',
  venueId: '',
  slots: [{ day: 1, start: '19:00', end: '20:30' }],
  expectedSize: '',
  usesLoudspeaker: false,
  volumeLimitDb: '',
  volumeCommitment: '',
};

const fromTeam = (t: Team): Draft => ({
  name: t.name,
  phone: t.phone,
  venueId: t.venue.id,
  slots: t.slots.map((s) => ({ ...s })),
  expectedSize: String(t.expectedSize),
  usesLoudspeaker: t.usesLoudspeaker,
  volumeLimitDb: t.volumeLimitDb === undefined ? '' : String(t.volumeLimitDb),
  volumeCommitment: t.volumeCommitment ?? '',
});

const digits = (s: string) => s.replace(/\D/g, '');
const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));
const toBody = (d: Draft) => ({
  name: d.name,
  phone: digits(d.phone),
  venueId: d.venueId,
  slots: d.slots,
  expectedSize: numberOrUndefined(d.expectedSize),
  usesLoudspeaker: d.usesLoudspeaker,
  volumeLimitDb: d.usesLoudspeaker ? numberOrUndefined(d.volumeLimitDb) : undefined,
  volumeCommitment: d.usesLoudspeaker && d.volumeCommitment.trim() ? d.volumeCommitment : undefined,
});

type Problems = z.infer<typeof SlotCheck>['problems'];

/**
 * A leader files a team (备案), or edits a draft or a filing the committee sent back: name, contact number,
 * venue, weekly slots, size, loudspeaker and the volume commitment. While they pick slots the page asks the
 * server's slot check (quiet hours, places left at the venue, overlaps) and writes each problem under its slot:
 * the same rule that will decide the submission. Saving keeps it as a draft; submitting is on the team's page,
 * once the members have accepted the rules.
 */
export default function TeamFilingPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const id = params.id ?? '';
  const draftKey = `gongzhi.teams.filing.${session?.user.id ?? ''}`;
  const [team, setTeam] = useState<Team | null>(null);
  const [venues, setVenues] = useState<Venue[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [restored] = useState(() => (session && !id ? readDraft<Draft>(draftKey) : undefined));
  const [form, setForm] = useState<Draft>(() => restored ?? EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [problems, setProblems] = useState<Problems>([]);
  const [saving, setSaving] = useState(false);
  const retryKey = useRef(new RetryKey());
  const [dialog, confirm] = useConfirm();
  const typed = !id && JSON.stringify(form) !== JSON.stringify(EMPTY);
  useKeepDraft(draftKey, form, Boolean(session) && typed);

  useEffect(() => {
    if (!session) return;
    let live = true;
    Promise.all([call(teamsApi.listVenues), id ? call(teamsApi.getTeam, { params: { id } }) : Promise.resolve(null)]).then(
      ([v, t]) => {
        if (!live) return;
        setVenues(v.items);
        if (t) {
          setTeam(t);
          setForm(fromTeam(t));
        }
      },
      (err: unknown) => live && setLoadError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [session, id]);

  // The slot check, a moment after the last change (not on every tap).
  const slotsKey = JSON.stringify([form.venueId, form.slots]);
  useEffect(() => {
    if (!session || !form.venueId) return setProblems([]);
    const body = { venueId: form.venueId, slots: form.slots, ...(id ? { teamId: id } : {}) };
    let live = true;
    const timer = setTimeout(() => {
      call(teamsApi.checkTeamSlots, { body }).then(
        (r) => live && setProblems(r.problems),
        () => live && setProblems([]),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // slotsKey stands for the venue and the slots
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, slotsKey, id]);

  const venue = useMemo(() => venues?.find((v) => v.id === form.venueId), [venues, form.venueId]);
  if (!session) return <LoadingState text='正在前往登录…' />;
  if (loadError) return <ErrorState message={loadError} />;
  if (!venues || (id && !team)) return <LoadingState />;
  const editable = !team || team.status === 'draft' || team.status === 'changes_requested';

  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  const save = async () => {
    if (saving) return;
    setFormError(undefined);
    const body = toBody(form);
    const parsed = TeamForm.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      setFormError('还有内容没有填好，请按红字提示修改');
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = team
        ? await call(teamsApi.updateTeamDraft, { params: { id: team.id }, body: { ...parsed.data, version: team.version } })
        : await call(teamsApi.createTeamDraft, { body: parsed.data }, { idempotencyKey: retryKey.current.keyFor(parsed.data) });
      retryKey.current.reset();
      discardDraft(draftKey);
      await Taro.redirectTo({ url: `/packages/teams/detail/index?id=${saved.id}&saved=1` });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.kind.endsWith('stale-version')) {
        setFormError('这份备案刚刚在别处被修改过，请返回舞队页面查看最新内容后再修改。');
      } else {
        if (err instanceof ApiError) setErrors(err.fieldErrors);
        setFormError(errorMessage(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const leave = async () => {
    if (typed) {
      const ok = await confirm({ title: '确定离开吗？', content: '填写的内容会保留在本机，下次打开备案页时可以接着填。', confirmText: '离开', cancelText: '继续填写' });
      if (!ok) return;
    }
    if (team) await Taro.redirectTo({ url: `/packages/teams/detail/index?id=${team.id}` });
    else await Taro.redirectTo({ url: '/packages/teams/mine/index' });
  };

  const slotTrouble = problems.some((p) => p.length > 0);
  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        {team ? `修改备案：${team.name}` : '备案新舞队'}
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        填好后先保存为草稿；队员都确认规章后，在舞队页面提交社区审核。您是队长，会自动成为第一名队员。
      </Html>
      {restored ? <Notice kind='ok'>已恢复您上次没有保存的内容，请检查后保存。</Notice> : null}
      {team?.status === 'changes_requested' && team.history.at(-1)?.reason ? (
        <Notice kind='error'>{`社区请您修改：${team.history.at(-1)!.reason}`}</Notice>
      ) : null}
      {!editable ? <Notice kind='error'>这份备案正在审核或已经办结，不能修改。</Notice> : null}
      {formError ? <Notice kind='error'>{formError}</Notice> : null}

      <Form onSubmit={() => void save()}>
        <TextField id='team-name' label='队伍名称' value={form.name} onChange={set('name')} placeholder='例如：青年新苑晨光舞蹈队' maxLength={30} error={errors.name} />
        <TextField
          id='team-phone'
          label='队长联系电话'
          kind='tel'
          value={form.phone}
          onChange={set('phone')}
          placeholder='11 位手机号码'
          hint='完整号码只有社区工作人员能看到，其他人看到的是 138****5678 这样的。'
          maxLength={20}
          autoComplete='tel'
          error={errors.phone}
        />
        <SelectField
          id='team-venue'
          label='活动场地'
          emptyLabel='请选择场地'
          value={form.venueId}
          options={venues.map((v) => ({ value: v.id, label: v.name }))}
          onChange={set('venueId')}
          hint={venue ? venueRulesText(venue) : venues.length ? undefined : '社区还没有登记场地，请联系社区。'}
          error={errors.venueId}
        />
        <SlotEditor slots={form.slots} onChange={set('slots')} problems={problems} errors={errors} />
        {slotTrouble ? <Notice kind='error'>有时段与场地规定冲突，请按提示调整后再提交审核（草稿可以先保存）。</Notice> : null}
        <TextField
          id='team-size'
          label='预计人数'
          kind='tel'
          value={form.expectedSize}
          onChange={set('expectedSize')}
          placeholder='例如：20'
          maxLength={3}
          error={errors.expectedSize}
        />
        <Checkbox id='team-speaker' switch label='使用音响' checked={form.usesLoudspeaker} onChange={set('usesLoudspeaker')} />
        {form.usesLoudspeaker ? (
          <>
            <TextField
              id='team-volume-commitment'
              label='音量承诺'
              multiline
              value={form.volumeCommitment}
              onChange={set('volumeCommitment')}
              placeholder='例如：音量控制在 60 分贝以内，21:00 前结束'
              maxLength={200}
              error={errors.volumeCommitment}
            />
            <TextField
              id='team-volume-db'
              label='最高音量（分贝）'
              optional
              kind='tel'
              value={form.volumeLimitDb}
              onChange={set('volumeLimitDb')}
              placeholder='例如：60'
              hint='在场地边上测量，40–85 分贝。'
              maxLength={2}
              error={errors.volumeLimitDb}
            />
          </>
        ) : null}
        <Button type='submit' variant='primary' loading={saving} disabled={!editable}>
          {saving ? '正在保存…' : '保存草稿'}
        </Button>
      </Form>
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void leave()}>
          {team ? '返回舞队页面' : '返回我的舞队'}
        </Button>
      </Html>
      {dialog}
    </Html>
  );
}
