/**
 * 清除标记 against what users do between 校验 and 清除标记, on the in-memory fake: edit or
 * re-colour a marked cell, insert or delete rows above marks, switch sheets, and a record that is
 * corrupt or written by a newer add-in.
 */
import { applyMarks, type CellMark } from '../../../addin/excel/applyMarks';
import { clearMarks } from '../../../addin/excel/clearMarks';
import { MARK_FILLS, isMarkFill } from '../../../addin/excel/fills';
import { MARKS_NAMESPACE, parseMarks, readMarkRecord } from '../../../addin/excel/markStore';
import { FakeExcel, type FakeSheetState } from '../host/fakeExcel';

const NOTES = { notes: true, comments: true };
const COMMENTS_ONLY = { notes: false, comments: true };
const NO_FILL = { color: '#FFFFFF', pattern: 'None' };
const USER_BLUE = { color: '#00B0F0', pattern: 'Solid' };
const USER_GREEN = { color: '#92D050', pattern: 'Solid' };

function workbook(options = NOTES): { ex: FakeExcel; sheet: FakeSheetState } {
  const ex = new FakeExcel(options);
  const sheet = ex.addSheet('统计表', '{S1}');
  ex.setGrid(
    sheet,
    [
      ['村名', '培训期数', '培训人次'],
      ['东村', 'abc', 5],
      ['西村', 3, '１５０余'],
      ['南村', 'x', 7],
      ['北村', 2, 8],
    ],
    { B2: USER_BLUE },
  );
  return { ex, sheet };
}

const REF = { name: '统计表', id: '{S1}' };
const MARKS: CellMark[] = [
  { cell: 'B2', severity: 'error', message: 'B2 不是数字' },
  { cell: 'C3', severity: 'warning', message: 'C3 约数' },
  { cell: 'B4', severity: 'error', message: 'B4 不是数字' },
];

/** Every cell of the sheet that shows one of our mark fills. */
function markedCells(ex: FakeExcel, sheet: FakeSheetState): string[] {
  return Object.entries(ex.snapshot(sheet))
    .filter(([, c]) => isMarkFill(c.fill))
    .map(([a]) => a)
    .sort();
}

describe('clearMarks after the user worked on the sheet', () => {
  it("keeps the user's new value and restores the original fill of a cell fixed by hand", async () => {
    const { ex, sheet } = workbook();
    await applyMarks(ex.context, REF, MARKS, NOTES);
    await ex.userEdit(sheet, 'B2', [[12]]);

    const result = await clearMarks(ex.context, NOTES);

    expect(result).toEqual({ restored: 3, orphaned: 0, kept: 0, record: 'ok', version: 1 });
    expect(ex.valueOf(sheet, 'B2')).toBe(12);
    expect(ex.fillOf(sheet, 'B2')).toEqual(USER_BLUE);
    expect(ex.fillOf(sheet, 'C3')).toEqual(NO_FILL);
    expect(ex.notes.size).toBe(0);
  });

  it('leaves a fill the user gave a marked cell after marking (the newer colour wins)', async () => {
    const { ex, sheet } = workbook();
    await applyMarks(ex.context, REF, MARKS, NOTES);
    ex.cellFor(sheet, 3, 3).fill = { ...USER_GREEN };
    ex.syncCount = 0;

    const result = await clearMarks(ex.context, NOTES);

    expect(result).toEqual({ restored: 2, orphaned: 0, kept: 1, record: 'ok', version: 1 });
    expect(ex.syncCount).toBe(4);
    expect(ex.fillOf(sheet, 'C3')).toEqual(USER_GREEN);
    expect(ex.fillOf(sheet, 'B2')).toEqual(USER_BLUE);
    expect(ex.notes.has('统计表!C3')).toBe(false);
    expect(ex.parts).toEqual([]);
  });

  it("a pass over a re-coloured cell: unmarking keeps the user's fill, re-styling records it as the original", async () => {
    const { ex, sheet } = workbook();
    await applyMarks(ex.context, REF, MARKS, NOTES);
    ex.cellFor(sheet, 2, 2).fill = { ...USER_GREEN }; // B2: finding about to go away
    ex.cellFor(sheet, 3, 3).fill = { ...USER_GREEN }; // C3: finding changes its message
    ex.syncCount = 0;

    const pass = await applyMarks(
      ex.context,
      REF,
      [{ cell: 'C3', severity: 'error', message: 'C3 另一个问题' }, MARKS[2]!],
      NOTES,
    );

    expect(ex.syncCount).toBe(4);
    expect(pass).toMatchObject({ unmarked: 1, remarked: 1, total: 2 });
    expect(ex.fillOf(sheet, 'B2')).toEqual(USER_GREEN);
    expect(ex.fillOf(sheet, 'C3')).toEqual(MARK_FILLS.error);
    await clearMarks(ex.context, NOTES);
    expect(ex.fillOf(sheet, 'C3')).toEqual(USER_GREEN);
    expect(ex.fillOf(sheet, 'B4')).toEqual(NO_FILL);
  });

  it('never throws nor paints a mark colour after rows were inserted above the marks', async () => {
    const { ex, sheet } = workbook();
    await applyMarks(ex.context, REF, MARKS, NOTES);
    ex.shiftRows(sheet, 2, 1); // a new empty row 2: every mark moves one row down
    expect(markedCells(ex, sheet)).toEqual(['B3', 'B5', 'C4']);

    const cleared = await clearMarks(ex.context, NOTES);

    // B2 now holds the new empty row and C3/B4 other cells: none shows our fill, none is painted.
    expect(cleared).toMatchObject({ restored: 0, kept: 3, record: 'ok' });
    expect(ex.fillOf(sheet, 'B2')).toEqual(NO_FILL);
    expect(ex.fillOf(sheet, 'B3')).toEqual(MARK_FILLS.error); // a stale mark, left visible
    expect(ex.parts).toEqual([]);
  });

  it('a pass after inserted rows takes over the moved marks, and 清除标记 then leaves none', async () => {
    const { ex, sheet } = workbook();
    await applyMarks(ex.context, REF, MARKS, NOTES);
    ex.shiftRows(sheet, 2, 1);
    const moved = MARKS.map((m) => ({
      ...m,
      cell: m.cell.replace(/\d+$/, (r) => String(Number(r) + 1)),
    }));

    const pass = await applyMarks(ex.context, REF, moved, NOTES);

    expect(pass).toMatchObject({ marked: 3, unmarked: 3, total: 3 });
    // The stale fills were ours: recorded as "no fill", never as our colour.
    const record = parseMarks(ex.parts[0]!.xml);
    expect(record.map((m) => [m.cell, m.color, m.pattern])).toEqual([
      ['B3', '#FFFFFF', 'None'],
      ['C4', '#FFFFFF', 'None'],
      ['B5', '#FFFFFF', 'None'],
    ]);
    await clearMarks(ex.context, NOTES);
    expect(markedCells(ex, sheet)).toEqual([]);
  });

  it('never throws nor paints a wrong cell after rows were deleted above or through the marks', async () => {
    const { ex, sheet } = workbook(COMMENTS_ONLY);
    ex.cellFor(sheet, 5, 2).fill = { ...USER_GREEN }; // B5, below the marks
    await applyMarks(ex.context, REF, MARKS, COMMENTS_ONLY);
    ex.shiftRows(sheet, 2, -1); // row 2 (with the B2 mark and its comment) is gone

    const cleared = await clearMarks(ex.context, COMMENTS_ONLY);

    // B2 now holds 西村's row (no mark), C3 the 南村 row, B4 the green 北村 cell: all left alone.
    expect(cleared).toMatchObject({ restored: 0, kept: 3, record: 'ok' });
    expect(ex.fillOf(sheet, 'B4')).toEqual(USER_GREEN);
    expect(ex.fillOf(sheet, 'B2')).toEqual(NO_FILL);
    expect(markedCells(ex, sheet)).toEqual(['B3', 'C2']);
  });

  it("leaves a cell's own comment and note alone, marking it by fill only", async () => {
    const { ex, sheet } = workbook();
    ex.notes.set('统计表!B2', '用户的备注');
    ex.comments.set('c-user', { sheet: '统计表', cell: 'B2', content: '用户的批注' });

    const pass = await applyMarks(ex.context, REF, MARKS, NOTES);

    expect(pass).toMatchObject({ marked: 3, annotationsFailed: false });
    expect(ex.fillOf(sheet, 'B2')).toEqual(MARK_FILLS.error);
    expect(parseMarks(ex.parts[0]!.xml).find((m) => m.cell === 'B2')?.annotation).toBe('none');
    await clearMarks(ex.context, NOTES);
    expect(ex.fillOf(sheet, 'B2')).toEqual(USER_BLUE);
    expect([...ex.notes]).toEqual([['统计表!B2', '用户的备注']]);
    expect([...ex.comments.values()]).toEqual([
      { sheet: '统计表', cell: 'B2', content: '用户的批注' },
    ]);
  });

  it('clears the marks of another sheet than the active one, and touches nothing on the active one', async () => {
    const { ex, sheet } = workbook();
    await applyMarks(ex.context, REF, MARKS, NOTES);
    const other = ex.addSheet('第二表', '{S2}');
    ex.setGrid(
      other,
      [
        ['a', 'b', 'c'],
        ['x', 'y', 'z'],
        ['1', '2', '3'],
      ],
      {
        B2: MARK_FILLS.error,
        C3: USER_GREEN,
      },
    );
    ex.notes.set('第二表!B2', '【校验】a note that looks like ours on another sheet');
    ex.activeSheetId = '{S2}';
    const otherBefore = ex.snapshot(other);

    const result = await clearMarks(ex.context, NOTES);

    expect(result).toEqual({ restored: 3, orphaned: 0, kept: 0, record: 'ok', version: 1 });
    expect(markedCells(ex, sheet)).toEqual([]);
    expect(ex.fillOf(sheet, 'B2')).toEqual(USER_BLUE);
    expect(ex.snapshot(other)).toEqual(otherBefore);
    expect([...ex.notes.keys()]).toEqual(['第二表!B2']);
  });

  it('finds a renamed sheet by our key (ExcelApi 1.12) and removes our notes there', async () => {
    const KEYS = { ...NOTES, sheetKeys: true };
    const { ex, sheet } = workbook(KEYS);
    await applyMarks(ex.context, REF, MARKS, KEYS);
    expect([...sheet.customProperties.keys()]).toEqual(['CountyRollupSheetKey']);
    sheet.name = '改名表';
    ex.notes = new Map([...ex.notes].map(([k, v]) => [k.replace('统计表', '改名表'), v]));

    const result = await clearMarks(ex.context, KEYS);

    expect(result).toMatchObject({ restored: 3, orphaned: 0 });
    expect(ex.notes.size).toBe(0);
    expect(markedCells(ex, sheet)).toEqual([]);
  });

  it('without a key (hosts below 1.12) a renamed sheet is matched by name only: its marks are orphaned, never guessed', async () => {
    const { ex, sheet } = workbook();
    await applyMarks(ex.context, REF, MARKS, NOTES);
    sheet.name = '改名表';
    const result = await clearMarks(ex.context, NOTES);
    expect(result).toMatchObject({ restored: 0, orphaned: 3 });
  });

  // Issue 8 item 1: worksheet ids change between sessions (office-js-docs #297).
  it.each([
    ['with keys (1.12)', { ...NOTES, sheetKeys: true }],
    ['by name (below 1.12)', NOTES],
  ])(
    'after save and reopen (new worksheet ids) a pass and 清除标记 give the user back their own fills — %s',
    async (_label, options) => {
      const { ex, sheet } = workbook(options);
      const before = ex.snapshot(sheet);
      await applyMarks(ex.context, REF, MARKS, options);
      const reopened = FakeExcel.reopen(ex.save(), options);
      const sheet2 = reopened.sheetByName('统计表')!;
      expect(sheet2.id).not.toBe(sheet.id);
      // The next session's pass (same findings) must see its own marks, not foreign ones.
      const again = await applyMarks(
        reopened.context,
        { name: '统计表', id: sheet2.id },
        MARKS,
        options,
      );
      expect(again).toMatchObject({ marked: 0, remarked: 0, total: 3 });
      expect(parseMarks(reopened.parts[0]!.xml)).toHaveLength(3);
      await clearMarks(reopened.context, options);
      expect(reopened.snapshot(sheet2)).toEqual(before);
      expect(reopened.fillOf(sheet2, 'B2')).toEqual(USER_BLUE);
    },
  );

  it("a copied sheet carries our key along: neither sheet takes the other one's marks", async () => {
    const KEYS = { ...NOTES, sheetKeys: true };
    const { ex, sheet } = workbook(KEYS);
    await applyMarks(ex.context, REF, MARKS, KEYS);
    const copy = ex.copySheet(sheet, '统计表 (2)');
    // A pass on the copy with no findings must not restore (or drop) the original's marks.
    await applyMarks(ex.context, { name: copy.name, id: copy.id }, [], KEYS);
    expect(markedCells(ex, sheet)).toHaveLength(3);
    const record = parseMarks(ex.parts[0]!.xml);
    expect(record.filter((m) => m.sheet === '统计表')).toHaveLength(3);
  });
});

describe('clearMarks with a record it cannot use', () => {
  it('deletes a corrupt record without throwing and leaves the sheet as it is', async () => {
    const { ex, sheet } = workbook();
    await applyMarks(ex.context, REF, MARKS, NOTES);
    ex.parts[0]!.xml = `<marks xmlns="${MARKS_NAMESPACE}" version="1"><mark sheet="统计表" cell="B2" col`;
    const before = ex.snapshot(sheet);

    const result = await clearMarks(ex.context, NOTES);

    expect(result).toEqual({ restored: 0, orphaned: 0, kept: 0, record: 'corrupt', version: 1 });
    expect(ex.snapshot(sheet)).toEqual(before);
    expect(ex.parts).toEqual([]);
    expect(ex.enableEvents).toBe(true);
  });

  it('leaves a record from a newer add-in untouched, and a pass does not overwrite it either', async () => {
    const { ex, sheet } = workbook();
    const future = `<marks xmlns="${MARKS_NAMESPACE}" version="2"><mark sheet="统计表" cell="B2" color="#000000" pattern="Solid" v2="x"/></marks>`;
    ex.parts.push({ id: 'p-future', xml: future });
    const before = ex.snapshot(sheet);

    const cleared = await clearMarks(ex.context, NOTES);
    const pass = await applyMarks(ex.context, REF, MARKS, NOTES);

    expect(cleared).toEqual({ restored: 0, orphaned: 0, kept: 0, record: 'future', version: 2 });
    expect(pass).toEqual({
      marked: 0,
      remarked: 0,
      unmarked: 0,
      total: 0,
      annotationsFailed: false,
      annotationsCapped: 0,
      record: 'future',
    });
    expect(ex.parts).toEqual([{ id: 'p-future', xml: future }]);
    expect(ex.snapshot(sheet)).toEqual(before);
  });

  it('a pass replaces a corrupt record with a fresh one', async () => {
    const { ex } = workbook();
    ex.parts.push({ id: 'p-bad', xml: `<marks xmlns="${MARKS_NAMESPACE}" version="abc"></marks>` });

    const pass = await applyMarks(ex.context, REF, MARKS, NOTES);

    expect(pass).toMatchObject({ marked: 3, total: 3, record: 'corrupt' });
    expect(readMarkRecord(ex.parts[0]!.xml).state).toBe('ok');
    expect(readMarkRecord(ex.parts[0]!.xml).marks).toHaveLength(3);
  });
});

describe('readMarkRecord', () => {
  it('tells our record from a corrupt one and from a newer version', () => {
    const ok = `<marks xmlns="${MARKS_NAMESPACE}" version="1">\n</marks>`;
    expect(readMarkRecord(ok)).toEqual({ state: 'ok', version: 1, marks: [] });
    expect(readMarkRecord('').state).toBe('corrupt');
    expect(readMarkRecord('<marks xmlns="urn:other" version="1"></marks>').state).toBe('corrupt');
    expect(readMarkRecord(`<marks xmlns="${MARKS_NAMESPACE}" version="1"><mark`).state).toBe(
      'corrupt',
    );
    expect(readMarkRecord(`<marks xmlns="${MARKS_NAMESPACE}"/>`).state).toBe('corrupt');
    expect(readMarkRecord(`<marks xmlns="${MARKS_NAMESPACE}" version="3"/>`)).toEqual({
      state: 'future',
      version: 3,
      marks: [],
    });
  });
});
