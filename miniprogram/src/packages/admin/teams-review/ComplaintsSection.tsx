import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { FeedbackId, feedbackApi } from '@shared/api/feedback';
import { LinkComplaintBody, type Team, teamsApi } from '@shared/api/teams';
import { FEEDBACK_STATUSES } from '@shared/feedback/status';
import { ApiError, errorMessage, staffCall, zodFieldErrors } from '../../../api';
import { ErrorState, Notice } from '../../../components/States';
import { formatTime } from '../../../components/format';
import { Button, Form, Html, TextField, useUniqueId } from '../../../components/ui';

type Complaint = Team['complaints'][number];

const PAGE_SIZE = 20;
const NOTE_MAX = LinkComplaintBody.shape.note.unwrap().maxLength ?? undefined;
/** A reference number as the feedback cards show it: `20261127-004`. */
const REF_PATTERN = /^\d{8}-\d{3,}$/;

/**
 * The feedback with this reference number in the 噪音扰民 category, whatever its status: the queue's search in
 * each status at once (a complaint is linked while it is worked on, or after it was closed).
 */
const findNoiseComplaint = async (ref: string): Promise<string | undefined> => {
  const pages = await Promise.all(
    FEEDBACK_STATUSES.map((status) => staffCall(feedbackApi.listFeedbackQueue, { query: { status, category: 'noise', q: ref, limit: 20 } })),
  );
  return pages.flatMap((p) => p.items).find((f) => f.ref === ref)?.id;
};

/**
 * The noise complaints linked to the team (latest linked first, each opening its feedback), and a small form to
 * link another by its reference number as the feedback list shows it. `onLinked`: the team's page reads the team
 * again (its count of complaints changed).
 */
export function ComplaintsSection({ team, headingTag, onLinked }: { team: Team; headingTag: 'h2' | 'h3'; onLinked: () => void }) {
  const [items, setItems] = useState<Complaint[]>(team.complaints);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [ref, setRef] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [sending, setSending] = useState(false);
  const titleId = useUniqueId('complaints-title');
  const refId = useUniqueId('complaint-ref');
  const noteId = useUniqueId('complaint-note');
  const formTitleId = useUniqueId('complaint-form-title');

  const loadFirst = useCallback(async () => {
    setLoadError(undefined);
    try {
      const page = await staffCall(teamsApi.listTeamComplaints, { params: { id: team.id }, query: { limit: PAGE_SIZE } });
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [team.id]);
  useEffect(() => {
    void loadFirst();
  }, [loadFirst]);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await staffCall(teamsApi.listTeamComplaints, { params: { id: team.id }, query: { limit: PAGE_SIZE, cursor } });
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setLoadError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  };

  const link = async () => {
    if (sending) return;
    setResult(undefined);
    const typed = ref.trim();
    if (!typed) return setErrors({ ref: '请填写反馈编号' });
    if (!REF_PATTERN.test(typed) && !FeedbackId.safeParse(typed).success) return setErrors({ ref: '反馈编号格式不对，例如 20261127-004' });
    setErrors({});
    setSending(true);
    try {
      const feedbackId = REF_PATTERN.test(typed) ? await findNoiseComplaint(typed) : typed;
      if (!feedbackId) {
        setErrors({ ref: `没有找到编号为 ${typed} 的“噪音扰民”类反馈` });
        return;
      }
      const parsed = LinkComplaintBody.safeParse({ feedbackId, note: note.trim() || undefined });
      if (!parsed.success) {
        const errs = zodFieldErrors(parsed.error.issues);
        setErrors({ ref: errs.feedbackId ?? '', note: errs.note ?? '' });
        return;
      }
      const linked = await staffCall(teamsApi.linkNoiseComplaint, { params: { id: team.id }, body: parsed.data });
      setRef('');
      setNote('');
      setResult({ kind: 'ok', text: `已关联投诉「${linked.title}」。` });
      await loadFirst();
      onLinked();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setErrors({ ref: '没有找到这条反馈，请核对编号' });
      else if (err instanceof ApiError && err.fieldErrors.note) setErrors({ note: err.fieldErrors.note });
      else setResult({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag={headingTag} className='gz-h2' id={titleId}>
        {`噪音投诉（${Math.max(items.length, team.complaints.length)} 条）`}
      </Html>
      {loadError ? <ErrorState message={loadError} onRetry={() => void loadFirst()} /> : null}
      {items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {items.map((c) => (
            <Html tag='li' className='gz-team-entry' key={c.feedbackId}>
              <Html tag='p' className='gz-item-title'>
                {c.title}
              </Html>
              <Html tag='span' className='gz-meta'>
                {c.ref ? (
                  <>
                    {'编号 '}
                    <Html tag='span' className='gz-nowrap'>
                      {c.ref}
                    </Html>
                    {' · '}
                  </>
                ) : null}
                {`${formatTime(c.reportedAt)} 反映`}
              </Html>
              <Html tag='span' className='gz-meta'>
                {`${c.linkedByName} ${formatTime(c.linkedAt)} 关联`}
              </Html>
              {c.note ? (
                <Html tag='p' className='gz-note'>
                  {c.note}
                </Html>
              ) : null}
              <Button
                inline
                variant='plain'
                className='gz-section-gap-top'
                onClick={() => void Taro.navigateTo({ url: `/packages/admin/detail/index?id=${c.feedbackId}` })}
                accessibleName={`查看投诉「${c.title}」`}
              >
                查看投诉
              </Button>
            </Html>
          ))}
        </Html>
      ) : !loadError ? (
        <Html tag='p' className='gz-text gz-muted'>
          还没有关联的噪音投诉。
        </Html>
      ) : null}
      {cursor ? (
        <Button variant='plain' loading={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? '正在加载…' : '加载更多投诉'}
        </Button>
      ) : null}

      {/* names the form (a landmark) rather than a heading: beside the list this section's own title is an h3 already */}
      <Html tag='p' className='gz-h3' id={formTitleId}>
        关联一条噪音投诉
      </Html>
      {result ? <Notice kind={result.kind}>{result.text}</Notice> : null}
      <Form onSubmit={() => void link()} aria-labelledby={formTitleId}>
        <TextField
          id={refId}
          label='反馈编号'
          value={ref}
          onChange={(v) => {
            setRef(v);
            setErrors({});
          }}
          placeholder='例如：20261127-004'
          hint='“噪音扰民”类反馈的编号，在反馈列表的卡片上可以看到。'
          error={errors.ref || undefined}
          disabled={sending}
        />
        <TextField
          id={noteId}
          label='备注'
          optional
          value={note}
          onChange={(v) => {
            setNote(v);
            setErrors({});
          }}
          placeholder='例如：周二晚 21:00 后仍在播放音乐'
          hint='只有社区工作人员能看到。'
          maxLength={NOTE_MAX}
          error={errors.note || undefined}
          disabled={sending}
        />
        <Button type='submit' loading={sending}>
          {sending ? '正在关联…' : '关联投诉'}
        </Button>
      </Form>
    </Html>
  );
}
