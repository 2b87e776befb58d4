import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { SubmitFeedbackBody, feedbackApi } from '@shared/api/feedback';
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS, type FeedbackCategory } from '@shared/feedback/categories';
import { ApiError, RetryKey, call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { LoadingState, Notice } from '../../../components/States';
import { Button, ChoiceGroup, Form, Html, TextField, useConfirm } from '../../../components/ui';
import { discardDraft, readDraft, useKeepDraft } from '../../../components/draft';
import { useSession } from '../../../components/useSession';
import { CompoundField } from './CompoundField';
import { OnBehalfFields } from './OnBehalfFields';
import { NO_ON_BEHALF, digitsOnly, onBehalfBody, type OnBehalfForm } from './onBehalf';
import { PhotoField } from '../../../components/PhotoField';
import { usePhotoUploads } from '../../../components/usePhotoUploads';
import { readPrefill } from './prefill';

/** Input limits come from the same schema the server validates with. */
const fields = SubmitFeedbackBody.shape;
const MAX = {
  title: fields.title.maxLength ?? undefined,
  description: fields.description.maxLength ?? undefined,
  compound: fields.compound.maxLength ?? undefined,
  building: fields.building.unwrap().maxLength ?? undefined,
};

const CATEGORY_OPTIONS = FEEDBACK_CATEGORIES.map((value) => ({ value, label: FEEDBACK_CATEGORY_LABELS[value] }));

/** The compound of the last report sent from this device: most people report about the same place. */
const COMPOUND_KEY = 'gongzhi.feedback.lastCompound';
const rememberedCompound = (): string => {
  try {
    const v = Taro.getStorageSync(COMPOUND_KEY) as unknown;
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
};

interface Form {
  category: FeedbackCategory | '';
  title: string;
  description: string;
  compound: string;
  building: string;
  phone: string;
}

const EMPTY: Form = { category: '', title: '', description: '', compound: '', building: '', phone: '' };

/** What was typed and not sent yet, per person on a shared phone (photos are not kept: their uploads expire). */
const draftKey = (userId: string | undefined) => `gongzhi.feedback.draft.${userId ?? ''}`;
interface Draft {
  form: Form;
  onBehalf: OnBehalfForm;
}

/** Asks for WeChat's one-time subscription to "your feedback changed" (weapp, when a template is configured). */
const askToSubscribe = async (): Promise<void> => {
  if (process.env.TARO_ENV !== 'weapp' || !FEEDBACK_STATUS_TEMPLATE_ID) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [FEEDBACK_STATUS_TEMPLATE_ID], entityIds: [] });
  } catch {
    /* declined or unavailable: the report goes ahead, progress is on the detail page */
  }
};

export default function NewFeedbackPage() {
  const session = useSession('resident');
  const [initialCompound] = useState(rememberedCompound);
  const DRAFT_KEY = draftKey(session?.user.id);
  const { params } = useRouter();
  /** What the page that opened the form asked it to start from (an objection to a star rating's announcement). */
  const [prefill] = useState(() => readPrefill(params, MAX));
  const [stored] = useState(() => (session ? readDraft<Draft>(DRAFT_KEY) : undefined));
  // A draft of the same report (back from signing in on the way) goes on; another one gives way to what was asked for.
  const draft = stored && (!prefill || stored.form.title === prefill.title) ? stored : undefined;
  const [form, setForm] = useState<Form>(
    () => draft?.form ?? { ...EMPTY, compound: initialCompound, category: prefill?.category ?? '', title: prefill?.title ?? '', description: prefill?.description ?? '' },
  );
  const [onBehalf, setOnBehalf] = useState<OnBehalfForm>(() => draft?.onBehalf ?? NO_ON_BEHALF);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [photoNotice, setPhotoNotice] = useState<string>();
  const [sending, setSending] = useState(false);
  const retryKey = useRef(new RetryKey());
  const photos = usePhotoUploads(() => call(feedbackApi.createFeedbackPhotoUpload));
  const [dialog, confirm] = useConfirm();
  const typedText =
    Boolean(form.category) ||
    (Object.keys(form) as Array<keyof Form>).some((k) => k !== 'compound' && k !== 'category' && form[k].trim()) ||
    form.compound.trim() !== initialCompound.trim() ||
    onBehalf.on;
  // kept on the device as it is typed: a session that runs out on 提交 sends the person to sign in, and they
  // come back here (the login page returns them) to find it all still filled in
  const draftValue = useMemo<Draft>(() => ({ form, onBehalf }), [form, onBehalf]);
  useKeepDraft(DRAFT_KEY, draftValue, Boolean(session) && typedText);

  if (!session) return <LoadingState text='正在前往登录…' />;
  const isSteward = session.user.roles.includes('steward');

  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  /** Leaving drops what was typed: ask first when there is something (the remembered compound does not count). */
  const goHome = async () => {
    if (typedText || photos.photos.length > 0) {
      const ok = await confirm({
        title: '确定离开吗？',
        content: '您填写的内容还没有提交，离开后不会保存。',
        confirmText: '离开',
        cancelText: '继续填写',
      });
      if (!ok) return;
    }
    discardDraft(DRAFT_KEY);
    photos.forgetAll();
    void Taro.reLaunch({ url: '/pages/home/index' });
  };

  const submit = async () => {
    if (sending) return;
    setFormError(undefined);
    if (photos.photos.some((p) => p.status === 'uploading')) {
      setFormError('照片还在上传，请稍等一下再提交');
      return;
    }
    if (photos.photos.some((p) => p.status === 'failed')) {
      setFormError('有照片没有上传成功，请重新上传或删除它，再提交');
      return;
    }
    const keys = photos.photos.map((p) => p.key).filter((k): k is string => Boolean(k));
    const ob = isSteward ? onBehalfBody(onBehalf) : undefined;
    const parsed = SubmitFeedbackBody.safeParse({
      category: form.category || undefined,
      title: form.title,
      description: form.description,
      compound: form.compound,
      building: form.building.trim() ? form.building : undefined,
      photos: keys.length ? keys : undefined,
      phone: digitsOnly(form.phone) || undefined,
      onBehalf: ob,
    });
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error.issues);
      // The consent rule runs only once the rest of onBehalf is valid: ask the contract about it on its own too.
      if (ob && !found['onBehalf.consent']) {
        const consent = SubmitFeedbackBody.shape.onBehalf.safeParse({ ...ob, channel: ob.channel ?? 'visit' });
        if (!consent.success) Object.assign(found, zodFieldErrors(consent.error.issues.map((i) => ({ ...i, path: ['onBehalf', ...i.path] }))));
      }
      setErrors(found);
      setFormError('还有内容没有填好，请按红字提示修改');
      return;
    }
    setErrors({});
    await askToSubscribe();
    setSending(true);
    try {
      const created = await call(
        feedbackApi.submitFeedback,
        { body: parsed.data },
        { idempotencyKey: retryKey.current.keyFor(parsed.data) },
      );
      retryKey.current.reset();
      discardDraft(DRAFT_KEY);
      try {
        Taro.setStorageSync(COMPOUND_KEY, parsed.data.compound);
      } catch {
        /* no storage: next time the field starts empty */
      }
      photos.forgetAll();
      await Taro.redirectTo({ url: `/pages/feedback/detail/index?id=${created.id}&created=1` });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        const fieldErrors = err.fieldErrors;
        // A photo the server would not take (expired, not an image…): marked on its thumbnail.
        for (const [path, message] of Object.entries(fieldErrors)) {
          const i = /^photos\.(\d+)$/.exec(path)?.[1];
          const key = i === undefined ? undefined : keys[Number(i)];
          if (key) photos.refuse(key, message);
        }
        setErrors(fieldErrors);
      }
      setFormError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const compoundRemembered = Boolean(initialCompound) && form.compound === initialCompound;

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        反映问题
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        请说清楚是什么问题、在哪里。社区受理后会在「我的反馈」里答复您。
      </Html>
      {formError ? <Notice kind='error'>{formError}</Notice> : null}
      {draft && !formError ? <Notice kind='ok'>已恢复您上次没有提交的内容，请检查后提交（照片需要重新添加）。</Notice> : null}
      {prefill && !draft && !formError ? (
        <Notice kind='ok'>
          {`已为您填好类别、标题和描述的开头，请接着写下您的意见，选好小区后提交。${stored ? '您上次没有提交的另一条内容已不再保留。' : ''}`}
        </Notice>
      ) : null}

      <Form onSubmit={() => void submit()}>
        {isSteward ? (
          <OnBehalfFields
            value={onBehalf}
            onChange={(change, field) => {
              setOnBehalf((o) => ({ ...o, ...change }));
              if (field) setErrors((e) => ({ ...e, [field]: '', ...(field === 'onBehalf.name' || field === 'onBehalf.phone' ? { 'onBehalf.consent': '' } : {}) }));
            }}
            errors={errors}
            disabled={sending}
          />
        ) : null}
        <ChoiceGroup
          id='category'
          legend='问题类别'
          options={CATEGORY_OPTIONS}
          value={form.category}
          onChange={set('category')}
          error={errors.category}
        />
        <TextField
          id='title'
          label='标题'
          value={form.title}
          onChange={set('title')}
          placeholder='一句话说明问题，例如：3 栋楼道灯不亮'
          maxLength={MAX.title}
          error={errors.title}
        />
        <TextField
          id='description'
          label='问题描述'
          value={form.description}
          onChange={set('description')}
          placeholder='什么时候开始、具体情况、希望怎么解决'
          multiline
          maxLength={MAX.description}
          error={errors.description}
        />
        <CompoundField
          value={form.compound}
          onChange={set('compound')}
          hint={compoundRemembered ? '已按您上次填写的小区填好，不对可以修改。' : undefined}
          maxLength={MAX.compound}
          error={errors.compound}
        />
        <TextField
          id='building'
          label='楼栋'
          optional
          value={form.building}
          onChange={set('building')}
          placeholder='例如：3 栋 2 单元'
          maxLength={MAX.building}
          error={errors.building}
        />
        <PhotoField
          photos={photos.photos}
          onPick={(picked) => {
            setPhotoNotice(undefined);
            setErrors((e) => ({ ...e, photos: '' }));
            photos.add(picked);
          }}
          onRemove={photos.remove}
          onRetry={(p) => void photos.retry(p)}
          onRefused={setPhotoNotice}
          disabled={sending}
        />
        {photoNotice ? <Notice kind='error'>{photoNotice}</Notice> : null}
        <TextField
          id='phone'
          label={isSteward && onBehalf.on ? '您的联系电话' : '联系电话'}
          optional
          kind='tel'
          value={form.phone}
          onChange={set('phone')}
          placeholder='11 位手机号码'
          hint='留下电话，社区工作人员可以打电话问清情况。'
          maxLength={20}
          autoComplete='tel'
          error={errors.phone}
        />
        <Html tag='p' className='gz-text gz-muted'>
          个人信息说明：照片和电话只用于处理这条反馈。完整的电话号码只有社区工作人员能看到；照片只有您、社区工作人员和负责处理的红色小管家能看到。
        </Html>

        <Button type='submit' variant='primary' loading={sending}>
          {sending ? '正在提交…' : '提交'}
        </Button>
      </Form>
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void goHome()}>
          返回首页
        </Button>
      </Html>
      {dialog}
    </Html>
  );
}
