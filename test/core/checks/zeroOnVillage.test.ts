import { zeroOnVillage, zeroOnVillageShape } from '../../../core/checks/zeroOnVillage';
import { shapeProblems } from './shapeProblems';

const spec = { check: 'zeroOnVillage', code: 'W_NO_PAY' } as const;

describe('zeroOnVillage', () => {
  it.each([
    [0, 'village', { code: 'W_NO_PAY', params: {} }],
    [0, 'level', null],
    [100, 'village', null],
  ] as const)('on %p in a %s row', (value, kind, hit) => {
    expect(zeroOnVillage.run(value, spec, kind)).toEqual(hit);
  });

  it('needs a code', () => {
    expect(shapeProblems(zeroOnVillageShape, spec)).toEqual([]);
    expect(shapeProblems(zeroOnVillageShape, { check: 'zeroOnVillage' })).toEqual([
      'code is missing',
    ]);
  });
});
