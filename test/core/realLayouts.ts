/**
 * Real township sheet layouts (issue 7) as grid builders: what a reader hands the core (grid + SheetInfo)
 * and what validateGrid must make of it. Reusable by reader tests that write these layouts as real
 * .xlsx/.xls files (merges, hidden rows, text cells with a cached SUM) and assert the same outcome.
 */
import { toA1 } from '../../core/a1';
import { loadSchema } from '../../core/schema/loadSchema';
import type { Cell, SheetInfo, YearSource } from '../../core/types';
import { levelValues, villageValues } from './builders';

type Merge = NonNullable<SheetInfo['merges']>[number];

/** A layout: the grid, what the reader knows about the sheet, and the expected outcome. */
export interface RealLayout {
  id: string;
  /** What the layout shows, in a few words. */
  description: string;
  fileName: string;
  grid: Cell[][];
  sheet: SheetInfo;
  /** Rows (1-based) holding a 合计/小计 formula over the given 1-based data rows, per summed column (for a writer that stores formulas). */
  formulas: { row: number; rows: number[] }[];
  expected: {
    headerRow: number;
    villages: string[];
    /** Totals over the counted villages (+本级) for a few columns. */
    totals: Record<string, number>;
    /** Findings as "A1 CODE" (file-level: "- CODE"), in validateGrid's order. */
    findings: string[];
    excludedRows: number[];
    year: number | null;
    yearSource: YearSource | null;
  };
}

const schema = loadSchema();
const summed = schema.columns.filter((c) => c.sum === true).map((c) => c.id);

/** One header column: the written sub-header (or header) and its group (merged over its run). */
interface HeaderCol {
  id: string;
  text: string;
  group?: string;
  /** A group over the group (three-row headers). */
  top?: string;
}

/** The default two-row header: groups over their sub-headers, the other headers merged down. */
export const GROUPED: readonly HeaderCol[] = [
  { id: 'seq', text: '序号' },
  { id: 'village', text: '村（社区）名称' },
  { id: 'cadreName', text: '姓名', group: '村妇联主席情况' },
  { id: 'cadreGender', text: '性别', group: '村妇联主席情况' },
  { id: 'cadreAge', text: '年龄', group: '村妇联主席情况' },
  { id: 'cadreEducation', text: '文化程度', group: '村妇联主席情况' },
  { id: 'cadreTenure', text: '任职方式', group: '村妇联主席情况' },
  { id: 'inCommittee', text: '是否进村两委', group: '村妇联主席情况' },
  { id: 'cadreAnnualPay', text: '年报酬（元）', group: '村妇联主席情况' },
  { id: 'womensHome', text: '妇女之家', group: '阵地建设' },
  { id: 'childrensHome', text: '儿童之家', group: '阵地建设' },
  { id: 'trainingSessions', text: '期数', group: '培训' },
  { id: 'trainingAttendance', text: '人次', group: '培训' },
  { id: 'outreachEvents', text: '普法宣传场次' },
  { id: 'cancerScreened', text: '筛查人数', group: '两癌' },
  { id: 'cancerPoorReported', text: '上报贫困妇女数', group: '两癌' },
  { id: 'cancerAidYuan', text: '救助金额（元）', group: '两癌' },
  { id: 'modelFamilies', text: '最美家庭户数' },
  { id: 'visitorsReceived', text: '接待来访人次' },
  { id: 'disputesHandled', text: '调处件数', group: '纠纷' },
  { id: 'disputesResolved', text: '化解件数', group: '纠纷' },
  { id: 'repeatPetitions', text: '重复上访件数', group: '纠纷' },
  { id: 'householdsVisited', text: '困难户数', group: '慰问' },
  { id: 'reliefYuan', text: '金物折款（元）', group: '慰问' },
  { id: 'partyActivists', text: '培养入党积极分子数' },
  { id: 'pledgesMade', text: '承诺件数', group: '实事' },
  { id: 'pledgesDone', text: '完成件数', group: '实事' },
  { id: 'culturalEvents', text: '场次', group: '文体活动' },
  { id: 'culturalAttendance', text: '参与人次', group: '文体活动' },
  { id: 'notes', text: '备注' },
];

/** The units a units row shows per column id (blank for text columns). */
const UNITS: Record<string, string> = {
  cadreAge: '岁',
  cadreAnnualPay: '（元）',
  trainingSessions: '期',
  trainingAttendance: '人次',
  outreachEvents: '场',
  cancerScreened: '人',
  cancerPoorReported: '人',
  cancerAidYuan: '元',
  modelFamilies: '户',
  visitorsReceived: '人次',
  disputesHandled: '件',
  disputesResolved: '件',
  repeatPetitions: '件',
  householdsVisited: '户',
  reliefYuan: '元',
  partyActivists: '人',
  pledgesMade: '件',
  pledgesDone: '件',
  culturalEvents: '场',
  culturalAttendance: '人次',
};

/** The 1-based column of `id` in `cols`. */
const colOf = (cols: readonly { id: string }[], id: string): number =>
  cols.findIndex((c) => c.id === id) + 1;

/** Header rows from `first` (1-based) of `height` rows (1–3) and their merges: groups merged across their run, lone headers merged down. */
function headerRows(
  cols: readonly HeaderCol[],
  first: number,
  height: number,
): { rows: Cell[][]; merges: Merge[] } {
  const rows: Cell[][] = Array.from({ length: height }, () => cols.map(() => null));
  const merges: Merge[] = [];
  const bottom = first + height - 1;
  /** Writes runs of equal `key` values on header row `level` (0-based) and merges them. */
  const runs = (level: number, key: (c: HeaderCol) => string | undefined, below: number): void => {
    for (let i = 0; i < cols.length;) {
      const k = key(cols[i]!);
      let j = i;
      while (j + 1 < cols.length && k !== undefined && key(cols[j + 1]!) === k) j++;
      if (k !== undefined) {
        rows[level]![i] = k;
        if (j > i || below > 0)
          merges.push({
            top: first + level,
            left: i + 1,
            bottom: first + level + below,
            right: j + 1,
          });
      }
      i = j + 1;
    }
  };
  if (height === 1) {
    cols.forEach((c, i) => (rows[0]![i] = c.text));
    return { rows, merges };
  }
  // Top groups (three rows), then groups, then sub-headers; a column without a group is merged down.
  if (height === 3) runs(0, (c) => c.top, 0);
  const groupLevel = height - 2;
  cols.forEach((c, i) => {
    const topLevel = height === 3 && c.top !== undefined ? 1 : 0;
    if (c.group === undefined) {
      rows[topLevel]![i] = c.text;
      if (bottom > first + topLevel)
        merges.push({ top: first + topLevel, left: i + 1, bottom, right: i + 1 });
    } else rows[height - 1]![i] = c.text;
  });
  runs(groupLevel, (c) => c.group, 0);
  return { rows, merges: merges.sort((a, b) => a.top - b.top || a.left - b.left) };
}

/** A data row of `cols` from values by id. */
const dataRow = (cols: readonly { id: string }[], values: Record<string, Cell>): Cell[] =>
  cols.map((c) => values[c.id] ?? null);

/** Sum of column `id` over the grid rows `rows` (1-based) as numbers (text cells parsed). */
function sumOf(
  grid: Cell[][],
  cols: readonly { id: string }[],
  id: string,
  rows: number[],
): number {
  const c = colOf(cols, id) - 1;
  let s = 0;
  for (const r of rows) {
    const v = grid[r - 1]?.[c];
    s += typeof v === 'number' ? v : Number(v ?? 0) || 0;
  }
  return Math.round(s * 100) / 100;
}

/** Fills the summed cells of total row `row` with the sum over `rows` (skipping text cells when `skipText`, as Excel's SUM does). */
function fillTotal(
  grid: Cell[][],
  cols: readonly { id: string }[],
  row: number,
  rows: number[],
  skipText = false,
): void {
  for (const id of summed) {
    const c = colOf(cols, id) - 1;
    if (c < 0) continue;
    let s = 0;
    for (const r of rows) {
      const v = grid[r - 1]?.[c];
      if (typeof v === 'number') s += v;
      else if (!skipText && typeof v === 'string') s += Number(v) || 0;
    }
    grid[row - 1]![c] = Math.round(s * 100) / 100;
  }
}

const TITLE = '示例县乡镇妇联工作统计表（2025年度）';
const META: Cell[] = ['填报单位：', '青石镇妇联', '年度：', 2025, '填报人：', '王芳'];

/** Totals of a few columns over the given rows. */
function totalsOf(grid: Cell[][], cols: readonly { id: string }[], rows: number[]) {
  return {
    trainingAttendance: sumOf(grid, cols, 'trainingAttendance', rows),
    cancerAidYuan: sumOf(grid, cols, 'cancerAidYuan', rows),
    culturalAttendance: sumOf(grid, cols, 'culturalAttendance', rows),
  };
}

/** A sheet with a grouped header of `height` rows (optionally a units row), n villages and a 合计 row. */
function grouped(options: {
  id: string;
  description: string;
  height: number;
  units?: boolean;
  csv?: boolean;
  cols?: readonly HeaderCol[];
  villages?: number;
}): RealLayout {
  const cols = options.cols ?? GROUPED;
  const n = options.villages ?? 3;
  const { rows, merges } = headerRows(cols, 3, options.height);
  const grid: Cell[][] = [[TITLE], [...META], ...rows];
  if (options.units) grid.push(cols.map((c) => UNITS[c.id] ?? null));
  const dataRows: number[] = [];
  for (let i = 0; i < n; i++) dataRows.push(grid.push(dataRow(cols, villageValues(i))));
  const total = grid.push(dataRow(cols, { village: '合计' }));
  fillTotal(grid, cols, total, dataRows);
  return {
    id: options.id,
    description: options.description,
    fileName: options.csv ? '青石镇.csv' : '青石镇.xlsx',
    grid,
    sheet: options.csv ? {} : { name: '统计表', merges, typed: true },
    formulas: [{ row: total, rows: dataRows }],
    expected: {
      headerRow: 2 + options.height,
      villages: dataRows.map((r) => String(grid[r - 1]![colOf(cols, 'village') - 1])),
      totals: totalsOf(grid, cols, dataRows),
      findings: [],
      excludedRows: [],
      year: 2025,
      yearSource: 'metadata',
    },
  };
}

/** The schema's columns in order (a one-row header as the template writes it), optionally with extra columns first. */
function flatCols(extra: HeaderCol[] = []): HeaderCol[] {
  return [...extra, ...schema.columns.map((c) => ({ id: c.id, text: c.header }))];
}

/** A one-row-header sheet: title, metadata, blank row, header (row 4), n villages from row 5. */
function flat(cols: readonly HeaderCol[], n: number, meta: Cell[] = META, title: Cell = TITLE) {
  const grid: Cell[][] = [[title], [...meta], [], cols.map((c) => c.text)];
  const villageRows: number[] = [];
  for (let i = 0; i < n; i++) villageRows.push(grid.push(dataRow(cols, villageValues(i))));
  return { grid, villageRows };
}

const names = (grid: Cell[][], cols: readonly { id: string }[], rows: number[]): string[] =>
  rows.map((r) => String(grid[r - 1]![colOf(cols, 'village') - 1]));

/** A layout's expected outcome with the usual defaults (no findings, 2025 from 年度). */
function expected(
  grid: Cell[][],
  cols: readonly { id: string }[],
  counted: number[],
  more: Partial<RealLayout['expected']> = {},
): RealLayout['expected'] {
  return {
    headerRow: 4,
    villages: names(grid, cols, counted),
    totals: totalsOf(grid, cols, counted),
    findings: [],
    excludedRows: [],
    year: 2025,
    yearSource: 'metadata',
    ...more,
  };
}

/** 小计 per 片区: a merged 片区 column A over each block, 小计 in the village column, then 合计. `offBy` spoils the second 小计's 培训人次. */
function subtotalBlocks(id: string, offBy: number): RealLayout {
  const cols = flatCols([{ id: 'area', text: '片区' }]);
  const grid: Cell[][] = [[TITLE], [...META], [], cols.map((c) => c.text)];
  const blocks = [
    { label: '东片', villages: [0, 1] },
    { label: '西片', villages: [2, 3, 4] },
  ];
  const merges: Merge[] = [];
  const formulas: RealLayout['formulas'] = [];
  const all: number[] = [];
  for (const b of blocks) {
    const rows = b.villages.map((i) => grid.push(dataRow(cols, villageValues(i))));
    all.push(...rows);
    const sub = grid.push(dataRow(cols, { village: '小计' }));
    fillTotal(grid, cols, sub, rows);
    grid[rows[0]! - 1]![0] = b.label;
    merges.push({ top: rows[0]!, left: 1, bottom: sub, right: 1 });
    formulas.push({ row: sub, rows });
  }
  const total = grid.push(dataRow(cols, { village: '合计' }));
  fillTotal(grid, cols, total, all);
  formulas.push({ row: total, rows: all });
  const findings = ['A4 W_UNKNOWN_COLUMN'];
  if (offBy !== 0) {
    const c = colOf(cols, 'trainingAttendance');
    const sub = formulas[1]!.row;
    (grid[sub - 1]![c - 1] as number) += offBy;
    findings.push(`${toA1(sub, c)} E_SUBTOTAL_MISMATCH`);
  }
  return {
    id,
    description: offBy
      ? '小计 blocks; the second 小计 does not add up'
      : '小计 per 片区 (merged 片区 column), then 合计',
    fileName: '青石镇.xlsx',
    grid,
    sheet: { name: '统计表', merges, typed: true },
    formulas,
    expected: expected(grid, cols, all, { findings }),
  };
}

/** 小计 rows above their blocks (东片小计 first, then its villages), 合计 at the bottom; the label in 序号. */
function subtotalsAbove(): RealLayout {
  const cols = flatCols();
  const grid: Cell[][] = [[TITLE], [...META], [], cols.map((c) => c.text)];
  const all: number[] = [];
  const formulas: RealLayout['formulas'] = [];
  for (const [label, villages] of [
    ['东片小计', [0, 1]],
    ['西片小计', [2, 3, 4]],
  ] as const) {
    const sub = grid.push([label]);
    const rows = villages.map((i) => grid.push(dataRow(cols, villageValues(i))));
    fillTotal(grid, cols, sub, rows);
    all.push(...rows);
    formulas.push({ row: sub, rows });
  }
  const total = grid.push(['合计']);
  fillTotal(grid, cols, total, all);
  formulas.push({ row: total, rows: all });
  return {
    id: 'subtotals-above',
    description: '小计 rows above their blocks (labels in 序号), 合计 at the bottom',
    fileName: '青石镇.csv',
    grid,
    sheet: {},
    formulas,
    expected: expected(grid, cols, all),
  };
}

/** Hidden village row 6 (黎明村); the 合计 leaves it out (`totalWithHidden` false), counts it, or is absent (null). */
function hiddenRow(id: string, totalWithHidden: boolean | null): RealLayout {
  const cols = flatCols();
  const { grid, villageRows } = flat(cols, 4);
  const hidden = villageRows[1]!;
  const visible = villageRows.filter((r) => r !== hidden);
  const formulas: RealLayout['formulas'] = [];
  if (totalWithHidden !== null) {
    const total = grid.push(dataRow(cols, { village: '合计' }));
    const rows = totalWithHidden ? villageRows : visible;
    fillTotal(grid, cols, total, rows);
    formulas.push({ row: total, rows });
  }
  const excluded = totalWithHidden === false;
  return {
    id,
    description:
      totalWithHidden === null
        ? 'a hidden village row and no 合计: counted'
        : totalWithHidden
          ? 'a hidden village row that the 合计 includes: counted'
          : 'a hidden village row that the 合计 leaves out: not counted',
    fileName: '青石镇.xlsx',
    grid,
    sheet: { name: '统计表', hiddenRows: [hidden], typed: true },
    formulas,
    expected: expected(grid, cols, excluded ? visible : villageRows, {
      findings: [`B${hidden} ${excluded ? 'W_HIDDEN_ROW_EXCLUDED' : 'W_HIDDEN_ROW_COUNTED'}`],
      excludedRows: excluded ? [hidden] : [],
    }),
  };
}

/** Numbers stored as text in 培训人次 of two villages under a 合计 whose SUM skipped them; `typed` false: the same grid from a CSV. */
function textNumbers(id: string, typed: boolean): RealLayout {
  const cols = flatCols();
  const { grid, villageRows } = flat(cols, 3);
  const c = colOf(cols, 'trainingAttendance');
  for (const r of villageRows.slice(1)) grid[r - 1]![c - 1] = String(grid[r - 1]![c - 1]);
  const total = grid.push(dataRow(cols, { village: '合计' }));
  fillTotal(grid, cols, total, villageRows, true);
  const cell = toA1(total, c);
  return {
    id,
    description: typed
      ? 'numbers stored as text under a SUM that skipped them: a warning, the data counted'
      : 'the same figures from a CSV (no cell types): E_TOTAL_MISMATCH',
    fileName: typed ? '青石镇.xlsx' : '青石镇.csv',
    grid,
    sheet: typed ? { name: '统计表', typed: true } : {},
    formulas: [{ row: total, rows: villageRows }],
    expected: expected(grid, cols, villageRows, {
      findings: [`${cell} ${typed ? 'W_TOTAL_TEXT_NUMBERS' : 'E_TOTAL_MISMATCH'}`],
    }),
  };
}

/** Every layout of issue 7's corpus; `expected` holds for validateGrid with year 2025, the layout's fileName and its sheet (no registry). */
export function realLayouts(): RealLayout[] {
  const layouts: RealLayout[] = [
    grouped({ id: 'header-2-rows', description: 'groups merged over sub-headers', height: 2 }),
    grouped({
      id: 'header-2-rows-csv',
      description: 'the same two-row header from a CSV (no merges: groups apply forward)',
      height: 2,
      csv: true,
    }),
    grouped({
      id: 'header-3-rows-units',
      description:
        'three header rows (基本情况 / 工作开展情况 over groups over sub-headers) and a units row',
      height: 3,
      units: true,
      cols: GROUPED.map((c) =>
        c.id === 'seq' || c.id === 'village' || c.id === 'notes'
          ? c
          : {
              ...c,
              top:
                schema.columns.find((s) => s.id === c.id)?.group === 'activity'
                  ? '工作开展情况'
                  : '基本情况',
            },
      ),
    }),
    grouped({
      id: 'units-row',
      description: 'a one-row header with a units row (元, 期, 人次 …) under it, CSV',
      height: 1,
      units: true,
      csv: true,
      cols: flatCols(),
    }),
    subtotalBlocks('subtotals', 0),
    subtotalBlocks('subtotal-mismatch', 10),
    subtotalsAbove(),
    hiddenRow('hidden-row-excluded', false),
    hiddenRow('hidden-row-counted', true),
    hiddenRow('hidden-row-no-total', null),
    textNumbers('text-numbers', true),
    textNumbers('text-numbers-csv', false),
  ];
  // 片区 label rows and 小计 labels in 序号 (CSV, no merges).
  {
    const cols = flatCols();
    const grid: Cell[][] = [[TITLE], [...META], [], cols.map((c) => c.text)];
    const all: number[] = [];
    const formulas: RealLayout['formulas'] = [];
    for (const [label, villages] of [
      ['一、东片区', [0, 1]],
      ['二、西片区', [2, 3]],
    ] as const) {
      grid.push([label]);
      const rows = villages.map((i) => grid.push(dataRow(cols, villageValues(i))));
      all.push(...rows);
      const sub = grid.push([`${label.slice(2, 4)}小计`]);
      fillTotal(grid, cols, sub, rows);
      formulas.push({ row: sub, rows });
    }
    const level = grid.push(dataRow(cols, levelValues()));
    const total = grid.push(['合 计']);
    fillTotal(grid, cols, total, [...all, level]);
    formulas.push({ row: total, rows: [...all, level] });
    layouts.push({
      id: 'area-labels',
      description: '片区 label rows, 小计 in 序号, 本级 and 合 计',
      fileName: '青石镇.csv',
      grid,
      sheet: {},
      formulas,
      expected: expected(grid, cols, all, {
        totals: totalsOf(grid, cols, [...all, level]),
      }),
    });
  }
  // Hidden columns: 年报酬 and 备注 hidden, read.
  {
    const cols = flatCols();
    const { grid, villageRows } = flat(cols, 2);
    layouts.push({
      id: 'hidden-columns',
      description: 'known columns hidden: read, one warning',
      fileName: '青石镇.xlsx',
      grid,
      sheet: {
        name: '统计表',
        hiddenColumns: [colOf(cols, 'cadreAnnualPay'), colOf(cols, 'notes')],
        typed: true,
      },
      formulas: [],
      expected: expected(grid, cols, villageRows, { findings: ['- W_HIDDEN_COLUMNS'] }),
    });
  }
  // The year in the title only, and in the file name only.
  {
    const cols = flatCols();
    const meta: Cell[] = ['填报单位：', '青石镇妇联', '填报人：', '王芳'];
    const t = flat(cols, 2, meta, '示例县乡镇妇联工作统计表（2024年度）');
    layouts.push({
      id: 'year-in-title',
      description: 'no 年度 cell; the title says （2024年度）',
      fileName: '青石镇.xlsx',
      grid: t.grid,
      sheet: { name: '2024年' },
      formulas: [],
      expected: expected(t.grid, cols, t.villageRows, {
        findings: ['A1 E_YEAR_MISMATCH'],
        year: 2024,
        yearSource: 'title',
      }),
    });
    const f = flat(cols, 2, meta, '示例县乡镇妇联工作统计表');
    layouts.push({
      id: 'year-in-file-name',
      description: 'no 年度 cell, no year in the title; the file name says 2024',
      fileName: '青石镇2024年统计表.xlsx',
      grid: f.grid,
      sheet: { name: '统计表' },
      formulas: [],
      expected: expected(f.grid, cols, f.villageRows, {
        findings: ['- E_YEAR_MISMATCH'],
        year: 2024,
        yearSource: 'fileName',
      }),
    });
  }
  // A village cell merged over two rows.
  {
    const cols = flatCols();
    const { grid, villageRows } = flat(cols, 3);
    const c = colOf(cols, 'village');
    const second = villageRows[1]!;
    grid.splice(second, 0, dataRow(cols, { ...villageValues(1), seq: null, village: null }));
    layouts.push({
      id: 'merged-village',
      description: 'a village cell merged over two rows of data',
      fileName: '青石镇.xlsx',
      grid,
      sheet: { name: '统计表', merges: [{ top: second, left: c, bottom: second + 1, right: c }] },
      formulas: [],
      expected: expected(grid, cols, [villageRows[0]!, second, second + 2], {
        findings: [`${toA1(second, c)} E_VILLAGE_MERGED`],
      }),
    });
  }
  // 培训人数 where 培训人次 belongs.
  {
    const cols = flatCols().map((c) =>
      c.id === 'trainingAttendance' ? { id: 'trainingAttendance_', text: '培训人数' } : c,
    );
    const { grid, villageRows } = flat(cols, 2);
    layouts.push({
      id: 'header-hint',
      description: '培训人数 next to a missing 培训人次',
      fileName: '青石镇.csv',
      grid,
      sheet: {},
      formulas: [],
      expected: {
        ...expected(grid, cols, villageRows),
        totals: {},
        findings: [`${toA1(4, colOf(cols, 'trainingAttendance_'))} E_HEADER_HINT`],
      },
    });
  }
  return layouts;
}
