/** CSV files for Excel (shared/csv.ts): what the committee's downloads are made of. */
import fc from 'fast-check';
import { CSV_BOM, csvCell, csvFile } from '../../../shared/csv';

describe('a cell', () => {
  it.each([
    ['plain text', '青年新苑', '青年新苑'],
    ['a number', 12.5, '12.5'],
    ['nothing', undefined, ''],
    ['a comma', '3栋,2单元', '"3栋,2单元"'],
    ['a quote', '他说"太吵"', '"他说""太吵"""'],
    ['a line break', '第一行\n第二行', '"第一行\n第二行"'],
    ['a formula', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['a leading plus', '+86 138', "'+86 138"],
    ['a leading minus', '-1', "'-1"],
    ['a leading at', '@SUM(A1)', "'@SUM(A1)"],
    ['a negative number (a number, not text)', -1, '-1'],
  ] as const)('%s', (_, value, expected) => expect(csvCell(value)).toBe(expected));

  it('never lets resident text start a formula or break the row, whatever it is', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c = csvCell(s);
        const inner = c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c;
        expect(/^[=+\-@\t\r]/.test(inner)).toBe(false);
        if (/[,\n\r"]/.test(inner)) expect(c.startsWith('"') && c.endsWith('"')).toBe(true);
      }),
    );
  });
});

it('a file starts with the byte-order mark Excel needs and ends its lines with CRLF', () => {
  expect(csvFile(['名称', '人数'], [['朝阳舞蹈队', 12], ['夕阳红', undefined]])).toBe(`${CSV_BOM}名称,人数\r\n朝阳舞蹈队,12\r\n夕阳红,\r\n`);
});
