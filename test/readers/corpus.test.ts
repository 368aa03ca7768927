/** The readers on the corpus: each layout gives the right grid and SheetInfo, in .xlsx and (through LibreOffice) in .xls. */
import iconv from 'iconv-lite';
import { columnLetters, loadSchema } from '../../core';
import { readWorkbook } from '../../readers';
import type { ReaderLimits, ReadResult, WorkbookModel } from '../../readers';
import {
  corpusXlsx,
  entryRows,
  hasSoffice,
  lyingZip,
  styledToXfd,
  threeVillages,
  toXls,
} from './corpus';
import { sheetCsv } from '../pipeline/intake/townshipFixture';

const LIMITS: ReaderLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 100 * 1024 * 1024,
  maxRows: 10_000,
  maxCells: 1_000_000,
};

/** The entry sheet's last column letter (the schema decides how many columns there are). */
const LAST = columnLetters(loadSchema().columns.length);

const workbookOf = (result: ReadResult | null): WorkbookModel => {
  if (result === null || !result.ok) throw new Error(`not read: ${JSON.stringify(result)}`);
  return result.workbook;
};

/** Merged group headers over sub-headers, a 小计 block with its label merged down column A, text-stored numbers under a SUM cached as 0. */
const LAYOUT = [
  {
    name: '统计表',
    rows: [
      ['示例县乡镇妇联工作统计表（2025年度）'],
      ['片区', '村名', '培训', null, '村妇联主席情况'],
      [null, null, '期数', '人次', '姓名'],
      ['东片', '东山村', 2, '80', '王芳'],
      [null, '西河村', 1, '30', '李梅'],
      [null, '小计', 3, { formula: 'SUM(D4:D5)', result: 0 }, null],
      ['西片', '南岭村', 3, 90, '赵兰'],
    ],
    merges: ['A1:E1', 'C2:D2', 'A2:A3', 'B2:B3', 'A4:A6'],
    hiddenRows: [5],
    hiddenColumns: [5],
  },
];

const EXPECTED_GRID = [
  ['示例县乡镇妇联工作统计表（2025年度）'],
  ['片区', '村名', '培训', null, '村妇联主席情况'],
  [null, null, '期数', '人次', '姓名'],
  ['东片', '东山村', 2, '80', '王芳'],
  [null, '西河村', 1, '30', '李梅'],
  [null, '小计', 3, 0],
  ['西片', '南岭村', 3, 90, '赵兰'],
];
const EXPECTED_INFO = {
  name: '统计表',
  hiddenRows: [5],
  hiddenColumns: [5],
  merges: [
    { top: 1, left: 1, bottom: 1, right: 5 },
    { top: 2, left: 3, bottom: 2, right: 4 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 3, right: 2 },
    { top: 4, left: 1, bottom: 6, right: 1 },
  ],
  typed: true,
};

const byTop = (merges: readonly { top: number; left: number }[] | undefined): unknown =>
  [...(merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left);

describe('readers: the layouts of real township workbooks (.xlsx)', () => {
  it('merged group headers, 小计 label merged down, hidden row and column, text numbers with a cached SUM of 0', async () => {
    const book = workbookOf(await readWorkbook(await corpusXlsx(LAYOUT), '.xlsx', LIMITS));
    expect(book.format).toBe('xlsx');
    const [sheet] = book.sheets;
    // The value of a merged range only in its top-left cell; text stays text (typed), the SUM its cached 0.
    expect(sheet!.grid).toEqual(EXPECTED_GRID);
    expect({ ...sheet!.info, merges: byTop(sheet!.info.merges) }).toEqual({
      ...EXPECTED_INFO,
      merges: byTop(EXPECTED_INFO.merges),
    });
  });

  it('several sheets: names, hidden state and the active sheet', async () => {
    const bytes = await corpusXlsx(
      [
        { name: '说明', rows: [['填表说明']] },
        { name: '2024年', rows: entryRows(threeVillages('黎岭镇', 2024)) },
        { name: '2025年', rows: entryRows(threeVillages('黎岭镇', 2025)) },
        { name: '旧表', rows: [['x']], state: 'hidden' },
      ],
      2,
    );
    const book = workbookOf(await readWorkbook(bytes, '.xlsx', LIMITS));
    expect(book.sheets.map((s) => [s.name, s.visible])).toEqual([
      ['说明', true],
      ['2024年', true],
      ['2025年', true],
      ['旧表', false],
    ]);
    expect(book.active).toBe(2);
    expect(book.sheets[2]!.grid[1]).toEqual([
      '填报单位：黎岭镇',
      '年度：2025',
      '填报人：王芳',
      '联系电话：13800000000',
    ]);
  });

  it('rows an active autofilter hides are data: not listed as hidden; a row the user hid is', async () => {
    const rows = entryRows(threeVillages('黎岭镇', 2025));
    const bytes = await corpusXlsx([
      { name: 'S', rows, autoFilter: `A4:${LAST}6`, filterHides: [6], hiddenRows: [7] },
    ]);
    const [sheet] = workbookOf(await readWorkbook(bytes, '.xlsx', LIMITS)).sheets;
    expect(sheet!.info.hiddenRows).toEqual([7]);
    // Without an active filter (only the dropdowns), a hidden row inside the range is the user's.
    const plain = await corpusXlsx([
      { name: 'S', rows, autoFilter: `A4:${LAST}7`, hiddenRows: [6] },
    ]);
    expect(
      workbookOf(await readWorkbook(plain, '.xlsx', LIMITS)).sheets[0]!.info.hiddenRows,
    ).toEqual([6]);
  });
});

describe('readers: CSV/TXT', () => {
  it('a GBK CSV (Excel "CSV" on Chinese Windows) decodes to the same grid as UTF-8, untyped', async () => {
    const text = sheetCsv(threeVillages('黎岭镇', 2025));
    const gbk = workbookOf(await readWorkbook(iconv.encode(text, 'gbk'), '.csv', LIMITS));
    const utf8 = workbookOf(await readWorkbook(new TextEncoder().encode(text), '.csv', LIMITS));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.sheets[0]!.grid).toEqual(utf8.sheets[0]!.grid);
    expect(gbk.sheets[0]!.info).toEqual({ typed: false });
    expect(gbk.sheets[0]!.grid[4]?.slice(0, 2)).toEqual(['1', '东山村']);
  });
});

describe('readers: resource caps (issue 13 item 2)', () => {
  it('a small xlsx styled to column XFD, merged and validated over the whole sheet, reads only its content cells', async () => {
    const bytes = await styledToXfd(40);
    expect(bytes.length).toBeLessThan(20 * 1024);
    const [sheet] = workbookOf(await readWorkbook(bytes, '.xlsx', LIMITS)).sheets;
    expect(sheet!.grid).toEqual([
      ['序号', '村名'],
      [1, '东山村'],
    ]);
    // The merge lies outside the content: nothing of it is kept (no range expanded).
    expect(sheet!.info.merges).toEqual([]);
  });

  it('a zip whose directory claims 1 KB but inflates past the cap stops at the cap: E_INFLATED_TOO_LARGE', async () => {
    const bytes = await lyingZip(3 * 1024 * 1024);
    expect(
      await readWorkbook(bytes, '.xlsx', { ...LIMITS, maxInflatedBytes: 1024 * 1024 }),
    ).toEqual({
      ok: false,
      failure: { code: 'E_INFLATED_TOO_LARGE', limit: 1024 * 1024 },
    });
  });

  it('caps file size, rows and cells for CSV and xlsx', async () => {
    const csv = new TextEncoder().encode('序号,村名\n' + '1,东山村\n'.repeat(50));
    expect(await readWorkbook(csv, '.csv', { ...LIMITS, maxFileBytes: 100 })).toEqual({
      ok: false,
      failure: { code: 'E_FILE_TOO_LARGE', size: csv.length, limit: 100 },
    });
    expect(await readWorkbook(csv, '.csv', { ...LIMITS, maxRows: 20 })).toEqual({
      ok: false,
      failure: { code: 'E_TOO_MANY_ROWS', sheet: null, rows: 51, limit: 20 },
    });
    expect(await readWorkbook(csv, '.csv', { ...LIMITS, maxCells: 50 })).toEqual({
      ok: false,
      failure: { code: 'E_TOO_MANY_CELLS', sheet: null, cells: 102, limit: 50 },
    });
    // An export padded with thousands of blank rows is no more rows than its content.
    const padded = new TextEncoder().encode('序号,村名\n1,东山村\n' + ',,\n'.repeat(5000));
    const read = workbookOf(await readWorkbook(padded, '.csv', { ...LIMITS, maxRows: 20 }));
    expect(read.sheets[0]!.grid).toEqual([
      ['序号', '村名'],
      ['1', '东山村'],
    ]);
    const xlsx = await corpusXlsx([
      { name: '表', rows: [['a'], ...Array.from({ length: 30 }, () => [1, 2])] },
    ]);
    expect(await readWorkbook(xlsx, '.xlsx', { ...LIMITS, maxRows: 20 })).toEqual({
      ok: false,
      failure: { code: 'E_TOO_MANY_ROWS', sheet: '表', rows: 31, limit: 20 },
    });
    expect(await readWorkbook(xlsx, '.xlsx', { ...LIMITS, maxCells: 40 })).toEqual({
      ok: false,
      failure: { code: 'E_TOO_MANY_CELLS', sheet: '表', cells: 61, limit: 40 },
    });
  });
});

describe('readers: .xls (BIFF8) and .et', () => {
  const soffice = hasSoffice();
  if (!soffice && process.env.CI !== 'true') {
    // LibreOffice is absent outside CI: say so; in CI (CI=true) the test below runs and fails without it.
    it('needs LibreOffice (soffice) to make .xls fixtures: not installed here', () => {
      expect(soffice).toBe(false);
    });
    return;
  }

  it('an .xls saved by LibreOffice reads to the same grid and SheetInfo as its .xlsx; .et with BIFF8 content too', async () => {
    const xlsx = await corpusXlsx([{ name: '说明', rows: [['填表说明']] }, ...LAYOUT], 1);
    const xls = toXls(xlsx);
    const fromXlsx = workbookOf(await readWorkbook(xlsx, '.xlsx', LIMITS));
    const fromXls = workbookOf(await readWorkbook(xls, '.xls', LIMITS));
    expect(fromXls.format).toBe('xls');
    // The selected tab survives (read from the WINDOW1 record).
    expect([fromXlsx.active, fromXls.active]).toEqual([1, 1]);
    expect(fromXls.sheets.map((s) => s.name)).toEqual(['说明', '统计表']);
    // LibreOffice saves the cached 0 of the SUM; the text-stored numbers stay text.
    expect(fromXls.sheets[1]!.grid).toEqual(fromXlsx.sheets[1]!.grid);
    const info = fromXls.sheets[1]!.info;
    expect({ ...info, merges: byTop(info.merges) }).toEqual({
      ...EXPECTED_INFO,
      merges: byTop(EXPECTED_INFO.merges),
    });
    const et = workbookOf(await readWorkbook(xls, '.et', LIMITS));
    expect(et.sheets[1]!.grid).toEqual(fromXls.sheets[1]!.grid);
    // An .et/.xls that is really a zip (a renamed .xlsx, a newer WPS file) is read as .xlsx.
    expect(workbookOf(await readWorkbook(xlsx, '.et', LIMITS)).format).toBe('xlsx');
  });
});

describe('readers: .xls that is no BIFF8', () => {
  it('bytes that are no BIFF8 workbook get E_XLS_UNREADABLE (whose message says to save as .xlsx)', async () => {
    for (const bytes of [
      new TextEncoder().encode('<html><table></table></html>'),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]),
    ])
      expect(await readWorkbook(bytes, '.xls', LIMITS)).toEqual({
        ok: false,
        failure: { code: 'E_XLS_UNREADABLE', format: '.xls' },
      });
  });
});
