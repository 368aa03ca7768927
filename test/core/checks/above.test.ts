import { above, aboveShape } from '../../../core/checks/above';
import { shapeProblems } from './shapeProblems';

const spec = { check: 'above', code: 'W_AGE_HIGH', limit: 60 } as const;

describe('above', () => {
  it.each([
    [61, { code: 'W_AGE_HIGH', params: { limit: 60 } }],
    [60, null],
    ['61', null],
  ])('on %p', (value, hit) => {
    expect(above.run(value, spec, 'village')).toEqual(hit);
  });

  it('needs a number limit', () => {
    expect(shapeProblems(aboveShape, spec)).toEqual([]);
    expect(shapeProblems(aboveShape, { check: 'above', code: 'W_AGE_HIGH' })).toEqual([
      'limit is missing',
    ]);
    expect(shapeProblems(aboveShape, { ...spec, limit: '60' })).toEqual(['limit must be a number']);
  });
});
