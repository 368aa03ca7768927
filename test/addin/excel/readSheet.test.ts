/**
 * readSheet on the in-memory fake: one sync for the values, the hidden rows and columns, the
 * autofilter and (1.13) the merged areas — the contract's SheetInfo (issue 7).
 */
import { mergedAreas, padGrid, readSheet } from '../../../addin/excel/readSheet';
import { FakeExcel } from '../host/fakeExcel';

function sheetWithBlock(options = {}): { ex: FakeExcel; sheet: ReturnType<FakeExcel['addSheet']> } {
  const ex = new FakeExcel(options);
  const sheet = ex.addSheet('统计表', '{S1}');
  ex.setGrid(sheet, [[], [], [], [null, '序号', '村名'], [null, 1, '东村'], [null, 2, '西村']]);
  return { ex, sheet };
}

describe('readSheet', () => {
  it('reads the used range in one sync and pads it so grid[0] is row 1 and column A', async () => {
    const { ex } = sheetWithBlock();
    ex.syncCount = 0;
    const snap = await readSheet(ex.context);
    expect(ex.syncCount).toBe(1);
    expect(snap).toEqual({
      name: '统计表',
      id: '{S1}',
      grid: [[], [], [], [null, '序号', '村名'], [null, 1, '东村'], [null, 2, '西村']],
      rowIndex: 3,
      columnIndex: 1,
      address: '统计表!B4:C6',
      info: { name: '统计表', typed: true, hiddenRows: [], hiddenColumns: [], merges: [] },
    });
  });

  it('reports hidden rows and columns, but not rows an active autofilter hides (they are data)', async () => {
    const { ex, sheet } = sheetWithBlock();
    sheet.hiddenRows.add(5);
    sheet.hiddenColumns.add(3);
    ex.syncCount = 0;
    expect((await readSheet(ex.context)).info).toMatchObject({
      hiddenRows: [5],
      hiddenColumns: [3],
    });
    sheet.autoFilter = { range: 'B4:C6', filteredRows: new Set([6]) };
    const info = (await readSheet(ex.context)).info;
    // Row 5 lies inside the filtered range: the filter cannot be told from the user there.
    expect(info.hiddenRows).toEqual([]);
    expect(ex.syncCount).toBe(2);
  });

  it('reads merged areas where ExcelApi 1.13 is there, in the same sync; none without it', async () => {
    const { ex, sheet } = sheetWithBlock({ mergedAreas: true });
    sheet.merges.push('B4:C4', 'B5:B6');
    ex.syncCount = 0;
    const info = (await readSheet(ex.context, { merges: true })).info;
    expect(info.merges).toEqual([
      { top: 4, left: 2, bottom: 4, right: 3 },
      { top: 5, left: 2, bottom: 6, right: 2 },
    ]);
    expect(ex.syncCount).toBe(1);
    expect((await readSheet(ex.context, { merges: false })).info.merges).toEqual([]);
  });

  it('reads the sheet an event came from, by id, not the active one (issue 8 item 11)', async () => {
    const { ex } = sheetWithBlock();
    const other = ex.addSheet('其他', '{S2}');
    ex.setGrid(other, [['x']]);
    ex.activeSheetId = '{S2}';
    expect((await readSheet(ex.context, { sheetId: '{S1}' })).name).toBe('统计表');
    expect((await readSheet(ex.context)).name).toBe('其他');
  });

  it('gives an empty grid for an empty sheet, still in one sync', async () => {
    const ex = new FakeExcel();
    ex.addSheet('统计表', '{S1}');
    ex.syncCount = 0;
    const snap = await readSheet(ex.context);
    expect(ex.syncCount).toBe(1);
    expect(snap).toMatchObject({ grid: [], address: null, info: { hiddenRows: [], merges: [] } });
  });

  it('more than 512 merged areas make the merge query fail: the sheet is read again without merges', async () => {
    const { ex, sheet } = sheetWithBlock({ mergedAreas: true });
    for (let r = 3; r <= 520; r++) sheet.merges.push(`E${r * 2}:F${r * 2}`);
    ex.cellFor(sheet, 1100, 6).value = 'end';
    const snap = await readSheet(ex.context, { merges: true });
    expect(snap.grid[4]!.slice(0, 3)).toEqual([null, 1, '东村']);
    expect(snap.info).toEqual({ name: '统计表', typed: true });
  });
});

describe('mergedAreas', () => {
  it('parses a RangeAreas address with quoted sheet names', () => {
    expect(mergedAreas("'My sheet'!$A$1:$B$2, 'My sheet'!D4")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
  });
});

describe('padGrid', () => {
  it('keeps numbers and booleans, turns empty strings into null', () => {
    expect(padGrid([[0, false, '', 'x']], 1, 2)).toEqual([[], [null, null, 0, false, null, 'x']]);
  });
});
