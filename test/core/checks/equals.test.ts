import { equals, equalsShape } from '../../../core/checks/equals';
import { shapeProblems } from './shapeProblems';

const spec = { check: 'equals', code: 'W_MALE_CADRE', value: '男' } as const;

describe('equals', () => {
  it.each([
    ['男', { code: 'W_MALE_CADRE', params: {} }],
    ['女', null],
    [null, null],
  ])('on %p', (value, hit) => {
    expect(equals.run(value, spec, 'village')).toEqual(hit);
  });

  it('needs a value', () => {
    expect(shapeProblems(equalsShape, spec)).toEqual([]);
    expect(shapeProblems(equalsShape, { check: 'equals', code: 'W_MALE_CADRE' })).toEqual([
      'value is missing',
    ]);
  });
});
