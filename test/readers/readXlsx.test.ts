import fc from 'fast-check';
import JSZip from 'jszip';
import type { Grid } from '../../core/types';
import { listZipEntries, MAX_XLSX_BYTES, readXlsx, toCell } from '../../readers/readXlsx';
import { expectedTextGrid, gridXlsx, makeSheet, sheetXlsx } from '../fixtures/sheets';

const asText = (grid: Grid): (string | null)[][] =>
  grid.map((row) => row.map((c) => (c === null ? null : String(c))));
/** Stand-in for the core's header detection: a row holding 序号 and a 村 column. */
const hasHeader = (grid: Grid): boolean =>
  grid.some(
    (row) => row.includes('序号') && row.some((c) => typeof c === 'string' && c.startsWith('村')),
  );

describe('readXlsx: the sheet', () => {
  const sheet = makeSheet();

  it('reads the same values as the CSV forms: merged title, date, rich text, hyperlink, cached formula results', async () => {
    const result = await readXlsx(await sheetXlsx(sheet), { hasHeader });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sheetName).toBe('统计表');
    expect(asText(result.grid)).toEqual(expectedTextGrid(sheet));
    // Typed where Excel types: numbers stay numbers, the 合计 formulas give their cached sums.
    expect(result.grid[0]).toEqual(['示例县乡镇妇联工作统计表（2025年度）']);
    expect(result.grid[1]?.[9]).toBe('2026-01-10');
    expect(result.grid[4]?.slice(0, 5)).toEqual([1, '东山村', '王芳', '女', 45]);
    expect(result.grid[8]?.slice(8, 13)).toEqual([39600.5, null, null, 4, 230]);
  });

  it('takes the first worksheet holding a header row, else the first one', async () => {
    const bytes = await sheetXlsx(sheet, { leadingSheet: true });
    const withHeader = await readXlsx(bytes, { hasHeader });
    expect(withHeader.ok && withHeader.sheetName).toBe('统计表');
    const without = await readXlsx(bytes, { hasHeader: () => false });
    expect(without).toEqual({
      ok: true,
      sheetName: '填表说明',
      grid: [['填表说明：每村（社区）填一行。'], ['数字栏没有请填 0。']],
    });
    expect(await readXlsx(bytes)).toEqual(without);
  });

  it('skips hidden worksheets', async () => {
    const bytes = await gridXlsx([
      { name: 'hidden', rows: [['old']], state: 'hidden' },
      { name: 'shown', rows: [['new']] },
    ]);
    expect(await readXlsx(bytes)).toEqual({ ok: true, sheetName: 'shown', grid: [['new']] });
  });

  // Regression: an uncached formula read as null counted as 0; its text now earns E_NOT_NUMBER at the cell.
  it('gives Excel error values as their text, uncached formulas as =text, times after the date', async () => {
    const bytes = await gridXlsx([
      {
        name: 'S',
        rows: [
          [
            { formula: '1/0', result: { error: '#DIV/0!' } },
            { error: '#N/A' },
            { formula: 'A1+1' },
            new Date(Date.UTC(2025, 11, 31, 14, 30)),
            true,
          ],
          [null, { sharedFormula: 'A1', result: 7 }],
          [{ formula: 'SUM(B1:B2)' }, { formula: 'SUM(C1:C2)' }, { sharedFormula: 'B3' }],
          // A saved result of 0 (exceljs' cell.value drops it) and of "" (<v></v>: a computed blank).
          [{ formula: 'SUM(B9:B10)', result: 0 }, { formula: 'IF(B1="","",1)', result: '' }, 5],
        ],
      },
    ]);
    const result = await readXlsx(bytes);
    expect(result).toEqual({
      ok: true,
      sheetName: 'S',
      grid: [
        ['#DIV/0!', '#N/A', '=A1+1', '2025-12-31 14:30', true],
        [null, 7],
        ['=SUM(B1:B2)', '=SUM(C1:C2)', '=SUM(D1:D2)'],
        [0, null, 5],
      ],
    });
  });
});

describe('readXlsx: formulas saved without a result', () => {
  it('finds them in the chosen sheet, whatever its name and place', async () => {
    const bytes = await gridXlsx([
      { name: '说明', rows: [['填表说明'], [{ formula: '1+1' }]] },
      {
        name: '统计表 & "A"',
        rows: [['序号'], [{ formula: 'SUM(A9:A10)', result: 0 }, { formula: 'A2*2' }]],
      },
    ]);
    const result = await readXlsx(bytes, { hasHeader: (grid) => grid[0]?.[0] === '序号' });
    expect(result).toEqual({
      ok: true,
      sheetName: '统计表 & "A"',
      grid: [['序号'], [0, '=A2*2']],
    });
  });
});

describe('readXlsx: files that are not readable workbooks', () => {
  it('a truncated file (central directory lost) is E_UNREADABLE not-zip', async () => {
    const bytes = await sheetXlsx(makeSheet());
    expect(await readXlsx(bytes.subarray(0, Math.floor(bytes.length / 2)))).toEqual({
      ok: false,
      code: 'E_UNREADABLE',
      reason: 'not-zip',
    });
  });

  it('a text file renamed .xlsx is E_UNREADABLE not-zip', async () => {
    expect(await readXlsx(Buffer.from('序号,村名\n1,东山村\n', 'utf8'))).toEqual({
      ok: false,
      code: 'E_UNREADABLE',
      reason: 'not-zip',
    });
  });

  it('a zip that is not a workbook is E_UNREADABLE not-xlsx', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    expect(await readXlsx(await zip.generateAsync({ type: 'uint8array' }))).toEqual({
      ok: false,
      code: 'E_UNREADABLE',
      reason: 'not-xlsx',
    });
  });

  it('a workbook with damaged XML is E_UNREADABLE corrupt', async () => {
    const zip = await JSZip.loadAsync(await sheetXlsx(makeSheet()));
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="x" sheetId="1" r:id="rId1"');
    zip.file('xl/worksheets/sheet1.xml', '\u0000\u0001 not xml <<<');
    const result = await readXlsx(await zip.generateAsync({ type: 'uint8array' }));
    expect(result).toEqual({ ok: false, code: 'E_UNREADABLE', reason: 'corrupt' });
  });

  it('a zip declaring a huge uncompressed size (zip bomb) is E_UNREADABLE too-large', async () => {
    const bytes = Uint8Array.from(await sheetXlsx(makeSheet()));
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 0xfffffff0, true); // first central-directory entry: uncompressed size
        break;
      }
    }
    expect(await readXlsx(bytes)).toEqual({ ok: false, code: 'E_UNREADABLE', reason: 'too-large' });
  });

  it('a file over the size cap is E_UNREADABLE too-large without being parsed', async () => {
    expect(await readXlsx(new Uint8Array(MAX_XLSX_BYTES + 1))).toEqual({
      ok: false,
      code: 'E_UNREADABLE',
      reason: 'too-large',
    });
  });

  it('listZipEntries lists a workbook and rejects non-zips', async () => {
    const entries = listZipEntries(await sheetXlsx(makeSheet()));
    expect(entries?.names.has('[Content_Types].xml')).toBe(true);
    expect(entries?.names.has('xl/workbook.xml')).toBe(true);
    expect(listZipEntries(new Uint8Array(10))).toBeNull();
  });
});

describe('toCell', () => {
  it.each([
    [null, null],
    ['文本', '文本'],
    [12.5, 12.5],
    [Number.NaN, null],
    [false, false],
    [{ richText: [{ text: '东' }, { text: '山村' }] }, '东山村'],
    [{ text: { richText: [{ text: '链接' }] }, hyperlink: 'https://x' }, '链接'],
    [{ formula: 'SUM(A1:A2)', result: 3 }, 3],
    [{ formula: 'A1', result: new Date(Date.UTC(2026, 0, 10)) }, '2026-01-10'],
    [{ formula: 'A1', result: '' }, ''],
    [{ error: '#REF!' }, '#REF!'],
    [{ unknown: true }, null],
  ] as [unknown, unknown][])('%j → %j', (value, expected) => {
    expect(toCell(value)).toEqual(expected);
  });
});

describe('readXlsx: properties', () => {
  it('never throws on arbitrary bytes and gives the same result twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const first = await readXlsx(bytes);
        expect(await readXlsx(bytes)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a damaged workbook (bytes overwritten) and gives the same result twice', async () => {
    const valid = await gridXlsx([
      {
        name: 'S',
        rows: [
          ['序号', '村名'],
          [1, '东山村'],
        ],
      },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (edits) => {
          const bytes = Uint8Array.from(valid);
          for (const [at, value] of edits) bytes[at] = value;
          const first = await readXlsx(bytes);
          expect(await readXlsx(bytes)).toEqual(first);
        },
      ),
      { numRuns: 150 },
    );
  });
});
