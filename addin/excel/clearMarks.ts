/**
 * 清除标记: restores every marked cell of the workbook from the custom XML part (so it works
 * after save and reopen), deletes only the notes/comments we added, then deletes the part.
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
import { queueFills, type Fill } from './fills';
import { MARKS_NAMESPACE, parseMarks, type StoredMark } from './markStore';
import { syncRestoringEvents } from './syncRestoringEvents';

/** What clearMarks did. */
export interface ClearResult {
  restored: number;
  /** Marks whose sheet no longer exists (dropped from the record). */
  orphaned: number;
}

/** Restores all stored cells exactly (pattern None → fill.clear()); at most 4 syncs. */
export async function clearMarks(
  context: Excel.RequestContext,
  support: AnnotationSupport,
): Promise<ClearResult> {
  // Sync 1: the part, the events flag, the comment list.
  const part = context.workbook.customXmlParts
    .getByNamespace(MARKS_NAMESPACE)
    .getOnlyItemOrNullObject();
  part.load('id');
  context.runtime.load('enableEvents');
  const comments = queueCommentList(context, support);
  await context.sync();
  if (part.isNullObject) return { restored: 0, orphaned: 0 };
  const eventsWereOn = context.runtime.enableEvents;

  // Sync 2: the record and the comments' cells.
  const xml = part.getXml();
  const located = queueCommentLocations(comments);
  await context.sync();
  // A ClientResult is not loaded: its value is filled by the sync above.
  // eslint-disable-next-line office-addins/load-object-before-read
  const stored = parseMarks(xml.value);
  const commentsByCell = indexComments(located);

  // Sync 3: each sheet of the record (by id, else by name) and the notes on marked cells.
  const groups = new Map<string, StoredMark[]>();
  for (const m of stored) {
    const key = `${m.sheetId}\u0000${m.sheet}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const sheets = [...groups.values()].map((marks) => {
    const first = marks[0]!;
    const byId = first.sheetId
      ? context.workbook.worksheets.getItemOrNullObject(first.sheetId)
      : null;
    const byName = context.workbook.worksheets.getItemOrNullObject(first.sheet);
    byId?.load('name');
    byName.load('name');
    return { marks, byId, byName };
  });
  const notes = queueNoteLookups(
    context,
    support,
    stored.filter((m) => m.annotation === 'note').map((m) => ({ sheet: m.sheet, cell: m.cell })),
  );
  await context.sync();

  // Sync 4: restore, remove our annotations, drop the record — events off meanwhile.
  context.runtime.enableEvents = false;
  let restored = 0;
  let orphaned = 0;
  for (const { marks, byId, byName } of sheets) {
    const sheet = byId && !byId.isNullObject ? byId : !byName.isNullObject ? byName : null;
    if (!sheet) {
      orphaned += marks.length;
      continue;
    }
    const fills: (CellPosition & { fill: Fill })[] = [];
    for (const m of marks) {
      const pos = parseA1(m.cell);
      if (!pos) continue;
      fills.push({ ...pos, fill: { color: m.color, pattern: m.pattern } });
      // Notes and comments are found under the name the mark was written with.
      const found =
        m.annotation === 'none'
          ? null
          : findAnnotation(cellKey(m.sheet, m.cell), notes, commentsByCell);
      if (found && isOurs(found)) found.remove();
      restored++;
    }
    queueFills(sheet, fills);
  }
  part.delete();
  context.runtime.enableEvents = eventsWereOn;
  await syncRestoringEvents(context, eventsWereOn);
  return { restored, orphaned };
}
