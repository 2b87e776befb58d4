import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { SubmitFeedbackBody } from '@shared/api/feedback';
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS, type FeedbackCategory } from '@shared/feedback/categories';
import { ApiError, RetryKey, api, call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { LoadingState, Notice } from '../../../components/States';
import { Button, ChoiceGroup, Form, Html, TextField, useConfirm } from '../../../components/ui';
import { useSession } from '../../../components/useSession';

/** Input limits come from the same schema the server validates with. */
const fields = SubmitFeedbackBody.shape;
const MAX = {
  title: fields.title.maxLength ?? undefined,
  description: fields.description.maxLength ?? undefined,
  compound: fields.compound.maxLength ?? undefined,
  building: fields.building.unwrap().maxLength ?? undefined,
};

const CATEGORY_OPTIONS = FEEDBACK_CATEGORIES.map((value) => ({ value, label: FEEDBACK_CATEGORY_LABELS[value] }));

interface Form {
  category: FeedbackCategory | '';
  title: string;
  description: string;
  compound: string;
  building: string;
}

const EMPTY: Form = { category: '', title: '', description: '', compound: '', building: '' };

export default function NewFeedbackPage() {
  const session = useSession('resident');
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const retryKey = useRef(new RetryKey());
  const [dialog, confirm] = useConfirm();

  if (!session) return <LoadingState text='正在前往登录…' />;

  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  /** Leaving drops what was typed: ask first when there is something. */
  const goHome = async () => {
    const typed = form.category || Object.values(form).some((v) => v.trim());
    if (typed) {
      const ok = await confirm({
        title: '确定离开吗？',
        content: '您填写的内容还没有提交，离开后不会保存。',
        confirmText: '离开',
        cancelText: '继续填写',
      });
      if (!ok) return;
    }
    void Taro.reLaunch({ url: '/pages/home/index' });
  };

  const submit = async () => {
    if (sending) return;
    setFormError(undefined);
    const parsed = SubmitFeedbackBody.safeParse({
      category: form.category || undefined,
      title: form.title,
      description: form.description,
      compound: form.compound,
      building: form.building.trim() ? form.building : undefined,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      setFormError('还有内容没有填好，请按红字提示修改');
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const created = await call(
        api.feedback.submitFeedback,
        { body: parsed.data },
        { idempotencyKey: retryKey.current.keyFor(parsed.data) },
      );
      retryKey.current.reset();
      await Taro.redirectTo({ url: `/pages/feedback/detail/index?id=${created.id}&created=1` });
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      setFormError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        反映问题
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        请说清楚是什么问题、在哪里。社区受理后会在「我的反馈」里答复您。
      </Html>
      {formError ? <Notice kind='error'>{formError}</Notice> : null}

      <Form onSubmit={() => void submit()}>
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
        <TextField
          id='compound'
          label='小区'
          value={form.compound}
          onChange={set('compound')}
          placeholder='例如：青年花园'
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
