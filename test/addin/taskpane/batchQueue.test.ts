/**
 * The pane's Excel plumbing without a DOM (batchQueue.ts) on the fake host: cell-edit mode
 * (issue 8 item 4), edits arriving during a pass (item 5), the event's sheet and co-authors'
 * edits (item 11).
 */
import { registerChangeHandler } from '../../../addin/excel/autoValidate';
import { readSheet } from '../../../addin/excel/readSheet';
import {
  changeHandler,
  createBatchQueue,
  createPassScheduler,
  isCellEditError,
} from '../../../addin/taskpane/batchQueue';
import { FakeExcel } from '../host/fakeExcel';

describe('item 4: the user is typing in a cell', () => {
  it('Excel.run without delayForCellEdit fails in cell-edit mode; with it the batch waits for Enter', async () => {
    const ex = new FakeExcel();
    ex.setGrid(ex.addSheet('统计表'), [['a']]);
    ex.cellEditMode = true;
    const plain = await ex.run({}, (c) => readSheet(c)).catch((e: unknown) => e);
    expect(isCellEditError(plain)).toBe(true);

    const run = createBatchQueue((batch) => ex.run({ delayForCellEdit: true }, batch));
    const pending = run((c) => readSheet(c));
    let done = false;
    void pending.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    ex.leaveCellEdit();
    expect((await pending).grid).toEqual([['a']]);
  });

  it('a batch that still meets cell-edit mode (a host ignoring the option) is run again', async () => {
    const ex = new FakeExcel();
    ex.setGrid(ex.addSheet('统计表'), [['a']]);
    ex.cellEditMode = true;
    let attempts = 0;
    const run = createBatchQueue(
      (batch) => {
        attempts++;
        return ex.run({}, batch);
      },
      {
        sleep: () => {
          ex.leaveCellEdit();
          return Promise.resolve();
        },
      },
    );
    expect((await run((c) => readSheet(c))).grid).toEqual([['a']]);
    expect(attempts).toBe(2);
    // Other failures are not retried.
    const failing = createBatchQueue(() => Promise.reject(new Error('boom')), {
      sleep: async () => {},
    });
    await expect(failing(() => Promise.resolve(1))).rejects.toThrow('boom');
  });
});

describe('items 5 and 11: 自动校验 events', () => {
  function workbook() {
    const ex = new FakeExcel();
    const sheet = ex.addSheet('统计表', '{S1}');
    const other = ex.addSheet('其他', '{S2}');
    ex.setGrid(sheet, [['a'], ['b']]);
    ex.setGrid(other, [['x']]);
    return { ex, sheet, other };
  }

  it('an edit arriving while a pass runs makes another pass, which sees the edit', async () => {
    const { ex, sheet } = workbook();
    const seen: unknown[] = [];
    let editDuringPass = true;
    const passes = createPassScheduler(async (sheetId) => {
      const snap = await ex.run({ delayForCellEdit: true }, (c) => readSheet(c, { sheetId }));
      seen.push(snap.grid[1]?.[0]);
      if (editDuringPass) {
        editDuringPass = false;
        // The user types while the pass is between its syncs.
        await ex.userEdit(sheet, 'A2', [['c']]);
      }
    });
    await registerChangeHandler(
      ex.context,
      changeHandler({
        enabled: () => true,
        hasTriggerSource: true,
        trigger: (id) => void passes.request(id),
      }),
    );
    await passes.request();
    expect(seen).toEqual(['b', 'c']);
  });

  it("validates the sheet the edit came from, not the active one, and ignores co-authors' edits", async () => {
    const { ex, sheet } = workbook();
    const read: string[] = [];
    const passes = createPassScheduler(async (sheetId) => {
      read.push((await readSheet(ex.context, { sheetId })).name);
    });
    const handler = changeHandler({
      enabled: () => true,
      hasTriggerSource: true,
      trigger: (id) => void passes.request(id),
    });
    await registerChangeHandler(ex.context, handler);
    ex.activeSheetId = '{S2}';
    await ex.userEdit(sheet, 'A1', [['z']]);
    await new Promise((r) => setTimeout(r, 0));
    expect(read).toEqual(['统计表']);
    await handler({
      worksheetId: '{S1}',
      address: 'A1',
      changeType: 'RangeEdited',
      source: 'Remote',
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(read).toEqual(['统计表']);
  });
});

describe('late and remote events on the fake host', () => {
  it("our own write's event arriving after the batch (1.14) and a co-author's edit start no pass", async () => {
    const ex = new FakeExcel({ lateEvents: true });
    const sheet = ex.addSheet('统计表', '{S1}');
    ex.setGrid(sheet, [['a']]);
    const triggered: string[] = [];
    await registerChangeHandler(
      ex.context,
      changeHandler({
        enabled: () => true,
        hasTriggerSource: true,
        trigger: (id) => triggered.push(id),
      }),
    );
    sheet.name = '统计表';
    ex.context.workbook.worksheets.getItem('{S1}').getRange('B1').values = [['ours']];
    await ex.context.sync();
    expect(triggered).toEqual([]);
    await new Promise((r) => setTimeout(r, 5));
    expect(triggered).toEqual([]);
    await ex.userEdit(sheet, 'A1', [['theirs']], 'Remote');
    expect(triggered).toEqual([]);
    await ex.userEdit(sheet, 'A1', [['mine']]);
    expect(triggered).toEqual(['{S1}']);
  });
});
