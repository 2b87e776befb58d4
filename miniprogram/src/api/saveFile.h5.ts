/**
 * Browser build: the file is downloaded as the browser downloads any file (the CSV keeps its byte-order mark, so
 * Excel reads the Chinese correctly).
 */
export async function saveTextFile(filename: string, text: string, type = 'text/csv;charset=utf-8'): Promise<'downloaded' | 'shared'> {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the download has started by now; the address is kept a little longer for slow browsers
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return 'downloaded';
}
