import { parseRegistry } from '../../../core/registry/parseRegistry';
import { loadSchema } from '../../../core/schema/loadSchema';
import type { Cell } from '../../../core/types';
import { registryGrid } from '../builders';

const schema = loadSchema();

describe('parseRegistry (entry-sheet §6, §7.8)', () => {
  it('reads townships, aliases (repeated per row) and villages', () => {
    expect(parseRegistry(registryGrid(), schema)).toEqual({
      ok: true,
      registry: {
        townships: [
          { name: '青石镇', aliases: ['青石乡'], villages: ['青石村', '黎明村', '松林社区'] },
          { name: '黎岭镇', aliases: ['黎岭街道'], villages: ['黎岭村', '上坪村'] },
        ],
      },
    });
  });

  it('accepts Traditional text, several aliases per cell, blank rows and a blank township cell below its township', () => {
    const grid: Cell[][] = [
      ['全县村（社区）名单'],
      ['鄉鎮', '村（社區）', '別名'],
      ['青石鎮', '青石村', '青石乡、青石；老青石'],
      [null, '黎明村', null],
      [],
      ['黎岭镇', '黎岭村', ''],
    ];
    expect(parseRegistry(grid, schema)).toEqual({
      ok: true,
      registry: {
        townships: [
          { name: '青石镇', aliases: ['青石乡', '青石', '老青石'], villages: ['青石村', '黎明村'] },
          { name: '黎岭镇', aliases: [], villages: ['黎岭村'] },
        ],
      },
    });
  });

  it('rejects an alias pointing to two townships, with its row', () => {
    const grid = registryGrid();
    grid[4]![2] = '青石乡';
    expect(parseRegistry(grid, schema)).toEqual({
      ok: false,
      errors: [
        {
          row: 5,
          message_zh: '名单第 5 行：别名“青石乡”同时指向“黎岭镇”和“青石镇”，请改正。',
          message_en:
            'Registry row 5: the alias “青石乡” points to both 黎岭镇 and 青石镇; fix it.',
        },
      ],
    });
  });

  it('rejects a village listed twice in one township (after normalization), with its row', () => {
    const grid = registryGrid();
    grid.push(['青石镇', ' 黎明村 ', '']);
    const r = parseRegistry(grid, schema);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.row, e.message_en])).toEqual([
        [7, 'Registry row 7: “黎明村” is listed twice in 青石镇 (also row 3); delete one.'],
      ]);
  });

  it('allows the same village name in two townships', () => {
    const grid = registryGrid();
    grid.push(['黎岭镇', '青石村', '']);
    expect(parseRegistry(grid, schema).ok).toBe(true);
  });

  it('reports a missing header and a row without a village', () => {
    expect(parseRegistry([['名称', '备注']], schema)).toMatchObject({
      ok: false,
      errors: [{ row: null }],
    });
    const grid = registryGrid();
    grid.push(['黎岭镇', '', '']);
    expect(parseRegistry(grid, schema)).toMatchObject({ ok: false, errors: [{ row: 7 }] });
  });
});
