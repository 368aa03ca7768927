/** A failed write batch still turns events back on. */
import { syncRestoringEvents } from '../../../addin/excel/syncRestoringEvents';
import { FakeExcel } from '../host/fakeExcel';

describe('syncRestoringEvents', () => {
  it('re-enables events when the batch fails part-way, then rethrows', async () => {
    const ex = new FakeExcel();
    ex.addSheet('统计表');
    const context = ex.context;
    context.runtime.enableEvents = false;
    context.workbook.worksheets.getItemOrNullObject('没有这张表').getRange('A1').values = [[1]];
    context.runtime.enableEvents = true;
    await expect(syncRestoringEvents(context, true)).rejects.toThrow('ItemNotFound');
    expect(ex.enableEvents).toBe(true);
    expect(ex.syncCount).toBe(2);
  });
});
