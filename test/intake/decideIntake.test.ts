import { loadSchema, makeFinding } from '../../core';
import type { FindingCode, Registry } from '../../core/types';
import type { CompactSheet } from '../../intake/compactSheet';
import { chooseYear, decideIntake, type FileOutcome } from '../../intake/decideIntake';

const schema = loadSchema();

/** A compact sheet stand-in: decideIntake only passes it through. */
const compact = (file: string, township: string): CompactSheet => ({
  file,
  township,
  reporter: null,
  phone: null,
  rowCount: 0,
  villageCount: 0,
  isLevel: new Uint8Array(0),
  sourceRows: new Int32Array(0),
  numbers: new Float64Array(0),
  codes: new Uint8Array(0),
  texts: [],
});

const ok = (file: string, township: string, year: number | null = 2025): FileOutcome => ({
  file,
  sha256: 'x',
  encoding: 'utf-8',
  township,
  year,
  yearSource: year === null ? null : 'metadata',
  yearAt: year === null ? null : { row: 2, column: 3 },
  sheetName: null,
  droppedErrors: 0,
  readFailed: false,
  multiSheet: false,
  misnamed: null,
  county: null,
  findings: [],
  rows: 3,
  compact: compact(file, township),
});

const registry: Registry = {
  townships: [
    { name: '黎岭镇', aliases: [], villages: [] },
    { name: '青石镇', aliases: [], villages: [] },
    { name: '白沙乡', aliases: [], villages: [] },
    { name: '东城街道', aliases: [], villages: [] },
  ],
};

const codes = (f: { findings: { code: string }[] }): string[] => f.findings.map((x) => x.code);

describe('chooseYear', () => {
  test('--year wins over the files', () => {
    expect(chooseYear([ok('a', 'A', 2024), ok('b', 'B', 2024)], 2025)).toBe(2025);
  });
  test('majority of the stated years', () => {
    expect(
      chooseYear(
        [ok('a', 'A', 2024), ok('b', 'B', 2025), ok('c', 'C', 2025), ok('d', 'D', null)],
        null,
      ),
    ).toBe(2025);
  });
  test('a tie goes to the latest year', () => {
    expect(
      chooseYear(
        [ok('a', 'A', 2025), ok('b', 'B', 2024), ok('c', 'C', 2024), ok('d', 'D', 2025)],
        null,
      ),
    ).toBe(2025);
  });
  test('no stated year → null', () => {
    expect(chooseYear([ok('a', 'A', null)], null)).toBeNull();
  });
});

describe('decideIntake', () => {
  test('a file for another year is rejected with E_YEAR_MISMATCH; a file without 年度 is accepted', () => {
    const d = decideIntake(
      [
        ok('a.csv', '黎岭镇'),
        ok('b.csv', '青石镇'),
        ok('c.csv', '白沙乡', 2024),
        ok('d.csv', '东城街道', null),
      ],
      {
        schema,
        registry,
        year: null,
      },
    );
    expect(d.year).toBe(2025);
    expect(d.files.map((f) => [f.file, f.status, f.errors])).toEqual([
      ['a.csv', 'accepted', 0],
      ['b.csv', 'accepted', 0],
      ['c.csv', 'rejected', 1],
      ['d.csv', 'accepted', 0],
    ]);
    expect(d.files[2]!.findings).toEqual([
      {
        code: 'E_YEAR_MISMATCH',
        severity: 'error',
        row: 2,
        column: 3,
        cell: 'C2',
        field: null,
        value: '2024',
        suggestion: null,
        params: {
          expected: 2025,
          from_zh: '（读自年度单元格 C2）',
          from_en: ' (read from the 年度 cell C2)',
        },
      },
    ]);
    // 白沙乡 was identified (its file is only for the wrong year): rejected, not missing.
    expect(d.missing).toEqual([]);
    expect(d.accepted.map((s) => s.file)).toEqual(['a.csv', 'b.csv', 'd.csv']);
  });

  test('the core’s own E_YEAR_MISMATCH (with --year) is not doubled', () => {
    const wrong = {
      ...ok('a.csv', '黎岭镇', 2024),
      compact: null,
      findings: [
        makeFinding(schema, 'E_YEAR_MISMATCH', {
          value: '2024',
          params: { value: 2024, expected: 2025 },
        }),
      ],
    };
    const d = decideIntake([wrong], { schema, registry: null, year: 2025 });
    expect(codes(d.files[0]!)).toEqual(['E_YEAR_MISMATCH']);
  });

  test('two files for one township: both rejected, one finding each naming both files', () => {
    const d = decideIntake(
      [ok('青石镇.csv', '青石镇'), ok('附件2-青石镇.xlsx', '青石镇'), ok('黎岭镇.csv', '黎岭镇')],
      { schema, registry, year: null },
    );
    const expected = {
      code: 'E_DUPLICATE_TOWNSHIP',
      severity: 'error',
      row: null,
      column: null,
      cell: null,
      field: null,
      value: '青石镇',
      suggestion: null,
      params: { township: '青石镇', files: '附件2-青石镇.xlsx, 青石镇.csv' },
    };
    expect(d.files[0]!.findings).toEqual([expected]);
    expect(d.files[1]!.findings).toEqual([expected]);
    expect(d.files.map((f) => f.status)).toEqual(['rejected', 'rejected', 'accepted']);
    expect(d.missing).toEqual(['东城街道', '白沙乡']);
    expect(d.expected).toBe(4);
  });

  test('a leftover file of another year does not clash with this year’s file', () => {
    const d = decideIntake(
      [ok('a.csv', '黎岭镇'), ok('b.csv', '青石镇'), ok('old.csv', '青石镇', 2024)],
      { schema, registry, year: null },
    );
    expect(d.files.map((f) => [f.file, f.status, codes(f)])).toEqual([
      ['a.csv', 'accepted', []],
      ['b.csv', 'accepted', []],
      ['old.csv', 'rejected', ['E_YEAR_MISMATCH']],
    ]);
  });

  test('a file with errors still counts for its township (duplicate, not missing); an unknown township is neither', () => {
    const bad: FileOutcome = {
      ...ok('bad.csv', '黎岭镇'),
      compact: null,
      findings: [
        makeFinding(schema, 'E_NOT_NUMBER', {
          row: 5,
          column: 12,
          field: 'trainingSessions',
          value: 'x',
        }),
      ],
    };
    const unknown: FileOutcome = {
      ...ok('x.csv', '黎岭镇'),
      township: null,
      compact: null,
      findings: [makeFinding(schema, 'E_UNKNOWN_TOWNSHIP', { value: '火星镇' })],
    };
    const d = decideIntake([bad, unknown, ok('b.csv', '青石镇')], { schema, registry, year: null });
    expect(d.files.map((f) => [f.file, f.status, f.errors, codes(f)])).toEqual([
      ['bad.csv', 'rejected', 1, ['E_NOT_NUMBER']],
      ['x.csv', 'rejected', 1, ['E_UNKNOWN_TOWNSHIP']],
      ['b.csv', 'accepted', 0, []],
    ]);
    expect(d.missing).toEqual(['东城街道', '白沙乡']);
  });

  test('warnings never reject; without a registry the townships found are expected and none is missing', () => {
    const warned: FileOutcome = {
      ...ok('a.csv', '黎岭镇'),
      findings: [
        makeFinding(schema, 'W_NO_PAY', { row: 5, column: 9, field: 'cadreAnnualPay', value: '0' }),
      ],
    };
    const d = decideIntake([warned, ok('b.csv', '青石镇'), { ...ok('c.csv', '青石镇', 2020) }], {
      schema,
      registry: null,
      year: null,
    });
    expect(d.files.map((f) => f.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(d.expected).toBe(2);
    expect(d.missing).toEqual([]);
  });
});

describe('decideIntake: files rejected at reading, dropped errors, misnamed townships', () => {
  const failed = (file: string, township: string | null, code: FindingCode): FileOutcome => ({
    ...ok(file, township ?? '', null),
    township,
    compact: null,
    rows: 0,
    readFailed: true,
    findings: [makeFinding(schema, code)],
  });

  test('an unreadable file of a township does not make its readable file a duplicate', () => {
    const d = decideIntake(
      [ok('黎岭镇.csv', '黎岭镇'), failed('黎岭镇.xls', '黎岭镇', 'E_ENCODING')],
      {
        schema,
        registry,
        year: null,
      },
    );
    expect(d.files.map((f) => [f.file, f.status, codes(f)])).toEqual([
      ['黎岭镇.csv', 'accepted', []],
      ['黎岭镇.xls', 'rejected', ['E_ENCODING']],
    ]);
    expect(d.missing).toEqual(['东城街道', '白沙乡', '青石镇']);
  });

  test('errors left out by the findings cap still reject the file', () => {
    const d = decideIntake([{ ...ok('a.csv', '青石镇'), droppedErrors: 3 }], {
      schema,
      registry,
      year: null,
    });
    expect([d.files[0]!.status, d.files[0]!.errors, d.accepted]).toEqual(['rejected', 3, []]);
  });

  test('misnamed: only for a rejected file whose guessed township is missing', () => {
    const guess = { township: '白沙乡', written: '白沙相' };
    const d = decideIntake(
      [
        { ...failed('白沙相.csv', null, 'E_UNKNOWN_TOWNSHIP'), misnamed: guess },
        {
          ...failed('青食镇.csv', null, 'E_UNKNOWN_TOWNSHIP'),
          misnamed: { township: '青石镇', written: '青食镇' },
        },
        ok('青石镇.csv', '青石镇'),
      ],
      { schema, registry, year: null },
    );
    expect(d.misnamed).toEqual([{ township: '白沙乡', file: '白沙相.csv', written: '白沙相' }]);
    expect(d.missing).toContain('白沙乡');
  });
});
