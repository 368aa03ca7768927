/**
 * applyMarks / clearMarks on the typed in-memory fake (test/addin/host/): office-addin-mock has no
 * getCellProperties/setCellProperties, custom XML parts or notes, so it cannot run these.
 */
import {
  APPLY_MARKS_SYNCS,
  applyMarks,
  cellMarksFromFindings,
  type CellMark,
} from '../../../addin/excel/applyMarks';
import { MARK_PREFIX } from '../../../addin/excel/annotations';
import { clearMarks } from '../../../addin/excel/clearMarks';
import { MARK_FILLS } from '../../../addin/excel/fills';
import { parseMarks } from '../../../addin/excel/markStore';
import type { Finding, FindingCode } from '../../../core/types';
import { FakeExcel, type FakeSheetState } from '../host/fakeExcel';

const NOTES = { notes: true, comments: true };
const COMMENTS_ONLY = { notes: false, comments: true };
const NONE = { notes: false, comments: false };

/** A sheet whose marked cells start with distinct fills: none, white, solid yellow, patterned. */
function setup(options = { notes: true, comments: true }): {
  ex: FakeExcel;
  sheet: FakeSheetState;
  ref: { name: string; id: string };
} {
  const ex = new FakeExcel(options);
  const sheet = ex.addSheet('统计表', '{S1}');
  ex.setGrid(
    sheet,
    [
      ['序号', '村名', '培训期数', '培训人次'],
      [1, '东村', 'abc', 5],
      [2, '西村', 3, '１５０余'],
    ],
    {
      C2: { color: '#FFFFFF', pattern: 'Solid' },
      D2: { color: '#FFFF00', pattern: 'Solid' },
      C3: { color: '#00B0F0', pattern: 'DarkGrid' },
    },
  );
  return { ex, sheet, ref: { name: '统计表', id: '{S1}' } };
}

const MARKS: CellMark[] = [
  { cell: 'B2', severity: 'error', message: 'B2 no fill before' },
  { cell: 'C2', severity: 'error', message: 'C2 white before' },
  { cell: 'D2', severity: 'warning', message: 'D2 yellow before' },
  { cell: 'C3', severity: 'warning', message: 'C3 patterned before' },
];

describe('applyMarks then clearMarks', () => {
  it('marks errors and warnings with distinct fills and notes, then restores every cell exactly', async () => {
    const { ex, sheet, ref } = setup();
    const before = ex.snapshot(sheet);

    const result = await applyMarks(ex.context, ref, MARKS, NOTES);

    expect(result).toEqual({
      marked: 4,
      remarked: 0,
      unmarked: 0,
      total: 4,
      annotationsFailed: false,
      annotationsCapped: 0,
    });
    expect(ex.fillOf(sheet, 'B2')).toEqual(MARK_FILLS.error);
    expect(ex.fillOf(sheet, 'C2')).toEqual(MARK_FILLS.error);
    expect(ex.fillOf(sheet, 'D2')).toEqual(MARK_FILLS.warning);
    expect(MARK_FILLS.error.pattern).not.toBe(MARK_FILLS.warning.pattern);
    expect(ex.notes.get('统计表!B2')).toBe(`${MARK_PREFIX}B2 no fill before`);
    expect(ex.notes.size).toBe(4);
    expect(ex.parts).toHaveLength(1);
    expect(parseMarks(ex.parts[0]!.xml).map((m) => [m.cell, m.color, m.pattern])).toEqual([
      ['B2', '#FFFFFF', 'None'],
      ['C2', '#FFFFFF', 'Solid'],
      ['D2', '#FFFF00', 'Solid'],
      ['C3', '#00B0F0', 'DarkGrid'],
    ]);

    const cleared = await clearMarks(ex.context, NOTES);

    expect(cleared).toEqual({ restored: 4, orphaned: 0, kept: 0, record: 'ok', version: 1 });
    expect(ex.snapshot(sheet)).toEqual(before);
    // "no fill" came back as no fill, white as white: not the same thing.
    expect(ex.fillOf(sheet, 'B2')).toEqual({ color: '#FFFFFF', pattern: 'None' });
    expect(ex.fillOf(sheet, 'C2')).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(ex.notes.size).toBe(0);
    expect(ex.parts).toHaveLength(0);
    expect(ex.enableEvents).toBe(true);
  });

  it('restores after save and reopen, from the custom XML part alone', async () => {
    const { ex, sheet, ref } = setup();
    const before = ex.snapshot(sheet);
    await applyMarks(ex.context, ref, MARKS, NOTES);

    const reopened = FakeExcel.reopen(ex.save(), NOTES);
    const sheet2 = reopened.sheetByName('统计表')!;
    expect(reopened.fillOf(sheet2, 'B2')).toEqual(MARK_FILLS.error);

    await clearMarks(reopened.context, NOTES);

    expect(reopened.snapshot(sheet2)).toEqual(before);
    expect(reopened.notes.size).toBe(0);
    expect(reopened.parts).toHaveLength(0);
  });

  it('keeps the first original when a cell is marked twice (even with another severity)', async () => {
    const { ex, sheet, ref } = setup();
    await applyMarks(ex.context, ref, MARKS, NOTES);
    const again = MARKS.map((m) => ({
      ...m,
      severity: 'warning' as const,
      message: `${m.message} (changed)`,
    }));

    const result = await applyMarks(ex.context, ref, again, NOTES);

    expect(result).toEqual({
      marked: 0,
      remarked: 4,
      unmarked: 0,
      total: 4,
      annotationsFailed: false,
      annotationsCapped: 0,
    });
    expect(ex.fillOf(sheet, 'B2')).toEqual(MARK_FILLS.warning);
    expect(ex.notes.get('统计表!B2')).toBe(`${MARK_PREFIX}B2 no fill before (changed)`);
    const stored = parseMarks(ex.parts[0]!.xml);
    expect(stored.find((m) => m.cell === 'B2')).toMatchObject({
      color: '#FFFFFF',
      pattern: 'None',
      severity: 'warning',
    });
    expect(stored.find((m) => m.cell === 'D2')).toMatchObject({
      color: '#FFFF00',
      pattern: 'Solid',
    });

    await clearMarks(ex.context, NOTES);
    expect(ex.fillOf(sheet, 'D2')).toEqual({ color: '#FFFF00', pattern: 'Solid' });
    expect(ex.fillOf(sheet, 'B2')).toEqual({ color: '#FFFFFF', pattern: 'None' });
  });

  it('a second identical pass writes nothing and reads no cell properties', async () => {
    const { ex, ref } = setup();
    await applyMarks(ex.context, ref, MARKS, NOTES);
    const xml = ex.parts[0]!.xml;
    ex.cellPropertyReads = 0;

    const result = await applyMarks(ex.context, ref, MARKS, NOTES);

    expect(result).toEqual({
      marked: 0,
      remarked: 0,
      unmarked: 0,
      total: 4,
      annotationsFailed: false,
      annotationsCapped: 0,
    });
    expect(ex.cellPropertyReads).toBe(0);
    expect(ex.parts[0]!.xml).toBe(xml);
  });

  it('unmarks (restores) the cells whose finding went away and leaves the others as they are', async () => {
    const { ex, sheet, ref } = setup();
    await applyMarks(ex.context, ref, MARKS, NOTES);

    const result = await applyMarks(ex.context, ref, MARKS.slice(2), NOTES);

    expect(result).toEqual({
      marked: 0,
      remarked: 0,
      unmarked: 2,
      total: 2,
      annotationsFailed: false,
      annotationsCapped: 0,
    });
    expect(ex.fillOf(sheet, 'B2')).toEqual({ color: '#FFFFFF', pattern: 'None' });
    expect(ex.fillOf(sheet, 'C2')).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(ex.fillOf(sheet, 'D2')).toEqual(MARK_FILLS.warning);
    expect([...ex.notes.keys()].sort()).toEqual(['统计表!C3', '统计表!D2']);
    expect(parseMarks(ex.parts[0]!.xml).map((m) => m.cell)).toEqual(['D2', 'C3']);
  });

  it("never adds a note where the user has one, and never deletes the user's note", async () => {
    const { ex, sheet, ref } = setup();
    ex.notes.set('统计表!B2', '请村里核实');
    const before = ex.snapshot(sheet);

    await applyMarks(ex.context, ref, MARKS, NOTES);
    expect(ex.notes.get('统计表!B2')).toBe('请村里核实');
    expect(parseMarks(ex.parts[0]!.xml).find((m) => m.cell === 'B2')?.annotation).toBe('none');

    await clearMarks(ex.context, NOTES);
    expect(ex.notes.get('统计表!B2')).toBe('请村里核实');
    expect(ex.notes.size).toBe(1);
    expect(ex.snapshot(sheet)).toEqual(before);
  });

  it("uses comments on hosts without notes, sparing the user's comments", async () => {
    const { ex, sheet, ref } = setup(COMMENTS_ONLY);
    ex.comments.set('user-1', { sheet: '统计表', cell: 'C2', content: '这里是估计数' });
    const before = ex.snapshot(sheet);

    await applyMarks(ex.context, ref, MARKS, COMMENTS_ONLY);
    const contents = [...ex.comments.values()].map((c) => `${c.cell}:${c.content}`).sort();
    expect(contents).toEqual([
      `B2:${MARK_PREFIX}B2 no fill before`,
      'C2:这里是估计数',
      `C3:${MARK_PREFIX}C3 patterned before`,
      `D2:${MARK_PREFIX}D2 yellow before`,
    ]);

    await clearMarks(ex.context, COMMENTS_ONLY);
    expect([...ex.comments.values()]).toEqual([
      { sheet: '统计表', cell: 'C2', content: '这里是估计数' },
    ]);
    expect(ex.snapshot(sheet)).toEqual(before);
  });

  it('falls back to fills only when the host has neither notes nor comments', async () => {
    const { ex, sheet, ref } = setup(NONE);
    const before = ex.snapshot(sheet);
    await applyMarks(ex.context, ref, MARKS, NONE);
    expect(ex.fillOf(sheet, 'C3')).toEqual(MARK_FILLS.warning);
    expect(parseMarks(ex.parts[0]!.xml).every((m) => m.annotation === 'none')).toBe(true);
    await clearMarks(ex.context, NONE);
    expect(ex.snapshot(sheet)).toEqual(before);
  });

  it('keeps fills and the record when the host refuses a comment, and turns events back on', async () => {
    const { ex, sheet, ref } = setup(COMMENTS_ONLY);
    // A legacy note the host cannot see without ExcelApi 1.18: adding a comment there fails.
    ex.notes.set('统计表!B2', '旧批注');
    const result = await applyMarks(ex.context, ref, MARKS, COMMENTS_ONLY);
    expect(result.annotationsFailed).toBe(true);
    expect(ex.fillOf(sheet, 'C3')).toEqual(MARK_FILLS.warning);
    expect(parseMarks(ex.parts[0]!.xml)).toHaveLength(4);
    expect(ex.enableEvents).toBe(true);
  });

  it('leaves the marks of other sheets alone', async () => {
    const { ex, ref } = setup();
    const other = ex.addSheet('另一表', '{S2}');
    ex.setGrid(other, [['x', 'y']]);
    await applyMarks(ex.context, ref, MARKS, NOTES);
    await applyMarks(
      ex.context,
      { name: '另一表', id: '{S2}' },
      [{ cell: 'A1', severity: 'error', message: 'm' }],
      NOTES,
    );
    await applyMarks(ex.context, ref, [], NOTES);
    expect(parseMarks(ex.parts[0]!.xml).map((m) => `${m.sheet}!${m.cell}`)).toEqual(['另一表!A1']);
    expect(ex.fillOf(other, 'A1')).toEqual(MARK_FILLS.error);
  });

  it('reads originals row by row (same sync) when the covering range would be huge', async () => {
    const ex = new FakeExcel(NOTES);
    const sheet = ex.addSheet('统计表', '{S1}');
    ex.setGrid(sheet, [['x']], {
      B2: { color: '#FFFFFF', pattern: 'Solid' },
      AD3000: { color: '#00FF00', pattern: 'Gray25' },
    });
    const before = ex.snapshot(sheet);
    ex.syncCount = 0;
    const marks: CellMark[] = [
      { cell: 'B2', severity: 'error', message: 'a' },
      { cell: 'AD3000', severity: 'warning', message: 'b' },
      { cell: 'C3000', severity: 'warning', message: 'c' },
    ];
    await applyMarks(ex.context, { name: '统计表', id: '{S1}' }, marks, NOTES);
    expect(ex.syncCount).toBe(APPLY_MARKS_SYNCS);
    // Row 2 (1 cell) and row 3000 (C..AD, 28 cells): not the 2,999 × 29 covering box.
    expect(ex.cellPropertyReads).toBe(1 + 28);
    expect(parseMarks(ex.parts[0]!.xml).map((m) => [m.cell, m.color, m.pattern])).toEqual([
      ['B2', '#FFFFFF', 'Solid'],
      ['C3000', '#FFFFFF', 'None'],
      ['AD3000', '#00FF00', 'Gray25'],
    ]);
    await clearMarks(ex.context, NOTES);
    expect(ex.snapshot(sheet)).toEqual(before);
  });

  it(`always makes ${APPLY_MARKS_SYNCS} syncs`, async () => {
    const { ex, ref } = setup();
    for (const marks of [MARKS, MARKS.slice(1), []]) {
      ex.syncCount = 0;
      await applyMarks(ex.context, ref, marks, NOTES);
      expect(ex.syncCount).toBe(APPLY_MARKS_SYNCS);
    }
  });
});

describe('cellMarksFromFindings', () => {
  const finding = (
    cell: string | null,
    code: FindingCode,
    severity: 'error' | 'warning',
  ): Finding => ({
    code,
    severity,
    row: null,
    column: null,
    cell,
    field: null,
    value: null,
    suggestion: null,
    params: {},
  });

  it('joins the findings of a cell, the worst severity wins, cell-less findings are skipped', () => {
    const marks = cellMarksFromFindings(
      [
        finding('E7', 'W_AGE_HIGH', 'warning'),
        finding('E7', 'E_AGE_RANGE', 'error'),
        finding(null, 'E_MISSING_COLUMN', 'error'),
        finding('D7', 'W_MALE_CADRE', 'warning'),
      ],
      (f) => f.code,
    );
    expect(marks).toEqual([
      { cell: 'E7', severity: 'error', message: 'W_AGE_HIGH\nE_AGE_RANGE' },
      { cell: 'D7', severity: 'warning', message: 'W_MALE_CADRE' },
    ]);
  });
});
