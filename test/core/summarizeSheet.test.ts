import { summarizeSheet } from '../../core/summarizeSheet';
import { validateGrid } from '../../core/validateGrid';
import { buildSheet } from './builders';

describe('summarizeSheet', () => {
  it('sums village rows and the 本级 row, and counts cadres over village rows only', () => {
    const b = buildSheet({ villages: 4, level: true, total: true });
    b.set(6, 'cadreGender', '男')
      .set(7, 'cadreAnnualPay', 0)
      .set(8, 'cadreAge', 58)
      .set(5, 'inCommittee', '否')
      .set(6, 'reliefYuan', '1,000.25');
    b.retotal();
    const sheet = validateGrid(b.grid, { schema: b.schema });
    expect(summarizeSheet(sheet, b.schema)).toEqual({
      villages: 4,
      totals: {
        // village rows (4) + 本级 row
        cadreAnnualPay: 6000 + 6500 + 0 + 7500,
        trainingSessions: 4 * 2 + 1,
        trainingAttendance: 60 + 61 + 62 + 63 + 80,
        outreachEvents: 4 * 3 + 2,
        cancerScreened: 200,
        cancerPoorReported: 4,
        cancerAidYuan: 4000,
        modelFamilies: 8,
        visitorsReceived: 40 + 30,
        disputesHandled: 16 + 6,
        disputesResolved: 12 + 6,
        repeatPetitions: 0,
        householdsVisited: 20,
        reliefYuan: 2500.5 * 3 + 1000.25,
        partyActivists: 4,
        pledgesMade: 12,
        pledgesDone: 12,
        culturalEvents: 8 + 1,
        culturalAttendance: 480 + 300,
      },
      cadres: {
        female: 3,
        male: 1,
        fullTime: 2, // rows 0 and 3 (i % 3 === 0)
        partTime: 2,
        inCommittee: 3,
        noPay: 1,
        averageAge: (35 + 36 + 37 + 58) / 4,
        averageAnnualPay: 5000,
        ageBands: { '<=35': 1, '36-45': 2, '46-55': 0, '>=56': 1 },
        education: { 小学及以下: 0, 初中: 1, '高中（中专）': 1, 大专: 1, 本科及以上: 1 },
      },
      rates: {
        fullTimeRate: 0.5,
        committeeRate: 0.75,
        womensHomeRate: 1,
        childrensHomeRate: 0.5,
        disputeResolutionRate: 18 / 22,
        pledgeCompletionRate: 1,
      },
    });
    expect(sheet.findings.map((f) => f.code)).toEqual(['W_MALE_CADRE', 'W_NO_PAY']);
  });

  it('gives null rates and zero means for a sheet without villages', () => {
    const b = buildSheet({ villages: 0 });
    const s = summarizeSheet(validateGrid(b.grid, { schema: b.schema }), b.schema);
    expect(s.villages).toBe(0);
    expect(s.cadres.averageAge).toBe(0);
    expect(s.cadres.averageAnnualPay).toBe(0);
    expect(Object.values(s.rates)).toEqual([null, null, null, null, null, null]);
    expect(s.totals.trainingSessions).toBe(0);
  });

  it('rounds money to 2 decimals and averages to 2 decimals', () => {
    const b = buildSheet({ villages: 3 });
    b.set(5, 'reliefYuan', 0.1).set(6, 'reliefYuan', 0.2).set(7, 'reliefYuan', 0.0);
    b.set(5, 'householdsVisited', 1).set(6, 'householdsVisited', 1);
    b.set(5, 'cadreAge', 40).set(6, 'cadreAge', 40).set(7, 'cadreAge', 41);
    const s = summarizeSheet(validateGrid(b.grid, { schema: b.schema }), b.schema);
    expect(s.totals.reliefYuan).toBe(0.3);
    expect(s.cadres.averageAge).toBe(40.33);
  });

  it('averages pay over every village row (an unreadable amount as 0), age over the ages read', () => {
    const b = buildSheet({ villages: 3 });
    b.set(5, 'cadreAnnualPay', 3000)
      .set(6, 'cadreAnnualPay', '待定')
      .set(7, 'cadreAnnualPay', 0.01);
    b.set(5, 'cadreAge', 40).set(6, 'cadreAge', '四十').set(7, 'cadreAge', 'x');
    const sheet = validateGrid(b.grid, { schema: b.schema });
    expect(sheet.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual([
      b.a1(6, 'cadreAnnualPay'),
      b.a1(7, 'cadreAge'),
    ]);
    const s = summarizeSheet(sheet, b.schema);
    // (3000 + 0 + 0.01) / 3 = 1000.0033…; ages 40 and 40 (四十 is read), x left out.
    expect(s.cadres.averageAnnualPay).toBe(1000);
    expect(s.cadres.averageAge).toBe(40);
    expect(s.cadres.noPay).toBe(0);
  });
});
