import { useState } from 'react';
import { FinalResultBody, type ScoringAssessment, scoringApi } from '@shared/api/scoring';
import { ApiError, call, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../api';
import { Button, ChoiceGroup, Form, Html, TextField, useConfirm, useUniqueId } from '../ui';
import { scoreText, starText, starWord } from './scoringText';

/**
 * The working group's lead sets a branch's final score and star: in the mini-program (a lead with a resident's
 * account) and in the admin workspace (the committee's account as lead, as in the demo). Shared by both.
 */

const failText = (err: unknown) =>
  err instanceof ApiError && Object.keys(err.fieldErrors).length ? `${errorMessage(err)}：${Object.values(err.fieldErrors).join('；')}` : errorMessage(err);

const STAR_OPTIONS = [
  ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: starText(n) })),
  { value: 'none', label: '不评星（一票否决）' },
];

/** The lead sets the final score and star, with a reason where it differs from the branch's proposal (asked first: written once). */
export function FinaliseSection({
  assessment: a,
  onChanged,
  onFailed,
  realm = 'resident',
}: {
  assessment: ScoringAssessment;
  onChanged: (a: ScoringAssessment, message: string) => void;
  onFailed: (message: string) => void;
  /** Whose session sends it: the mini-program's or the admin workspace's. */
  realm?: 'resident' | 'staff';
}) {
  const suggested = a.reviews.suggested;
  const [total, setTotal] = useState(suggested ? String(suggested.total) : '');
  const [star, setStar] = useState(suggested ? (suggested.star === null ? 'none' : String(suggested.star)) : '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('final-title');
  const proposed = a.proposed;
  const starValue = star === 'none' ? null : star ? Number(star) : undefined;
  const differs = proposed && (Number(total) !== proposed.total || starValue !== proposed.star);

  const finalise = async () => {
    if (sending) return;
    const parsed = FinalResultBody.safeParse({ total: total.trim() ? Number(total) : undefined, star: starValue, reason: reason.trim() ? reason : undefined });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error.issues));
    if (differs && !reason.trim()) return setErrors({ reason: '与支部自评不同，请写明理由' });
    setErrors({});
    const ok = await confirm({
      title: `确定${a.branch.name}的最终结果吗？`,
      content: `最终得分 ${parsed.data.total} 分，${starWord(parsed.data.star)}。确定后不能再改。`,
      confirmText: '确定结果',
      cancelText: '再看看',
    });
    if (!ok) return;
    setSending(true);
    try {
      onChanged(await (realm === 'staff' ? staffCall : call)(scoringApi.finaliseScoringAssessment, { params: { id: a.id }, body: parsed.data }), '最终得分和星级已确定。');
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      onFailed(failText(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        确定最终得分和星级
      </Html>
      <Html tag='p' className='gz-text'>
        {proposed ? `支部自评：${scoreText(proposed)}。` : '支部没有提交自评。'}
        {suggested ? `复核建议：${scoreText(suggested)}。` : ''}
      </Html>
      <Form onSubmit={() => void finalise()} aria-labelledby={titleId}>
        <TextField id='final-total' label='最终得分' value={total} onChange={setTotal} maxLength={3} error={errors.total} />
        <ChoiceGroup id='final-star' legend='最终星级' options={STAR_OPTIONS} value={star} onChange={setStar} error={errors.star} />
        <TextField
          id='final-reason'
          label='理由'
          optional={!differs}
          hint={differs && !errors.reason ? '与支部自评不同，须写明理由' : undefined}
          multiline
          value={reason}
          onChange={setReason}
          maxLength={300}
          error={errors.reason}
        />
        <Button type='submit' variant='primary' loading={sending}>
          确定结果
        </Button>
      </Form>
      {dialog}
    </Html>
  );
}

