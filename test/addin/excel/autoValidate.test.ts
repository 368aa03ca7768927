/** 自动校验: event filtering, debouncing, and the loop on the fake host (own writes ignored, pastes re-read). */
import {
  createDebouncer,
  isRangeChange,
  registerChangeHandler,
  shouldRevalidate,
  type ChangeEvent,
} from '../../../addin/excel/autoValidate';
import { applyFixes } from '../../../addin/excel/applyFixes';
import { validateSheet } from '../../../addin/excel/validateSheet';
import { renderFinding, validateGrid } from '../../../core';
import { entryGrid, schema } from './entryGrid';
import { FakeExcel } from '../host/fakeExcel';

const edit: ChangeEvent = {
  worksheetId: '{S1}',
  address: 'M7',
  changeType: 'RangeEdited',
  source: 'Local',
  details: { valueAfter: 1 },
};
const on = { enabled: true, hasTriggerSource: true };

describe('shouldRevalidate', () => {
  it("follows the toggle and triggerSource on 1.14 hosts; ignores co-authors' Remote edits (issue 8 item 11)", () => {
    expect(shouldRevalidate(edit, on)).toBe(true);
    expect(shouldRevalidate(edit, { ...on, enabled: false })).toBe(false);
    expect(shouldRevalidate({ ...edit, source: 'Remote' }, on)).toBe(false);
    expect(shouldRevalidate({ ...edit, triggerSource: 'ThisLocalAddin' }, on)).toBe(false);
    expect(
      shouldRevalidate(
        { ...edit, triggerSource: 'ThisLocalAddin' },
        { ...on, hasTriggerSource: false },
      ),
    ).toBe(true);
    expect(shouldRevalidate({ ...edit, triggerSource: 'Unknown' }, on)).toBe(true);
  });

  it('tells a paste (no details or a multi-cell address) from a single-cell edit', () => {
    expect(isRangeChange(edit)).toBe(false);
    expect(isRangeChange({ ...edit, details: undefined })).toBe(true);
    expect(isRangeChange({ ...edit, address: 'M7:N9' })).toBe(true);
  });
});

describe('createDebouncer', () => {
  it('runs once, delay after the last trigger', () => {
    jest.useFakeTimers();
    try {
      const run = jest.fn();
      const d = createDebouncer(run, 600);
      d.trigger();
      jest.advanceTimersByTime(500);
      d.trigger();
      jest.advanceTimersByTime(500);
      expect(run).not.toHaveBeenCalled();
      expect(d.pending()).toBe(true);
      jest.advanceTimersByTime(100);
      expect(run).toHaveBeenCalledTimes(1);
      d.trigger();
      d.cancel();
      jest.advanceTimersByTime(1000);
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('auto-validate loop on the fake host', () => {
  it('re-validates after user edits and pastes, never after its own writes', async () => {
    const ex = new FakeExcel({ notes: true, comments: true });
    const sheet = ex.addSheet('统计表', '{S1}');
    ex.setGrid(sheet, entryGrid(6));
    const support = { notes: true, comments: true };
    const passes: string[][] = [];
    const runPass = async (): Promise<void> => {
      const r = await validateSheet(
        ex.context,
        (s) => validateGrid(s.grid, { schema, fileName: s.name }),
        (f) => renderFinding(f, schema).message_zh,
        support,
      );
      passes.push(
        r.outcome.findings
          .filter((f) => f.severity === 'error' || f.code === 'W_MALE_CADRE')
          .map((f) => `${f.code}@${f.cell}`),
      );
    };
    // What the pane does, without timers: filter, then run the pass.
    const seen: ChangeEvent[] = [];
    await registerChangeHandler(ex.context, async (e) => {
      seen.push(e);
      if (shouldRevalidate(e, { enabled: true, hasTriggerSource: false })) await runPass();
    });

    await ex.userEdit(sheet, 'M5', [['abc']]);
    expect(passes).toEqual([['E_NOT_NUMBER@M5', 'W_MALE_CADRE@D7', 'E_AGE_RANGE@E10']]);

    await ex.userEdit(sheet, 'D7:E7', [['女', 41]]);
    expect(seen[1]!.address).toBe('D7:E7');
    expect(isRangeChange(seen[1]!)).toBe(true);
    expect(passes[1]).toEqual(['E_NOT_NUMBER@M5', 'E_AGE_RANGE@E10']);

    // Our own writes (marks and fixes) run with events off: no event, no pass.
    await applyFixes(ex.context, { name: '统计表', id: '{S1}' }, [
      { cell: 'M5', oldValue: 'abc', newValue: 40 },
    ]);
    await Promise.resolve();
    expect(seen).toHaveLength(2);
    expect(passes).toHaveLength(2);
  });
});
