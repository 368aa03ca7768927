import { columnLetters } from '../../../core/a1';
import { buildTemplateLayout } from '../../../core/template/buildTemplateLayout';
import type { TemplateLayout, TemplateValidation } from '../../../core/template/templateLayout';
import { textWidth } from '../../../core/template/textWidth';
import { loadSchema } from '../../../core/schema/loadSchema';
import type { Schema } from '../../../core/types';

const schema = loadSchema();
const VILLAGES = ['黎岭村', '青石村', '东山社区', '南坪村'];
/** The schema decides the columns: their count and the last column's letter. */
const COLUMNS = schema.columns.length;
const LAST = columnLetters(COLUMNS);

function byRange(layout: TemplateLayout, range: string): TemplateValidation {
  const v = layout.validations.find((x) => x.range === range);
  if (!v) throw new Error(`no validation on ${range}`);
  return v;
}

describe('buildTemplateLayout', () => {
  const layout = buildTemplateLayout(schema, {
    township: '黎岭镇',
    year: 2025,
    county: '示例县',
    villages: VILLAGES,
  });

  it('puts the schema headers, in schema order, on row 4 with the schema widths and formats', () => {
    expect(layout.sheetName).toBe(schema.sheetName);
    expect(layout.header).toEqual({ row: 4, range: `A4:${LAST}4`, height: 48 });
    expect(layout.rows[3]!.kind).toBe('header');
    expect(layout.rows[3]!.cells).toEqual(schema.columns.map((c) => c.header));
    expect(layout.columns.map((c) => c.width)).toEqual(schema.columns.map((c) => c.width));
    expect(layout.columns.map((c) => c.numFmt)).toEqual(
      schema.columns.map((c) => schema.types[c.type].excelFormat),
    );
    expect(layout.columnCount).toBe(COLUMNS);
    expect(layout.lastColumn).toBe(LAST);
  });

  it('fills the title from the schema, with placeholders when county or year are unknown', () => {
    expect(layout.title).toEqual({
      row: 1,
      text: '示例县乡镇妇联工作统计表（2025年度）',
      range: `A1:${LAST}1`,
      height: 30,
    });
    expect(buildTemplateLayout(schema).title.text).toBe('XX县乡镇妇联工作统计表（____年度）');
  });

  it('gives the money columns whose headers wrap (pay, aid, relief) width 14', () => {
    const width = (id: string) => layout.columns.find((c) => c.id === id)?.width;
    expect(['cadreAnnualPay', 'cancerAidYuan', 'reliefYuan'].map(width)).toEqual([14, 14, 14]);
  });

  it('takes its wording from the schema `template` section', () => {
    const custom: Schema = {
      ...schema,
      template: {
        ...schema.template,
        unknownCounty: '某县',
        errorTitle: '填写错误',
        levelPrompt: '本级行此格留空。',
        footer: '&P / &N',
      },
    };
    const l = buildTemplateLayout(custom);
    expect(l.title.text).toBe('某县乡镇妇联工作统计表（____年度）');
    expect(new Set(l.validations.map((v) => v.errorTitle))).toEqual(new Set(['填写错误']));
    expect(l.validations.filter((v) => v.rule.kind === 'empty')[0]?.prompt).toBe(
      '本级行此格留空。',
    );
    expect(l.print.footer).toBe('&P / &N');
  });

  it('lays the metadata row out as separate label and value cells', () => {
    expect(layout.metadata.cells).toEqual([
      { key: 'township', part: 'label', address: 'B2', column: 2, value: '填报单位：' },
      { key: 'township', part: 'value', address: 'C2', column: 3, value: '黎岭镇妇联' },
      { key: 'year', part: 'label', address: 'D2', column: 4, value: '年度：' },
      { key: 'year', part: 'value', address: 'E2', column: 5, value: 2025 },
      { key: 'reporter', part: 'label', address: 'F2', column: 6, value: '填报人：' },
      { key: 'reporter', part: 'value', address: 'G2', column: 7, value: null },
      { key: 'phone', part: 'label', address: 'I2', column: 9, value: '联系电话：' },
      { key: 'phone', part: 'value', address: 'J2', column: 10, value: null },
      { key: 'date', part: 'label', address: 'L2', column: 12, value: '填报日期：' },
      { key: 'date', part: 'value', address: 'N2', column: 14, value: null },
    ]);
    const row2 = layout.rows[1]!.cells;
    expect(row2[1]).toBe('填报单位：');
    expect(row2[2]).toBe('黎岭镇妇联');
    expect(row2[4]).toBe(2025);
    const blank = buildTemplateLayout(schema).metadata.cells.filter((c) => c.part === 'value');
    expect(blank.map((c) => c.value)).toEqual([null, null, null, null, null]);
  });

  it('pre-fills the villages with 序号 1..n, then blank spare rows, the 本级 row and the 合计 row', () => {
    expect(layout.rows.map((r) => [r.row, r.kind])).toEqual([
      [1, 'title'],
      [2, 'metadata'],
      [3, 'gap'],
      [4, 'header'],
      [5, 'village'],
      [6, 'village'],
      [7, 'village'],
      [8, 'village'],
      [9, 'spare'],
      [10, 'spare'],
      [11, 'spare'],
      [12, 'level'],
      [13, 'total'],
    ]);
    expect(layout.rows.slice(4, 8).map((r) => r.cells.slice(0, 3))).toEqual([
      [1, '黎岭村', null],
      [2, '青石村', null],
      [3, '东山社区', null],
      [4, '南坪村', null],
    ]);
    for (const r of layout.rows) expect(r.cells).toHaveLength(COLUMNS);
    expect(layout.rows[8]!.cells.every((c) => c === null)).toBe(true);
    expect(layout.villageRows).toEqual({ firstRow: 5, count: 4 });
    expect(layout.level).toEqual({
      row: 12,
      label: '镇本级',
      range: `A12:${LAST}12`,
      greyRange: 'C12:K12',
    });
    expect(layout.rows[11]!.cells[1]).toBe('镇本级');
    expect(layout.dataBlock).toEqual({ firstRow: 5, lastRow: 12, range: `A5:${LAST}12` });
  });

  it('names the 本级 row after the township level', () => {
    const label = (township: string | null): string =>
      buildTemplateLayout(schema, { township }).level.label;
    expect([
      label('黎岭镇'),
      label('石门乡'),
      label('城关街道'),
      label(null),
      label('示例'),
    ]).toEqual(['镇本级', '乡本级', '街道本级', '本级', '本级']);
  });

  it('sums every summed column (pay and activity) over the villages, spare rows and 本级 row', () => {
    const summed = schema.columns.filter((c) => c.sum === true).map((c) => c.id);
    expect(summed).toContain('cadreAnnualPay');
    expect(layout.total.formulas.map((f) => f.field)).toEqual(summed);
    expect(layout.total.formulas[0]).toEqual({
      field: 'cadreAnnualPay',
      address: 'I13',
      formula: 'SUM(I5:I12)',
    });
    expect(layout.total.formulas.find((f) => f.field === 'culturalAttendance')).toEqual({
      field: 'culturalAttendance',
      address: 'AC13',
      formula: 'SUM(AC5:AC12)',
    });
    const totalRow = layout.rows[12]!;
    expect(totalRow.cells[1]).toBe('合计');
    expect(totalRow.cells[8]).toEqual({ formula: 'SUM(I5:I12)', result: 0 });
    expect(totalRow.cells[0]).toBeNull();
    expect(totalRow.cells[4]).toBeNull(); // 年龄 is never summed
    expect(layout.total.row).toBe(13);
  });

  it('validates enums and yes/no with lists from the schema, numbers with bounds', () => {
    for (const col of schema.columns.filter((c) => c.type === 'enum')) {
      const letter = columnLetters(schema.columns.indexOf(col) + 1);
      expect(byRange(layout, `${letter}5:${letter}11`).rule).toEqual({
        kind: 'list',
        values: col.enum,
      });
    }
    expect(byRange(layout, 'H5:H11').rule).toEqual({ kind: 'list', values: ['是', '否'] });
    expect(byRange(layout, 'L5:L12')).toEqual({
      range: 'L5:L12',
      field: 'trainingSessions',
      rule: { kind: 'whole', min: 0, max: null },
      allowBlank: true,
      promptTitle: '培训期数',
      prompt: schema.types.count.prompt.zh,
      errorTitle: '输入有误',
      error: `「培训期数」填写有误。${schema.types.count.prompt.zh}`,
    });
    expect(byRange(layout, 'I5:I11').rule).toEqual({ kind: 'decimal', min: 0, max: null });
    expect(byRange(layout, 'Q5:Q12').rule).toEqual({ kind: 'decimal', min: 0, max: null });
    expect(byRange(layout, 'E5:E11').rule).toEqual({ kind: 'whole', min: 18, max: 80 });
    expect(byRange(layout, 'E5:E11').prompt).toBe(`${schema.types.integer.prompt.zh}（18–80）`);
    expect(byRange(layout, 'D5:D11').prompt).toBe(`${schema.types.enum.prompt.zh}：女、男`);
    expect(byRange(layout, 'A5:A11').rule).toEqual({ kind: 'whole', min: 0, max: null });
    // Text columns (村名, 姓名, 备注) carry no validation.
    expect(
      layout.validations
        .filter((v) => ['village', 'cadreName', 'notes'].includes(v.field))
        .map((v) => v.range),
    ).toEqual(['C12']);
  });

  it('keeps the cadre cells of the 本级 row empty', () => {
    const level = layout.validations.filter((v) => v.rule.kind === 'empty');
    expect(level.map((v) => v.range)).toEqual([
      'C12',
      'D12',
      'E12',
      'F12',
      'G12',
      'H12',
      'I12',
      'J12',
      'K12',
    ]);
    expect(level[0]!.error).toBe('本级行不填「妇联主席姓名」（村妇联主席信息），请留空。');
  });

  it('stays within Excel limits for validation texts and never overlaps two validations', () => {
    const seen = new Set<string>();
    for (const v of layout.validations) {
      expect(v.promptTitle.length).toBeLessThanOrEqual(32);
      expect(v.errorTitle.length).toBeLessThanOrEqual(32);
      expect(v.prompt.length).toBeLessThanOrEqual(255);
      expect(v.error.length).toBeLessThanOrEqual(225);
      const m = /^([A-Z]+)(\d+)(?::[A-Z]+(\d+))?$/.exec(v.range)!;
      for (let r = Number(m[2]); r <= Number(m[3] ?? m[2]); r++) {
        const cell = `${m[1]}${r}`;
        expect(seen.has(cell)).toBe(false);
        seen.add(cell);
      }
    }
  });

  it('formats every column down to the 合计 row, freezes below the header and after the village column, prints A4 landscape', () => {
    expect(layout.formats[0]).toEqual({ range: 'A5:A13', numFmt: '0' });
    expect(layout.formats[8]).toEqual({ range: 'I5:I13', numFmt: '#,##0.00' });
    expect(layout.formats[7]).toEqual({ range: 'H5:H13', numFmt: '@' });
    expect(layout.freeze).toEqual({ rows: 4, columns: 2, topLeftCell: 'C5' });
    expect(layout.print).toEqual({
      paper: 'A4',
      orientation: 'landscape',
      area: `A1:${LAST}13`,
      titleRows: '4:4',
      titleColumns: 'A:B',
      scale: 85,
      footer: '第 &P 页，共 &N 页',
    });
  });

  it('gives 30 blank rows without villages, and honours blankRows', () => {
    const blank = buildTemplateLayout(schema);
    expect(blank.rows.filter((r) => r.kind === 'spare')).toHaveLength(30);
    expect(blank.level.row).toBe(35);
    expect(blank.total.formulas[1]!.formula).toBe('SUM(L5:L35)');
    const two = buildTemplateLayout(schema, { villages: ['甲村'], blankRows: 0 });
    expect(two.rows.map((r) => r.kind).slice(4)).toEqual(['village', 'level', 'total']);
    expect(byRange(two, 'D5:D5').rule.kind).toBe('list');
    expect(() => buildTemplateLayout(schema, { blankRows: -1 })).toThrow('blankRows');
  });

  it('is deterministic', () => {
    const opts = { township: '黎岭镇', year: 2025, villages: VILLAGES };
    expect(buildTemplateLayout(schema, opts)).toEqual(buildTemplateLayout(schema, opts));
  });
});

describe('columnLetters and textWidth', () => {
  it('converts columns and measures CJK as two', () => {
    expect([1, 26, 27, 30, 52, 703].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AD',
      'AZ',
      'AAA',
    ]);
    expect([textWidth('年度：'), textWidth('2025'), textWidth('（元）a')]).toEqual([6, 4, 7]);
  });
});
