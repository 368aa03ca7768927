import { needsCases, needsCasesShape } from '../../../core/checks/needsCases';
import { header, runRule } from './runRule';
import { shapeProblems } from './shapeProblems';

const rule = { check: 'needsCases', field: 'm', cases: 'c', code: 'W_AID_WITHOUT_CASES' } as const;

describe('needsCases', () => {
  it.each([
    [
      { m: 100, c: 0 },
      [{ field: 'm', code: 'W_AID_WITHOUT_CASES', params: { casesHeader: '<c>' } }],
    ],
    [{ m: 100, c: 1 }, []],
    [{ m: 0, c: 0 }, []],
  ])('on %o', (values, hits) => {
    expect(runRule(needsCases, rule, values)).toEqual(hits);
  });

  it('does not fire on an invalid value (NaN)', () => {
    expect(runRule(needsCases, rule, { m: 100, c: null })).toEqual([]);
  });

  it('does not bind when the sheet lacks a field', () => {
    expect(needsCases.bind(rule, (f) => (f === 'm' ? 0 : -1), header)).toBeNull();
  });

  it('needs field, cases and code', () => {
    expect(shapeProblems(needsCasesShape, rule)).toEqual([]);
    expect(
      shapeProblems(needsCasesShape, {
        check: 'needsCases',
        cases: 'c',
        code: 'W_AID_WITHOUT_CASES',
      }),
    ).toEqual(['field is missing']);
  });
});
