import { finishFigures, listFigures } from '../../../core/figures';
import { loadSchema } from '../../../core/schema/loadSchema';

const list = listFigures(loadSchema());

describe('finishFigures', () => {
  const finish = (values: Record<number, number>) => finishFigures(list, (i) => values[i] ?? 0);
  const mean = (id: string) => {
    const f = list.cadres.find((c) => c.id === id);
    if (f?.kind !== 'mean') throw new Error('mean expected');
    return f;
  };

  it('rounds means half up to 2 decimals from the exact quotient', () => {
    const age = mean('averageAge');
    const pay = mean('averageAnnualPay');
    // 201 / 200 = 1.005 (binary 1.00499…: Math.round(1.005 * 100) / 100 gives 1); 201 cents / 2 = 1.005 yuan.
    const f = finish({ [list.villages]: 2, [age.sum]: 201, [age.n]: 200, [pay.sum]: 201 });
    expect(f.cadres.averageAge).toBe(1.01);
    expect(f.cadres.averageAnnualPay).toBe(1.01);
  });

  it('gives 0 for a mean over no rows and null for a rate over 0', () => {
    const f = finish({});
    expect(f.villages).toBe(0);
    expect(f.cadres.averageAge).toBe(0);
    expect(Object.values(f.rates).every((r) => r === null)).toBe(true);
  });

  it('divides totals back from cents and rates by their totals', () => {
    const total = (id: string) => list.totals.find((t) => t.id === id)!.tally;
    const f = finish({
      [total('reliefYuan')]: 1000025,
      [total('disputesHandled')]: 8,
      [total('disputesResolved')]: 6,
    });
    expect(f.totals.reliefYuan).toBe(10000.25);
    expect(f.rates.disputeResolutionRate).toBe(0.75);
  });
});
