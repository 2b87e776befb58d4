/** Browser build: the browser's print dialog, where “另存为 PDF / Save as PDF” makes the PDF. */
export const canPrint = true;
export function printPage(): void {
  window.print();
}
