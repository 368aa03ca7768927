/** 新建填报表 on the fake host: the layout of core/template/ written in 2 syncs. */
import {
  createEntrySheet,
  rangeSize,
  validationRule,
  widthInPoints,
} from '../../../addin/excel/createEntrySheet';
import { buildTemplateLayout } from '../../../core/template/buildTemplateLayout';
import { schema } from './entryGrid';
import { FakeExcel } from '../host/fakeExcel';

describe('createEntrySheet', () => {
  it('adds the entry sheet with title, header, villages, SUM row, validations, widths and frozen header', async () => {
    const ex = new FakeExcel();
    ex.addSheet('Sheet1');
    const layout = buildTemplateLayout(schema, {
      township: '黎岭镇',
      year: 2025,
      villages: ['东村', '西村'],
    });
    ex.syncCount = 0;

    const name = await createEntrySheet(ex.context, layout);

    expect(ex.syncCount).toBe(2);
    expect(name).toBe('统计表');
    const sheet = ex.sheetByName('统计表')!;
    expect(ex.activeSheetId).toBe(sheet.id);
    expect(ex.valueOf(sheet, 'A1')).toBe(layout.title.text);
    expect(
      schema.columns.map((_, i) => ex.valueOf(sheet, `${layout.columns[i]!.letter}4`)),
    ).toEqual(schema.columns.map((c) => c.header));
    expect(ex.valueOf(sheet, 'B5')).toBe('东村');
    expect(ex.valueOf(sheet, 'A6')).toBe(2);
    const total = layout.total.formulas[0]!;
    // The cell holds the formula; `values` reads its result (the village rows are still empty).
    expect(ex.formulaOf(sheet, total.address)).toBe(`=${total.formula}`);
    expect(ex.valueOf(sheet, total.address)).toBe(0);
    expect(sheet.merges).toEqual([layout.title.range]);
    expect(sheet.freeze).toBe(`A1:B4`);
    expect(sheet.validations.map((v) => v.address)).toEqual(layout.validations.map((v) => v.range));
    const gender = sheet.validations.find(
      (v) => v.address === layout.validations.find((x) => x.field === 'cadreGender')!.range,
    )!;
    expect(gender.rule).toEqual({ list: { inCellDropDown: true, source: '女,男' } });
    expect(gender.prompt).toMatchObject({ showPrompt: true, title: '性别' });
    expect(sheet.widths.get(2)).toBe(widthInPoints(layout.columns[1]!.width));
    const pay = layout.columns.find((c) => c.id === 'cadreAnnualPay')!;
    expect(sheet.cells.get(`5:${pay.index}`)?.numberFormat).toBe('#,##0.00');
    expect(ex.enableEvents).toBe(true);
  });

  it('takes the next free name when the sheet exists', async () => {
    const ex = new FakeExcel();
    ex.addSheet('统计表');
    ex.addSheet('统计表 (2)');
    expect(await createEntrySheet(ex.context, buildTemplateLayout(schema, {}))).toBe('统计表 (3)');
  });
});

describe('createEntrySheet helpers', () => {
  it('maps neutral rules to Office.js rules', () => {
    expect(validationRule({ kind: 'whole', min: 0, max: null })).toEqual({
      wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
    });
    expect(validationRule({ kind: 'whole', min: 18, max: 80 })).toEqual({
      wholeNumber: { formula1: 18, formula2: 80, operator: 'Between' },
    });
    expect(validationRule({ kind: 'decimal', min: 0, max: null })).toEqual({
      decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
    });
    expect(validationRule({ kind: 'empty' })).toEqual({
      textLength: { formula1: 0, operator: 'EqualTo' },
    });
  });

  it('measures ranges and widths', () => {
    expect(rangeSize('B5:B40')).toEqual({ rows: 36, columns: 1 });
    expect(rangeSize('C7')).toEqual({ rows: 1, columns: 1 });
    expect(widthInPoints(8.43)).toBeCloseTo(48, 0);
  });
});
