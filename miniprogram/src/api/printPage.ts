/** Mini-program build: WeChat cannot print a page; the report is read on screen and the CSV is sent to a chat. */
export const canPrint = false;
export function printPage(): void {
  // nothing to do: the page offers no print button here (canPrint)
}
