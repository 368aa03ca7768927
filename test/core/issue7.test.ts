/** Issue 7 rules of the core, case by case: multi-row headers, units rows, 小计, 片区 labels, hidden rows and columns, text-stored numbers, the year, merged village cells, header hints. */
import { columnLetters } from '../../core/a1';
import { renderFinding } from '../../core/findings/renderFinding';
import { loadSchema, validateSchema } from '../../core/schema/loadSchema';
import { findHeaderRow, yearMismatchFinding } from '../../core';
import type { Cell, ParsedSheet, SheetInfo, ValidateOptions } from '../../core/types';
import { validateGrid } from '../../core/validateGrid';
import { levelValues, villageValues } from './builders';
import { GROUPED, realLayouts } from './realLayouts';
import { valueOf } from '../../core/sheet/rowValues';

const schema = loadSchema();
const layout = (id: string) => {
  const l = realLayouts().find((x) => x.id === id);
  if (!l) throw new Error(id);
  return l;
};
const run = (grid: Cell[][], sheet: SheetInfo | null = null, more: Partial<ValidateOptions> = {}) =>
  validateGrid(grid, { schema, year: 2025, sheet, ...more });
const codes = (s: ParsedSheet) => s.findings.map((f) => `${f.cell ?? '-'} ${f.code}`);
const zh = (s: ParsedSheet, code: string) =>
  s.findings.filter((f) => f.code === code).map((f) => renderFinding(f, schema).message_zh);
const col = (id: string) => schema.columns.findIndex((c) => c.id === id) + 1;

describe('headers over two or three rows', () => {
  it('with merges a group covers exactly its merged columns; without merges it applies forward', () => {
    const l = layout('header-2-rows');
    // 培训 merged over 期数 only: 人次 (L4) has no group of its own.
    const merges = l.sheet.merges!.map((m) =>
      m.top === 3 && m.left === 12 ? { ...m, right: 12 } : m,
    );
    const s = run(l.grid, { merges });
    expect(codes(s)).toEqual(['- E_MISSING_COLUMN', 'M4 W_UNKNOWN_COLUMN']);
    expect(s.findings[0]!.field).toBe('trainingAttendance');
    expect(s.unknownColumns).toEqual([{ column: 13, header: '人次' }]);
    // The same grid without merges (a CSV): 培训 applies forward over M3.
    expect(codes(run(l.grid))).toEqual([]);
  });

  it('maps group + sub-header columns with the written text, and finds the header’s bottom row', () => {
    const s = run(layout('header-2-rows').grid);
    expect(s.headerRow).toBe(4);
    const byField = Object.fromEntries(s.columns.map((c) => [c.field, [c.column, c.header]]));
    expect(byField).toMatchObject({
      seq: [1, '序号'],
      cadreName: [3, '村妇联主席情况姓名'],
      cadreGender: [4, '性别'],
      trainingSessions: [12, '培训期数'],
      trainingAttendance: [13, '培训人次'],
      cancerPoorReported: [16, '两癌上报贫困妇女数'],
      repeatPetitions: [22, '纠纷重复上访件数'],
      culturalAttendance: [29, '文体活动参与人次'],
      notes: [30, '备注'],
    });
    expect(s.metadata.township).toBe('青石镇妇联');
  });

  it('points findings at real cells: data below the header, unknown sub-headers at their own cell', () => {
    const l = layout('header-2-rows');
    const grid = l.grid.map((r) => [...r]);
    grid[4]![13] = '很多'; // N5 普法宣传场次
    grid[2]!.push('培训'); // AE3: a second 培训 group over …
    grid[3]!.push('参训人员'); // … AE4, not a column
    const s = run(grid, l.sheet);
    expect(codes(s)).toEqual(['AE4 W_UNKNOWN_COLUMN', 'N5 E_NOT_NUMBER']);
    expect(s.findings[0]!.value).toBe('培训参训人员');
  });

  it('findHeaderRow gives the bottom row of a header over two rows', () => {
    const l = layout('header-2-rows');
    expect([findHeaderRow(l.grid, schema, l.sheet), findHeaderRow(l.grid, schema)]).toEqual([4, 4]);
  });

  it('takes the header’s first row alone when the next row is data, as before', () => {
    const grid: Cell[][] = [
      ['序号', '村名', '姓名', '培训期数'],
      [1, '青石村', '王芳', 2],
    ];
    const s = run(grid);
    expect([s.headerRow, s.villages.length]).toEqual([1, 1]);
  });

  it.each([
    ['(元) and units with brackets', ['', '', '岁', '（元）', '期', '人次'], 2],
    ['a row with one non-unit cell is data', ['', '', '岁', '元', '期', '很多'], 3],
    ['a blank row is skipped, not a units row', [], 2],
  ])('units row: %s', (_name, units, villageCount) => {
    const grid: Cell[][] = [
      ['序号', '村名', '年龄', '年报酬', '培训期数', '培训人次'],
      units,
      [1, '青石村', 40, 6000, 2, 60],
      [2, '黎明村', 41, 6000, 2, 60],
    ];
    const s = run(grid);
    expect(s.villages.length + s.findings.filter((f) => f.code === 'E_VILLAGE_BLANK').length).toBe(
      villageCount,
    );
  });
});

describe('小计 rows and 片区 labels', () => {
  it('checks 合计 against the village rows only: a 合计 that also adds the 小计 rows is wrong', () => {
    const l = layout('subtotals');
    const grid = l.grid.map((r) => [...r]);
    const c = col('trainingAttendance') + 1; // after the 片区 column
    const total = grid.length;
    (grid[total - 1]![c - 1] as number) *= 2;
    const s = run(grid, l.sheet);
    expect(codes(s)).toEqual(['A4 W_UNKNOWN_COLUMN', `N${total} E_TOTAL_MISMATCH`]);
    expect(s.findings[1]!.params).toEqual({ expected: 310, actual: 620 });
    expect(s.villages).toHaveLength(5);
  });

  it('checks a 小计 above its block against the rows below it', () => {
    const l = layout('subtotals-above');
    const grid = l.grid.map((r) => [...r]);
    (grid[7]![col('trainingAttendance') - 1] as number) += 5; // 西片小计, row 8
    expect(zh(run(grid), 'E_SUBTOTAL_MISMATCH')).toEqual([
      'M8小计行「培训人次」为 194，第 9–11 行相加为 189，请核对。',
    ]);
  });

  it('names the block rows in E_SUBTOTAL_MISMATCH', () => {
    const l = layout('subtotal-mismatch');
    expect(zh(run(l.grid, l.sheet, { fileName: l.fileName }), 'E_SUBTOTAL_MISMATCH')).toEqual([
      'N11小计行「培训人次」为 199，第 8–10 行相加为 189，请核对。',
    ]);
  });

  it('reads a 小计 label in a column left of the village column (merged A:C) and skips a second 小计 with no rows', () => {
    const l = layout('subtotals');
    const grid = l.grid.map((r) => [...r]);
    grid[6]![0] = '东片小计'; // A7, village cell C7 blank
    grid[6]![2] = null;
    grid.splice(7, 0, [null, null, '小计']); // a second 小计 in a row (row 8) closes no rows
    const s = run(grid, { merges: [{ top: 7, left: 1, bottom: 7, right: 3 }] });
    expect(codes(s)).toEqual(['A4 W_UNKNOWN_COLUMN']);
    expect(s.villages).toHaveLength(5);
  });

  it.each([
    ['a 片区 word ends the label', ['东片区'], null, []],
    ['a merged label over the row', ['东 片'], [{ top: 5, left: 1, bottom: 5, right: 30 }], []],
    ['other text stays E_VILLAGE_BLANK', ['其他情况：无'], null, ['B2 E_VILLAGE_BLANK']],
    ['a 片区 label with a number is data', ['东片区', null, null, 3], null, ['B2 E_VILLAGE_BLANK']],
    ['a label in the village column alone', [null, '二片区'], null, []],
  ] as [string, Cell[], SheetInfo['merges'] | null, string[]][])(
    '片区 label row: %s',
    (_name, label, merges, expected) => {
      const grid: Cell[][] = [
        ['序号', '村（社区）名称', '姓名', '培训期数'],
        [],
        ['1', '青石村', '王芳', 2],
      ];
      grid[1] = label;
      const s = run(grid, merges ? { merges } : null);
      expect(codes(s).filter((c) => !c.includes('MISSING'))).toEqual(expected);
      expect(s.villages.map((v) => valueOf(v, 'village'))).toEqual(['青石村']);
    },
  );
});

describe('片区 label merged down the 序号 column', () => {
  it('with merges the label is no 序号 value; without merges it is read as one', () => {
    const grid: Cell[][] = [
      ['序号', '村（社区）名称', '姓名', '培训期数'],
      ['东片', '青石村', '王芳', 2],
      [null, '黎明村', '李娟', 3],
      ['西片', '松林社区', '张丽', 1],
    ];
    const merges = [
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 4, left: 1, bottom: 5, right: 1 },
    ];
    const s = run(grid, { merges });
    expect(codes(s).filter((c) => !c.includes('MISSING'))).toEqual([]);
    expect(s.villages.map((v) => valueOf(v, 'village'))).toEqual(['青石村', '黎明村', '松林社区']);
    expect(codes(run(grid)).filter((c) => !c.includes('MISSING'))).toEqual([
      'A2 E_NOT_NUMBER',
      'A4 E_NOT_NUMBER',
    ]);
  });
});

describe('hidden rows and columns', () => {
  it('leaves out an excluded hidden row’s own findings too', () => {
    const l = layout('hidden-row-excluded');
    const grid = l.grid.map((r) => [...r]);
    grid[5]![col('outreachEvents') - 1] = '约3'; // W_APPROX on the hidden row 6 (same value 3)
    const s = run(grid, l.sheet);
    expect(codes(s)).toEqual(['B6 W_HIDDEN_ROW_EXCLUDED']);
    expect(s.normalized.filter((n) => n.row === 6)).toEqual([]);
    expect(zh(s, 'W_HIDDEN_ROW_EXCLUDED')).toEqual([
      '第6行（黎明村）为隐藏行，合计未含该行，未计入统计。如应统计，请取消隐藏并改正合计。',
    ]);
  });

  it('a hidden old copy of a village left out by the 合计 is no duplicate', () => {
    const l = layout('hidden-row-excluded');
    const grid = l.grid.map((r) => [...r]);
    grid[5]![col('village') - 1] = '青石村'; // row 6 repeats row 5, hidden
    const s = run(grid, l.sheet);
    expect(codes(s)).toEqual(['B6 W_HIDDEN_ROW_EXCLUDED']);
    // Without the hidden-row information: a duplicate, and a 合计 that misses a row in 18 columns.
    const csv = run(grid).findings.map((f) => f.code);
    expect([csv[0], csv.length, new Set(csv.slice(1))]).toEqual([
      'E_DUPLICATE_VILLAGE',
      19,
      new Set(['E_TOTAL_MISMATCH']),
    ]);
  });

  it('counts a hidden row whose numbers are all zero (the 合计 agrees either way)', () => {
    const l = layout('hidden-row-counted');
    const grid = l.grid.map((r) => [...r]);
    for (const c of schema.columns) if (c.sum) grid[5]![col(c.id) - 1] = 0;
    grid[grid.length - 1] = grid[grid.length - 1]!.map((v, i) => {
      const spec = schema.columns[i];
      if (!spec?.sum) return v;
      return [4, 6, 7].reduce((a, r) => a + Number(grid[r]![i] ?? 0), 0);
    });
    const s = run(grid, l.sheet);
    expect(codes(s)).toEqual(['B6 W_HIDDEN_ROW_COUNTED', 'I6 W_NO_PAY']);
    expect(s.excludedRows).toEqual([]);
  });

  it('ignores hidden blank rows, the header, and rows out of range', () => {
    const l = layout('hidden-row-counted');
    const grid = l.grid.map((r) => [...r]);
    grid.splice(6, 0, []); // blank row 7
    const s = run(grid, { hiddenRows: [0, -1, 1.5, 3, 4, 7, 999], hiddenColumns: [0, 99] });
    expect(codes(s)).toEqual([]);
  });

  it('names the hidden known columns once', () => {
    const l = layout('hidden-columns');
    const [pay, notes] = (l.sheet.hiddenColumns ?? []).map(columnLetters);
    expect(zh(run(l.grid, l.sheet), 'W_HIDDEN_COLUMNS')).toEqual([
      `隐藏列 ${pay}「年报酬（元）」、${notes}「备注」 是统计表的列，已读取并计入统计。`,
    ]);
  });
});

describe('numbers stored as text', () => {
  it('is an error when the text cells do not explain the whole difference', () => {
    const l = layout('text-numbers');
    const grid = l.grid.map((r) => [...r]);
    (grid[7]![col('trainingAttendance') - 1] as number) += 1;
    expect(codes(run(grid, l.sheet))).toEqual(['M8 E_TOTAL_MISMATCH']);
  });

  it('names the cause and the fix', () => {
    const l = layout('text-numbers');
    expect(zh(run(l.grid, l.sheet), 'W_TOTAL_TEXT_NUMBERS')).toEqual([
      'M8「培训人次」为 60，各行相加为 183，差额来自 M6、M7：这些数字是以文本形式存储的，合计公式没有计算它们：选中该列→转换为数字。各村数据已按数字统计。',
    ]);
  });
});

describe('the sheet’s year', () => {
  const grid = (title: Cell, meta: Cell[]): Cell[][] => [
    [title],
    meta,
    ['序号', '村名', '姓名'],
    [1, '青石村', '王芳'],
  ];
  it.each([
    ['年度 wins over the title', '统计表（2024年度）', ['年度：', 2025], null, 2025, 'metadata'],
    ['the title', '统计表（2024年度）', ['填报单位：青石镇'], null, 2024, 'title'],
    ['Chinese digits in the title', '二〇二四年度统计表', [], null, 2024, 'title'],
    ['the file name', '统计表', [], '清水镇2024年统计表.xlsx', 2024, 'fileName'],
    ['a bare year in the file name', '统计表', [], '清水镇-2024.csv', 2024, 'fileName'],
    ['no year in a date-like number', '统计表', [], '20250105清水镇.csv', null, null],
    [
      'a date after 填报日期 is no title',
      '统计表',
      ['填报日期：', '2024年1月5日'],
      null,
      null,
      null,
    ],
  ] as [string, Cell, Cell[], string | null, number | null, string | null][])(
    '%s',
    (_name, title, meta, fileName, year, source) => {
      const s = run(grid(title, meta), null, { fileName });
      expect([s.year, s.yearSource]).toEqual([year, source]);
      expect(
        codes(s).includes('A1 E_YEAR_MISMATCH') || codes(s).includes('- E_YEAR_MISMATCH'),
      ).toBe(year !== null && year !== 2025 && source !== 'metadata');
    },
  );

  it('yearMismatchFinding names the source and the sheet', () => {
    const f = yearMismatchFinding(
      schema,
      { year: 2024, source: 'metadata', sheetName: '2024年', row: 2, column: 4 },
      2025,
    );
    expect([f.code, f.cell, f.value]).toEqual(['E_YEAR_MISMATCH', 'D2', '2024']);
    expect(renderFinding(f, schema).message_zh).toBe(
      '工作表「2024年」：年度为 2024（读自年度单元格 D2），本次汇总的是 2025 年度，请确认文件是否发错。',
    );
    const g = yearMismatchFinding(schema, { year: 2024, source: 'fileName' }, 2025);
    expect([g.cell, renderFinding(g, schema).message_en]).toEqual([
      null,
      'The sheet is for 2024 (read from the file name), this merge is for 2025.',
    ]);
  });
});

describe('messages that name the cause', () => {
  it('gives one E_VILLAGE_MERGED instead of E_VILLAGE_BLANK on each covered row', () => {
    const l = layout('merged-village');
    const grid = l.grid.map((r) => [...r]);
    grid.splice(6, 0, [null, null, '王芳']); // a third covered row
    const merges = [{ top: 6, left: 2, bottom: 8, right: 2 }];
    const s = run(grid, { merges });
    expect(codes(s)).toEqual(['B6 E_VILLAGE_MERGED']);
    expect(zh(s, 'E_VILLAGE_MERGED')).toEqual([
      'B6「村（社区）名称」是跨第 6–8 行的合并单元格。请取消合并，每村一行（每行填写村（社区）名称）。',
    ]);
    // Without the merge information (a CSV) the rows are E_VILLAGE_BLANK, as before.
    expect(codes(run(grid))).toEqual(['B7 E_VILLAGE_BLANK', 'B8 E_VILLAGE_BLANK']);
  });

  it('links 培训人数 to the missing 培训人次; with 培训人次 present it is an unknown column', () => {
    const l = layout('header-hint');
    const s = run(l.grid);
    expect(zh(s, 'E_HEADER_HINT')).toEqual([
      'M4表头「培训人数」是否应为「培训人次」？请核对含义后改表头（统计表需要「培训人次」列）。',
    ]);
    expect(s.columns.some((c) => c.field === 'trainingAttendance')).toBe(false);
    const grid = l.grid.map((r, i) => [...r, i >= 4 ? 60 : null]);
    grid[3]![30] = '培训人次';
    expect(codes(run(grid))).toEqual(['M4 W_UNKNOWN_COLUMN']);
  });
});

describe('schema keys of issue 7', () => {
  it('rejects a header hint that names no column or is already an alias', () => {
    const bad = {
      ...schema,
      headerHints: [
        { written: ['培训人数'], column: 'nope' },
        { written: ['培训期数'], column: 'trainingSessions' },
      ],
    };
    const r = validateSchema(bad);
    expect(r.ok ? [] : r.errors).toEqual([
      'headerHints[0] needs written (list) and a known column',
      'headerHints[1]: “培训期数” is already a header or alias',
    ]);
  });

  it('keeps 小计 out of the 合计 words and the group aliases in the file', () => {
    expect(schema.specialRows.total).not.toContain('小计');
    expect(schema.specialRows.subtotal).toContain('小计');
    const aliases = new Set(schema.columns.flatMap((c) => c.aliases));
    for (const a of ['纠纷调处件数', '两癌上报贫困妇女数', '实事承诺件数'])
      expect(aliases).toContain(a);
    expect(GROUPED.length).toBe(schema.columns.length);
    expect(levelValues().village).toBe('镇本级');
    expect(villageValues(0).village).toBe('青石村');
  });
});
