import { columnBounds, range, rangeShape } from '../../../core/checks/range';
import { loadSchema } from '../../../core/schema/loadSchema';
import { shapeProblems } from './shapeProblems';

const spec = { check: 'range', code: 'E_AGE_RANGE', min: 18, max: 80 } as const;

describe('range', () => {
  it.each([
    [17, { code: 'E_AGE_RANGE', params: { min: 18, max: 80 } }],
    [18, null],
    [80, null],
    [81, { code: 'E_AGE_RANGE', params: { min: 18, max: 80 } }],
    ['18', null],
  ])('on %p', (value, hit) => {
    expect(range.run(value, spec, 'village')).toEqual(hit);
  });

  it('needs numbers min ≤ max', () => {
    expect(shapeProblems(rangeShape, spec)).toEqual([]);
    expect(shapeProblems(rangeShape, { ...spec, min: 90 })).toEqual(['needs min ≤ max']);
    expect(shapeProblems(rangeShape, { check: 'range', code: 'E_AGE_RANGE', min: 5 })).toEqual([
      'max is missing',
    ]);
  });

  it("gives a column's bounds (年龄 from its range check, none for a count column)", () => {
    const schema = loadSchema();
    const age = schema.columns.find((c) => c.id === 'cadreAge')!;
    const rangeCheck = age.checks!.find((c) => c.check === 'range')!;
    expect(columnBounds(age)).toEqual({
      min: (rangeCheck as typeof spec).min,
      max: (rangeCheck as typeof spec).max,
    });
    expect(columnBounds(schema.columns.find((c) => c.id === 'trainingSessions')!)).toBeNull();
  });
});
