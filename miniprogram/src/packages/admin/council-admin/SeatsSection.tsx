import { useEffect, useState } from 'react';
import { ChangeSeatBody, SeatBody, type Council, type CouncilSeat, councilApi } from '@shared/api/council';
import { SEAT_ROLES, SEAT_ROLE_LABELS, type SeatRole } from '@shared/council/seats';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { chinaToday } from '../../../components/format';
import { Button, ChoiceGroup, Form, Html, SelectField, TextField, useConfirm, useUniqueId } from '../../../components/ui';
import { identityApi } from '@shared/api/identity';

const ROLE_OPTIONS = SEAT_ROLES.map((value) => ({ value, label: SEAT_ROLE_LABELS[value] }));
const DAY = 86_400_000;

/** A term in words: 在任, or when it starts or ended. */
const termState = (s: CouncilSeat, today: string): string =>
  s.inTerm ? '在任' : s.termStart > today ? `${s.termStart} 起任` : '已卸任';

/** The server's `seat-problems` name each problem; the sentence is in `errors`, else in `detail`. */
const seatError = (err: unknown): string =>
  err instanceof ApiError && err.problem.errors?.length ? err.problem.errors.map((e) => e.message).join('；') : errorMessage(err);

/** The committee seats a person: party, name (or a red steward's account), role and term. */
function AddSeatForm({ council, onSaved, onCancel }: { council: Council; onSaved: (c: Council, name: string) => void; onCancel: () => void }) {
  const [party, setParty] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<SeatRole>('member');
  const [termStart, setTermStart] = useState(() => chinaToday());
  const [termEnd, setTermEnd] = useState(() => chinaToday(Date.now() + 3 * 365 * DAY));
  const [userId, setUserId] = useState('');
  const [stewards, setStewards] = useState<{ id: string; name: string }[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('add-seat');

  useEffect(() => {
    staffCall(identityApi.listStewards)
      .then((r) => setStewards(r.items))
      .catch(() => {
        /* seating by name works without the list */
      });
  }, []);

  const pickAccount = (id: string) => {
    setUserId(id);
    const s = stewards.find((x) => x.id === id);
    if (s) setName(s.name);
  };

  const save = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = SeatBody.safeParse({ party: party || undefined, name, role, termStart: termStart.trim(), termEnd: termEnd.trim(), userId: userId || undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      onSaved(await staffCall(councilApi.seatCouncilMember, { params: { id: council.id }, body: parsed.data }), parsed.data.name);
    } catch (err) {
      setError(seatError(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId} className='gz-card'>
      <Html tag='h3' className='gz-h3' id={titleId}>
        增加成员
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <SelectField
        id='seat-party'
        label='界别'
        value={party}
        options={council.parties.map((p) => ({ value: p.name, label: `${p.name}（已有 ${p.seated}/${p.seats} 席）` }))}
        onChange={setParty}
        emptyLabel='请选择'
        error={errors.party}
      />
      {stewards.length ? (
        <SelectField
          id='seat-account'
          label='小程序账号'
          optional
          value={userId}
          options={stewards.map((s) => ({ value: s.id, label: `${s.name}（红色小管家）` }))}
          onChange={pickAccount}
          emptyLabel='不选（生成认领码，本人认领后可在小程序投票）'
          hint='选了账号，本人马上可以在小程序参加议事；不选，请把认领码告诉本人。'
        />
      ) : null}
      <TextField id='seat-name' label='姓名' value={name} onChange={setName} maxLength={20} error={errors.name} />
      <ChoiceGroup id='seat-role' legend='角色' options={ROLE_OPTIONS} value={role} onChange={setRole} error={errors.role} hint='每个议事会只有一位召集人：由召集人安排议题和投票。' />
      <Html tag='div' className='gz-field-pair'>
        <TextField id='seat-start' label='任期开始' value={termStart} onChange={setTermStart} placeholder='2026-01-01' maxLength={10} error={errors.termStart} />
        <TextField id='seat-end' label='任期结束' value={termEnd} onChange={setTermEnd} placeholder='2028-12-31' maxLength={10} error={errors.termEnd} />
      </Html>
      <Button type='submit' variant='primary' loading={sending}>
        增加
      </Button>
      <Button variant='plain' onClick={onCancel}>
        取消
      </Button>
    </Form>
  );
}

/** A seat's role or term changed; ending the term today is how someone leaves (asked first). */
function ChangeSeatForm({ council, seat, onSaved, onCancel }: { council: Council; seat: CouncilSeat; onSaved: (c: Council, text: string) => void; onCancel: () => void }) {
  const [role, setRole] = useState<SeatRole>(seat.role);
  const [termStart, setTermStart] = useState(seat.termStart);
  const [termEnd, setTermEnd] = useState(seat.termEnd);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const prefix = `seat-${seat.id}`;

  const send = async (end?: string) => {
    if (sending) return;
    setError(undefined);
    const parsed = ChangeSeatBody.safeParse({ seatId: seat.id, role, termStart: termStart.trim(), termEnd: (end ?? termEnd).trim() });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    if (end) {
      const ok = await confirm({
        title: `${seat.name} 今天卸任吗？`,
        content: '卸任后不能再参加之后的讨论和投票；已经开始投票的议题，名单不变。',
        confirmText: '卸任',
        cancelText: '取消',
        destructive: true,
      });
      if (!ok) return;
    }
    setSending(true);
    try {
      onSaved(await staffCall(councilApi.changeCouncilSeat, { params: { id: council.id }, body: parsed.data }), end ? `${seat.name} 已卸任。` : `已保存 ${seat.name} 的任期和角色。`);
    } catch (err) {
      setError(seatError(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void send()}>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <ChoiceGroup id={`${prefix}-role`} legend={`${seat.name} 的角色`} options={ROLE_OPTIONS} value={role} onChange={setRole} error={errors.role} />
      <Html tag='div' className='gz-field-pair'>
        <TextField id={`${prefix}-start`} label='任期开始' value={termStart} onChange={setTermStart} maxLength={10} error={errors.termStart} />
        <TextField id={`${prefix}-end`} label='任期结束' value={termEnd} onChange={setTermEnd} maxLength={10} error={errors.termEnd} />
      </Html>
      <Html tag='div' className='gz-button-row'>
        <Button type='submit' inline variant='primary' loading={sending}>
          保存
        </Button>
        {seat.inTerm ? (
          <Button inline variant='danger' onClick={() => void send(chinaToday(Date.now() - DAY))}>
            今天卸任
          </Button>
        ) : null}
        <Button inline variant='plain' onClick={onCancel}>
          取消
        </Button>
      </Html>
      {dialog}
    </Form>
  );
}

/**
 * Seats by party, for the committee: every seat (past and future too) with its role, term, and whether its holder
 * votes in the mini-program — or the code to give them so they can. Seating and changes are here.
 */
export function SeatsSection({ council, onChanged }: { council: Council; onChanged: (c: Council) => void }) {
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<string | null>(null);
  const [done, setDone] = useState<string>();
  const titleId = useUniqueId('seats-title');
  const today = chinaToday();

  const saved = (c: Council, text: string) => {
    onChanged(c);
    setDone(text);
    setAdding(false);
    setChanging(null);
  };

  return (
    <Html tag='section' aria-labelledby={titleId}>
      <Html tag='div' className='gz-row'>
        <Html tag='h2' className='gz-h2' id={titleId}>
          成员与席位
        </Html>
      </Html>
      {done ? <Notice kind='ok'>{done}</Notice> : null}
      {adding ? (
        <AddSeatForm council={council} onSaved={(c, name) => saved(c, `已增加 ${name}。`)} onCancel={() => setAdding(false)} />
      ) : (
        <Button variant='primary' expanded={false} onClick={() => setAdding(true)}>
          增加成员
        </Button>
      )}
      {council.parties.map((p) => {
        const seats = council.members.filter((m) => m.party === p.name);
        return (
          <Html tag='section' className='gz-card' key={p.name} aria-label={p.name}>
            <Html tag='h3' className='gz-h3'>
              {`${p.name}（在任 ${p.seated}/${p.seats} 席）`}
            </Html>
            {seats.length ? (
              <Html tag='ul' className='gz-list'>
                {seats.map((s) => (
                  <Html tag='li' className='gz-member' key={s.id}>
                    <Html tag='p' className='gz-item-title'>
                      {`${s.name} · ${SEAT_ROLE_LABELS[s.role]} · ${termState(s, today)}`}
                    </Html>
                    <Html tag='p' className='gz-meta'>
                      {`任期 ${s.termStart} 至 ${s.termEnd}`}
                    </Html>
                    <Html tag='p' className='gz-meta'>
                      {s.hasAccount ? '已绑定小程序，可在线投票' : s.claimCode ? `认领码 ${s.claimCode}（请告诉本人，在小程序“议事会”中认领）` : '未绑定小程序：现场投票'}
                    </Html>
                    {changing === s.id ? (
                      <ChangeSeatForm council={council} seat={s} onSaved={saved} onCancel={() => setChanging(null)} />
                    ) : (
                      <Button inline expanded={false} accessibleName={`调整任期或角色（${s.name}）`} onClick={() => setChanging(s.id)}>
                        调整任期或角色
                      </Button>
                    )}
                  </Html>
                ))}
              </Html>
            ) : (
              <Html tag='p' className='gz-text gz-muted'>
                暂无成员
              </Html>
            )}
          </Html>
        );
      })}
    </Html>
  );
}
