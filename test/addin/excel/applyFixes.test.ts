/** applyFixes on the in-memory fake: only ticked cells with a suggestion, 2-D writes, events off. */
import { applyFixes } from '../../../addin/excel/applyFixes';
import { FakeExcel, type FakeChangeEvent } from '../host/fakeExcel';

function setup(): {
  ex: FakeExcel;
  sheet: ReturnType<FakeExcel['addSheet']>;
  events: FakeChangeEvent[];
} {
  const ex = new FakeExcel();
  const sheet = ex.addSheet('统计表', '{S1}');
  ex.setGrid(sheet, [
    ['村名', '培训期数', '培训人次', '文化程度'],
    ['东村', '１２', '150余', '高中'],
    ['西村', '五', 'abc', '本科'],
  ]);
  const events: FakeChangeEvent[] = [];
  ex.handlers.push({
    sheetId: '{S1}',
    handler: (e) => {
      events.push(e);
      return Promise.resolve();
    },
  });
  return { ex, sheet, events };
}

describe('applyFixes', () => {
  it('writes the ticked suggestions (numbers as numbers) in 2 syncs and nothing else', async () => {
    const { ex, sheet, events } = setup();
    const before = ex.snapshot(sheet);
    ex.syncCount = 0;

    const result = await applyFixes(ex.context, { name: '统计表', id: '{S1}' }, [
      { cell: 'B2', oldValue: '１２', newValue: 12 },
      { cell: 'C2', oldValue: '150余', newValue: 150 },
      { cell: 'D2', oldValue: '高中', newValue: '高中（中专）' },
      { cell: 'C3', oldValue: 'abc', newValue: null },
    ]);

    expect(ex.syncCount).toBe(2);
    expect(result).toEqual({ written: ['B2', 'C2', 'D2'], skipped: [], formulas: [] });
    const after = ex.snapshot(sheet);
    expect(after.B2!.value).toBe(12);
    expect(after.C2!.value).toBe(150);
    expect(after.D2!.value).toBe('高中（中专）');
    // Every other cell, including C3 whose finding has no suggestion, is untouched.
    for (const cell of Object.keys(before).filter((c) => !['B2', 'C2', 'D2'].includes(c)))
      expect(after[cell]).toEqual(before[cell]);
    await Promise.resolve();
    expect(events).toEqual([]);
    expect(ex.enableEvents).toBe(true);
  });

  it('skips a cell whose content changed after the confirmation list was made', async () => {
    const { ex, sheet } = setup();
    await ex.userEdit(sheet, 'B3', [['七']]);
    const result = await applyFixes(ex.context, { name: '统计表', id: '{S1}' }, [
      { cell: 'B3', oldValue: '五', newValue: 5 },
      { cell: 'B2', oldValue: '１２', newValue: 12 },
    ]);
    expect(result).toEqual({ written: ['B2'], skipped: ['B3'], formulas: [] });
    expect(ex.valueOf(sheet, 'B3')).toBe('七');
  });

  it('never overwrites a formula cell, even when its shown value matches the finding', async () => {
    const { ex, sheet } = setup();
    const c3 = ex.cellFor(sheet, 3, 3);
    c3.formula = '=D3&"x"';
    c3.value = 'abc';
    ex.syncCount = 0;

    const result = await applyFixes(ex.context, { name: '统计表', id: '{S1}' }, [
      { cell: 'C3', oldValue: 'abc', newValue: 0 },
      { cell: 'B2', oldValue: '１２', newValue: 12 },
    ]);

    expect(result).toEqual({ written: ['B2'], skipped: [], formulas: ['C3'] });
    expect(ex.syncCount).toBe(2);
    expect(c3).toMatchObject({ formula: '=D3&"x"', value: 'abc' });
  });
});
