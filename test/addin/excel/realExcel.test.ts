/**
 * Issue 8: the adapters against the fake host switched to behave as real Excel is documented to
 * (or was seen to) behave. Each test failed on the code before the fix.
 */
import { ANNOTATION_CAP, applyMarks, type CellMark } from '../../../addin/excel/applyMarks';
import { clearMarks } from '../../../addin/excel/clearMarks';
import { MARK_FILLS } from '../../../addin/excel/fills';
import { detectFeatures } from '../../../addin/excel/hostFeatures';
import { MARKS_NAMESPACE, parseMarks, serializeMarks } from '../../../addin/excel/markStore';
import { WRITE_REQUEST_BUDGET_BYTES, WriteError, runWrites } from '../../../addin/excel/writeBatch';
import { FakeExcel, type FakeOptions } from '../host/fakeExcel';

const USER_BLUE = { color: '#00B0F0', pattern: 'Solid' };
const REF = { name: '统计表', id: '{S1}' };

function setup(options: FakeOptions = { notes: true, comments: true }) {
  const ex = new FakeExcel(options);
  const sheet = ex.addSheet('统计表', '{S1}');
  ex.setGrid(sheet, [
    ['村名', '期数'],
    ['东村', 'abc'],
    ['西村', 'x'],
  ]);
  ex.cellFor(sheet, 2, 2).fill = { ...USER_BLUE };
  return { ex, sheet };
}
const MARKS: CellMark[] = [
  { cell: 'B2', severity: 'error', message: 'B2 bad' },
  { cell: 'B3', severity: 'warning', message: 'B3 odd' },
];

describe('item 2: a host reporting 1.18 whose office.js has no notes API', () => {
  it('detectFeatures looks for the API object, not only the requirement set', () => {
    const all = (): boolean => true;
    class Workbook {}
    Object.defineProperty(Workbook.prototype, 'comments', { get: () => null });
    const features = detectFeatures(all, { Workbook });
    expect(features).toMatchObject({ notes: false, comments: true });
    expect(detectFeatures(all, null)).toMatchObject({
      notes: true,
      comments: true,
      undoGroup: true,
    });
  });

  it('a pass with the detected features marks with comments instead of throwing', async () => {
    const { ex, sheet } = setup({
      notes: true,
      comments: true,
      notesObjectMissing: true,
      sheetKeys: true,
    });
    class Workbook {}
    Object.defineProperty(Workbook.prototype, 'comments', { get: () => null });
    const features = detectFeatures(() => true, { Workbook });
    const result = await applyMarks(ex.context, REF, MARKS, features);
    expect(result.total).toBe(2);
    expect(ex.comments.size).toBe(2);
    expect(ex.fillOf(sheet, 'B2')).toEqual(MARK_FILLS.error);
  });
});

describe('item 9: fills read back with pattern null and "No Fill" as white', () => {
  it('recognises our marks by colour, restores them, and records a white/null original as no fill', async () => {
    const { ex, sheet } = setup({ notes: true, comments: true, nullPatterns: true });
    await applyMarks(ex.context, REF, MARKS, { notes: true, comments: true });
    const record = parseMarks(ex.parts[0]!.xml);
    expect(record.find((m) => m.cell === 'B3')).toMatchObject({
      color: '#FFFFFF',
      pattern: 'None',
    });
    expect(record.find((m) => m.cell === 'B2')).toMatchObject({
      color: '#00B0F0',
      pattern: 'Solid',
    });
    const result = await clearMarks(ex.context, { notes: true, comments: true });
    expect(result).toMatchObject({ restored: 2, kept: 0 });
    expect(ex.fillOf(sheet, 'B2')).toEqual(USER_BLUE);
    expect(ex.fillOf(sheet, 'B3').pattern).toBe('None');
  });
});

describe("item 10: two record parts of our namespace (two co-authors' first passes)", () => {
  it('a pass merges them into one, and 清除标记 restores from both', async () => {
    const { ex, sheet } = setup();
    const part = (cell: string, color: string) =>
      serializeMarks([
        {
          sheet: '统计表',
          sheetKey: '',
          cell,
          color,
          pattern: 'Solid',
          severity: 'error',
          sig: '',
          annotation: 'none',
        },
      ]);
    ex.cellFor(sheet, 2, 2).fill = { ...MARK_FILLS.error };
    ex.cellFor(sheet, 3, 2).fill = { ...MARK_FILLS.error };
    ex.parts = [
      { id: 'p1', xml: part('B2', '#00B0F0') },
      { id: 'p2', xml: part('B3', '#92D050') },
    ];
    await applyMarks(ex.context, REF, [{ cell: 'B2', severity: 'error', message: 'B2 bad' }], {
      notes: true,
      comments: true,
    });
    expect(ex.parts).toHaveLength(1);
    expect(ex.fillOf(sheet, 'B3')).toEqual({ color: '#92D050', pattern: 'Solid' });
    await clearMarks(ex.context, { notes: true, comments: true });
    expect(ex.fillOf(sheet, 'B2')).toEqual(USER_BLUE);
    expect(ex.parts).toHaveLength(0);
  });
});

describe('item 7: a failed write reports its real cause', () => {
  it.each([
    ['AccessDenied', 'The cell or chart you are trying to change is protected.', 'protected'],
    ['InvalidOperationInCellEditMode', 'cell edit', 'cellEdit'],
    ['RequestPayloadSizeLimitExceeded', 'too large', 'tooLarge'],
  ])('%s → %s', async (code, message, cause) => {
    const { ex } = setup();
    ex.failWrites = { code, message };
    const error = await applyMarks(ex.context, REF, MARKS, { notes: true, comments: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).cause).toBe(cause);
    ex.failWrites = null;
    expect(ex.enableEvents).toBe(true);
  });
});

describe('item 8: payload limits on a 5,000-row paste of garbage', () => {
  const rows = 5000;
  const big = (options: FakeOptions) => {
    const ex = new FakeExcel(options);
    const sheet = ex.addSheet('统计表', '{S1}');
    for (let r = 2; r <= rows + 1; r++) ex.cellFor(sheet, r, 3).value = '一百余';
    const marks: CellMark[] = [];
    for (let r = 2; r <= rows + 1; r++)
      marks.push({
        cell: `C${r}`,
        severity: 'error',
        message: `C${r}「培训人次」不是数字，请填写阿拉伯数字。`,
      });
    return { ex, sheet, marks };
  };

  it(`annotates at most ${ANNOTATION_CAP} cells and says how many more; no request over 2 MB`, async () => {
    const { ex, marks } = big({ notes: true, comments: true, maxRequestBytes: 2_000_000 });
    const result = await applyMarks(ex.context, REF, marks, { notes: true, comments: true });
    expect(result.total).toBe(rows);
    expect(ex.notes.size).toBe(ANNOTATION_CAP);
    expect(result.annotationsCapped).toBe(rows - ANNOTATION_CAP);
    expect(Math.max(...ex.requestBytes)).toBeLessThan(2_000_000);
    // The column of marks is one fill write, not 5,000.
    expect(ex.syncCount).toBeLessThanOrEqual(4);
  });

  it('writes above the request budget are spread over several requests, in order', async () => {
    // A host limit a little above our budget (Excel on the web: 5 MB, the budget ~3 MB).
    const limit = Math.round(WRITE_REQUEST_BUDGET_BYTES * 1.2);
    const ex = new FakeExcel({ maxRequestBytes: limit });
    const done: number[] = [];
    const size = Math.round(WRITE_REQUEST_BUDGET_BYTES * 0.4);
    const writes = [0, 1, 2, 3].map((i) => ({
      bytes: size,
      run: () => ex.queue(() => done.push(i), size, true),
    }));
    const outcome = await runWrites(ex.context, writes, { eventsOff: true, eventsWereOn: true });
    expect(outcome.requests).toBe(2);
    expect(done).toEqual([0, 1, 2, 3]);
    expect(Math.max(...ex.requestBytes)).toBeLessThan(limit);
  });
});

describe('item 13: the record has no XML declaration', () => {
  it('a host refusing a declaration in setXml/add takes our record', async () => {
    const { ex } = setup({ notes: true, comments: true, rejectXmlDeclaration: true });
    await applyMarks(ex.context, REF, MARKS, { notes: true, comments: true });
    expect(ex.parts[0]!.xml.startsWith(`<marks xmlns="${MARKS_NAMESPACE}"`)).toBe(true);
  });
});

describe('item 5: events stay on during our writes where triggerSource tells them apart', () => {
  it('a 1.14 host never sees enableEvents = false from a pass', async () => {
    const { ex } = setup();
    const seen: boolean[] = [];
    const original = ex.queue.bind(ex);
    ex.queue = (op, bytes, write) =>
      original(
        () => {
          op();
          seen.push(ex.enableEvents);
        },
        bytes,
        write,
      );
    await applyMarks(ex.context, REF, MARKS, { notes: true, comments: true, triggerSource: true });
    expect(seen.every(Boolean)).toBe(true);
  });
});

describe('item 13: 清除标记 on a host without notes says what it cannot remove', () => {
  it("restores the fills, keeps the notes' marks in the record, and a notes host removes them later", async () => {
    const { ex, sheet } = setup();
    await applyMarks(ex.context, REF, MARKS, { notes: true, comments: true });
    expect(ex.notes.size).toBe(2);
    const saved = ex.save();
    const old = FakeExcel.reopen(saved, { notes: false, comments: true });
    const result = await clearMarks(old.context, { notes: false, comments: true });
    expect(result).toMatchObject({ restored: 2, notesLeft: 2 });
    const oldSheet = old.sheetByName('统计表')!;
    expect(old.fillOf(oldSheet, 'B2')).toEqual(USER_BLUE);
    expect(parseMarks(old.parts[0]!.xml)).toHaveLength(2);
    const modern = FakeExcel.reopen(old.save(), { notes: true, comments: true });
    const again = await clearMarks(modern.context, { notes: true, comments: true });
    expect(again.notesLeft).toBeUndefined();
    expect(modern.notes.size).toBe(0);
    expect(modern.parts).toHaveLength(0);
    expect(sheet.name).toBe('统计表');
  });
});
