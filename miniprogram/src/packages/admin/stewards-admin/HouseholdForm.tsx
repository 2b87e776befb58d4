import { useEffect, useRef, useState } from 'react';
import { HouseholdBody, type Household, stewardsApi } from '@shared/api/stewards';
import { HOUSEHOLD_LABELS, HOUSEHOLD_LABEL_TEXT, type HouseholdLabel } from '@shared/stewards/households';
import { ApiError, RetryKey, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { Button, Form, Html, MultiChoiceGroup, SelectField, TextField, useUniqueId } from '../../../components/ui';
import { identityApi } from '@shared/api/identity';

const LABEL_OPTIONS = HOUSEHOLD_LABELS.map((value) => ({ value, label: HOUSEHOLD_LABEL_TEXT[value] }));

/**
 * The committee puts a household on a steward's list, or changes it (with the version read): the compound from
 * the community's list, building, unit and door, how the steward calls the person, why they are looked after,
 * and the steward.
 */
export function HouseholdForm({ household, onSaved, onCancel }: { household?: Household; onSaved: (h: Household) => void; onCancel: () => void }) {
  const [compounds, setCompounds] = useState<string[]>([]);
  const [stewards, setStewards] = useState<{ id: string; name: string }[]>([]);
  const [f, setF] = useState({
    compound: household?.compound ?? '',
    building: household?.building ?? '',
    unit: household?.unit ?? '',
    room: household?.room ?? '',
    name: household?.name ?? '',
    labels: (household?.labels ?? []) as HouseholdLabel[],
    stewardId: household?.steward.id ?? '',
    note: household?.note ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const retryKey = useRef(new RetryKey());
  const titleId = useUniqueId('household-form');
  const set = <K extends keyof typeof f>(k: K) => (v: (typeof f)[K]) => setF((p) => ({ ...p, [k]: v }));

  useEffect(() => {
    staffCall(identityApi.listCompounds).then((c) => setCompounds(c.names)).catch(() => undefined);
    staffCall(identityApi.listStewards).then((s) => setStewards(s.items)).catch((err) => setError(errorMessage(err)));
  }, []);

  const save = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = HouseholdBody.safeParse({ ...f, compound: f.compound || undefined, stewardId: f.stewardId || undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const saved = household
        ? await staffCall(stewardsApi.updateHousehold, { params: { id: household.id }, body: { ...parsed.data, version: household.version } })
        : await staffCall(stewardsApi.createHousehold, { body: parsed.data }, { idempotencyKey: retryKey.current.keyFor(parsed.data) });
      retryKey.current.reset();
      onSaved(saved);
    } catch (err) {
      setError(err instanceof ApiError && err.kind.endsWith('stale-version') ? '这户住户刚被其他人修改过，请刷新后再改。' : errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  // a compound no longer on the list stays choosable for the household that has it
  const compoundOptions = [...new Set([...compounds, ...(f.compound ? [f.compound] : [])])].map((value) => ({ value, label: value }));
  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId} className='gz-card'>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {household ? '修改住户' : '登记走访住户'}
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <SelectField id='household-compound' label='小区' value={f.compound} options={compoundOptions} onChange={set('compound')} emptyLabel='请选择' error={errors.compound} />
      <Html tag='div' className='gz-field-pair'>
        <TextField id='household-building' label='楼栋' value={f.building} onChange={set('building')} placeholder='12栋' maxLength={20} error={errors.building} />
        <TextField id='household-unit' label='单元' optional value={f.unit} onChange={set('unit')} placeholder='2单元' maxLength={20} error={errors.unit} />
        <TextField id='household-room' label='门牌号' optional value={f.room} onChange={set('room')} placeholder='301' maxLength={20} error={errors.room} />
      </Html>
      <TextField id='household-name' label='住户称呼' value={f.name} onChange={set('name')} placeholder='例如：张桂兰、张奶奶' maxLength={20} error={errors.name} />
      <MultiChoiceGroup id='household-labels' legend='关爱类别（可多选）' options={LABEL_OPTIONS} value={f.labels} onChange={set('labels')} hint='只有负责的红色小管家和社区工作人员能看到。' error={errors.labels} />
      <SelectField
        id='household-steward'
        label='负责的红色小管家'
        value={f.stewardId}
        options={stewards.map((s) => ({ value: s.id, label: s.name }))}
        onChange={set('stewardId')}
        emptyLabel='请选择'
        error={errors.stewardId}
      />
      <TextField id='household-note' label='备注' optional multiline value={f.note} onChange={set('note')} maxLength={300} error={errors.note} />
      <Button type='submit' variant='primary' loading={sending}>
        {household ? '保存修改' : '登记'}
      </Button>
      <Button variant='plain' onClick={onCancel}>
        取消
      </Button>
    </Form>
  );
}
