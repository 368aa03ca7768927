import { compileSchema } from '../../../core/schema/compileSchema';
import { loadSchema } from '../../../core/schema/loadSchema';
import * as core from '../../../core';
import { detectHeader, findHeaderRow } from '../../../core/sheet/detectHeader';
import { classifyRow } from '../../../core/sheet/classifyRow';
import type { Cell } from '../../../core/types';

const schema = loadSchema();
const cs = compileSchema(schema);

describe('detectHeader (entry-sheet §1)', () => {
  it('takes the first row where ≥ 60 % of the non-empty cells are known headers', () => {
    const grid: Cell[][] = [
      ['序号', '村名', '说明文字', '其他', null], // 2 + 备注 alias? 说明 is an alias of notes, 说明文字 is not: 2/4 = 50 %
      ['序号', '村名', '姓名', '甲', '乙'], // 3/5 = 60 %
    ];
    const h = detectHeader(grid, cs);
    expect(h.headerRow).toBe(2);
    expect(h.columns).toEqual([
      { field: 'seq', column: 1, header: '序号' },
      { field: 'village', column: 2, header: '村名' },
      { field: 'cadreName', column: 3, header: '姓名' },
    ]);
    expect(h.unknownColumns).toEqual([
      { column: 4, header: '甲' },
      { column: 5, header: '乙' },
    ]);
  });

  it('does not take a row with a single known header', () => {
    expect(detectHeader([['序号'], ['备注', null]], cs).headerRow).toBeNull();
  });

  it('searches only the first headerSearchRows rows', () => {
    const grid: Cell[][] = Array.from({ length: schema.headerSearchRows }, () => ['x']);
    grid.push(['序号', '村名', '姓名']);
    expect(detectHeader(grid, cs).headerRow).toBeNull();
  });
});

describe('findHeaderRow (exported from core/index.ts)', () => {
  it('gives the 1-based header row like detectHeader, or null, without mapping the row', () => {
    const grid: Cell[][] = [['示例县统计表'], [], ['序号', '村名', '姓名', '甲'], ['1', 'x']];
    expect([findHeaderRow(grid, schema), detectHeader(grid, cs).headerRow]).toEqual([3, 3]);
    expect(findHeaderRow([['序号'], ['备注', null]], schema)).toBeNull();
    expect(findHeaderRow([], schema)).toBeNull();
  });

  it('is what the core index exports, with the template layout', () => {
    expect(core.findHeaderRow).toBe(findHeaderRow);
    expect(core.detectHeader).toBe(detectHeader);
    expect(core.columnLetters(28)).toBe('AB');
    expect(core.buildTemplateLayout(schema).header.row).toBe(4);
  });
});

describe('classifyRow (entry-sheet §1, §7.1)', () => {
  it.each([
    [[1, '青石村'], 'village'],
    [[null, '本级'], 'level'],
    [[null, '黎岭镇本级'], 'level'],
    [[null, '街道本級'], 'level'],
    [['本级', null], 'level'],
    [[null, '合计'], 'total'],
    [[null, '合 计'], 'total'],
    [[null, '合计：'], 'total'],
    [[null, '總計'], 'total'],
    [['小计', ''], 'subtotal'],
    [[null, '东片小计'], 'subtotal'],
    [[null, null, 5], 'villageBlank'],
    [['', '  ', null], 'blank'],
    [[], 'blank'],
  ] as [Cell[], string][])('%p → %s', (row, kind) => {
    expect(classifyRow(row, 1, 0, cs).kind).toBe(kind);
  });
});
