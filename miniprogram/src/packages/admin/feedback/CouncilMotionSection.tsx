import { useEffect, useState } from 'react';
import { FeedbackMotionBody, type CouncilSummary, councilApi } from '@shared/api/council';
import type { Feedback } from '@shared/api/feedback';
import { errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { Notice } from '../../../components/States';
import { FeedbackMotionCard, useFeedbackMotion } from '../../../components/council/FeedbackMotion';
import { Button, Form, Html, SelectField, TextField, useUniqueId } from '../../../components/ui';

/**
 * A resident's feedback that needs the community to decide (a square's music hours, where a charging point goes)
 * goes to the council as a motion, linked both ways: the motion shows the feedback, the feedback its motion and,
 * once decided, the outcome the resident can read.
 */
export function CouncilMotionSection({ feedback, headingTag }: { feedback: Feedback; headingTag: 'h2' | 'h3' }) {
  const { motion, reload } = useFeedbackMotion(feedback.id, 'staff');
  const [open, setOpen] = useState(false);
  const [councils, setCouncils] = useState<CouncilSummary[]>([]);
  const [councilId, setCouncilId] = useState('');
  const [title, setTitle] = useState('');
  const [decision, setDecision] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('to-council');

  useEffect(() => {
    if (!open) return;
    staffCall(councilApi.listCouncils)
      .then((r) => {
        setCouncils(r.items);
        if (r.items.length === 1) setCouncilId(r.items[0]!.id);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [open]);

  if (motion === undefined) return null;
  if (motion) return <FeedbackMotionCard motion={motion} realm='staff' headingTag={headingTag} />;

  const send = async () => {
    if (sending) return;
    setError(undefined);
    const parsed = FeedbackMotionBody.safeParse({ feedbackId: feedback.id, title: title.trim() || undefined, proposedDecision: decision });
    const local: FieldErrors = councilId ? {} : { council: '请选择议事会' };
    if (!parsed.success || !councilId) return setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error.issues)), ...local });
    setErrors({});
    setSending(true);
    try {
      await staffCall(councilApi.proposeMotionFromFeedback, { params: { id: councilId }, body: parsed.data });
      setOpen(false);
      await reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag={headingTag} className='gz-h2' id={titleId}>
        提交议事会
      </Html>
      {!open ? (
        <>
          <Html tag='p' className='gz-text gz-muted'>
            需要大家商量决定的问题，可以提交议事会讨论和表决；居民能看到表决结果。
          </Html>
          <Button inline expanded={false} onClick={() => setOpen(true)}>
            提交议事会
          </Button>
        </>
      ) : (
        <Form onSubmit={() => void send()} aria-labelledby={titleId}>
          {error ? <Notice kind='error'>{error}</Notice> : null}
          <SelectField
            id='to-council-council'
            label='议事会'
            value={councilId}
            options={councils.map((c) => ({ value: c.id, label: c.name }))}
            onChange={setCouncilId}
            emptyLabel='请选择'
            error={errors.council}
          />
          <TextField id='to-council-title' label='议题名称' optional value={title} onChange={setTitle} placeholder={feedback.title} maxLength={40} hint='不填则用反馈的标题。' error={errors.title} />
          <TextField
            id='to-council-decision'
            label='建议决定'
            multiline
            value={decision}
            onChange={setDecision}
            placeholder='请议事会决定什么，例如：晚间音乐 20:30 前结束'
            maxLength={1000}
            error={errors.proposedDecision}
          />
          <Button type='submit' variant='primary' loading={sending}>
            提交议事会
          </Button>
          <Button variant='plain' onClick={() => setOpen(false)}>
            取消
          </Button>
        </Form>
      )}
    </Html>
  );
}
