/** The validation pass end to end on the in-memory fake: read → core → marks, with a sync counter. */
import { VALIDATION_PASS_SYNCS, validateSheet } from '../../../addin/excel/validateSheet';
import { applyFixes } from '../../../addin/excel/applyFixes';
import { clearMarks } from '../../../addin/excel/clearMarks';
import { isMarkFill } from '../../../addin/excel/fills';
import { selectCell } from '../../../addin/excel/selectCell';
import { MARK_FILLS } from '../../../addin/excel/fills';
import { parseMarks } from '../../../addin/excel/markStore';
import { columnLetters, renderFinding, validateGrid } from '../../../core';
import { entryGrid, schema } from './entryGrid';
import { FakeExcel } from '../host/fakeExcel';

const SUPPORT = { notes: true, comments: true };
/** The letters of a schema column on the entry grid (1-based column plus `shift` empty columns in front). */
const letterOf = (id: string, shift = 0): string =>
  columnLetters(schema.columns.findIndex((c) => c.id === id) + 1 + shift);
const LAST = columnLetters(schema.columns.length);

function pass(ex: FakeExcel): ReturnType<typeof validateSheet> {
  return validateSheet(
    ex.context,
    (sheet) => validateGrid(sheet.grid, { schema, fileName: sheet.name }),
    (f) => renderFinding(f, schema).message_zh,
    SUPPORT,
  );
}

describe('validateSheet', () => {
  // Issue 8 item 6: a pass that would change nothing skips its write sync (and the undo entry).
  it(`makes ${VALIDATION_PASS_SYNCS} syncs per pass (${VALIDATION_PASS_SYNCS - 1} when nothing changed) for 20, 500, 2,000 and 5,000 rows`, async () => {
    const counts: number[] = [];
    for (const rows of [20, 500, 2000, 5000]) {
      const ex = new FakeExcel(SUPPORT);
      ex.setGrid(ex.addSheet('统计表'), entryGrid(rows));
      ex.syncCount = 0;
      const first = await pass(ex);
      counts.push(ex.syncCount);
      expect(first.marks.marked).toBeGreaterThan(rows / 4);
      ex.syncCount = 0;
      ex.undoSteps = 0;
      await pass(ex);
      counts.push(ex.syncCount);
      expect(ex.undoSteps).toBe(0);
    }
    expect(counts).toEqual([5, 4, 5, 4, 5, 4, 5, 4]);
    expect(VALIDATION_PASS_SYNCS).toBe(5);
  });

  it('marks each finding cell, re-marks only what a user edit changed, and clears back to the original', async () => {
    const ex = new FakeExcel(SUPPORT);
    const sheet = ex.addSheet('统计表');
    ex.setGrid(sheet, entryGrid(6));
    const before = ex.snapshot(sheet);

    const first = await pass(ex);
    const cells = [...new Set(first.outcome.findings.map((f) => f.cell))];
    // Row 7 (village 3) has a male chair (warning), row 10 (village 6) an age of 95 (error).
    expect(cells).toEqual(['D7', 'E10']);
    expect(ex.fillOf(sheet, 'D7')).toEqual(MARK_FILLS.warning);
    expect(ex.fillOf(sheet, 'E10')).toEqual(MARK_FILLS.error);
    expect(ex.notes.get('统计表!E10')).toMatch(
      /^【校验】E10「年龄」95 岁超出合理范围（18–80 岁），请核实。/,
    );

    // A paste over two cells (no per-cell details) is re-read like any edit.
    await ex.userEdit(sheet, 'D10:E10', [['女', 45]]);
    const second = await pass(ex);
    expect(second.marks).toEqual({
      marked: 0,
      remarked: 0,
      unmarked: 1,
      total: 1,
      annotationsFailed: false,
      annotationsCapped: 0,
    });
    expect(ex.fillOf(sheet, 'E10')).toEqual({ color: '#FFFFFF', pattern: 'None' });
    expect(ex.notes.has('统计表!E10')).toBe(false);
    expect(parseMarks(ex.parts[0]!.xml).map((m) => m.cell)).toEqual(['D7']);

    await ex.userEdit(sheet, 'M5', [['abc']]);
    const third = await pass(ex);
    expect(third.marks).toMatchObject({ marked: 1, unmarked: 0, total: 2 });
    await ex.userEdit(sheet, 'M5', [[40]]);
    await ex.userEdit(sheet, 'E10', [[95]]);
    await pass(ex);
    await clearMarks(ex.context, SUPPORT);
    expect(ex.snapshot(sheet)).toEqual(before);
  });

  it('hits the right cells when the table does not start at A1 (used range from B3)', async () => {
    const [gender, age, culture, cultureEvents] = (
      ['cadreGender', 'cadreAge', 'culturalAttendance', 'culturalEvents'] as const
    ).map((id) => letterOf(id, 1));
    const ex = new FakeExcel(SUPPORT);
    const sheet = ex.addSheet('统计表', '{S1}');
    // Two empty rows above and an empty column A: 34 villages end on row 40, 备注 is the last column.
    ex.setGrid(sheet, [[], [], ...entryGrid(34).map((row) => [null, ...row])]);
    const before = ex.snapshot(sheet);

    const first = await pass(ex);

    expect(first.sheet.address).toBe(`统计表!B3:${columnLetters(schema.columns.length + 1)}40`);
    const cells = [...new Set(first.outcome.findings.map((f) => f.cell))];
    // Village 3 (row 9) has a male chair in 性别, village 6 (row 12) age 95 in 年龄,
    // village 9 (row 15) 150余 in 文体活动参与人次.
    expect(cells.slice(0, 3)).toEqual([`${gender}9`, `${age}12`, `${culture}15`]);
    expect(Object.keys(ex.snapshot(sheet)).filter((a) => isMarkFill(ex.fillOf(sheet, a)))).toEqual(
      cells,
    );
    await selectCell(ex.context, '{S1}', 'F12');
    expect(ex.selection).toBe('统计表!F12');

    const fixed = await applyFixes(ex.context, { name: '统计表', id: '{S1}' }, [
      { cell: `${culture}15`, oldValue: '１５０余', newValue: 150 },
    ]);
    expect(fixed.written).toEqual([`${culture}15`]);
    expect(ex.valueOf(sheet, `${culture}15`)).toBe(150);
    expect(ex.valueOf(sheet, `${cultureEvents}15`)).toBe(1);

    await clearMarks(ex.context, SUPPORT);
    const fixedCell = `${culture}15`;
    expect(ex.snapshot(sheet)).toEqual({
      ...before,
      [fixedCell]: { ...before[fixedCell]!, value: 150 },
    });
  });

  it('with every row deleted, a pass drops the record and paints nothing (5 syncs)', async () => {
    const ex = new FakeExcel(SUPPORT);
    const sheet = ex.addSheet('统计表');
    ex.setGrid(sheet, entryGrid(20));
    await pass(ex);
    ex.shiftRows(sheet, 1, -24);
    ex.syncCount = 0;

    const after = await pass(ex);

    expect(ex.syncCount).toBe(VALIDATION_PASS_SYNCS);
    expect(after.sheet.grid).toEqual([]);
    expect(after.marks).toMatchObject({ marked: 0, total: 0 });
    expect(ex.snapshot(sheet)).toEqual({});
    expect(ex.parts).toEqual([]);
    expect(ex.notes.size).toBe(0);
    expect(await clearMarks(ex.context, SUPPORT)).toMatchObject({ restored: 0, record: 'none' });
  });

  it('a paste of 500 rows at once is one pass of 5 syncs that marks the pasted mistakes', async () => {
    const ex = new FakeExcel(SUPPORT);
    const sheet = ex.addSheet('统计表');
    const grid = entryGrid(500);
    ex.setGrid(sheet, grid.slice(0, 4));
    await pass(ex);
    await ex.userEdit(
      sheet,
      `A5:${LAST}504`,
      grid.slice(4).map((row) => row.map((v) => v ?? '')),
    );
    ex.syncCount = 0;

    const after = await pass(ex);

    expect(ex.syncCount).toBe(VALIDATION_PASS_SYNCS);
    const cells = new Set(after.outcome.findings.flatMap((f) => (f.cell ? [f.cell] : [])));
    expect(after.marks.total).toBe(cells.size);
    expect(cells.size).toBeGreaterThan(100);
    await clearMarks(ex.context, SUPPORT);
    expect(Object.keys(ex.snapshot(sheet)).filter((a) => isMarkFill(ex.fillOf(sheet, a)))).toEqual(
      [],
    );
  });
});

describe('validateSheet and the core (issue 7)', () => {
  it('gives the check the SheetInfo read in the same sync: hidden rows and columns, name, typed', async () => {
    const ex = new FakeExcel(SUPPORT);
    const sheet = ex.addSheet('统计表');
    ex.setGrid(sheet, entryGrid(6));
    sheet.hiddenRows.add(8);
    sheet.hiddenColumns.add(4);
    ex.syncCount = 0;
    let seen: unknown = null;
    await validateSheet(
      ex.context,
      (s) => {
        seen = s.info;
        return validateGrid(s.grid, { schema, fileName: s.name, sheet: s.info });
      },
      (f) => renderFinding(f, schema).message_zh,
      SUPPORT,
    );
    expect(seen).toEqual({
      name: '统计表',
      typed: true,
      hiddenRows: [8],
      hiddenColumns: [4],
      merges: [],
    });
    expect(ex.syncCount).toBe(VALIDATION_PASS_SYNCS);
  });
});
