import { useState } from 'react';
import { AssignBody, type Feedback, feedbackApi } from '@shared/api/feedback';
import { isFinal } from '@shared/feedback/status';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { assignmentText } from '../../../components/feedbackText';
import { ErrorState, Notice } from '../../../components/States';
import { Button, Form, Html, useUniqueId } from '../../../components/ui';
import { AssignFields, assignmentBody, type AssignChoice } from './AssignFields';
import { useAssignees } from './useAssignees';

/** Hands the feedback to a branch and/or a red steward (or to others); not once it is finished. */
export function AssignSection({
  feedback,
  headingTag,
  onChanged,
}: {
  feedback: Feedback;
  headingTag: 'h2' | 'h3';
  onChanged: (updated: Feedback) => void;
}) {
  const { assignees, error: loadError, retry } = useAssignees();
  const [choice, setChoice] = useState<AssignChoice>({
    branchId: feedback.assignment?.branch?.id ?? '',
    stewardId: feedback.assignment?.steward?.id ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('assign-title');
  const idPrefix = useUniqueId('assign');
  const current = assignmentText(feedback.assignment);

  const submit = async () => {
    if (sending || !assignees) return;
    setResult(undefined);
    const parsed = AssignBody.safeParse(assignmentBody(choice, assignees));
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues));
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const updated = await staffCall(feedbackApi.assignFeedback, { params: { id: feedback.id }, body: parsed.data });
      setResult({ kind: 'ok', text: `已分派给：${assignmentText(updated.assignment)}` });
      onChanged(updated);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      setResult({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag={headingTag} className='gz-h2' id={titleId}>
        分派
      </Html>
      <Html tag='p' className='gz-text'>
        {current ? `现在由 ${current} 负责跟进。` : '还没有分派给党支部或红色小管家。'}
      </Html>
      {result ? <Notice kind={result.kind}>{result.text}</Notice> : null}
      {isFinal(feedback.status) ? (
        <Html tag='p' className='gz-text gz-muted'>
          这条反馈已经结束，不能再分派。
        </Html>
      ) : loadError ? (
        <ErrorState message={`党支部和红色小管家的名单没有加载出来：${loadError}`} onRetry={retry} />
      ) : !assignees ? (
        <Html tag='p' className='gz-text gz-muted' role='status'>
          正在加载党支部和红色小管家名单…
        </Html>
      ) : (
        <Form onSubmit={() => void submit()}>
          <AssignFields
            idPrefix={idPrefix}
            value={choice}
            onChange={(v) => {
              setChoice(v);
              setErrors({});
            }}
            assignees={assignees}
            errors={errors}
            disabled={sending}
          />
          <Button type='submit' loading={sending}>
            {sending ? '正在分派…' : current ? '重新分派' : '分派'}
          </Button>
        </Form>
      )}
    </Html>
  );
}
