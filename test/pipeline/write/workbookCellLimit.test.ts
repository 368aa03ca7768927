/** Issue 13.10: Excel holds at most 32,767 characters in a cell; longer text is cut with a marker, and the writer says where. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { OutputTable } from '../../../pipeline/write/outputTable';
import { EXCEL_CELL_CHARS, writeWorkbook } from '../../../pipeline/write/writeWorkbook';

describe('text longer than an Excel cell holds', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cell-limit-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('is truncated to 32,767 characters ending in the marker (no surrogate pair split), and reported', async () => {
    const long = `=${'备注'.repeat(20_000)}`; // 40,001 characters, and a formula guard to keep
    const emoji = `${'a'.repeat(EXCEL_CELL_CHARS - 8)}${'😀'.repeat(10)}`;
    const fits = 'x'.repeat(EXCEL_CELL_CHARS);
    const table: OutputTable = {
      sheet: '村级明细',
      columns: [
        { label: '村', kind: 'text', width: 10 },
        { label: '备注', kind: 'text', width: 20 },
      ],
      rows: () => [
        ['一村', long],
        ['二村', emoji],
        ['三村', fits],
      ],
    };
    const cut: unknown[] = [];
    const path = join(dir, 'book.xlsx');
    await writeWorkbook(path, [table], {
      cellText: { marker: '…〔已截断〕', onTruncate: (where) => cut.push(where) },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('村级明细')!;
    const b2 = ws.getCell('B2').text;
    const b3 = ws.getCell('B3').text;
    expect(b2.length).toBe(EXCEL_CELL_CHARS);
    expect(b2.startsWith("'=备注")).toBe(true);
    expect(b2.endsWith('…〔已截断〕')).toBe(true);
    expect(b3.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    expect(b3.endsWith('…〔已截断〕')).toBe(true);
    expect(/[\uD800-\uDBFF]…/u.test(b3)).toBe(false);
    expect(ws.getCell('B4').text).toBe(fits);
    expect(cut).toEqual([
      { sheet: '村级明细', row: 2, column: 2, length: long.length + 1 },
      { sheet: '村级明细', row: 3, column: 2, length: emoji.length },
    ]);
  });
});
