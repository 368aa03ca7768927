import { loadSchema, summarizeSheet, validateGrid } from '../../../core';
import schemaJson from '../../../core/schema/entry-sheet.json';
import type { ParsedSheet } from '../../../core/types';
import { assembleFigures } from '../../../pipeline/aggregate/assembleFigures';
import { buildRowsTable } from '../../../pipeline/aggregate/buildRowsTable';
import { compactSheet, layoutFields } from '../../../intake/compactSheet';
import { sheetGrid, village, type SheetSpec } from '../intake/townshipFixture';

const schema = loadSchema();
const layout = layoutFields(schema);

const A: SheetSpec = {
  township: '黎岭镇',
  villages: [
    village('一村', {
      cadreAge: 35,
      cadreAnnualPay: 3000.5,
      childrensHome: '否',
      trainingSessions: 2,
      trainingAttendance: 60,
      disputesHandled: 4,
      disputesResolved: 3,
      pledgesMade: 2,
      pledgesDone: 2,
      cancerPoorReported: 1,
      cancerAidYuan: 100.1,
    }),
    village('二村', {
      cadreGender: '男',
      cadreTenure: '专职',
      inCommittee: '否',
      cadreAnnualPay: 0,
      cadreAge: 56,
      cadreEducation: '初中',
      trainingSessions: 1,
      trainingAttendance: 30,
      cancerPoorReported: 1,
      cancerAidYuan: 0.2,
    }),
  ],
  level: {
    trainingSessions: 1,
    trainingAttendance: 10,
    disputesHandled: 2,
    disputesResolved: 2,
    cancerPoorReported: 1,
    cancerAidYuan: 0.1,
  },
};
const B: SheetSpec = {
  township: '青石镇',
  villages: [
    village('三村', {
      cadreTenure: '专职',
      cadreAnnualPay: 2000,
      cadreAge: 46,
      cadreEducation: '本科及以上',
      trainingSessions: 3,
      trainingAttendance: 90,
    }),
  ],
};

function parse(spec: SheetSpec, with_ = schema): ParsedSheet {
  const sheet = validateGrid(sheetGrid(spec), { schema: with_, fileName: `${spec.township}.csv` });
  expect(sheet.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return sheet;
}

/** Every summed column at 0, then the given ones. */
function totals(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of schema.columns) if (c.sum) out[c.id] = values[c.id] ?? 0;
  return out;
}

describe('assembleFigures', () => {
  const sheets = [parse(A), parse(B)];
  // Township order of the input must not matter: B is given first.
  const compact = [
    compactSheet(sheets[1]!, layout, 'b.csv', '青石镇'),
    compactSheet(sheets[0]!, layout, 'a.csv', '黎岭镇'),
  ];
  const figures = assembleFigures(buildRowsTable(compact, layout), schema);

  test('county figures match the hand-computed ones', () => {
    expect(figures.county).toEqual({
      villages: 3,
      totals: totals({
        cadreAnnualPay: 5000.5,
        trainingSessions: 7,
        trainingAttendance: 190,
        disputesHandled: 6,
        disputesResolved: 5,
        pledgesMade: 2,
        pledgesDone: 2,
        cancerPoorReported: 3,
        cancerAidYuan: 100.4,
      }),
      cadres: {
        female: 2,
        male: 1,
        fullTime: 2,
        partTime: 1,
        inCommittee: 2,
        noPay: 1,
        averageAge: 45.67,
        averageAnnualPay: 1666.83,
        ageBands: { '<=35': 1, '36-45': 0, '46-55': 1, '>=56': 1 },
        education: { 小学及以下: 0, 初中: 1, '高中（中专）': 0, 大专: 1, 本科及以上: 1 },
      },
      rates: {
        fullTimeRate: 2 / 3,
        committeeRate: 2 / 3,
        womensHomeRate: 1,
        childrensHomeRate: 2 / 3,
        disputeResolutionRate: 5 / 6,
        pledgeCompletionRate: 1,
      },
    });
  });

  test('per township, in code-point order, with null rates on a zero denominator', () => {
    expect(figures.byTownship.map((t) => t.township)).toEqual(['青石镇', '黎岭镇']); // U+9752 < U+9ECE
    const a = figures.byTownship.find((t) => t.township === '黎岭镇')!;
    const b = figures.byTownship.find((t) => t.township === '青石镇')!;
    expect(a.totals).toEqual(
      totals({
        cadreAnnualPay: 3000.5,
        trainingSessions: 4,
        trainingAttendance: 100,
        disputesHandled: 6,
        disputesResolved: 5,
        pledgesMade: 2,
        pledgesDone: 2,
        cancerPoorReported: 3,
        cancerAidYuan: 100.4,
      }),
    );
    expect(a.rates).toEqual({
      fullTimeRate: 0.5,
      committeeRate: 0.5,
      womensHomeRate: 1,
      childrensHomeRate: 0.5,
      disputeResolutionRate: 5 / 6,
      pledgeCompletionRate: 1,
    });
    expect(b.villages).toBe(1);
    expect(b.rates).toEqual({
      fullTimeRate: 1,
      committeeRate: 1,
      womensHomeRate: 1,
      childrensHomeRate: 1,
      disputeResolutionRate: null,
      pledgeCompletionRate: null,
    });
  });

  test('each township equals the core’s summarizeSheet of its sheet (cross-check)', () => {
    for (const [sheet, name] of [
      [sheets[0]!, '黎岭镇'],
      [sheets[1]!, '青石镇'],
    ] as const) {
      const { township, ...mine } = figures.byTownship.find((t) => t.township === name)!;
      expect(township).toBe(name);
      expect(mine).toEqual(summarizeSheet(sheet, schema));
    }
  });

  test('no accepted sheet: zeros and null rates', () => {
    const empty = assembleFigures(buildRowsTable([], layout), schema);
    expect(empty.byTownship).toEqual([]);
    expect(empty.county.villages).toBe(0);
    expect(empty.county.totals).toEqual(totals({}));
    expect(empty.county.cadres.averageAge).toBe(0);
    expect(Object.values(empty.county.rates)).toEqual([null, null, null, null, null, null]);
  });
});

describe('a new figure is one schema entry', () => {
  // A copy of the schema file with one more figure of each kind: no code knows their ids.
  const json = JSON.parse(JSON.stringify(schemaJson)) as {
    figures: { cadres: Record<string, unknown> };
  };
  Object.assign(json.figures.cadres, {
    noChildrensHome: { zh: '未建儿童之家', count: { field: 'childrensHome', equals: '否' } },
    villagePay: { zh: '村级报酬总额（元）', sum: { field: 'cadreAnnualPay' } },
    trainingPerVillage: { zh: '村均培训人次', mean: { field: 'trainingAttendance', over: 'rows' } },
    tenure: { zh: '任职方式：{band}', bands: { field: 'cadreTenure' } },
    payBands: {
      zh: '年报酬 {band}',
      bands: {
        field: 'cadreAnnualPay',
        bands: [
          { id: '<2500', max: 2499.99 },
          { id: '>=2500', min: 2500 },
        ],
      },
    },
  });
  const extended = loadSchema(json);
  const sheets = [parse(A, extended), parse(B, extended)];
  const extendedLayout = layoutFields(extended);
  const table = buildRowsTable(
    [
      compactSheet(sheets[0]!, extendedLayout, 'a.csv', '黎岭镇'),
      compactSheet(sheets[1]!, extendedLayout, 'b.csv', '青石镇'),
    ],
    extendedLayout,
  );
  const figures = assembleFigures(table, extended);
  const added = (cadres: object) => {
    const { noChildrensHome, villagePay, trainingPerVillage, tenure, payBands } = cadres as Record<
      string,
      unknown
    >;
    return { noChildrensHome, villagePay, trainingPerVillage, tenure, payBands };
  };
  // 黎岭镇: 一村 (no children's home, pay 3000.50, 60 attendances), 二村 (专职, pay 0, 30); its 本级
  // row's 10 attendances are not a village's. 青石镇: 三村 (专职, pay 2000, 90).
  const lingling = {
    noChildrensHome: 1,
    villagePay: 3000.5,
    trainingPerVillage: 45,
    tenure: { 专职: 1, 兼职: 1 },
    payBands: { '<2500': 1, '>=2500': 1 },
  };
  const qingshi = {
    noChildrensHome: 0,
    villagePay: 2000,
    trainingPerVillage: 90,
    tenure: { 专职: 1, 兼职: 0 },
    payBands: { '<2500': 1, '>=2500': 0 },
  };

  test('in the core summary of a sheet', () => {
    expect(added(summarizeSheet(sheets[0]!, extended).cadres)).toEqual(lingling);
    expect(added(summarizeSheet(sheets[1]!, extended).cadres)).toEqual(qingshi);
  });

  test('in the county and township figures, after the contract figures', () => {
    expect(added(figures.county.cadres)).toEqual({
      noChildrensHome: 1,
      villagePay: 5000.5,
      trainingPerVillage: 60,
      tenure: { 专职: 2, 兼职: 1 },
      payBands: { '<2500': 2, '>=2500': 1 },
    });
    const [qs, ll] = figures.byTownship;
    expect(added(ll!.cadres)).toEqual(lingling);
    expect(added(qs!.cadres)).toEqual(qingshi);
    expect(Object.keys(figures.county.cadres).slice(-6)).toEqual([
      'education',
      'noChildrensHome',
      'villagePay',
      'trainingPerVillage',
      'tenure',
      'payBands',
    ]);
  });

  test('the core and the county tally the new figures alike (cross-check)', () => {
    for (const [sheet, t] of [
      [sheets[0]!, figures.byTownship[1]!],
      [sheets[1]!, figures.byTownship[0]!],
    ] as const) {
      const { township: _, ...mine } = t;
      expect(mine).toEqual(summarizeSheet(sheet, extended));
    }
  });
});
