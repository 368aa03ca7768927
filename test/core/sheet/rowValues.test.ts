import { loadSchema } from '../../../core/schema/loadSchema';
import { valueOf, valuesByField } from '../../../core/sheet/rowValues';
import { validateGrid } from '../../../core/validateGrid';

const schema = loadSchema();

describe('a data row holds its values by position', () => {
  // Columns out of schema order: a row follows the sheet, left to right.
  const grid = [
    ['培训期数', '村（社区）名称', '序号'],
    [2, '青石村', 1],
    ['３', '黎明村', 2],
  ];
  const sheet = validateGrid(grid, { schema });

  it('in the order of the sheet’s columns, every row sharing one frozen list of fields', () => {
    expect(sheet.columns.map((c) => c.field)).toEqual(['trainingSessions', 'village', 'seq']);
    const [first, second] = sheet.villages;
    expect(first?.fields).toEqual(['trainingSessions', 'village', 'seq']);
    expect(first?.values).toEqual([2, '青石村', 1]);
    expect(second?.values).toEqual([3, '黎明村', 2]);
    expect(second?.fields).toBe(first?.fields);
    expect(Object.isFrozen(first?.fields)).toBe(true);
  });

  it('valueOf reads one field, null for a column the sheet lacks', () => {
    const row = sheet.villages[1]!;
    expect(valueOf(row, 'village')).toBe('黎明村');
    expect(valueOf(row, 'trainingSessions')).toBe(3);
    expect(valueOf(row, 'cadreAge')).toBeNull();
  });

  it('valuesByField gives a record of own properties, whatever the ids', () => {
    expect(valuesByField(sheet.villages[0]!)).toEqual({
      trainingSessions: 2,
      village: '青石村',
      seq: 1,
    });
    const odd = valuesByField({ fields: ['__proto__', 'x'], values: [1, null] });
    expect(Object.keys(odd)).toEqual(['__proto__', 'x']);
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
  });
});
