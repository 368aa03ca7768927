/** The pane's pure parts: grouping, counts, filter, fix offers and values, totals table. */
import {
  countFindings,
  fixOffers,
  fixValue,
  groupFindings,
  matchesFilter,
  totalsLines,
} from '../../../addin/taskpane/paneModel';
import { loadSchema, summarizeSheet, validateGrid } from '../../../core';
import type { Finding, FindingCode } from '../../../core/types';

const schema = loadSchema();

function finding(
  code: FindingCode,
  severity: 'error' | 'warning',
  row: number | null,
  cell: string | null,
  extra: Partial<Finding> = {},
): Finding {
  return {
    code,
    severity,
    row,
    column: null,
    cell,
    field: null,
    value: null,
    suggestion: null,
    params: {},
    ...extra,
  };
}

describe('groupFindings', () => {
  it('groups by row (sheet-level first) with error and warning counts', () => {
    const findings = [
      finding('E_NOT_NUMBER', 'error', 7, 'M7'),
      finding('E_MISSING_COLUMN', 'error', null, null),
      finding('W_APPROX', 'warning', 5, 'AC5'),
      finding('W_MALE_CADRE', 'warning', 7, 'D7'),
    ];
    const groups = groupFindings(findings, (f) => f.code);
    expect(
      groups.map((g) => [
        g.row,
        g.errors,
        g.warnings,
        g.items.map((i) => `${i.index}:${i.message}`),
      ]),
    ).toEqual([
      [null, 1, 0, ['1:E_MISSING_COLUMN']],
      [5, 0, 1, ['2:W_APPROX']],
      [7, 1, 1, ['0:E_NOT_NUMBER', '3:W_MALE_CADRE']],
    ]);
    expect(countFindings(findings)).toEqual({ errors: 2, warnings: 2 });
    expect(findings.filter((f) => matchesFilter(f, 'warning')).map((f) => f.code)).toEqual([
      'W_APPROX',
      'W_MALE_CADRE',
    ]);
    expect(findings.filter((f) => matchesFilter(f, 'all'))).toHaveLength(4);
  });
});

describe('fixOffers and fixValue', () => {
  it('offers only findings with a cell, a value and a suggestion, plus silent normalizations', () => {
    const findings = [
      finding('W_APPROX', 'warning', 5, 'AC5', {
        field: 'culturalAttendance',
        value: '150余',
        suggestion: '150',
      }),
      finding('E_NOT_NUMBER', 'error', 7, 'M7', { field: 'trainingAttendance', value: 'abc' }),
      finding('E_UNKNOWN_TOWNSHIP', 'error', null, null, { value: '黎岭', suggestion: '黎岭镇' }),
    ];
    const normalized = [
      {
        row: 5,
        column: 6,
        cell: 'F5',
        field: 'cadreEducation',
        value: '高中',
        suggestion: '高中（中专）',
      },
    ];
    const offers = fixOffers(findings, normalized);
    expect(offers).toEqual([
      { key: 'f0', cell: 'AC5', field: 'culturalAttendance', oldValue: '150余', suggestion: '150' },
      {
        key: 'n0',
        cell: 'F5',
        field: 'cadreEducation',
        oldValue: '高中',
        suggestion: '高中（中专）',
      },
    ]);
    expect(offers.map((o) => fixValue(o, schema))).toEqual([150, '高中（中专）']);
    expect(
      fixValue(
        { key: 'x', cell: 'B5', field: 'village', oldValue: '0012村', suggestion: '0012' },
        schema,
      ),
    ).toBe('0012');
  });
});

describe('totalsLines', () => {
  it('lists villages, every summed column under its Chinese header, and rates as %', () => {
    const headers = schema.columns.map((c) => c.header);
    const row = (i: number, tenure: string): (string | number | null)[] => [
      i,
      `村${i}`,
      '王',
      '女',
      40,
      '初中',
      tenure,
      '是',
      1000.5,
      '是',
      '否',
      2,
      40,
      1,
      10,
      0,
      0,
      3,
      5,
      4,
      3,
      0,
      1,
      0,
      1,
      2,
      1,
      1,
      30,
      null,
    ];
    const parsed = validateGrid(
      [['填报单位：黎岭镇'], [], [], headers, row(1, '专职'), row(2, '兼职')],
      { schema },
    );
    const { totals, rates } = totalsLines(summarizeSheet(parsed, schema), schema, 'zh');
    expect(totals[0]).toEqual({ label: '村（社区）数', value: '2' });
    expect(totals.find((l) => l.label === '年报酬（元）')).toEqual({
      label: '年报酬（元）',
      value: '2,001.00',
    });
    expect(totals.find((l) => l.label === '培训人次')).toEqual({ label: '培训人次', value: '80' });
    expect(totals).toHaveLength(1 + schema.columns.filter((c) => c.sum).length);
    expect(rates).toEqual([
      { label: '专职率', value: '50.0%' },
      { label: '进村两委比例', value: '100.0%' },
      { label: '妇女之家覆盖率', value: '100.0%' },
      { label: '儿童之家覆盖率', value: '0.0%' },
      { label: '纠纷化解率', value: '75.0%' },
      { label: '实事完成率', value: '50.0%' },
    ]);
    expect(totalsLines(summarizeSheet(parsed, schema), schema, 'en').rates[0]).toEqual({
      label: 'Full-time chairs',
      value: '50.0%',
    });
  });
});
