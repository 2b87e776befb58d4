import type { ReactNode } from 'react';
import type { HouseholdRecord } from '@shared/api/stewards';
import { formatTime } from '../format';
import { RecordPhotos } from '../RecordPhotos';
import { Facts, Html, useUniqueId } from '../ui';
import { helpKindText, hoursText, labelsText, lastVisitText } from './stewardText';

/** Who lives there and why they are looked after: the record's head. */
export function HouseholdFacts({ record }: { record: HouseholdRecord }) {
  const h = record.household;
  return (
    <Facts
      rows={[
        ['地址', `${h.compound} ${h.address}`],
        h.labels.length > 0 && ['关爱类别', labelsText(h.labels)],
        ['红色小管家', h.steward.name],
        ['走访', `${lastVisitText(h)}，共 ${h.visitCount} 次`],
        h.note ? ['备注', h.note] : undefined,
      ]}
    />
  );
}

/**
 * The visits, newest first: the day, who was met, what was talked about, needs found (and whether they became
 * feedback), its photos. `needAction` lets the steward's page offer 登记为反馈 beside a need.
 */
export function VisitList({ record, needAction }: { record: HouseholdRecord; needAction?: (visit: HouseholdRecord['visits'][number]) => ReactNode }) {
  const titleId = useUniqueId('visits-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`走访记录（${record.visits.length} 次）`}
      </Html>
      {record.visits.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {record.visits.map((v) => (
            <Html tag='li' className='gz-member' key={v.id}>
              <Html tag='p' className='gz-item-title'>
                {`${v.date} · 见到${v.metWith}`}
              </Html>
              <Html tag='p' className='gz-text gz-pre'>
                {v.discussed}
              </Html>
              {v.needs ? (
                <Html tag='p' className='gz-text gz-pre'>
                  {`发现的需求：${v.needs}${v.feedbackIds.length ? '（已登记为反馈）' : ''}`}
                </Html>
              ) : null}
              <RecordPhotos photos={v.photos} headingTag='h3' title={`${v.date} 走访照片`} />
              <Html tag='p' className='gz-meta'>
                {`${v.stewardName} 记录于 ${formatTime(v.recordedAt)}`}
              </Html>
              {needAction?.(v)}
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有走访记录。
        </Html>
      )}
    </Html>
  );
}

/** Help given, newest first, with the hours. */
export function HelpList({ record }: { record: HouseholdRecord }) {
  const titleId = useUniqueId('help-title');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`帮扶记录（${record.help.length} 次）`}
      </Html>
      {record.help.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {record.help.map((x) => (
            <Html tag='li' className='gz-member' key={x.id}>
              <Html tag='p' className='gz-item-title'>
                {`${x.date} · ${helpKindText(x.kind)} · ${hoursText(x.hours)}`}
              </Html>
              <Html tag='p' className='gz-text gz-pre'>
                {x.whatWasDone}
              </Html>
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有帮扶记录。
        </Html>
      )}
    </Html>
  );
}
