/**
 * county-summary.xlsx as other programs read it: a roster written by writeWorkbook (its rows as raw
 * XML, see xlsx/sheetRowsXml) read back cell for cell by exceljs, by openpyxl (Python's reader) and
 * by LibreOffice (converted to CSV headless). Without python3+openpyxl or LibreOffice the checks
 * that need them say so and pass, except under CI=true, where they run and fail.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { neutralizeText } from '../../../pipeline/write/neutralizeText';
import type { OutputTable, TableCell, TableColumn } from '../../../pipeline/write/outputTable';
import { writeWorkbook } from '../../../pipeline/write/writeWorkbook';

const ROWS = 2_000;
const COLUMNS: TableColumn[] = [
  { label: '乡镇', kind: 'text', width: 14 },
  { label: '村（社区）名称', kind: 'text', width: 16 },
  { label: '妇联主席姓名', kind: 'text', width: 10 },
  { label: '年龄', kind: 'integer', width: 6 },
  { label: '年报酬（元）', kind: 'money', width: 12 },
  { label: '培训人次', kind: 'count', width: 8 },
  { label: '备注', kind: 'text', width: 20 },
  { label: '来源行', kind: 'integer', width: 6 },
];

/** The roster's cells: unique CJK names, blanks, text that needs escaping or a formula guard. */
function rosterCell(r: number, c: number): TableCell {
  switch (c) {
    case 0:
      return `乡镇${Math.floor(r / 15)}`;
    case 1:
      return `${String.fromCodePoint(0x6751 + (r % 500))}村${r}`;
    case 2:
      return r % 7 === 0 ? null : `姓名${r}`;
    case 3:
      return 25 + (r % 40);
    case 4:
      return r % 11 === 0 ? null : (r * 37) / 4;
    case 5:
      return r * 3;
    case 6:
      return [`<a & "b">`, '=SUM(A1)', '-5', "it's", '😀𠀀', null][r % 6]!;
    default:
      return r + 4;
  }
}

const roster: OutputTable = {
  sheet: '村级明细',
  columns: COLUMNS,
  rows: function* () {
    for (let r = 0; r < ROWS; r++) yield COLUMNS.map((_, c) => rosterCell(r, c));
  },
  freezeColumns: 3,
};
const summary: OutputTable = {
  sheet: '汇总',
  columns: [
    { label: '指标', kind: 'text', width: 20 },
    { label: '数值', kind: 'decimal', width: 12 },
  ],
  rows: () => [
    ['村（社区）数', { value: ROWS, kind: 'count' }],
    ['专职率', { value: 0.5, kind: 'rate' }],
  ],
  title: '示例县2025年度妇联工作统计汇总',
};

/** What a reader should find in the roster: the header, then every row as written (text neutralised, blanks null). */
const expected: (string | number | null)[][] = [
  COLUMNS.map((c) => c.label),
  ...Array.from({ length: ROWS }, (_, r) =>
    COLUMNS.map((_, c) => {
      const cell = rosterCell(r, c);
      return typeof cell === 'string' ? neutralizeText(cell) : (cell as number | null);
    }),
  ),
];

/** A python3 that has openpyxl, else null. */
function openpyxlPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3'])
    if (spawnSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0)
      return python;
  return null;
}

const hasSoffice = (): boolean =>
  spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

// Reads the workbook with openpyxl and prints sheet names, frozen panes, sizes, the roster's values and a few formats.
const OPENPYXL_DUMP = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['村级明细']
rows = [list(r) for r in ws.iter_rows(values_only=True)]
print(json.dumps({
  'sheets': wb.sheetnames,
  'freeze': ws.freeze_panes,
  'maxRow': ws.max_row,
  'maxColumn': ws.max_column,
  'rows': rows,
  'formats': [ws.cell(row=3, column=c).number_format for c in range(1, 9)],
  'bold': ws['A1'].font.b,
  'title': wb['汇总']['A1'].value,
  'merged': [str(m) for m in wb['汇总'].merged_cells.ranges],
  'rate': [wb['汇总']['B4'].value, wb['汇总']['B4'].number_format],
}, ensure_ascii=False))
`;

describe('the workbook read back by other programs', () => {
  let dir: string;
  let path: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-back-'));
    path = join(dir, 'county-summary.xlsx');
    await writeWorkbook(path, [summary, roster], { date: new Date(Date.UTC(2025, 11, 31)) });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('exceljs reads every roster cell as written, with its number format', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '村级明细']);
    const ws = wb.getWorksheet('村级明细')!;
    expect(ws.rowCount).toBe(ROWS + 1);
    const read: (string | number | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      read.push(
        COLUMNS.map((_, c) => (row.getCell(c + 1).value as string | number | null) ?? null),
      ),
    );
    expect(read).toEqual(expected);
    expect(ws.getCell('E3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('F3').numFmt).toBe('#,##0');
    expect(ws.getCell('D3').numFmt).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
    expect(wb.getWorksheet('汇总')!.getCell('B3').value).toBe(ROWS);
  });

  const python = openpyxlPython();
  const pythonTest = python === null && process.env.CI !== 'true' ? test.skip : test;
  pythonTest(
    'openpyxl reads the same cells, formats, frozen panes and title merge',
    () => {
      const out = execFileSync(python ?? 'python3', ['-c', OPENPYXL_DUMP, path], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      const dump = JSON.parse(out) as Record<string, unknown>;
      expect(dump.sheets).toEqual(['汇总', '村级明细']);
      expect(dump.freeze).toBe('D2');
      expect([dump.maxRow, dump.maxColumn]).toEqual([ROWS + 1, COLUMNS.length]);
      expect(dump.rows).toEqual(expected);
      expect(dump.formats).toEqual([
        'General',
        'General',
        'General',
        'General',
        '#,##0.00',
        '#,##0',
        'General',
        'General',
      ]);
      expect(dump.bold).toBe(true);
      expect(dump.title).toBe('示例县2025年度妇联工作统计汇总');
      expect(dump.merged).toEqual(['A1:B1']);
      expect(dump.rate).toEqual([0.5, '0.0%']);
    },
    60_000,
  );

  const soffice = hasSoffice();
  const sofficeTest = !soffice && process.env.CI !== 'true' ? test.skip : test;
  sofficeTest(
    'LibreOffice opens it and exports the roster to CSV with every value',
    () => {
      // CSV filter: comma, double quote, UTF-8, from line 1; cells as stored (not as shown); sheet 2.
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2',
          '--outdir',
          dir,
          path,
        ],
        { stdio: 'ignore', timeout: 120_000 },
      );
      const csv = readFileSync(join(dir, 'county-summary-村级明细.csv'), 'utf8');
      const rows = Papa.parse<string[]>(csv.trimEnd(), { skipEmptyLines: false }).data;
      expect(rows).toEqual(
        expected.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
      );
    },
    150_000,
  );
});
