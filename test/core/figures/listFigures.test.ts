import { listFigures } from '../../../core/figures';
import { loadSchema } from '../../../core/schema/loadSchema';

const schema = loadSchema();
const list = listFigures(schema);
const tallyOf = (i: number) => list.tallies[i];

describe('listFigures', () => {
  it('is built once per schema', () => {
    expect(listFigures(schema)).toBe(list);
  });

  it('lists every summed column as a total over all rows, money in cents', () => {
    expect(list.totals.map((t) => t.id)).toEqual(
      schema.columns.filter((c) => c.sum === true).map((c) => c.id),
    );
    const pay = list.totals.find((t) => t.id === 'cadreAnnualPay')!;
    expect(pay.money).toBe(true);
    expect(tallyOf(pay.tally)).toEqual({
      rows: 'all',
      term: { kind: 'value', field: 'cadreAnnualPay', money: true },
    });
  });

  it('lists figures.cadres in file order, each of its kind', () => {
    expect(list.cadres.map((f) => [f.id, f.kind])).toEqual([
      ['female', 'count'],
      ['male', 'count'],
      ['fullTime', 'count'],
      ['partTime', 'count'],
      ['inCommittee', 'count'],
      ['noPay', 'count'],
      ['averageAge', 'mean'],
      ['averageAnnualPay', 'mean'],
      ['ageBands', 'bands'],
      ['education', 'bands'],
    ]);
    const byId = new Map(list.cadres.map((f) => [f.id, f]));
    // averageAnnualPay divides by every village row; averageAge by the rows holding an age.
    const pay = byId.get('averageAnnualPay');
    const age = byId.get('averageAge');
    if (pay?.kind !== 'mean' || age?.kind !== 'mean') throw new Error('means expected');
    expect(pay.n).toBe(list.villages);
    expect(tallyOf(age.n)).toEqual({
      rows: 'villages',
      term: { kind: 'present', field: 'cadreAge' },
    });
    // Education bands are the enum values of its column; age bands the listed ranges.
    const education = byId.get('education');
    const bands = byId.get('ageBands');
    if (education?.kind !== 'bands' || bands?.kind !== 'bands') throw new Error('bands expected');
    expect(education.bands.map((b) => b.id)).toEqual(
      schema.columns.find((c) => c.id === 'cadreEducation')!.enum,
    );
    expect(bands.bands.map((b) => tallyOf(b.tally)!.term)).toEqual([
      { kind: 'range', field: 'cadreAge', min: null, max: 35, money: false },
      { kind: 'range', field: 'cadreAge', min: 36, max: 45, money: false },
      { kind: 'range', field: 'cadreAge', min: 46, max: 55, money: false },
      { kind: 'range', field: 'cadreAge', min: 56, max: null, money: false },
    ]);
  });

  it('shares one tally between figures that count the same thing', () => {
    const fullTime = list.cadres.find((f) => f.id === 'fullTime');
    const rate = list.rates.find((r) => r.id === 'fullTimeRate')!;
    if (fullTime?.kind !== 'count') throw new Error('count expected');
    expect(rate.numerator).toEqual({ tally: fullTime.tally });
    expect(rate.denominator).toEqual({ tally: list.villages });
    expect(list.rates.find((r) => r.id === 'disputeResolutionRate')).toEqual({
      id: 'disputeResolutionRate',
      numerator: { total: 'disputesResolved' },
      denominator: { total: 'disputesHandled' },
    });
    const keys = list.tallies.map((t) => JSON.stringify(t));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
