import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { PrintableReport } from '@shared/api/scoring';
import { canPrint, printPage } from '../../api/printPage';
import { formatTime } from '../format';
import { Button, DataTable, Html, useUniqueId, type DataColumn } from '../ui';
import './report.css';

type Report = z.infer<typeof PrintableReport>;
type Row = { n: number; cells: string[] };

/**
 * A printable report (titled sections of rows, as the server's exports give it) laid out for reading and for
 * paper: each section a table (cards on a phone), a print stylesheet that leaves out everything else, and in the
 * browser 打印 — its print dialog saves a PDF too. Shown instead of the page it came from, until 返回.
 */
export function ReportView({ report, onClose }: { report: Report; onClose: () => void }) {
  const titleId = useUniqueId('report-title');
  const sectionId = useUniqueId('report-section');
  const [madeAt] = useState(() => new Date().toISOString());
  // the view replaces the page: start reading it at its title
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.getElementById(titleId)?.focus();
  }, [titleId]);

  return (
    <Html tag='section' className='gz-report' aria-labelledby={titleId}>
      <Html tag='div' className='gz-button-row gz-no-print'>
        {canPrint ? (
          <Button inline variant='primary' onClick={printPage}>
            打印 / 存为 PDF
          </Button>
        ) : null}
        <Button inline variant='plain' onClick={onClose}>
          返回
        </Button>
      </Html>
      <Html tag='p' className='gz-meta gz-no-print'>
        {canPrint ? '打印时在打印对话框里选“另存为 PDF”，就能得到 PDF 文件。只打印下面的报告内容。' : '在电脑浏览器中打开管理页面可以打印或存为 PDF。'}
      </Html>
      <Html tag='h1' className='gz-h1 gz-report-title' id={titleId} tabIndex={-1}>
        {report.title}
      </Html>
      <Html tag='p' className='gz-text'>
        {report.subtitle}
      </Html>
      {report.sections.map((s, i) => {
        const columns: DataColumn<Row>[] = s.columns.map((label, c) => ({ label, cell: (r) => r.cells[c] ?? '' }));
        return (
          <Html tag='section' className='gz-report-section' key={`${i}-${s.heading}`} aria-labelledby={`${sectionId}-${i}`}>
            <Html tag='h2' className='gz-h2' id={`${sectionId}-${i}`}>
              {s.heading}
            </Html>
            {s.rows.length ? (
              <DataTable columns={columns} rows={s.rows.map((cells, n) => ({ n, cells }))} rowKey={(r) => String(r.n)} labelledBy={`${sectionId}-${i}`} />
            ) : (
              <Html tag='p' className='gz-text gz-muted'>
                无
              </Html>
            )}
          </Html>
        );
      })}
      <Html tag='p' className='gz-meta gz-report-foot'>
        {`生成时间：${formatTime(madeAt)}`}
      </Html>
    </Html>
  );
}
