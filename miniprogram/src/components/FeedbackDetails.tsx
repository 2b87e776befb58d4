import type { Feedback } from '@shared/api/feedback';
import { FEEDBACK_CATEGORY_LABELS } from '@shared/feedback/categories';
import { formatTime } from './format';
import { StatusTag } from './StatusTag';
import { Timeline } from './Timeline';
import { Html } from './ui';

/** The last reply the committee wrote, if any. */
export const latestReply = (f: Feedback) => [...f.history].reverse().find((h) => h.from !== null && h.note);

/** Everything about one piece of feedback: what, where, status, and its timeline. Shared by residents and staff. */
export function FeedbackDetails({ feedback: f, showReporter }: { feedback: Feedback; showReporter?: boolean }) {
  const reply = latestReply(f);
  return (
    <>
      <Html tag='div' className='gz-card'>
        <Html tag='div' className='gz-row'>
          <Html tag='span' className='gz-meta'>
            当前状态
          </Html>
          <StatusTag status={f.status} />
        </Html>
        <Html tag='h1' className='gz-h1'>
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
        <Html tag='h2' className='gz-h2'>
          问题描述
        </Html>
        <Html tag='p' className='gz-text gz-pre'>
          {f.description}
        </Html>
      </Html>

      {reply ? (
        <Html tag='section' className='gz-card' aria-labelledby='latest-reply-title'>
          <Html tag='h2' className='gz-h2' id='latest-reply-title'>
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

      <Html tag='section' className='gz-card' aria-labelledby='timeline-title'>
        <Html tag='h2' className='gz-h2' id='timeline-title'>
          办理进度
        </Html>
        <Timeline history={f.history} />
      </Html>
    </>
  );
}
