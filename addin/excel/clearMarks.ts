/**
 * 清除标记: restores every marked cell of the workbook from the custom XML part (so it works
 * after save and reopen), deletes only the notes/comments we added, then deletes the part.
 * A cell is restored only while it still shows our mark fill: a fill the user gave it since is
 * newer and wins, and a stored address that rows inserted/deleted above have moved onto another
 * cell is left alone (that cell does not show our fill, or shows it for a mark of its own).
 */
import { parseA1, type CellPosition } from './address';
import {
  cellKey,
  findAnnotation,
  indexComments,
  isOurs,
  queueCommentList,
  queueCommentLocations,
  queueNoteLookups,
  type AnnotationSupport,
} from './annotations';
import { isMarkFill, queueFillReads, queueFills, type Fill } from './fills';
import { MARKS_NAMESPACE, readMarkRecord, type StoredMark } from './markStore';
import { syncRestoringEvents } from './syncRestoringEvents';

/** What clearMarks did. */
export interface ClearResult {
  restored: number;
  /** Marks whose sheet no longer exists (dropped from the record). */
  orphaned: number;
  /** Marked cells whose fill is no longer ours (the user re-coloured them): left as they are. */
  kept: number;
  /**
   * The record: "none" (no part), "ok", "corrupt" (unreadable: deleted, fills left as they are)
   * or "future" (from a newer add-in version: left untouched, nothing restored).
   */
  record: 'none' | 'ok' | 'corrupt' | 'future';
  /** The version the record claims (for the "future" message); absent without a part. */
  version?: number;
}

/** Restores all stored cells exactly (pattern None → fill.clear()); at most 4 syncs. */
export async function clearMarks(
  context: Excel.RequestContext,
  support: AnnotationSupport,
): Promise<ClearResult> {
  const result: ClearResult = { restored: 0, orphaned: 0, kept: 0, record: 'none' };
  // Sync 1: the part, the events flag, the comment list, every sheet's name and id.
  const part = context.workbook.customXmlParts
    .getByNamespace(MARKS_NAMESPACE)
    .getOnlyItemOrNullObject();
  part.load('id');
  context.runtime.load('enableEvents');
  const comments = queueCommentList(context, support);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await context.sync();
  if (part.isNullObject) return result;
  const eventsWereOn = context.runtime.enableEvents;

  // Sync 2: the record and the comments' cells.
  const xml = part.getXml();
  const located = queueCommentLocations(comments);
  await context.sync();
  // A ClientResult is not loaded: its value is filled by the sync above.
  // eslint-disable-next-line office-addins/load-object-before-read
  const record = readMarkRecord(xml.value);
  result.record = record.state;
  result.version = record.version;
  // A newer add-in's record may mean other things by its fields: keep it for that add-in.
  if (record.state === 'future') return result;
  if (record.state === 'corrupt') {
    // Nothing in it can be trusted to restore from; a new pass starts a fresh record.
    part.delete();
    await context.sync();
    return result;
  }
  const commentsByCell = indexComments(located);

  // Sync 3: the current fill of every marked cell, and the notes on them (under the sheet's
  // current name: a renamed sheet is found by its id).
  const groups = new Map<Excel.Worksheet, StoredMark[]>();
  for (const m of record.marks) {
    const sheet =
      (m.sheetId ? worksheets.items.find((s) => s.id === m.sheetId) : undefined) ??
      worksheets.items.find((s) => s.name === m.sheet);
    if (!sheet) {
      result.orphaned++;
      continue;
    }
    groups.set(sheet, [...(groups.get(sheet) ?? []), m]);
  }
  const plans = [...groups].map(([sheet, marks]) => {
    const cells = marks.flatMap((m) => {
      const pos = parseA1(m.cell);
      return pos ? [{ mark: m, pos }] : [];
    });
    return {
      sheet,
      cells,
      fillOf: queueFillReads(
        sheet,
        cells.map((c) => c.pos),
      ),
    };
  });
  const notes = queueNoteLookups(
    context,
    support,
    plans.flatMap((p) =>
      p.cells
        .filter((c) => c.mark.annotation === 'note')
        .map((c) => ({ sheet: p.sheet.name, cell: c.mark.cell })),
    ),
  );
  await context.sync();

  // Sync 4: restore, remove our annotations, drop the record — events off meanwhile.
  context.runtime.enableEvents = false;
  for (const { sheet, cells, fillOf } of plans) {
    const fills: (CellPosition & { fill: Fill })[] = [];
    for (const { mark, pos } of cells) {
      if (isMarkFill(fillOf(pos))) {
        fills.push({ ...pos, fill: { color: mark.color, pattern: mark.pattern } });
        result.restored++;
      } else result.kept++;
      const found =
        mark.annotation === 'none'
          ? null
          : findAnnotation(cellKey(sheet.name, mark.cell), notes, commentsByCell);
      if (found && isOurs(found)) found.remove();
    }
    queueFills(sheet, fills);
  }
  part.delete();
  context.runtime.enableEvents = eventsWereOn;
  await syncRestoringEvents(context, eventsWereOn);
  return result;
}
