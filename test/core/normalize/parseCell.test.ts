import fc from 'fast-check';
import { isBlankCell, parseCell, plainNumber, plainText } from '../../../core/normalize/parseCell';
import { compileSchema } from '../../../core/schema/compileSchema';
import { loadSchema } from '../../../core/schema/loadSchema';
import type { Cell } from '../../../core/types';

const schema = loadSchema();
const cs = compileSchema(schema);
const column = (id: string) => schema.columns.find((c) => c.id === id)!;

/** [column id, cell, value, code, suggestion, normalized] */
type Row = [string, Cell, number | string | null, string | null, string | null, string | null];

// entry-sheet §4, one line per normalization.
const cases: Row[] = [
  // numbers, silently
  ['trainingAttendance', '120', 120, null, null, null],
  ['trainingAttendance', 120, 120, null, null, null],
  ['trainingAttendance', '１２３', 123, null, null, '123'],
  ['trainingAttendance', '1,200', 1200, null, null, '1200'],
  ['trainingAttendance', '1，200', 1200, null, null, '1200'],
  ['trainingAttendance', ' 12 ', 12, null, null, '12'],
  ['trainingAttendance', '\u300012\u00a0', 12, null, null, '12'],
  ['trainingAttendance', '12人', 12, null, null, '12'],
  ['trainingAttendance', '12人次', 12, null, null, '12'],
  ['trainingSessions', '3期', 3, null, null, '3'],
  ['disputesHandled', '4件', 4, null, null, '4'],
  ['householdsVisited', '5户', 5, null, null, '5'],
  ['outreachEvents', '6场', 6, null, null, '6'],
  ['visitorsReceived', '7次', 7, null, null, '7'],
  ['modelFamilies', '8个', 8, null, null, '8'],
  ['partyActivists', '2名', 2, null, null, '2'],
  ['reliefYuan', '300元', 300, null, null, '300'],
  ['reliefYuan', '1,234.50元', 1234.5, null, null, '1234.5'],
  ['reliefYuan', '12.345', 12.35, 'W_MONEY_DECIMALS', '12.35', null],
  ['cadreAge', '45岁', 45, null, null, '45'],
  ['cadreAge', '０４５', 45, null, null, '45'],
  // zero, silently
  ['trainingAttendance', null, 0, null, null, null],
  ['trainingAttendance', '', 0, null, null, null],
  ['trainingAttendance', '0', 0, null, null, null],
  ['trainingAttendance', '无', 0, null, null, '0'],
  ['trainingAttendance', '無', 0, null, null, '0'],
  ['trainingAttendance', '/', 0, null, null, '0'],
  ['trainingAttendance', '-', 0, null, null, '0'],
  ['trainingAttendance', '—', 0, null, null, '0'],
  ['cadreAge', null, null, null, null, null],
  // with a warning and the normalized value as suggestion
  ['trainingAttendance', '150余', 150, 'W_APPROX', '150', null],
  ['trainingAttendance', '150多', 150, 'W_APPROX', '150', null],
  ['trainingAttendance', '约150', 150, 'W_APPROX', '150', null],
  ['trainingAttendance', '大约150人', 150, 'W_APPROX', '150', null],
  ['trainingAttendance', '150左右', 150, 'W_APPROX', '150', null],
  ['trainingAttendance', '150人左右', 150, 'W_APPROX', '150', null],
  ['trainingAttendance', '150余人', 150, 'W_APPROX', '150', null],
  ['trainingAttendance', '五', 5, 'W_CHINESE_NUMERAL', '5', null],
  ['trainingAttendance', '十二', 12, 'W_CHINESE_NUMERAL', '12', null],
  ['trainingAttendance', '两千三百', 2300, 'W_CHINESE_NUMERAL', '2300', null],
  ['trainingAttendance', '兩千三百人', 2300, 'W_CHINESE_NUMERAL', '2300', null],
  ['trainingAttendance', '一百零五', 105, 'W_CHINESE_NUMERAL', '105', null],
  ['trainingAttendance', '九千九百九十九', 9999, 'W_CHINESE_NUMERAL', '9999', null],
  ['cadreAge', '四十五岁', 45, 'W_CHINESE_NUMERAL', '45', null],
  ['reliefYuan', '1.2万元', 12000, 'W_UNIT_CONVERTED', '12000', null],
  ['reliefYuan', '1.2萬元', 12000, 'W_UNIT_CONVERTED', '12000', null],
  ['reliefYuan', '0.35万', 3500, 'W_UNIT_CONVERTED', '3500', null],
  ['reliefYuan', '约1.2万元', 12000, 'W_APPROX', '12000', null],
  // errors
  ['trainingAttendance', '很多', null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', '12kg', null, 'E_NOT_NUMBER', null, null],
  // Regression: Excel's binary noise in a computed number is read at the 15 digits Excel shows.
  ['trainingAttendance', 0.1 * 30, 3, null, null, null],
  ['cadreAge', 45.00000000000001, 45, null, null, null],
  ['reliefYuan', 18500.1 + 0.2, 18500.3, null, null, null],
  ['trainingAttendance', 63.00000000001, null, 'E_NOT_INTEGER', null, null],
  // Regression: whitespace removal glued two numbers into one (63 64 → 6364).
  ['trainingAttendance', '63 64', null, 'E_NOT_NUMBER', null, null],
  ['reliefYuan', '1 8500', null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', '１\u3000２', null, 'E_NOT_NUMBER', null, null],
  ['cadreAge', '4\n5', null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', '12 人次', 12, null, null, '12'],
  ['trainingAttendance', '三五', null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', '一万', null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', '1.2万人', null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', true, null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', NaN, null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', Infinity, null, 'E_NOT_NUMBER', null, null],
  ['trainingAttendance', '-5', null, 'E_NEGATIVE', null, null],
  ['trainingAttendance', -5, null, 'E_NEGATIVE', null, null],
  ['reliefYuan', '-0.5元', null, 'E_NEGATIVE', null, null],
  ['trainingAttendance', '2.5', null, 'E_NOT_INTEGER', null, null],
  ['cadreAge', 45.5, null, 'E_NOT_INTEGER', null, null],
  ['trainingAttendance', '#DIV/0!', null, 'E_EXCEL_ERROR', null, null],
  ['trainingAttendance', '#N/A', null, 'E_EXCEL_ERROR', null, null],
  ['trainingAttendance', '#VALUE!', null, 'E_EXCEL_ERROR', null, null],
  ['trainingAttendance', '#REF!', null, 'E_EXCEL_ERROR', null, null],
  // yes/no
  ...(['是', '有', '√', '✓', '✔', 'Y', 'yes', 'YES', '1', 1, true] as Cell[]).map((c): Row => [
    'womensHome',
    c,
    '是',
    null,
    null,
    c === '是' ? null : '是',
  ]),
  ...(['否', '无', '×', '✗', 'N', 'no', '0', 0, false] as Cell[]).map((c): Row => [
    'womensHome',
    c,
    '否',
    null,
    null,
    c === '否' ? null : '否',
  ]),
  ['womensHome', '不知道', null, 'E_ENUM', null, null],
  ['womensHome', 2, null, 'E_ENUM', null, null],
  ['womensHome', null, null, null, null, null],
  // enums and their synonyms
  ['cadreEducation', '小学', '小学及以下', null, null, '小学及以下'],
  ['cadreEducation', '文盲', '小学及以下', null, null, '小学及以下'],
  ['cadreEducation', '高中', '高中（中专）', null, null, '高中（中专）'],
  ['cadreEducation', '中专', '高中（中专）', null, null, '高中（中专）'],
  ['cadreEducation', '职高', '高中（中专）', null, null, '高中（中专）'],
  ['cadreEducation', '高中(中专)', '高中（中专）', null, null, '高中（中专）'],
  ['cadreEducation', '专科', '大专', null, null, '大专'],
  ['cadreEducation', '大專', '大专', null, null, '大专'],
  ['cadreEducation', '本科', '本科及以上', null, null, '本科及以上'],
  ['cadreEducation', '研究生', '本科及以上', null, null, '本科及以上'],
  ['cadreEducation', '硕士', '本科及以上', null, null, '本科及以上'],
  ['cadreEducation', '初中', '初中', null, null, null],
  ['cadreEducation', '幼儿园', null, 'E_ENUM', null, null],
  ['cadreGender', ' 女 ', '女', null, null, '女'],
  ['cadreTenure', '兼', '兼职', null, null, '兼职'],
  // text
  ['village', ' 青石 村 ', '青石村', null, null, null],
  ['village', '松林社區', '松林社区', null, null, null],
  ['cadreName', ' 王芳 ', '王芳', null, null, null],
  ['notes', 12, '12', null, null, null],
];

describe('parseCell (entry-sheet §4)', () => {
  it.each(cases)('%s %p → %p %p %p', (id, cell, value, code, suggestion, normalized) => {
    const r = parseCell(cell, column(id), cs);
    expect({
      value: r.value,
      code: r.code,
      suggestion: r.suggestion,
      normalized: r.normalized,
    }).toEqual({ value, code, suggestion, normalized });
  });

  it('gives E_ENUM the allowed values', () => {
    expect(parseCell('幼儿园', column('cadreEducation'), cs).params).toEqual({
      allowed: '小学及以下、初中、高中（中专）、大专、本科及以上',
    });
    expect(parseCell('maybe', column('inCommittee'), cs).params).toEqual({ allowed: '是、否' });
  });

  it('returns the same result from its column cache, kept on the compiled schema', () => {
    const first = parseCell('约150', column('trainingAttendance'), cs);
    expect(parseCell('约150', column('trainingAttendance'), cs)).toBe(first);
    expect(cs.parserOf(column('trainingAttendance')).cache?.get('约150')).toBe(first);
  });

  it('keeps no cache for text columns (village and chair names are unique)', () => {
    expect(parseCell('青石村', column('village'), cs).value).toBe('青石村');
    expect(cs.parserOf(column('village')).cache).toBeNull();
    expect(cs.parserOf(column('cadreName')).cache).toBeNull();
  });
});

// Issue 13.9: numbers are never silently wrong (schema types.count.max / types.money.max, types.money.decimals).
describe('numbers beyond belief or precision', () => {
  const parse = (id: string, cell: Cell) => {
    const r = parseCell(cell, column(id), cs);
    return { value: r.value, code: r.code, suggestion: r.suggestion };
  };
  const tooLarge = { value: null, code: 'E_NUMBER_TOO_LARGE', suggestion: null };

  test.each<[string, Cell]>([
    ['trainingAttendance', '9007199254740993'], // beyond 2^53: a double would make it …992
    ['trainingAttendance', Number('9007199254740993')], // a number cell: already …992
    ['trainingAttendance', '12345678901234567890'],
    ['trainingAttendance', String(schema.types.count.max! + 1)],
    ['reliefYuan', `${schema.types.money.max! / 10000 + 1}万`], // 万 multiplies past the bound
    ['reliefYuan', '12345678901234567890'], // would be 1.2345678901234567e19
    ['reliefYuan', String(schema.types.money.max! + 0.01)],
    ['cadreAnnualPay', '100000000000元'],
  ])('%s %p → E_NUMBER_TOO_LARGE', (id, cell) => {
    expect(parse(id, cell)).toEqual(tooLarge);
  });

  test('the bounds themselves are accepted, and never exceed Number.MAX_SAFE_INTEGER', () => {
    expect(parse('trainingAttendance', String(schema.types.count.max!)).code).toBeNull();
    expect(parse('reliefYuan', String(schema.types.money.max!)).code).toBeNull();
    for (const t of ['count', 'money'] as const)
      expect(schema.types[t].max!).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
  });

  test.each<[Cell, number]>([
    ['0.005', 0.01],
    ['1.234', 1.23],
    ['1,234.567元', 1234.57],
    [333.3333333333333, 333.33],
  ])('money %p with more than 2 decimals → W_MONEY_DECIMALS, counted as %p', (cell, value) => {
    expect(parse('reliefYuan', cell)).toEqual({
      value,
      code: 'W_MONEY_DECIMALS',
      suggestion: String(value),
    });
  });

  test('2 decimals, trailing zeros and whole amounts stay silent', () => {
    for (const cell of ['0.01', '12.50', '12.500', '300', 1234.5])
      expect([cell, parse('reliefYuan', cell).code]).toEqual([cell, null]);
  });
});

// readRow takes plainNumber's and plainText's values without a result object: they must be exactly what parseCell gives, with nothing to report.
describe('the fast paths give what parseCell gives', () => {
  const ids = [
    'trainingAttendance',
    'reliefYuan',
    'cadreAnnualPay',
    'cadreAge',
    'seq',
    'village',
    'cadreName',
    'notes',
    'inCommittee',
    'cadreEducation',
    'cadreGender',
  ];
  const cellArb: fc.Arbitrary<Cell> = fc.oneof(
    fc.integer({ min: -5, max: 200_000 }),
    fc.double({ min: -1, max: 2e8, noNaN: true }),
    fc.integer({ min: 0, max: 1e10 }).map((k) => k / 100),
    fc.integer({ min: 0, max: 1e9 }).map((k) => String(k / 100)),
    fc.stringMatching(/^[0-9]{0,9}(\.[0-9]{0,3})?$/),
    fc.constantFrom(
      -0,
      0,
      '0',
      '00',
      '0.0',
      '0.10',
      '1e3',
      '+5',
      ' 5',
      '5 ',
      '１２',
      '99999',
      '100000',
      '100000000',
      '100000000.01',
      '99999999.99',
    ),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('黎嶺村', ' 青石 村 ', '社區', '', ' ', '\u3000'),
    fc.constantFrom<Cell>(
      null,
      '是',
      '有',
      '否',
      ' 是',
      '√',
      '大專',
      '大专',
      '本科',
      '女',
      '女性',
      '男',
    ),
  );
  it.each(ids)('%s', (id) => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        const parser = cs.parserOf(column(id));
        // parseCell first: a choice word is answered from what parsing it left in the column's memo.
        const r = parseCell(cell, column(id), cs);
        const n = plainNumber(cell, parser);
        const t = plainText(cell, parser);
        if (n === -1 && t === null) return;
        expect({ value: n >= 0 ? n : t, code: null, normalized: null }).toEqual({
          value: r.value,
          code: r.code,
          normalized: r.normalized,
        });
        // A blank answered by a fast path (0 in a count or money column) is never one E_REQUIRED must see.
        if (r.blank) expect(column(id).required).not.toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the fast paths', () => {
  it('answer a choice word once parsing it left it in the memo, and a normalized one (有 → 是) never', () => {
    const parser = cs.parserOf(column('womensHome'));
    for (const word of ['是', '有']) parseCell(word, column('womensHome'), cs);
    expect(plainText('是', parser)).toBe('是');
    expect(plainText('有', parser)).toBeNull();
  });

  it('read a null count or money cell as 0, but not an integer or a required one', () => {
    expect(plainNumber(null, cs.parserOf(column('trainingAttendance')))).toBe(0);
    expect(plainNumber(undefined, cs.parserOf(column('reliefYuan')))).toBe(0);
    expect(plainNumber(null, cs.parserOf(column('cadreAge')))).toBe(-1);
    const required = { ...column('trainingAttendance'), required: true };
    expect(plainNumber(null, cs.parserOf(required))).toBe(-1);
  });

  it('share one cache among the columns of a type, and none between enums', () => {
    const cache = (id: string) => cs.parserOf(column(id)).cache;
    expect(cache('trainingAttendance')).toBe(cache('disputesHandled'));
    expect(cache('reliefYuan')).toBe(cache('cadreAnnualPay'));
    expect(cache('reliefYuan')).not.toBe(cache('trainingAttendance'));
    expect(cache('inCommittee')).toBe(cache('womensHome'));
    expect(cache('cadreEducation')).not.toBe(cache('cadreTenure'));
  });
});

describe('a -0 cell', () => {
  it('reads as 0, and leaves every later 0 a 0 (in a fresh module: the results of 0 are shared)', async () => {
    await jest.isolateModulesAsync(async () => {
      const fresh = await import('../../../core/normalize/parseCell');
      for (const id of ['cadreAge', 'trainingAttendance', 'reliefYuan']) {
        expect(Object.is(fresh.parseCell(-0, column(id), cs).value, 0)).toBe(true);
        expect(Object.is(fresh.parseCell(0, column(id), cs).value, 0)).toBe(true);
        expect(Object.is(fresh.plainNumber(-0, cs.parserOf(column(id))), 0)).toBe(true);
      }
    });
  });
});

describe('isBlankCell', () => {
  it('is blank exactly where trim() leaves nothing, for every BMP code unit alone and around text', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const cell of [ch, ` ${ch}${ch} `])
        if (isBlankCell(cell) !== (cell.trim() === '')) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect([null, undefined, '', 0, false].map((c) => isBlankCell(c))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
