import { useState } from 'react';
import { CouncilBody, type Council, councilApi } from '@shared/api/council';
import { DEFAULT_PARTIES } from '@shared/council/seats';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { Button, Form, Html, TextField, useUniqueId } from '../../../components/ui';

type PartyRow = { name: string; seats: string };

const initialParties = (council?: Council): PartyRow[] =>
  council ? council.parties.map((p) => ({ name: p.name, seats: String(p.seats) })) : DEFAULT_PARTIES.map((name) => ({ name, seats: '' }));

/**
 * The committee's form for a council: its name, purpose, and parties (界别) with their seats — a new council
 * starts with the parties the seed names (两委, 红色小管家, 妇联, 舞队, 居民代表); a party without seats is left
 * out. Editing sends the version read, so a colleague's change is not overwritten.
 */
export function CouncilForm({ council, onSaved, onCancel }: { council?: Council; onSaved: (c: Council) => void; onCancel?: () => void }) {
  const [name, setName] = useState(council?.name ?? '');
  const [purpose, setPurpose] = useState(council?.purpose ?? '');
  const [parties, setParties] = useState<PartyRow[]>(() => initialParties(council));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('council-form');

  const setParty = (i: number, patch: Partial<PartyRow>) => setParties((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  const save = async () => {
    if (sending) return;
    setError(undefined);
    // the rows as typed (kept in place, so an error names the row it is about); empty rows are left out on sending
    const kept = parties.map((p, i) => ({ p, i })).filter(({ p }) => p.name.trim() || p.seats.trim());
    const parsed = CouncilBody.safeParse({
      name,
      purpose,
      parties: kept.map(({ p }) => ({ name: p.name, seats: p.seats.trim() ? Number(p.seats) : undefined })),
    });
    if (!parsed.success) {
      // `parties.2.seats` is about the third row sent: name the row on the form
      const errs = zodFieldErrors(parsed.error.issues);
      const mapped: FieldErrors = {};
      for (const [k, v] of Object.entries(errs)) {
        const m = /^parties\.(\d+)\.(\w+)$/.exec(k);
        mapped[m ? `parties.${kept[Number(m[1])]!.i}.${m[2]}` : k] = v;
      }
      return setErrors(mapped);
    }
    setErrors({});
    setSending(true);
    try {
      const saved = council
        ? await staffCall(councilApi.updateCouncil, { params: { id: council.id }, body: { ...parsed.data, version: council.version } })
        : await staffCall(councilApi.createCouncil, { body: parsed.data });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.kind.endsWith('stale-version')) setError('这个议事会刚被其他人修改过，请刷新页面后再改。');
      else setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId} className='gz-card'>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {council ? '修改议事会' : '成立议事会'}
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <TextField id='council-name' label='议事会名称' value={name} onChange={setName} placeholder='例如：七彩阳光妇女小组议事会' maxLength={40} error={errors.name} />
      <TextField id='council-purpose' label='议事会宗旨' multiline value={purpose} onChange={setPurpose} maxLength={500} error={errors.purpose} placeholder='商议哪些事、怎样议事' />
      <Html tag='p' className='gz-label'>
        界别和席位数（不需要的界别，席位数留空即可）
      </Html>
      {errors.parties ? (
        <Html tag='p' className='gz-error'>
          {errors.parties}
        </Html>
      ) : null}
      {parties.map((p, i) => (
        <Html tag='div' className='gz-field-pair' key={i}>
          <TextField id={`party-${i}-name`} label={`界别 ${i + 1}`} value={p.name} onChange={(v) => setParty(i, { name: v })} maxLength={20} error={errors[`parties.${i}.name`]} />
          <TextField id={`party-${i}-seats`} label='席位数' value={p.seats} onChange={(v) => setParty(i, { seats: v })} maxLength={3} error={errors[`parties.${i}.seats`]} />
        </Html>
      ))}
      {parties.length < 12 ? (
        <Button inline variant='plain' onClick={() => setParties((ps) => [...ps, { name: '', seats: '' }])}>
          增加界别
        </Button>
      ) : null}
      <Button type='submit' variant='primary' loading={sending}>
        {council ? '保存修改' : '成立议事会'}
      </Button>
      {onCancel ? (
        <Button variant='plain' onClick={onCancel}>
          取消
        </Button>
      ) : null}
    </Form>
  );
}
