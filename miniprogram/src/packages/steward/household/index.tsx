import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { HelpBody, VisitBody, stewardsApi, type HouseholdRecord } from '@shared/api/stewards';
import { SubmitFeedbackBody, feedbackApi } from '@shared/api/feedback';
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS, type FeedbackCategory } from '@shared/feedback/categories';
import { HELP_KINDS, HELP_KIND_TEXT, type HelpKind } from '@shared/stewards/households';
import { ApiError, RetryKey, call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { PhotoField } from '../../../components/PhotoField';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { usePhotoUploads } from '../../../components/usePhotoUploads';
import { HelpList, HouseholdFacts, VisitList } from '../../../components/stewards/HouseholdRecordView';
import { chinaToday } from '../../../components/format';
import { Button, ChoiceGroup, Form, Html, SelectField, TextField, useUniqueId } from '../../../components/ui';
import { useLoaded } from '../../../components/useLoaded';
import { useSession } from '../../../components/useSession';
import { NotASteward } from '../NotASteward';

type Changed = (record: HouseholdRecord, text: string) => void;

/**
 * A visit in a few taps: today's date, who was met (the usual answers one tap away), what was said, needs, and a
 * photo if useful (uploaded as soon as it is picked, like a report's).
 */
function VisitForm({ record, onChanged, onClose }: { record: HouseholdRecord; onChanged: Changed; onClose: () => void }) {
  const [date, setDate] = useState(() => chinaToday());
  const [metWith, setMetWith] = useState('本人');
  const [discussed, setDiscussed] = useState('');
  const [needs, setNeeds] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [photoNotice, setPhotoNotice] = useState<string>();
  const [sending, setSending] = useState(false);
  const photos = usePhotoUploads(() => call(stewardsApi.createVisitPhotoUpload));
  // the same content sent again (a retry after a lost answer) records the visit once
  const key = useRef(new RetryKey());
  const titleId = useUniqueId('visit-form');

  const close = () => {
    photos.forgetAll();
    onClose();
  };

  const save = async () => {
    if (sending) return;
    setError(undefined);
    if (photos.photos.some((p) => p.status === 'uploading')) return setError('照片还在上传，请稍等一下再保存');
    if (photos.photos.some((p) => p.status === 'failed')) return setError('有照片没有上传成功，请重新上传或删除它，再保存');
    const keys = photos.photos.map((p) => p.key).filter((k): k is string => Boolean(k));
    const parsed = VisitBody.safeParse({ date: date.trim(), metWith, discussed, needs: needs.trim() ? needs : undefined, photos: keys.length ? keys : undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const updated = await call(stewardsApi.recordVisit, { params: { id: record.household.id }, body: parsed.data }, { idempotencyKey: key.current.keyFor(parsed.data) });
      onChanged(updated, `已记录 ${parsed.data.date} 的走访${keys.length ? `（${keys.length} 张照片）` : ''}。`);
      close();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        // a photo the server would not take (expired, not an image…): marked on its thumbnail
        for (const [path, message] of Object.entries(err.fieldErrors)) {
          const i = /^photos\.(\d+)$/.exec(path)?.[1];
          const refused = i === undefined ? undefined : keys[Number(i)];
          if (refused) photos.refuse(refused, message);
        }
        setErrors(err.fieldErrors);
      }
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId} className='gz-card'>
      <Html tag='h2' className='gz-h2' id={titleId}>
        记录走访
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <TextField id='visit-date' label='走访日期' value={date} onChange={setDate} placeholder='2026-11-28' maxLength={10} error={errors.date} />
      <ChoiceGroup
        id='visit-met'
        legend='见到的人'
        options={['本人', '老伴', '子女', '其他家人'].map((v) => ({ value: v, label: v }))}
        value={['本人', '老伴', '子女', '其他家人'].includes(metWith) ? metWith : ''}
        onChange={setMetWith}
        error={errors.metWith}
      />
      <TextField id='visit-discussed' label='交谈内容' multiline value={discussed} onChange={setDiscussed} maxLength={500} placeholder='身体、生活、居住情况，聊了什么' error={errors.discussed} />
      <TextField id='visit-needs' label='发现的需求' optional multiline value={needs} onChange={setNeeds} maxLength={500} placeholder='例如：楼道扶手松动，需要维修' hint='需要社区处理的，保存后可以一键登记为反馈。' error={errors.needs} />
      <PhotoField
        title='走访照片'
        hint='有用时再拍，例如损坏的设施。拍到住户本人或屋内前，请先征得同意。只有您和社区工作人员能看到。'
        purpose='照片只用于记录这次走访，只有您和社区工作人员能看到。拍到住户本人或屋内前，请先征得同意。'
        photos={photos.photos}
        onPick={(picked) => {
          setPhotoNotice(undefined);
          photos.add(picked);
        }}
        onRemove={photos.remove}
        onRetry={(p) => void photos.retry(p)}
        onRefused={setPhotoNotice}
        disabled={sending}
      />
      {photoNotice ? <Notice kind='error'>{photoNotice}</Notice> : null}
      {errors.photos ? <Notice kind='error'>{errors.photos}</Notice> : null}
      <Button type='submit' variant='primary' loading={sending}>
        保存走访记录
      </Button>
      <Button variant='plain' onClick={close}>
        取消
      </Button>
    </Form>
  );
}

const HELP_OPTIONS = HELP_KINDS.map((value) => ({ value, label: HELP_KIND_TEXT[value] }));

function HelpForm({ record, onChanged, onClose }: { record: HouseholdRecord; onChanged: Changed; onClose: () => void }) {
  const [kind, setKind] = useState<HelpKind | ''>('');
  const [date, setDate] = useState(() => chinaToday());
  const [what, setWhat] = useState('');
  const [hours, setHours] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const key = useRef(new RetryKey());
  const titleId = useUniqueId('help-form');

  const save = async () => {
    if (sending) return;
    const parsed = HelpBody.safeParse({ kind: kind || undefined, date: date.trim(), whatWasDone: what, hours: hours.trim() ? Number(hours) : undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const updated = await call(stewardsApi.recordHelp, { params: { id: record.household.id }, body: parsed.data }, { idempotencyKey: key.current.keyFor(parsed.data) });
      onChanged(updated, `已记录${HELP_KIND_TEXT[parsed.data.kind]}。`);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void save()} aria-labelledby={titleId} className='gz-card'>
      <Html tag='h2' className='gz-h2' id={titleId}>
        记录帮扶
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <ChoiceGroup id='help-kind' legend='帮扶类型' options={HELP_OPTIONS} value={kind} onChange={setKind} error={errors.kind} />
      <TextField id='help-date' label='日期' value={date} onChange={setDate} placeholder='2026-11-28' maxLength={10} error={errors.date} />
      <TextField id='help-what' label='帮扶内容' multiline value={what} onChange={setWhat} maxLength={500} placeholder='做了什么，结果如何' error={errors.whatWasDone} />
      <TextField id='help-hours' label='时长（小时）' value={hours} onChange={setHours} maxLength={4} placeholder='例如：1 或 1.5' error={errors.hours} />
      <Button type='submit' variant='primary' loading={sending}>
        保存帮扶记录
      </Button>
      <Button variant='plain' onClick={onClose}>
        取消
      </Button>
    </Form>
  );
}

const CATEGORY_OPTIONS = FEEDBACK_CATEGORIES.map((value) => ({ value, label: FEEDBACK_CATEGORY_LABELS[value] }));

/**
 * A need found on a visit, logged as feedback for the resident (channel 走访入户, no name: the household stays
 * out of the report) and linked to the visit: the committee receives it like any report.
 */
function NeedToFeedback({ record, visit, onChanged }: { record: HouseholdRecord; visit: HouseholdRecord['visits'][number]; onChanged: Changed }) {
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<FeedbackCategory | ''>('');
  const [title, setTitle] = useState(() => [...(visit.needs ?? '')].slice(0, 20).join(''));
  const [description, setDescription] = useState(visit.needs ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const key = useRef(new RetryKey());
  const prefix = `need-${visit.id}`;
  if (!visit.needs || visit.feedbackIds.length) return null;

  const send = async () => {
    if (sending) return;
    const h = record.household;
    const parsed = SubmitFeedbackBody.safeParse({ category: category || undefined, title, description, compound: h.compound, building: h.building, onBehalf: { channel: 'visit' } });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const created = await call(feedbackApi.submitFeedback, { body: parsed.data }, { idempotencyKey: key.current.keyFor(parsed.data) });
      const updated = await call(stewardsApi.linkVisitFeedback, { params: { id: h.id }, body: { visitId: visit.id, feedbackId: created.id } });
      onChanged(updated, `已登记为反馈${created.ref ? `（编号 ${created.ref}）` : ''}，社区会受理。`);
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!open)
    return (
      <Button inline expanded={false} onClick={() => setOpen(true)}>
        登记为反馈
      </Button>
    );
  return (
    <Form onSubmit={() => void send()}>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <SelectField id={`${prefix}-category`} label='问题类别' value={category} options={CATEGORY_OPTIONS} onChange={setCategory} emptyLabel='请选择' error={errors.category} />
      <TextField id={`${prefix}-title`} label='标题' value={title} onChange={setTitle} maxLength={40} error={errors.title} />
      <TextField id={`${prefix}-description`} label='问题描述' multiline value={description} onChange={setDescription} maxLength={1000} error={errors.description} />
      <Html tag='div' className='gz-button-row'>
        <Button type='submit' inline variant='primary' loading={sending}>
          提交反馈
        </Button>
        <Button inline variant='plain' onClick={() => setOpen(false)}>
          取消
        </Button>
      </Html>
    </Form>
  );
}

/** A household's record for its steward: who and why, visits and help, and the forms to add to them. */
export default function StewardHouseholdPage() {
  const session = useSession('resident');
  const isSteward = Boolean(session?.user.roles.includes('steward'));
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: record, setData: setRecord, error, load } = useLoaded(isSteward ? () => call(stewardsApi.getHousehold, { params: { id } }) : null, [id], {
    missing: id ? undefined : '没有指定住户',
  });
  const [form, setForm] = useState<'visit' | 'help' | null>(null);
  const [done, setDone] = useState<string>();

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (!isSteward) return <NotASteward />;
  if (error) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!record) return <LoadingState />;

  const changed: Changed = (r, text) => {
    setRecord(r);
    setDone(text);
  };

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        {record.household.name}
      </Html>
      {done ? <Notice kind='ok'>{done}</Notice> : null}
      <Html tag='section' className='gz-card' aria-label='住户信息'>
        <HouseholdFacts record={record} />
      </Html>
      {form === 'visit' ? <VisitForm record={record} onChanged={changed} onClose={() => setForm(null)} /> : null}
      {form === 'help' ? <HelpForm record={record} onChanged={changed} onClose={() => setForm(null)} /> : null}
      {form === null ? (
        <>
          <Button variant='primary' expanded={false} onClick={() => { setDone(undefined); setForm('visit'); }}>
            记录走访
          </Button>
          <Button expanded={false} onClick={() => { setDone(undefined); setForm('help'); }}>
            记录帮扶
          </Button>
        </>
      ) : null}
      <VisitList record={record} needAction={(v) => <NeedToFeedback key={`${v.id}-${v.feedbackIds.length}`} record={record} visit={v} onChanged={changed} />} />
      <HelpList record={record} />
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.redirectTo({ url: '/packages/steward/households/index' })}>
          返回我负责的住户
        </Button>
      </Html>
    </Html>
  );
}
