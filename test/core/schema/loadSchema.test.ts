/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- the cases break a JSON copy of the schema in arbitrary places */
import { SchemaError, loadSchema, validateSchema } from '../../../core/schema/loadSchema';
import schemaJson from '../../../core/schema/entry-sheet.json';

/** A deep copy of the schema file to break. */
const copy = (): Record<string, any> => JSON.parse(JSON.stringify(schemaJson));

describe('validateSchema', () => {
  it('accepts the schema file', () => {
    const r = validateSchema(schemaJson);
    expect(r.ok).toBe(true);
    expect(loadSchema()).toBe(loadSchema());
    // The file as written: keys the declaration does not name (doc notes, $comment) are kept.
    expect(loadSchema()).toBe(schemaJson);
    expect(loadSchema().columns[0]).toHaveProperty('doc');
  });

  const broken: [string, (s: Record<string, any>) => void, string[]][] = [
    [
      'a figure counting a value its column does not have',
      (s) => (s.figures.cadres.female.count.equals = '女性'),
      ['figures.cadres.female.count: “女性” is not a value of cadreGender'],
    ],
    [
      'a figure on an unknown column',
      (s) => (s.figures.cadres.inCommittee.count.field = 'committee'),
      ['figures.cadres.inCommittee.count.field: unknown column committee'],
    ],
    [
      'a figure with two kinds',
      (s) => (s.figures.cadres.male.sum = { field: 'cadreAnnualPay' }),
      ['figures.cadres.male must hold exactly one of count, sum, mean, bands'],
    ],
    [
      'a figure without its parameters',
      (s) => delete s.figures.cadres.averageAge.mean.over,
      ['figures.cadres.averageAge.mean.over is missing'],
    ],
    [
      'a mean of a choice column',
      (s) => (s.figures.cadres.averageAge.mean.field = 'cadreEducation'),
      [
        'figures.cadres.averageAge.mean: cadreEducation is not a number column (count, money, integer)',
      ],
    ],
    [
      'a count of a text on a number column',
      (s) => (s.figures.cadres.noPay.count.equals = '0'),
      ['figures.cadres.noPay.count: cadreAnnualPay holds numbers, not “0”'],
    ],
    [
      'a count on a text column',
      (s) => (s.figures.cadres.female.count.field = 'cadreName'),
      [
        'figures.cadres.female.count: cadreName is a text column (figures count choices and numbers)',
      ],
    ],
    [
      'bands of a number column without ranges',
      (s) => delete s.figures.cadres.ageBands.bands.bands,
      ['figures.cadres.ageBands.bands: bands of a number column need a list of { id, min, max }'],
    ],
    [
      'bands of an enum column with ranges',
      (s) => (s.figures.cadres.education.bands.bands = [{ id: 'x', max: 1 }]),
      [
        'figures.cadres.education.bands: bands of cadreEducation are its values; leave out the list',
      ],
    ],
    [
      'bands of a text column',
      (s) => (s.figures.cadres.education.bands.field = 'notes'),
      ['figures.cadres.education.bands: notes is a text column (bands need numbers or choices)'],
    ],
    [
      'two bands of one id, a band upside down',
      (s) => {
        s.figures.cadres.ageBands.bands.bands[1].id = '<=35';
        s.figures.cadres.ageBands.bands.bands[2].min = 60;
      },
      [
        'figures.cadres.ageBands.bands.bands[1]: id <=35 is used twice',
        'figures.cadres.ageBands.bands.bands[2]: min is above max',
      ],
    ],
    [
      'figure labels: a band label without {band}, a count label with one, an unknown placeholder',
      (s) => {
        s.figures.cadres.ageBands.zh = '年龄';
        s.figures.cadres.female.zh = '女 {band}';
        s.figures.cadres.male.zh = '男 {sex}';
      },
      [
        'figures.cadres.female.zh: {band} is for bands figures',
        'figures.cadres.male.zh: unknown placeholder {sex}',
        'figures.cadres.ageBands.zh needs {band} (a label per band)',
      ],
    ],
    [
      'money figures finer than a cent',
      (s) => {
        s.figures.cadres.noPay.count.equals = 0.001;
        s.figures.cadres.payBands = {
          zh: '年报酬 {band}',
          bands: { field: 'cadreAnnualPay', bands: [{ id: 'low', max: 2499.995 }] },
        };
      },
      [
        'figures.cadres.noPay.count: a money value has at most 2 decimals (0.001)',
        'figures.cadres.payBands.bands.bands[0]: a money bound has at most 2 decimals (2499.995)',
      ],
    ],
    [
      'a rate over a column that is not summed',
      (s) => (s.figures.rates[4].denominator.total = 'cadreAge'),
      ['figures.rates[4].denominator: cadreAge is not a summed column (sum: true)'],
    ],
    [
      'a rate counting a value its column does not have',
      (s) => (s.figures.rates[1].numerator.equals = '有'),
      ['figures.rates[1].numerator: “有” is not a value of inCommittee'],
    ],
    [
      'a registry message missing',
      (s) => delete s.registry.messages.aliasClash,
      ['registry.messages.aliasClash is missing'],
    ],
    [
      'an unknown column type',
      (s) => (s.columns[4].type = 'number'),
      ['columns[4] (cadreAge).type must be one of count, money, integer, yesno, enum, text'],
    ],
    [
      'an enum column without values',
      (s) => delete s.columns[3].enum,
      ['columns[3] (cadreGender): an enum column needs enum values'],
    ],
    [
      'a column without a header',
      (s) => delete s.columns[5].header,
      ['columns[5] (cadreEducation).header is missing'],
    ],
    [
      'a duplicate id',
      (s) => (s.columns[29].id = 'seq'),
      ['columns[29] (seq): id seq is used twice'],
    ],
    [
      'an unknown check',
      (s) => (s.columns[4].checks[0].check = 'between'),
      [
        'columns[4] (cadreAge).checks[0].check must be one of range, above, equals, zeroOnVillage, not “between”',
      ],
    ],
    [
      'a check without its parameters',
      (s) => delete s.columns[4].checks[1].limit,
      ['columns[4] (cadreAge).checks[1].limit is missing'],
    ],
    [
      'an unknown row rule',
      (s) => (s.rowRules[0].check = 'ratio'),
      ['rowRules[0].check must be one of attendance, notGreater, needsCases, not “ratio”'],
    ],
    [
      'a row rule on an unknown field',
      (s) => (s.rowRules[2].limit = 'disputes'),
      ['rowRules[2]: unknown field disputes'],
    ],
    [
      'a code without a findings entry',
      (s) => (s.rowRules[3].code = 'E_NOPE'),
      ['rowRules[3]: code "E_NOPE" has no findings entry'],
    ],
    [
      'a finding without en',
      (s) => delete s.findings.W_NO_PAY.en,
      ['findings.W_NO_PAY.en is missing'],
    ],
    [
      'a core code missing',
      (s) => delete s.findings.E_ENCODING,
      ['findings.E_ENCODING is missing (the core emits it)'],
    ],
    [
      'a warning code marked as error',
      (s) => (s.findings.W_APPROX.severity = 'error'),
      ['findings.W_APPROX: an E_ code is an error, a W_ code a warning'],
    ],
    [
      'an alias shared by two columns after normalization',
      (s) => s.columns[13].aliases.push('培训（人次）'),
      [
        'columns[13] (outreachEvents): header or alias “培训（人次）” is also a header or alias of trainingAttendance',
      ],
    ],
    [
      'an alias shared in Traditional',
      (s) => s.columns[12].aliases.push('培訓期數'),
      [
        'columns[12] (trainingAttendance): header or alias “培訓期數” is also a header or alias of trainingSessions',
      ],
    ],
    [
      'a rate on an unknown column',
      (s) => (s.figures.rates[4].numerator.total = 'nothing'),
      ['figures.rates[4].numerator must name a column (field/equals or total)'],
    ],
    [
      'a column without an English label',
      (s) => delete s.columns[12].en,
      ['columns[12] (trainingAttendance).en is missing'],
    ],
    [
      'a schema without footer words',
      (s) => delete s.specialRows.footer,
      ['specialRows.footer is missing'],
    ],
    ['a schema without a template section', (s) => delete s.template, ['template is missing']],
    [
      'a template text missing',
      (s) => delete s.template.levelPrompt,
      ['template.levelPrompt is missing'],
    ],
    [
      'a range check with min > max',
      (s) => (s.columns[4].checks[0].min = 90),
      ['columns[4] (cadreAge).checks[0] needs min ≤ max'],
    ],
    [
      'a number where a list of strings belongs',
      (s) => (s.columns[4].aliases[1] = 7),
      ['columns[4] (cadreAge).aliases[1] must be a string'],
    ],
    [
      'a finding with an unknown severity',
      (s) => (s.findings.W_NO_PAY.severity = 'info'),
      ['findings.W_NO_PAY.severity must be one of error, warning'],
    ],
    [
      'a column that is not an object',
      (s) => (s.columns[29] = 'remarks'),
      ['columns[29] must be an object'],
    ],
    [
      'a bad threshold',
      (s) => (s.headerMatchThreshold = 2),
      ['headerMatchThreshold must be a number in (0, 1]'],
    ],
  ];

  it.each(broken)('reports %s', (_name, breakIt, errors) => {
    const s = copy();
    breakIt(s);
    expect(validateSchema(s)).toEqual({ ok: false, errors });
  });

  it('reports every problem at once, and loadSchema throws SchemaError listing them', () => {
    const s = copy();
    s.columns[4].type = 'number';
    delete s.findings.E_ENUM;
    const r = validateSchema(s);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        'columns[4] (cadreAge).type must be one of count, money, integer, yesno, enum, text',
        'findings.E_ENUM is missing (the core emits it)',
      ]);
    expect(() => loadSchema(s)).toThrow(SchemaError);
    expect(() => loadSchema(s)).toThrow(
      'The entry-sheet schema is invalid:\n- columns[4] (cadreAge).type must be one of count, money, integer, yesno, enum, text\n- findings.E_ENUM is missing (the core emits it)',
    );
  });

  it('rejects what is not an object', () => {
    expect(validateSchema(null)).toEqual({
      ok: false,
      errors: ['the schema must be a JSON object'],
    });
    expect(validateSchema([])).toEqual({ ok: false, errors: ['the schema must be a JSON object'] });
  });
});
