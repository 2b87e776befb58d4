import { useEffect, useState } from 'react';
import type { WorkMonth } from '@shared/api/feedback';
import { call, errorMessage } from '../../api';
import { formatMonth, recentMonths } from '../../components/format';
import { Button, DataTable, Html, useUniqueId, type DataColumn } from '../../components/ui';
import { feedbackApi } from '@shared/api/feedback';

const COLUMNS: DataColumn<WorkMonth>[] = [
  { label: '月份', cell: (m) => formatMonth(m.month), short: true },
  { label: '代居民记录', cell: (m) => `${m.logged} 件`, short: true },
  { label: '分派给我', cell: (m) => `${m.assigned} 件`, short: true },
  { label: '已解决', cell: (m) => `${m.resolved} 件`, short: true },
];

/**
 * A steward's own work log: this month's numbers in one line, and the last six months on request (what they
 * show the committee at the month's meeting).
 */
export function WorkLog() {
  const [months, setMonths] = useState<WorkMonth[] | null>(null);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);
  const titleId = useUniqueId('work-log-title');
  const tableId = useUniqueId('work-log-months');

  useEffect(() => {
    const [to, , , , , from] = recentMonths(new Date(), 6);
    call(feedbackApi.getMyWorkLog, { query: { from: from!, to: to! } }).then(
      (r) => setMonths(r.months),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, []);

  const current = months?.at(-1);
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        我的工作记录
      </Html>
      {error ? (
        <Html tag='p' className='gz-text gz-muted'>
          {`工作记录暂时无法显示：${error}`}
        </Html>
      ) : !current ? (
        <Html tag='p' className='gz-text gz-muted'>
          正在加载…
        </Html>
      ) : (
        <>
          <Html tag='p' className='gz-text'>
            {`本月代居民记录 ${current.logged} 件，分派给我 ${current.assigned} 件，已解决 ${current.resolved} 件。`}
          </Html>
          <Button inline variant='plain' expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? '收起每月记录' : '查看近 6 个月'}
          </Button>
          {open ? (
            <>
              <Html tag='h3' className='gz-h3' id={tableId}>
                近 6 个月
              </Html>
              <DataTable columns={COLUMNS} rows={[...months!].reverse()} rowKey={(m) => m.month} labelledBy={tableId} />
            </>
          ) : null}
        </>
      )}
    </Html>
  );
}
