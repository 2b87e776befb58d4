import { useState } from 'react';
import { BulkAssignBody, type FeedbackSummary, feedbackApi } from '@shared/api/feedback';
import { ApiError, errorMessage, staffCall, zodFieldErrors, type FieldErrors } from '../../../api';
import { assignmentText } from '../../../components/feedbackText';
import { ErrorState, Notice } from '../../../components/States';
import { Button, Form, Html, useUniqueId } from '../../../components/ui';
import { AssignFields, assignmentBody, type AssignChoice } from './AssignFields';
import { useAssignees } from './useAssignees';

/**
 * The same assignment for the cards chosen in the queue (desktop): each is assigned or refused on its own, and
 * the refusals are named with their reason.
 */
export function BulkAssign({
  selected,
  items,
  onSelectAll,
  onClear,
  onDone,
}: {
  selected: readonly string[];
  /** The queue's cards: to name refused ones by title. */
  items: readonly FeedbackSummary[];
  onSelectAll: () => void;
  onClear: () => void;
  onDone: () => void;
}) {
  const { assignees, error: loadError, retry } = useAssignees();
  const [choice, setChoice] = useState<AssignChoice>({ branchId: '', stewardId: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; lines: string[] }>();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('bulk-title');
  const idPrefix = useUniqueId('bulk');

  const submit = async () => {
    if (sending || !assignees) return;
    setResult(undefined);
    const parsed = BulkAssignBody.safeParse({ ids: [...selected], ...assignmentBody(choice, assignees) });
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error.issues);
      setErrors(errs);
      if (errs.ids) setResult({ kind: 'error', lines: [errs.ids] });
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const r = await staffCall(feedbackApi.assignFeedbackInBulk, { body: parsed.data });
      const who = assignmentText(parsed.data);
      const titleOf = (id: string) => items.find((i) => i.id === id)?.title ?? '一条反馈';
      setResult({
        kind: r.refused.length ? 'error' : 'ok',
        lines: [
          r.assigned.length ? `已把 ${r.assigned.length} 条反馈分派给：${who}。` : '没有分派成功的反馈。',
          ...r.refused.map((x) => `「${titleOf(x.id)}」没有分派：${x.reason}`),
        ],
      });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors).length) setErrors(err.fieldErrors);
      setResult({ kind: 'error', lines: [errorMessage(err)] });
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h2' id={titleId}>
        批量分派
      </Html>
      <Html tag='p' className='gz-text' role='status'>
        {selected.length ? `已选 ${selected.length} 条反馈。` : '请在下面的列表里勾选要分派的反馈。'}
      </Html>
      <Html tag='div' className='gz-button-row'>
        <Button inline variant='plain' disabled={sending} onClick={onSelectAll}>
          全选本页
        </Button>
        <Button inline variant='plain' disabled={sending || !selected.length} onClick={onClear}>
          清除选择
        </Button>
      </Html>
      {result ? (
        <Notice kind={result.kind}>
          {result.lines.map((l) => (
            <Html tag='span' className='gz-block' key={l}>
              {l}
            </Html>
          ))}
        </Notice>
      ) : null}
      {loadError ? (
        <ErrorState message={`党支部和红色小管家的名单没有加载出来：${loadError}`} onRetry={retry} />
      ) : !assignees ? (
        <Html tag='p' className='gz-text gz-muted' role='status'>
          正在加载党支部和红色小管家名单…
        </Html>
      ) : (
        <Form onSubmit={() => void submit()}>
          <AssignFields idPrefix={idPrefix} value={choice} onChange={(v) => { setChoice(v); setErrors({}); }} assignees={assignees} errors={errors} disabled={sending} />
          <Button type='submit' variant='primary' loading={sending} disabled={!selected.length}>
            {sending ? '正在分派…' : `分派所选（${selected.length} 条）`}
          </Button>
        </Form>
      )}
    </Html>
  );
}
