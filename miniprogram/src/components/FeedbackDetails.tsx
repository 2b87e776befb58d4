import type { Feedback } from '@shared/api/feedback';
import { FEEDBACK_CATEGORY_LABELS } from '@shared/feedback/categories';
import { formatTime } from './format';
import { StatusTag } from './StatusTag';
import { Timeline } from './Timeline';
import { Html, useUniqueId } from './ui';

/** The last reply the committee wrote, if any. */
export const latestReply = (f: Feedback) => [...f.history].reverse().find((h) => h.from !== null && h.note);

/**
 * Everything about one piece of feedback: what, where, status, and its timeline. Shared by residents and staff.
 * `headingLevel` 2 when it sits under a page's own h1 (beside the committee's list on a desktop).
 */
export function FeedbackDetails({
  feedback: f,
  showReporter,
  headingLevel = 1,
}: {
  feedback: Feedback;
  showReporter?: boolean;
  headingLevel?: 1 | 2;
}) {
  const reply = latestReply(f);
  const replyTitleId = useUniqueId('latest-reply-title');
  const timelineTitleId = useUniqueId('timeline-title');
  const sub = headingLevel === 1 ? 'h2' : 'h3';
  return (
    <>
      <Html tag='div' className='gz-card'>
        <Html tag='div' className='gz-row'>
          <Html tag='span' className='gz-meta'>
            当前状态
          </Html>
          <StatusTag status={f.status} />
        </Html>
        <Html tag={headingLevel === 1 ? 'h1' : 'h2'} className='gz-h1'>
          {f.title}
        </Html>
        <Html tag='dl' className='gz-dl'>
          <Html tag='div' className='gz-dl-row'>
            <Html tag='dt' className='gz-dt'>
              类别
            </Html>
            <Html tag='dd' className='gz-dd'>
              {FEEDBACK_CATEGORY_LABELS[f.category]}
            </Html>
          </Html>
          <Html tag='div' className='gz-dl-row'>
            <Html tag='dt' className='gz-dt'>
              地点
            </Html>
            <Html tag='dd' className='gz-dd'>
              {f.compound}
              {f.building ? ` ${f.building}` : ''}
            </Html>
          </Html>
          {showReporter ? (
            <Html tag='div' className='gz-dl-row'>
              <Html tag='dt' className='gz-dt'>
                反映人
              </Html>
              <Html tag='dd' className='gz-dd'>
                {f.reporterName}
              </Html>
            </Html>
          ) : null}
          <Html tag='div' className='gz-dl-row'>
            <Html tag='dt' className='gz-dt'>
              提交时间
            </Html>
            <Html tag='dd' className='gz-dd'>
              {formatTime(f.createdAt)}
            </Html>
          </Html>
        </Html>
        <Html tag={sub} className='gz-h2'>
          问题描述
        </Html>
        <Html tag='p' className='gz-text gz-pre'>
          {f.description}
        </Html>
      </Html>

      {reply ? (
        <Html tag='section' className='gz-card' aria-labelledby={replyTitleId}>
          <Html tag={sub} className='gz-h2' id={replyTitleId}>
            社区最新回复
          </Html>
          <Html tag='p' className='gz-note'>
            {reply.note}
          </Html>
          <Html tag='span' className='gz-meta'>
            {reply.byName} · {formatTime(reply.at)}
          </Html>
        </Html>
      ) : null}

      <Html tag='section' className='gz-card' aria-labelledby={timelineTitleId}>
        <Html tag={sub} className='gz-h2' id={timelineTitleId}>
          办理进度
        </Html>
        <Timeline history={f.history} />
      </Html>
    </>
  );
}

/**
 * What a detail shows while it loads: its cards, with grey bars where the text will be. The page below it is not
 * drawn until the detail arrives, so nothing that was already on screen moves (no layout shift).
 */
export function FeedbackDetailsSkeleton() {
  return (
    <Html tag='div' role='status' aria-live='polite'>
      <Html tag='div' className='gz-card'>
        <Html tag='p' className='gz-text gz-muted'>
          正在加载…
        </Html>
        <Html tag='div' aria-hidden>
          <Html tag='span' className='gz-skeleton-line gz-skeleton-line--title' />
          <Html tag='span' className='gz-skeleton-line gz-skeleton-line--mid' />
          <Html tag='span' className='gz-skeleton-line gz-skeleton-line--mid' />
          <Html tag='span' className='gz-skeleton-line gz-skeleton-line--short' />
          <Html tag='span' className='gz-skeleton-line' />
          <Html tag='span' className='gz-skeleton-line' />
        </Html>
      </Html>
      <Html tag='div' className='gz-card' aria-hidden>
        <Html tag='span' className='gz-skeleton-line gz-skeleton-line--short' />
        <Html tag='span' className='gz-skeleton-line gz-skeleton-line--mid' />
        <Html tag='span' className='gz-skeleton-line gz-skeleton-line--short' />
      </Html>
    </Html>
  );
}
