import type { HistoryEntry } from '@shared/api/feedback';
import { byline } from './feedbackText';
import { formatTime } from './format';
import { notePrefix, statusText } from './statusText';
import { Html } from './ui';

/** The feedback's history, newest first: who moved it, to which status, and the reply residents read. */
export function Timeline({ history }: { history: readonly HistoryEntry[] }) {
  const entries = [...history].reverse();
  return (
    <Html tag='ol' className='gz-timeline' aria-label='办理进度'>
      {entries.map((h, i) => (
        <Html tag='li' className='gz-timeline-entry' key={`${h.at}-${i}`}>
          <Html tag='strong' className='gz-text'>
            {h.from === null ? '提交反馈' : statusText.movedTo(h.to)}
          </Html>
          <Html tag='span' className='gz-meta'>
            {formatTime(h.at)} · {byline(h)}
          </Html>
          {h.note ? (
            <Html tag='p' className='gz-note'>
              {notePrefix(h)}
              {h.note}
            </Html>
          ) : null}
        </Html>
      ))}
    </Html>
  );
}
