import { parseRegistry } from '../../core/registry/parseRegistry';
import type { Cell, Finding, FindingCode, Registry, ValidateOptions } from '../../core/types';
import { validateGrid } from '../../core/validateGrid';
import type { SheetBuilder } from './builders';
import { buildSheet, registryGrid } from './builders';
import { valueOf, valuesByField } from '../../core/sheet/rowValues';
import { loadSchema } from '../../core/schema/loadSchema';
import { columnLetters } from '../../core/a1';

/** The parts of a finding the cases assert. */
const brief = (f: Finding) => ({
  code: f.code,
  cell: f.cell,
  field: f.field,
  value: f.value,
  suggestion: f.suggestion,
});
type Brief = ReturnType<typeof brief>;
const F = (
  code: FindingCode,
  cell: string | null,
  field: string | null,
  value: string | null,
  suggestion: string | null = null,
): Brief => ({ code, cell, field, value, suggestion });

function registry(): Registry {
  const r = parseRegistry(registryGrid(), buildSheet().schema);
  if (!r.ok) throw new Error('registry fixture invalid');
  return r.registry;
}

interface Case {
  name: string;
  edit: (b: SheetBuilder) => void;
  expected: Brief[];
  options?: Partial<ValidateOptions>;
  sheet?: Parameters<typeof buildSheet>[0];
}

const R = 5; // first village row
const cases: Case[] = [
  { name: 'a clean sheet has no findings', edit: () => {}, expected: [] },
  {
    name: 'E_NOT_NUMBER',
    edit: (b) => b.set(R, 'outreachEvents', '很多'),
    expected: [F('E_NOT_NUMBER', 'N5', 'outreachEvents', '很多')],
  },
  {
    name: 'E_NEGATIVE',
    edit: (b) => b.set(R, 'modelFamilies', '-2'),
    expected: [F('E_NEGATIVE', 'R5', 'modelFamilies', '-2')],
  },
  {
    name: 'E_NEGATIVE (Excel number)',
    edit: (b) => b.set(R, 'modelFamilies', -2),
    expected: [F('E_NEGATIVE', 'R5', 'modelFamilies', '-2')],
  },
  {
    name: 'E_NOT_INTEGER',
    edit: (b) => b.set(R, 'partyActivists', '2.5'),
    expected: [F('E_NOT_INTEGER', 'Y5', 'partyActivists', '2.5')],
  },
  {
    name: 'E_EXCEL_ERROR',
    edit: (b) => b.set(R, 'visitorsReceived', '#DIV/0!'),
    expected: [F('E_EXCEL_ERROR', 'S5', 'visitorsReceived', '#DIV/0!')],
  },
  {
    name: 'E_ENUM',
    edit: (b) => b.set(R, 'cadreGender', '未知'),
    expected: [F('E_ENUM', 'D5', 'cadreGender', '未知')],
  },
  {
    name: 'E_ENUM on yes/no',
    edit: (b) => b.set(R, 'womensHome', '不清楚'),
    expected: [F('E_ENUM', 'J5', 'womensHome', '不清楚')],
  },
  {
    name: 'E_REQUIRED (name blank)',
    edit: (b) => b.set(R, 'cadreName', '  '),
    expected: [F('E_REQUIRED', 'C5', 'cadreName', null)],
  },
  {
    name: 'E_REQUIRED (age blank)',
    edit: (b) => b.set(R, 'cadreAge', null),
    expected: [F('E_REQUIRED', 'E5', 'cadreAge', null)],
  },
  {
    name: 'E_AGE_RANGE (without W_AGE_HIGH)',
    edit: (b) => b.set(R, 'cadreAge', 85),
    expected: [F('E_AGE_RANGE', 'E5', 'cadreAge', '85')],
  },
  {
    name: 'E_AGE_RANGE (too young)',
    edit: (b) => b.set(R, 'cadreAge', '16岁'),
    expected: [F('E_AGE_RANGE', 'E5', 'cadreAge', '16岁')],
  },
  {
    name: 'W_AGE_HIGH',
    edit: (b) => b.set(R, 'cadreAge', 65),
    expected: [F('W_AGE_HIGH', 'E5', 'cadreAge', '65')],
  },
  {
    name: 'E_VILLAGE_BLANK',
    edit: (b) => b.set(R + 1, 'village', null),
    expected: [F('E_VILLAGE_BLANK', 'B6', 'village', null)],
  },
  {
    name: 'E_DUPLICATE_VILLAGE after normalization (spaces, Traditional)',
    edit: (b) => b.set(R + 1, 'village', ' 青 石村').set(R + 2, 'village', '青石村'),
    expected: [
      F('E_DUPLICATE_VILLAGE', 'B6', 'village', ' 青 石村'),
      F('E_DUPLICATE_VILLAGE', 'B7', 'village', '青石村'),
    ],
  },
  {
    name: 'E_ATTENDANCE_WITHOUT_EVENTS',
    edit: (b) => b.set(R, 'trainingSessions', 0),
    expected: [F('E_ATTENDANCE_WITHOUT_EVENTS', 'M5', 'trainingAttendance', '60')],
  },
  {
    name: 'E_ATTENDANCE_LT_EVENTS',
    edit: (b) => b.set(R, 'culturalEvents', 5).set(R, 'culturalAttendance', '3'),
    expected: [F('E_ATTENDANCE_LT_EVENTS', 'AC5', 'culturalAttendance', '3')],
  },
  {
    name: 'W_ATTENDANCE_HIGH',
    edit: (b) => b.set(R, 'trainingSessions', 1).set(R, 'trainingAttendance', 1500),
    expected: [F('W_ATTENDANCE_HIGH', 'M5', 'trainingAttendance', '1500')],
  },
  {
    name: 'E_RESOLVED_GT_HANDLED',
    edit: (b) => b.set(R, 'disputesResolved', 9),
    expected: [F('E_RESOLVED_GT_HANDLED', 'U5', 'disputesResolved', '9')],
  },
  {
    name: 'E_DONE_GT_MADE',
    edit: (b) => b.set(R, 'pledgesDone', '4件'),
    expected: [F('E_DONE_GT_MADE', 'AA5', 'pledgesDone', '4件')],
  },
  {
    name: 'W_AID_WITHOUT_CASES',
    edit: (b) => b.set(R, 'cancerPoorReported', '无'),
    expected: [F('W_AID_WITHOUT_CASES', 'Q5', 'cancerAidYuan', '1000')],
  },
  {
    name: 'W_RELIEF_WITHOUT_HOUSEHOLDS',
    edit: (b) => b.set(R, 'householdsVisited', null),
    expected: [F('W_RELIEF_WITHOUT_HOUSEHOLDS', 'X5', 'reliefYuan', '2500.5')],
  },
  {
    name: 'a rule does not fire on an invalid value',
    edit: (b) => b.set(R, 'disputesHandled', 'abc').set(R, 'trainingSessions', '#N/A'),
    expected: [
      F('E_EXCEL_ERROR', 'L5', 'trainingSessions', '#N/A'),
      F('E_NOT_NUMBER', 'T5', 'disputesHandled', 'abc'),
    ],
  },
  {
    name: 'W_APPROX',
    edit: (b) => b.set(R, 'cancerScreened', '约150人'),
    expected: [F('W_APPROX', 'O5', 'cancerScreened', '约150人', '150')],
  },
  {
    name: 'W_CHINESE_NUMERAL',
    edit: (b) => b.set(R, 'visitorsReceived', '十二'),
    expected: [F('W_CHINESE_NUMERAL', 'S5', 'visitorsReceived', '十二', '12')],
  },
  {
    name: 'W_UNIT_CONVERTED',
    edit: (b) => b.set(R, 'reliefYuan', '1.2万元'),
    expected: [F('W_UNIT_CONVERTED', 'X5', 'reliefYuan', '1.2万元', '12000')],
  },
  {
    name: 'W_MALE_CADRE',
    edit: (b) => b.set(R, 'cadreGender', '男'),
    expected: [F('W_MALE_CADRE', 'D5', 'cadreGender', '男')],
  },
  {
    name: 'W_NO_PAY (0)',
    edit: (b) => b.set(R, 'cadreAnnualPay', 0),
    expected: [F('W_NO_PAY', 'I5', 'cadreAnnualPay', '0')],
  },
  {
    name: 'W_NO_PAY (blank is 0; the value as written is null)',
    edit: (b) => b.set(R, 'cadreAnnualPay', null),
    expected: [F('W_NO_PAY', 'I5', 'cadreAnnualPay', null)],
  },
  {
    name: 'W_NO_PAY (无)',
    edit: (b) => b.set(R, 'cadreAnnualPay', '无'),
    expected: [F('W_NO_PAY', 'I5', 'cadreAnnualPay', '无')],
  },
  {
    name: 'E_YEAR_MISMATCH',
    edit: () => {},
    options: { year: 2024 },
    expected: [F('E_YEAR_MISMATCH', 'D2', null, '2025')],
  },
  {
    name: 'the same year is fine',
    edit: (b) => (b.grid[1]![3] = '２０２５年度'),
    options: { year: 2025 },
    expected: [],
  },
  {
    name: 'W_UNKNOWN_COLUMN once per column, data kept',
    edit: (b) => {
      b.grid[3]!.push('联系人');
      b.grid[4]!.push('某某');
    },
    expected: [F('W_UNKNOWN_COLUMN', 'AE4', null, '联系人')],
  },
  {
    name: 'a second header for a mapped column is W_UNKNOWN_COLUMN',
    edit: (b) => {
      b.grid[3]!.push('培训期数');
    },
    expected: [F('W_UNKNOWN_COLUMN', 'AE4', null, '培训期数')],
  },
  {
    name: 'E_MISSING_COLUMN (序号 and 备注 are optional)',
    sheet: {
      order: [
        'village',
        'cadreName',
        'cadreGender',
        'cadreAge',
        'cadreEducation',
        'cadreTenure',
        'inCommittee',
        'cadreAnnualPay',
        'childrensHome',
        'trainingSessions',
        'trainingAttendance',
        'outreachEvents',
        'cancerScreened',
        'cancerPoorReported',
        'cancerAidYuan',
        'modelFamilies',
        'visitorsReceived',
        'disputesHandled',
        'disputesResolved',
        'repeatPetitions',
        'householdsVisited',
        'reliefYuan',
        'partyActivists',
        'pledgesMade',
        'pledgesDone',
        'culturalEvents',
        'culturalAttendance',
      ],
    },
    edit: () => {},
    expected: [F('E_MISSING_COLUMN', null, 'womensHome', null)],
  },
  {
    name: 'E_LEVEL_ROW_CADRE (personal value redacted)',
    sheet: { level: true },
    edit: (b) => b.set(b.levelRow!, 'cadreName', '李四').set(b.levelRow!, 'cadreAge', 40),
    expected: [
      F('E_LEVEL_ROW_CADRE', 'C8', 'cadreName', '[redacted]'),
      F('E_LEVEL_ROW_CADRE', 'E8', 'cadreAge', '40'),
    ],
  },
  {
    name: 'E_MULTIPLE_LEVEL_ROWS',
    sheet: { level: true },
    edit: (b) => {
      b.grid.push([null, '本级', null, null, null, null, null, null, null, null, null, 1, 10]);
    },
    expected: [F('E_MULTIPLE_LEVEL_ROWS', 'B9', null, null)],
  },
  {
    name: 'a clean sheet with 本级 and 合计 rows',
    sheet: { level: true, total: true },
    edit: () => {},
    expected: [],
  },
  {
    name: 'E_TOTAL_MISMATCH',
    sheet: { level: true, total: true },
    edit: (b) =>
      b.set(b.totalRow!, 'trainingSessions', 99).set(b.totalRow!, 'reliefYuan', '7,501.50'),
    expected: [F('E_TOTAL_MISMATCH', 'L9', 'trainingSessions', '99')],
  },
  {
    // Regression: blank cadre cells of the 本级 row made the 年报酬 sum NaN, so its total was never checked.
    name: 'E_TOTAL_MISMATCH on 年报酬 when there is a 本级 row',
    sheet: { level: true, total: true },
    edit: (b) => b.set(b.totalRow!, 'cadreAnnualPay', 1),
    expected: [F('E_TOTAL_MISMATCH', 'I9', 'cadreAnnualPay', '1')],
  },
  {
    name: 'E_TOTAL_MISMATCH with a blank total cell',
    sheet: { total: true },
    edit: (b) => b.set(b.totalRow!, 'visitorsReceived', null),
    expected: [F('E_TOTAL_MISMATCH', 'S8', 'visitorsReceived', null)],
  },
  {
    name: '合计 in 序号 with a blank village cell is the totals row',
    sheet: { total: true },
    edit: (b) => b.set(b.totalRow!, 'village', null).set(b.totalRow!, 'seq', '合 计'),
    expected: [],
  },
  {
    name: 'rows that are entirely blank are skipped',
    edit: (b) => b.grid.splice(6, 0, [], [null, '  ', '\u3000']),
    expected: [],
  },
  {
    name: 'E_UNKNOWN_TOWNSHIP (with the nearest name, at the 填报单位 cell)',
    sheet: { township: '青石县妇联' },
    options: { registry: registry() },
    edit: () => {},
    expected: [F('E_UNKNOWN_TOWNSHIP', 'B2', null, '青石县妇联', '青石镇')],
  },
  {
    name: 'W_UNKNOWN_VILLAGE and W_MISSING_VILLAGE',
    sheet: { villages: 3 },
    options: { registry: registry() },
    edit: (b) => b.set(R + 1, 'village', '黎明新村'),
    expected: [
      F('W_MISSING_VILLAGE', null, 'village', '黎明村'),
      F('W_UNKNOWN_VILLAGE', 'B6', 'village', '黎明新村', '黎明村'),
    ],
  },
  {
    name: 'registry villages in Traditional Chinese match',
    options: { registry: registry() },
    edit: (b) => b.set(R + 2, 'village', '松林社區'),
    expected: [],
  },
];

describe('validateGrid: one case per finding code', () => {
  it.each(cases)('$name', ({ edit, expected, options, sheet }) => {
    const b = buildSheet(sheet ?? {});
    edit(b);
    const result = validateGrid(b.grid, { schema: b.schema, fileName: null, ...options });
    expect(result.findings.map(brief)).toEqual(expected);
  });
});

describe('validateGrid: parsed sheet', () => {
  it('returns metadata, header mapping, rows, township and county', () => {
    const b = buildSheet({ villages: 2, level: true, total: true });
    const s = validateGrid(b.grid, { schema: b.schema });
    expect(s.metadata).toEqual({
      township: '青石镇妇联',
      year: 2025,
      reporter: '王芳',
      phone: '13800000000',
      date: null,
      title: '示例县乡镇妇联工作统计表（2025年度）',
    });
    expect(s.county).toBe('示例县');
    expect(s.township).toBe('青石镇');
    expect(s.headerRow).toBe(4);
    expect(s.columns).toHaveLength(b.schema.columns.length);
    expect(s.columns[1]).toEqual({ field: 'village', column: 2, header: '村（社区）名称' });
    expect(s.villages.map((v) => [v.row, valueOf(v, 'village')])).toEqual([
      [5, '青石村'],
      [6, '黎明村'],
    ]);
    expect(s.levelRow?.row).toBe(7);
    expect(valueOf(s.levelRow!, 'trainingAttendance')).toBe(80);
    expect(valueOf(s.levelRow!, 'cadreAge')).toBeNull();
    expect(s.totalRow?.row).toBe(8);
    expect(valueOf(s.totalRow!, 'trainingSessions')).toBe(5);
    expect(s.unknownColumns).toEqual([]);
  });

  it('reads shuffled columns and Traditional headers', () => {
    const b = buildSheet({ villages: 2 });
    const header = b.grid[3]!;
    const order = header.map((_, i) => i).reverse();
    const shuffle = (row: Cell[]) => order.map((i) => row[i] ?? null);
    b.grid.splice(3, 3, ...b.grid.slice(3, 6).map(shuffle));
    b.grid[3] = b.grid[3]!.map((h) =>
      h === '村（社区）名称'
        ? '村（社區）名稱'
        : h === '妇联主席姓名'
          ? '婦聯主席姓名'
          : h === '两癌筛查人数'
            ? '兩癌篩查人數'
            : h,
    );
    const s = validateGrid(b.grid, { schema: b.schema });
    expect(s.findings).toEqual([]);
    expect(s.columns.find((c) => c.field === 'village')).toEqual({
      field: 'village',
      column: 29,
      header: '村（社區）名稱',
    });
    expect(valueOf(s.villages[1]!, 'cancerScreened')).toBe(50);
  });

  it('accepts aliases with full-width/half-width and spaces', () => {
    const b = buildSheet({ villages: 1 });
    b.grid[3] = b.grid[3]!.map((h) =>
      h === '年报酬（元）' ? ' 年报酬(元) ' : h === '村（社区）名称' ? '村 名' : h,
    );
    expect(validateGrid(b.grid, { schema: b.schema }).findings).toEqual([]);
  });

  it('lists silently normalized cells', () => {
    const b = buildSheet({ villages: 1 });
    b.set(R, 'trainingAttendance', '１２人')
      .set(R, 'womensHome', '有')
      .set(R, 'cadreEducation', '大專')
      .set(R, 'reliefYuan', '2,500.50')
      .set(R, 'childrensHome', true);
    b.set(R, 'trainingSessions', 2);
    const s = validateGrid(b.grid, { schema: b.schema });
    expect(s.findings).toEqual([]);
    expect(s.normalized).toEqual([
      { row: 5, column: 6, cell: 'F5', field: 'cadreEducation', value: '大專', suggestion: '大专' },
      { row: 5, column: 10, cell: 'J5', field: 'womensHome', value: '有', suggestion: '是' },
      { row: 5, column: 11, cell: 'K5', field: 'childrensHome', value: 'true', suggestion: '是' },
      {
        row: 5,
        column: 13,
        cell: 'M5',
        field: 'trainingAttendance',
        value: '１２人',
        suggestion: '12',
      },
      {
        row: 5,
        column: 24,
        cell: 'X5',
        field: 'reliefYuan',
        value: '2,500.50',
        suggestion: '2500.5',
      },
    ]);
    expect(valuesByField(s.villages[0]!)).toMatchObject({
      trainingAttendance: 12,
      womensHome: '是',
      cadreEducation: '大专',
      reliefYuan: 2500.5,
      childrensHome: '是',
    });
  });

  it('gives E_NO_HEADER for a grid without a header row', () => {
    const s = validateGrid([['随便写点什么'], ['序号'], [1, 2, 3]], {
      schema: buildSheet().schema,
    });
    expect(s.findings.map(brief)).toEqual([F('E_NO_HEADER', null, null, null)]);
    expect(s.headerRow).toBeNull();
    expect(s.villages).toEqual([]);
  });

  it('gives a file-level E_EMPTY_FILE for a header with no village row under it (only 本级 and 合计 too)', () => {
    const b = buildSheet({ villages: 0, level: true, total: true });
    const s = validateGrid(b.grid, { schema: b.schema });
    expect(s.headerRow).toBe(4);
    expect(s.villages).toEqual([]);
    expect(s.findings.map(brief)).toEqual([F('E_EMPTY_FILE', null, null, null)]);
    const headerOnly = validateGrid(b.grid.slice(0, 4), { schema: b.schema });
    expect(headerOnly.findings.map(brief)).toEqual([F('E_EMPTY_FILE', null, null, null)]);
  });

  it('sorts findings by row, then column, then code', () => {
    const b = buildSheet({ villages: 2 });
    b.set(6, 'cadreGender', '男').set(5, 'trainingAttendance', 'x').set(5, 'cadreAge', 70);
    const s = validateGrid(b.grid, { schema: b.schema, year: 2030 });
    expect(s.findings.map((f) => `${f.cell} ${f.code}`)).toEqual([
      'D2 E_YEAR_MISMATCH',
      'E5 W_AGE_HIGH',
      'M5 E_NOT_NUMBER',
      'D6 W_MALE_CADRE',
    ]);
  });

  it('gives a file-level E_UNKNOWN_TOWNSHIP when the file name names no registry township', () => {
    const b = buildSheet({ villages: 3 });
    b.grid[1] = ['年度：2025'];
    const s = validateGrid(b.grid, {
      schema: b.schema,
      registry: registry(),
      fileName: '统计表.csv',
    });
    expect(s.township).toBeNull();
    expect(s.findings).toEqual([
      {
        code: 'E_UNKNOWN_TOWNSHIP',
        severity: 'error',
        row: null,
        column: null,
        cell: null,
        field: null,
        value: '统计表',
        suggestion: '青石镇',
        params: {},
      },
    ]);
  });

  it('takes the township from the file name when 填报单位 is absent', () => {
    const b = buildSheet({ villages: 3 });
    b.grid[1] = ['年度：2025'];
    const s = validateGrid(b.grid, {
      schema: b.schema,
      registry: registry(),
      fileName: '附件2-青石镇妇联工作统计表.csv',
    });
    expect(s.township).toBe('青石镇');
    expect(s.findings).toEqual([]);
  });
});

describe('validateGrid: footer rows under the table', () => {
  const FOOTER: Cell[][] = [
    ['注：本表由乡镇妇联填报'],
    ['填表说明：1. 金额以元为单位；2. 没有请填 0。'],
    [null, null, null, null, '审核人：张三  填表人：李四'],
    ['单位负责人：', null, '主要负责人：王五'],
  ];
  const run = (grid: Cell[][], options: Partial<ValidateOptions> = {}) =>
    validateGrid(grid, { schema: buildSheet().schema, ...options });

  it('skips footer rows below the last data row: no finding, no data row, no name in findings', () => {
    const b = buildSheet({ villages: 3 });
    b.grid.push([], ...FOOTER);
    const s = run(b.grid, { registry: registry() });
    expect(s.findings.map(brief)).toEqual([]);
    expect(s.villages.map((v) => v.row)).toEqual([5, 6, 7]);
    expect(JSON.stringify(s)).not.toMatch(/张三|李四|王五/);
  });

  it('skips a footer written in the village column and the rows after it', () => {
    const b = buildSheet({ villages: 2 });
    b.grid.push([null, '注：本表数据截至12月31日'], [null, '备注', null, '审核人：张三']);
    const s = run(b.grid);
    expect([s.findings.map(brief), s.villages.length]).toEqual([[], 2]);
  });

  it('skips a footer after the 合计 row, and every row after it (even with numbers)', () => {
    const b = buildSheet({ villages: 2, level: true, total: true });
    b.grid.push(
      ['说明：本级行填乡镇本级工作'],
      [null, null, null, null, null, null, null, null, 5],
    );
    const s = run(b.grid);
    expect(s.findings.map(brief)).toEqual([]);
    expect([s.villages.length, s.levelRow?.row, s.totalRow?.row]).toEqual([2, 7, 8]);
  });

  it('keeps E_VILLAGE_BLANK for footer-like text between data rows', () => {
    const b = buildSheet({ villages: 3 });
    b.grid.splice(5, 0, ['注：以下为新并村']);
    const s = run(b.grid);
    expect(s.findings.map(brief)).toEqual([F('E_VILLAGE_BLANK', 'B6', 'village', null)]);
    expect(s.villages.map((v) => v.row)).toEqual([5, 7, 8]);
  });

  it('keeps E_VILLAGE_BLANK for a row of other text or with numbers under the table', () => {
    const b = buildSheet({ villages: 1 });
    b.grid.push(['其他情况：无'], ['审核人：张三', null, null, null, 3]);
    expect(run(b.grid).findings.map(brief)).toEqual([
      F('E_VILLAGE_BLANK', 'B6', 'village', null),
      F('E_VILLAGE_BLANK', 'B7', 'village', null),
    ]);
  });
});

/** The A1 address of a column of the default schema's layout on row `row`. */
const at = (field: string, row: number): string =>
  `${columnLetters(loadSchema().columns.findIndex((c) => c.id === field) + 1)}${row}`;

describe('validateGrid: blank cells of required columns', () => {
  // The default schema requires no count or money column: a variant that does, so that the blank fast paths are seen to leave E_REQUIRED alone.
  const base = loadSchema();
  const schema = {
    ...base,
    columns: base.columns.map((c) =>
      c.id === 'trainingSessions' || c.id === 'reliefYuan' || c.id === 'notes'
        ? { ...c, required: true }
        : c,
    ),
  };

  it.each<[string, Cell]>([
    ['null', null],
    ['empty', ''],
    ['spaces', '  '],
  ])('raises E_REQUIRED for a %s cell in a required count, money or text column', (_, cell) => {
    const b = buildSheet({ villages: 2 }, schema);
    for (const field of ['trainingSessions', 'reliefYuan', 'notes']) b.set(R, field, cell);
    const s = validateGrid(b.grid, { schema });
    const onRow = s.findings.filter((f) => f.code === 'E_REQUIRED' && f.row === R);
    expect(onRow.map(brief)).toEqual(
      ['trainingSessions', 'reliefYuan', 'notes'].map((f) => F('E_REQUIRED', at(f, R), f, null)),
    );
  });

  it('reads the same blanks in the default schema as 0 (counts, money, also to row rules) and nothing (notes)', () => {
    const b = buildSheet({ villages: 2 });
    for (const field of ['trainingSessions', 'reliefYuan', 'notes']) b.set(R, field, null);
    const s = validateGrid(b.grid, { schema: b.schema });
    // The blank 培训期数 is 0 to the row rules too: 60 attendees without a session.
    expect(s.findings.filter((f) => f.row === R).map((f) => f.code)).toEqual([
      'E_ATTENDANCE_WITHOUT_EVENTS',
    ]);
    const first = s.villages[0]!;
    expect(['trainingSessions', 'reliefYuan', 'notes'].map((f) => valueOf(first, f))).toEqual([
      0,
      0,
      null,
    ]);
  });
});

describe('validateGrid: a "-0" text', () => {
  it('is 0, listed as normalized, like a -0 number cell', () => {
    const b = buildSheet({ villages: 1 });
    b.set(R, 'trainingSessions', '-0');
    b.set(R, 'reliefYuan', '-0');
    const s = validateGrid(b.grid, { schema: b.schema });
    const first = s.villages[0]!;
    expect(Object.is(valueOf(first, 'trainingSessions'), 0)).toBe(true);
    expect(Object.is(valueOf(first, 'reliefYuan'), 0)).toBe(true);
    expect(s.normalized.filter((n) => n.row === R).map((n) => [n.cell, n.suggestion])).toEqual([
      [at('trainingSessions', R), '0'],
      [at('reliefYuan', R), '0'],
    ]);
  });
});
