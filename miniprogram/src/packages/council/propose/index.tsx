import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { MotionBody, councilApi } from '@shared/api/council';
import { call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { LoadingState, Notice } from '../../../components/States';
import { discardDraft, readDraft, useKeepDraft } from '../../../components/draft';
import { Button, Form, Html, TextField } from '../../../components/ui';
import { useSession } from '../../../components/useSession';

type Draft = { title: string; background: string; proposedDecision: string };
const EMPTY: Draft = { title: '', background: '', proposedDecision: '' };

/** A member proposes a motion: what it is about, why, and what the council is asked to decide. Kept until sent. */
export default function ProposeMotionPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const councilId = params.council ?? '';
  const draftKey = `gongzhi.council.propose.${session?.user.id ?? ''}.${councilId}`;
  const [form, setForm] = useState<Draft>(() => readDraft<Draft>(draftKey) ?? EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  useKeepDraft(draftKey, form, Boolean(session) && Object.values(form).some((v) => v.trim()));
  const set = (key: keyof Draft) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  if (!session) return <LoadingState text='正在前往登录…' />;

  const send = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = MotionBody.safeParse(form);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    setErrors({});
    setSending(true);
    try {
      const motion = await call(councilApi.proposeMotion, { params: { id: councilId }, body: parsed.data });
      discardDraft(draftKey);
      await Taro.redirectTo({ url: `/packages/council/motion/index?id=${motion.id}` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        提出议题
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        提出后，召集人会安排讨论和投票时间。填写的内容会保存在本机，发出前不会丢失。
      </Html>
      {error ? <Notice kind='error'>{error}</Notice> : null}
      <Form onSubmit={() => void send()}>
        <TextField id='motion-title' label='议题名称' value={form.title} onChange={set('title')} placeholder='例如：楼道堆物清理倡议' maxLength={40} error={errors.title} />
        <TextField id='motion-background' label='背景情况' multiline value={form.background} onChange={set('background')} placeholder='发生了什么，居民有什么意见' maxLength={2000} error={errors.background} />
        <TextField
          id='motion-decision'
          label='建议决定'
          multiline
          value={form.proposedDecision}
          onChange={set('proposedDecision')}
          placeholder='请议事会决定什么，例如：每月第一个周六集中清理'
          maxLength={1000}
          error={errors.proposedDecision}
        />
        <Button type='submit' variant='primary' loading={sending}>
          提交议题
        </Button>
      </Form>
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      </Html>
    </Html>
  );
}
