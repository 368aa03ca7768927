import { columnChecks, rowRules } from '../../../core/checks';
import type { RowRule } from '../../../core/types';

const header = (f: string) => `<${f}>`;

describe('column checks', () => {
  it.each([
    [
      'range',
      17,
      { check: 'range', code: 'E_AGE_RANGE', min: 18, max: 80 },
      'village',
      { code: 'E_AGE_RANGE', params: { min: 18, max: 80 } },
    ],
    ['range', 18, { check: 'range', code: 'E_AGE_RANGE', min: 18, max: 80 }, 'village', null],
    [
      'range',
      81,
      { check: 'range', code: 'E_AGE_RANGE', min: 18, max: 80 },
      'village',
      { code: 'E_AGE_RANGE', params: { min: 18, max: 80 } },
    ],
    [
      'above',
      61,
      { check: 'above', code: 'W_AGE_HIGH', limit: 60 },
      'village',
      { code: 'W_AGE_HIGH', params: { limit: 60 } },
    ],
    ['above', 60, { check: 'above', code: 'W_AGE_HIGH', limit: 60 }, 'village', null],
    [
      'equals',
      '男',
      { check: 'equals', code: 'W_MALE_CADRE', value: '男' },
      'village',
      { code: 'W_MALE_CADRE', params: {} },
    ],
    ['equals', '女', { check: 'equals', code: 'W_MALE_CADRE', value: '男' }, 'village', null],
    [
      'zeroOnVillage',
      0,
      { check: 'zeroOnVillage', code: 'W_NO_PAY' },
      'village',
      { code: 'W_NO_PAY', params: {} },
    ],
    ['zeroOnVillage', 0, { check: 'zeroOnVillage', code: 'W_NO_PAY' }, 'level', null],
    ['zeroOnVillage', 100, { check: 'zeroOnVillage', code: 'W_NO_PAY' }, 'village', null],
  ] as const)('%s on %p', (name, value, spec, kind, hit) => {
    expect(columnChecks[name]!.run(value, spec, kind)).toEqual(hit);
  });

  it('validates their parameters', () => {
    expect(columnChecks.range!.validate({ check: 'range', code: 'E_AGE_RANGE', min: 5 })).toEqual([
      'range needs numbers min ≤ max',
    ]);
    expect(columnChecks.equals!.validate({ check: 'equals', code: 'W_MALE_CADRE' })).toEqual([
      'equals needs a value',
    ]);
  });
});

/** Binds `rule` to the fields of `values` (in key order) and runs it on their numbers (null → NaN, an invalid cell). */
function runRule(rule: RowRule, values: Record<string, number | null>) {
  const fields = Object.keys(values);
  const bound = rowRules[rule.check]!.bind(rule, (f) => fields.indexOf(f), header);
  if (!bound) throw new Error('rule did not bind');
  return bound(Float64Array.from(fields.map((f) => values[f] ?? NaN)));
}

describe('row rules', () => {
  const attendance: RowRule = {
    check: 'attendance',
    events: 'e',
    attendance: 'a',
    maxPerEvent: 1000,
  };
  const notGreater: RowRule = {
    check: 'notGreater',
    field: 'r',
    limit: 'h',
    code: 'E_RESOLVED_GT_HANDLED',
  };
  const needsCases: RowRule = {
    check: 'needsCases',
    field: 'm',
    cases: 'c',
    code: 'W_AID_WITHOUT_CASES',
  };
  const p = { eventsHeader: '<e>', maxPerEvent: 1000 };
  it.each([
    [attendance, { e: 0, a: 0 }, []],
    [
      attendance,
      { e: 0, a: 5 },
      [{ field: 'a', code: 'E_ATTENDANCE_WITHOUT_EVENTS', params: { events: 0, ...p } }],
    ],
    [
      attendance,
      { e: 5, a: 4 },
      [{ field: 'a', code: 'E_ATTENDANCE_LT_EVENTS', params: { events: 5, ...p } }],
    ],
    [attendance, { e: 5, a: 5 }, []],
    [attendance, { e: 2, a: 2000 }, []],
    [
      attendance,
      { e: 2, a: 2001 },
      [{ field: 'a', code: 'W_ATTENDANCE_HIGH', params: { events: 2, ...p } }],
    ],
    [notGreater, { r: 3, h: 3 }, []],
    [
      notGreater,
      { r: 4, h: 3 },
      [{ field: 'r', code: 'E_RESOLVED_GT_HANDLED', params: { limit: 3, limitHeader: '<h>' } }],
    ],
    [
      needsCases,
      { m: 100, c: 0 },
      [{ field: 'm', code: 'W_AID_WITHOUT_CASES', params: { casesHeader: '<c>' } }],
    ],
    [needsCases, { m: 100, c: 1 }, []],
    [needsCases, { m: 0, c: 0 }, []],
  ] as [RowRule, Record<string, number>, unknown[]][])('%o on %o', (rule, values, hits) => {
    expect(runRule(rule, values)).toEqual(hits);
  });

  it('do not fire on an invalid value (NaN)', () => {
    expect(runRule(notGreater, { r: 4, h: null })).toEqual([]);
    expect(runRule(notGreater, { r: null, h: 3 })).toEqual([]);
    expect(runRule(attendance, { e: null, a: 5 })).toEqual([]);
    expect(runRule(attendance, { e: 5, a: null })).toEqual([]);
    expect(runRule(needsCases, { m: 100, c: null })).toEqual([]);
  });

  it('do not bind when the sheet lacks a field', () => {
    expect(rowRules.notGreater!.bind(notGreater, () => -1, header)).toBeNull();
  });
});
