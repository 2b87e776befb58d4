import { useState } from 'react';
import { RatingBody, type Feedback, feedbackApi } from '@shared/api/feedback';
import { ApiError, call, errorMessage, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { autoCloseText } from '../../../components/feedbackText';
import { formatMonthDay } from '../../../components/format';
import { Button, ChoiceGroup, Form, Html, StarRating, TextField, useConfirm, useUniqueId } from '../../../components/ui';

const COMMENT_MAX = RatingBody.shape.comment.unwrap().maxLength ?? undefined;

type Answer = 'yes' | 'no';
const ANSWERS = [
  { value: 'yes' as const, label: '解决了' },
  { value: 'no' as const, label: '没解决' },
];

/**
 * “解决了吗？” After the committee (or a red steward) resolved it, its reporter says whether the problem is really
 * solved, with 1–5 stars. 解决了 closes it for good (asked first); 没解决 reopens it with their words, which the
 * contract requires. Unanswered, it closes itself on `autoCloseAt`.
 */
export function RatingSection({
  feedback,
  onChanged,
  reload,
}: {
  feedback: Feedback;
  onChanged: (updated: Feedback, message: string) => void;
  reload: (message: string) => Promise<void>;
}) {
  const [answer, setAnswer] = useState<Answer | ''>('');
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('rating-form-title');
  const ids = { answer: useUniqueId('rating-answer'), stars: useUniqueId('rating-stars'), comment: useUniqueId('rating-comment') };

  const clear = (key: string) => setErrors((e) => ({ ...e, [key]: '' }));

  const submit = async () => {
    if (sending) return;
    setFormError(undefined);
    const parsed = RatingBody.safeParse({
      resolved: answer ? answer === 'yes' : undefined,
      stars: stars || undefined,
      comment: comment || undefined,
      version: feedback.version,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      setFormError('还有内容没有填好，请按红字提示修改');
      return;
    }
    setErrors({});
    if (parsed.data.resolved) {
      const ok = await confirm({
        title: '确认问题已经解决了吗？',
        content: '提交后，这条反馈就办结了，评价也不能再修改。',
        confirmText: '确认',
        cancelText: '再想想',
      });
      if (!ok) return;
    }
    setSending(true);
    try {
      const updated = await call(feedbackApi.rateFeedback, { params: { id: feedback.id }, body: parsed.data });
      onChanged(
        updated,
        parsed.data.resolved ? '谢谢您的评价！这条反馈已经办结。' : '已告诉社区问题还没有解决，社区会继续处理，请留意办理进度。',
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await reload('这条反馈刚有了新进展，已为您显示最新内容。');
      } else if (err instanceof ApiError && Object.keys(err.fieldErrors).length) {
        setErrors(err.fieldErrors);
        setFormError(errorMessage(err));
      } else {
        setFormError(errorMessage(err));
      }
    } finally {
      setSending(false);
    }
  };

  const notSolved = answer === 'no';
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        请您评价
      </Html>
      <Html tag='p' className='gz-text'>
        社区答复说这个问题已经解决了。请告诉我们，问题真的解决了吗？
      </Html>
      {feedback.autoCloseAt ? (
        <Html tag='p' className='gz-text gz-muted'>
          {autoCloseText(formatMonthDay(feedback.autoCloseAt))}
        </Html>
      ) : null}
      {formError ? <Notice kind='error'>{formError}</Notice> : null}
      <Form onSubmit={() => void submit()}>
        <ChoiceGroup
          id={ids.answer}
          legend='问题解决了吗？'
          options={ANSWERS}
          value={answer}
          onChange={(v) => {
            setAnswer(v);
            clear('resolved');
            clear('comment');
          }}
          error={errors.resolved}
        />
        <StarRating
          id={ids.stars}
          legend='您对处理结果满意吗？'
          hint='1 星最不满意，5 星最满意'
          value={stars}
          onChange={(v) => {
            setStars(v);
            clear('stars');
          }}
          error={errors.stars}
        />
        <TextField
          id={ids.comment}
          label={notSolved ? '哪里还没有解决？' : '您的意见'}
          optional={!notSolved}
          value={comment}
          onChange={(v) => {
            setComment(v);
            clear('comment');
          }}
          placeholder={notSolved ? '例如：晚上灯还是不亮' : '想对社区说的话'}
          maxLength={COMMENT_MAX}
          error={errors.comment}
          disabled={sending}
        />
        <Button type='submit' variant='primary' loading={sending}>
          {sending ? '正在提交…' : '提交评价'}
        </Button>
      </Form>
      {dialog}
    </Html>
  );
}
