import { useState } from 'react';
import type { PrintableReport } from '@shared/api/scoring';
import { errorMessage } from '../../api';

/**
 * A printable report on a staff page (shown by `ReportView` in place of the page, then printed or saved as PDF):
 * fetch it, and a sentence when it could not be made.
 */
export function usePrintableReport() {
  const [report, setReport] = useState<PrintableReport | null>(null);
  const [preparing, setPreparing] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const open = async (fetchReport: () => Promise<PrintableReport>) => {
    setPreparing(true);
    setFailed(null);
    try {
      setReport(await fetchReport());
    } catch (err) {
      setFailed(`报告没有生成：${errorMessage(err)}`);
    } finally {
      setPreparing(false);
    }
  };
  return { report, preparing, failed, open, close: () => setReport(null) };
}
