import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  openRawSheet,
  rowXml,
  xmlText,
  type RowValue,
} from '../../../../pipeline/write/xlsx/sheetRowsXml';
import { columnLetters } from '../../../../pipeline/write/writeWorkbook';

const COUNT: Partial<ExcelJS.Style> = { numFmt: '#,##0' };
const MONEY: Partial<ExcelJS.Style> = { numFmt: '#,##0.00' };
const TEXT: Partial<ExcelJS.Style> = {};
const WRAP: Partial<ExcelJS.Style> = { alignment: { wrapText: true } };
const COLUMN_STYLES = [TEXT, COUNT, MONEY, WRAP, COUNT, TEXT];

/** Rows of every case the writer meets: escapes, controls, numbers JavaScript prints oddly, gaps, an empty row, heights. */
const ROWS: { values: RowValue[]; height: number }[] = [
  { values: ['甲乡', 1, 2.5, '短', 3, '来源.csv'], height: 0 },
  { values: [`a<b>&'"c`, -0, 0.1 + 0.2, 'x\u0001y\u007fz\tw\r\nv', 1e21, "'=1+2"], height: 45 },
  { values: [undefined, 123456789.125, undefined, undefined, -7, undefined], height: 0 },
  { values: [undefined, undefined, undefined, undefined, undefined, undefined], height: 0 },
  { values: [undefined, undefined, undefined, undefined, undefined, undefined], height: 30 },
  { values: ['😀 𠀀', 5e-7, Number.MAX_SAFE_INTEGER, '', 0, '末'], height: 0 },
  { values: ['尾', undefined, undefined, undefined, undefined, 'z'], height: 0 },
  // Longer than one block of the raw writer: written on its own, between two blocks.
  { values: ['长'.repeat(90_000), 1, 2, '<&>'.repeat(30_000), 3, '后'], height: 0 },
  { values: ['再', 4, 5, '后', 6, '末'], height: 0 },
];

/** The style a cell gets: its column's, text in a number column keeps General (as writeWorkbook does). */
const styleOf = (value: RowValue, c: number): Partial<ExcelJS.Style> =>
  typeof value === 'string' && COLUMN_STYLES[c] !== WRAP ? TEXT : COLUMN_STYLES[c]!;

/** Writes a sheet with header row through exceljs, then the data rows with `writeRows`; returns the parts. */
async function sheetParts(
  path: string,
  writeRows: (wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet) => void,
): Promise<Record<string, string>> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.created = wb.modified = new Date(Date.UTC(2025, 11, 31));
  const ws = wb.addWorksheet('村级明细');
  ws.columns = COLUMN_STYLES.map((style) => ({ width: 10, style }));
  const header = ws.addRow(COLUMN_STYLES.map((_, i) => `列${i}`));
  header.eachCell((cell) => (cell.style = { font: { bold: true } }));
  header.commit();
  writeRows(wb, ws);
  ws.commit();
  await wb.commit();
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts: Record<string, string> = {};
  for (const f of Object.values(zip.files)) parts[f.name] = await f.async('string');
  return parts;
}

describe('sheet rows as XML', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'rows-xml-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("are the bytes exceljs's Row and Cell objects give, and styles.xml is the same", async () => {
    const byExceljs = await sheetParts(join(dir, 'exceljs.xlsx'), (_wb, ws) => {
      for (const { values, height } of ROWS) {
        const row = ws.addRow(values);
        row.eachCell((cell, col) => (cell.style = styleOf(values[col - 1], col - 1)));
        if (height > 0) row.height = height;
        row.commit();
      }
    });
    const byRaw = await sheetParts(join(dir, 'raw.xlsx'), (wb, ws) => {
      const raw = openRawSheet(wb, ws);
      const letters = COLUMN_STYLES.map((_, i) => columnLetters(i + 1));
      ROWS.forEach(({ values, height }, r) => {
        const ids = values.map((v, c) =>
          v === undefined
            ? 0
            : raw.styleId(
                styleOf(v, c),
                typeof v === 'number' ? ExcelJS.ValueType.Number : ExcelJS.ValueType.String,
              ),
        );
        raw.write(rowXml(r + 2, values, ids, letters, height));
      });
      raw.flush();
    });
    const sheet = byRaw['xl/worksheets/sheet1.xml']!;
    // The rows are there (the comparison below is not of two empty sheets).
    expect(sheet).toContain('<row r="3" ht="45" customHeight="1" spans="1:6"');
    expect(sheet).toContain('<row r="6" ht="30" customHeight="1" x14ac:dyDescent="0.25"/>');
    expect(sheet).not.toContain('<row r="5"');
    expect(sheet).toContain('<v>a&lt;b&gt;&amp;&apos;&quot;c</v>');
    expect(sheet).toContain(`<c r="A9" t="str"><v>${'长'.repeat(90_000)}</v></c>`);
    expect(sheet).toContain('<row r="10" spans="1:6"');
    expect(byRaw).toEqual(byExceljs);
  });

  test('xmlText escapes like exceljs: the five specials, DEL and C0 controls but tab, LF and CR dropped', () => {
    expect(xmlText('村 <1> & "2" \'3\'')).toBe('村 &lt;1&gt; &amp; &quot;2&quot; &apos;3&apos;');
    expect(xmlText('a\u0000b\u0008c\u000bd\u001fe\u007ff\t\n\r')).toBe('abcdef\t\n\r');
    expect(xmlText('平常')).toBe('平常');
  });

  test('openRawSheet refuses a sheet whose data was not opened by a committed row', async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'probe.xlsx') });
    const ws = wb.addWorksheet('a');
    expect(() => openRawSheet(wb, ws)).toThrow(/committed row/u);
    ws.addRow(['x']).commit();
    expect(openRawSheet(wb, ws).styleId({}, ExcelJS.ValueType.String)).toBe(0);
    ws.commit();
    await wb.commit();
  });
});
