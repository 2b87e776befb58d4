import { useState } from 'react';
import { errorMessage } from '../../api';
import { saveTextFile } from '../../api/saveFile';

/**
 * A CSV export on a staff page: fetch the file, save it (a download in the browser, WeChat's "send to a chat" in
 * the mini-program), and a sentence saying what happened. Closing WeChat's share sheet is not a failure.
 */
export function useCsvExport() {
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const run = async (fetchFile: () => Promise<{ filename: string; csv: string }>) => {
    setExporting(true);
    setExported(null);
    try {
      const file = await fetchFile();
      const how = await saveTextFile(file.filename, file.csv);
      setExported({ kind: 'ok', text: how === 'downloaded' ? `已下载「${file.filename}」，可以用 Excel 打开。` : `已生成「${file.filename}」。` });
    } catch (err) {
      if (err && typeof err === 'object' && 'errMsg' in err && String(err.errMsg).includes('cancel')) return;
      setExported({ kind: 'error', text: `导出没有成功：${errorMessage(err)}` });
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exported, run };
}
