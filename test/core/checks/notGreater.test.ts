import { notGreater, notGreaterShape } from '../../../core/checks/notGreater';
import { header, runRule } from './runRule';
import { shapeProblems } from './shapeProblems';

const rule = {
  check: 'notGreater',
  field: 'r',
  limit: 'h',
  code: 'E_RESOLVED_GT_HANDLED',
} as const;

describe('notGreater', () => {
  it.each([
    [{ r: 3, h: 3 }, []],
    [
      { r: 4, h: 3 },
      [{ field: 'r', code: 'E_RESOLVED_GT_HANDLED', params: { limit: 3, limitHeader: '<h>' } }],
    ],
  ])('on %o', (values, hits) => {
    expect(runRule(notGreater, rule, values)).toEqual(hits);
  });

  it('does not fire on an invalid value (NaN)', () => {
    expect(runRule(notGreater, rule, { r: 4, h: null })).toEqual([]);
    expect(runRule(notGreater, rule, { r: null, h: 3 })).toEqual([]);
  });

  it('does not bind when the sheet lacks a field', () => {
    expect(notGreater.bind(rule, () => -1, header)).toBeNull();
  });

  it('needs field, limit and code', () => {
    expect(shapeProblems(notGreaterShape, rule)).toEqual([]);
    expect(shapeProblems(notGreaterShape, { check: 'notGreater', field: 'r' })).toEqual([
      'limit is missing',
      'code is missing',
    ]);
  });
});
