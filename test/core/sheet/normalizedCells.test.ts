import { loadSchema } from '../../../core/schema/loadSchema';
import { validateGrid } from '../../../core/validateGrid';

const schema = loadSchema();

describe('silently normalized cells', () => {
  it('are listed in the order met, across many cells (more than one chunk of entries)', () => {
    const rows = 400;
    const grid = [
      ['村（社区）名称', '培训期数', '建有妇女之家'],
      ...Array.from({ length: rows }, (_, i) => [`村${i}`, '１', '有']),
    ];
    const list = validateGrid(grid, { schema }).normalized;
    expect(list).toHaveLength(2 * rows);
    expect(list.slice(0, 2).map((n) => [n.cell, n.value, n.suggestion])).toEqual([
      ['B2', '１', '1'],
      ['C2', '有', '是'],
    ]);
    expect(list.at(-1)).toMatchObject({ cell: `C${rows + 1}`, field: 'womensHome' });
    expect(list.map((n) => n.row)).toEqual(
      Array.from({ length: rows }, (_, i) => [i + 2, i + 2]).flat(),
    );
  });
});
