import { loadSchema, makeFinding } from '../../../core';
import { assembleFigures } from '../../../pipeline/aggregate/assembleFigures';
import { assembleSummary, chooseCounty } from '../../../pipeline/aggregate/assembleSummary';
import { buildRowsTable } from '../../../pipeline/aggregate/buildRowsTable';
import { layoutFields } from '../../../intake/compactSheet';
import type { DecidedFile, IntakeDecision } from '../../../intake/decideIntake';

const schema = loadSchema();
const layout = layoutFields(schema);

const file = (
  name: string,
  township: string | null,
  findings: DecidedFile['findings'],
  county: string | null = null,
): DecidedFile => ({
  file: name,
  sha256: 'ab',
  encoding: 'utf-8',
  township,
  year: 2025,
  yearSource: 'metadata',
  yearAt: null,
  sheetName: null,
  county,
  findings,
  rows: 0,
  compact: null,
  droppedErrors: 0,
  readFailed: false,
  multiSheet: false,
  misnamed: null,
  status: findings.some((f) => f.severity === 'error') ? 'rejected' : 'accepted',
  errors: findings.filter((f) => f.severity === 'error').length,
});

describe('assembleSummary', () => {
  const decision: IntakeDecision = {
    year: 2025,
    files: [
      file(
        'b.csv',
        '青石镇',
        [
          makeFinding(schema, 'W_NO_PAY', {
            row: 6,
            column: 9,
            field: 'cadreAnnualPay',
            value: '0',
          }),
          makeFinding(schema, 'E_REQUIRED', {
            row: 5,
            column: 3,
            field: 'cadreName',
            value: '张三',
          }),
        ],
        '甲县',
      ),
      file('a.csv', null, [makeFinding(schema, 'E_EMPTY_FILE')], '乙县'),
      file('c.csv', '黎岭镇', [], '甲县'),
    ],
    accepted: [],
    expected: 3,
    missing: ['白沙乡'],
    misnamed: [{ township: '白沙乡', file: 'a.csv', written: '白沙相' }],
  };
  const figures = assembleFigures(buildRowsTable([], layout), schema);
  const summary = assembleSummary({
    schema,
    decision,
    county: figures.county,
    byTownship: figures.byTownship,
    countyName: null,
    previous: null,
  });

  test('findings: file and township first, sorted by file, row, column; personal values redacted', () => {
    expect(summary.findings.map((f) => [f.file, f.township, f.code, f.cell, f.value])).toEqual([
      ['a.csv', null, 'E_EMPTY_FILE', null, null],
      ['b.csv', '青石镇', 'E_REQUIRED', 'C5', '[redacted]'],
      ['b.csv', '青石镇', 'W_NO_PAY', 'I6', '[redacted]'],
    ]);
    expect(Object.keys(summary.findings[0]!)).toEqual([
      'file',
      'township',
      'code',
      'severity',
      'row',
      'column',
      'cell',
      'field',
      'value',
      'suggestion',
      'message_zh',
      'message_en',
    ]);
    expect(JSON.stringify(summary)).not.toContain('张三');
  });

  test('townships, inputs sorted by file, county by majority', () => {
    expect(summary.county).toBe('甲县');
    expect(summary.townships).toEqual({
      expected: 3,
      accepted: [],
      rejected: [
        { file: 'a.csv', township: null, errors: 1 },
        { file: 'b.csv', township: '青石镇', errors: 1 },
      ],
      missing: ['白沙乡'],
      misnamed: [{ township: '白沙乡', file: 'a.csv', written: '白沙相' }],
    });
    expect(summary.inputs.map((i) => [i.file, i.status])).toEqual([
      ['a.csv', 'rejected'],
      ['b.csv', 'rejected'],
      ['c.csv', 'accepted'],
    ]);
  });

  test('chooseCounty: majority, ties to the first in code-point order, null when none', () => {
    expect(chooseCounty([{ county: '乙县' }, { county: '甲县' }])).toBe('乙县'); // 乙 U+4E59 < 甲 U+7532
    expect(chooseCounty([{ county: '甲县' }, { county: '甲县' }, { county: '乙县' }])).toBe('甲县');
    expect(chooseCounty([{ county: null }])).toBeNull();
  });
});
