import type { ReactNode } from 'react';
import type { Feedback } from '@shared/api/feedback';
import { FEEDBACK_CATEGORY_LABELS } from '@shared/feedback/categories';
import { ON_BEHALF_CHANNEL_LABELS } from '@shared/feedback/contact';
import { RecordPhotos } from './RecordPhotos';
import { assignmentText } from './feedbackText';
import { formatTime } from './format';
import { notePrefix } from './statusText';
import { StatusTag } from './StatusTag';
import { Timeline } from './Timeline';
import { Html, useUniqueId } from './ui';

/** The last reply the committee (or the steward working on it) wrote, if any: not a rating, reason or system note. */
export const latestReply = (f: Feedback) => [...f.history].reverse().find((h) => h.note && notePrefix(h) === '回复：');

/** Who is reading: its reporter, the steward it is assigned to, or the committee (who see phone numbers whole). */
export type FeedbackViewer = 'reporter' | 'assignee' | 'committee';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Html tag='div' className='gz-dl-row'>
      <Html tag='dt' className='gz-dt'>
        {term}
      </Html>
      <Html tag='dd' className='gz-dd'>
        {children}
      </Html>
    </Html>
  );
}

/**
 * Everything about one piece of feedback: what, where, who follows it up, its photos, status and timeline.
 * Shared by residents, stewards and staff; `viewer` decides what is said about people (the reporter reads their
 * own phone masked, the committee reads it whole: the server sends each what they may see).
 * `headingLevel` 2 when it sits under a page's own h1 (beside the committee's list on a desktop).
 */
export function FeedbackDetails({
  feedback: f,
  viewer = 'reporter',
  headingLevel = 1,
  actions,
}: {
  feedback: Feedback;
  viewer?: FeedbackViewer;
  headingLevel?: 1 | 2;
  /** What the reader can do now (withdraw, rate): after the latest reply, before the timeline. */
  actions?: ReactNode;
}) {
  const reply = latestReply(f);
  const replyTitleId = useUniqueId('latest-reply-title');
  const timelineTitleId = useUniqueId('timeline-title');
  const ratingTitleId = useUniqueId('rating-title');
  const sub = headingLevel === 1 ? 'h2' : 'h3';
  const assigned = assignmentText(f.assignment);
  const onBehalf = f.onBehalf;
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
          {f.ref ? <Row term='反馈编号'>{f.ref}</Row> : null}
          <Row term='类别'>{FEEDBACK_CATEGORY_LABELS[f.category]}</Row>
          <Row term='地点'>
            {f.compound}
            {f.building ? ` ${f.building}` : ''}
          </Row>
          {viewer !== 'reporter' ? <Row term='反映人'>{f.reporterName}</Row> : null}
          {f.phone ? (
            <Row term='联系电话'>
              {f.phone}
              {viewer === 'reporter' ? '（完整号码只有社区工作人员能看到）' : ''}
            </Row>
          ) : null}
          {assigned ? <Row term='负责跟进'>{assigned}</Row> : null}
          <Row term='提交时间'>{formatTime(f.createdAt)}</Row>
        </Html>
        {onBehalf ? (
          <>
            <Html tag={sub} className='gz-h3'>
              代居民记录
            </Html>
            <Html tag='dl' className='gz-dl'>
              <Row term='了解方式'>{ON_BEHALF_CHANNEL_LABELS[onBehalf.channel]}</Row>
              {onBehalf.name ? <Row term='居民姓名'>{onBehalf.name}</Row> : null}
              {onBehalf.phone ? <Row term='居民电话'>{onBehalf.phone}</Row> : null}
              {onBehalf.consentRecordedAt ? <Row term='本人同意'>已征得同意（{formatTime(onBehalf.consentRecordedAt)} 记录）</Row> : null}
              {!onBehalf.name && !onBehalf.phone ? <Row term='居民'>未留姓名和电话</Row> : null}
            </Html>
          </>
        ) : null}
        <Html tag={sub} className='gz-h2'>
          问题描述
        </Html>
        <Html tag='p' className='gz-text gz-pre'>
          {f.description}
        </Html>
        {f.photos?.length ? <RecordPhotos photos={f.photos} headingTag={sub} /> : null}
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

      {actions}

      {f.rating ? (
        <Html tag='section' className='gz-card' aria-labelledby={ratingTitleId}>
          <Html tag={sub} className='gz-h2' id={ratingTitleId}>
            {viewer === 'reporter' ? '您的评价' : '居民评价'}
          </Html>
          <Html tag='p' className='gz-text'>
            {f.rating.resolved ? '解决了' : '没解决'}，满意度 {f.rating.stars} 星
          </Html>
          {f.rating.comment ? (
            <Html tag='p' className='gz-note'>
              {f.rating.comment}
            </Html>
          ) : null}
          <Html tag='span' className='gz-meta'>
            {formatTime(f.rating.at)}
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
