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
import { FILL_WRITE_BYTES, fillWrites, isMarkFill, queueFillReads, type Fill } from './fills';
import type { HostFeatures } from './hostFeatures';
import {
  queuePartXml,
  queueParts,
  queueRecordWrite,
  queueSheetKeys,
  readStagedRecord,
  sheetIdentities,
} from './markRecord';
import { isMarkOfSheet, serializeMarks, type StoredMark } from './markStore';
import { ACTION_OVERHEAD_BYTES, runWrites, utf8Bytes, type Write } from './writeBatch';

/** What clearMarks did. */
export interface ClearResult {
  restored: number;
  /** Marks whose sheet no longer exists (dropped from the record). */
  orphaned: number;
  /** Marked cells whose fill is no longer ours (the user re-coloured them): left as they are. */
  kept: number;
  /**
   * Our notes this host cannot remove (no notes API: Excel below 1.18, or a self-hosted office.js).
   * Their marks stay in the record (fills restored), so 清除标记 in an Excel with notes removes them.
   */
  notesLeft?: number;
  /**
   * The record: "none" (no part), "ok", "corrupt" (unreadable: deleted, fills left as they are)
   * or "future" (from a newer add-in version: left untouched, nothing restored).
   */
  record: 'none' | 'ok' | 'corrupt' | 'future';
  /** The version the record claims (for the "future" message); absent without a part. */
  version?: number;
}

/** What clearMarks needs to know about the host. */
export type ClearSupport = AnnotationSupport &
  Partial<Pick<HostFeatures, 'sheetKeys' | 'triggerSource'>>;

/** Restores all stored cells exactly (pattern None → fill.clear()); at most 4 syncs. */
export async function clearMarks(
  context: Excel.RequestContext,
  support: ClearSupport,
): Promise<ClearResult> {
  const result: ClearResult = { restored: 0, orphaned: 0, kept: 0, record: 'none' };
  // Sync 1: the parts, the events flag, the comment list, every sheet's name and id.
  const parts = queueParts(context);
  context.runtime.load('enableEvents');
  const comments = queueCommentList(context, support);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await context.sync();
  if (parts.items.length === 0) return result;
  const eventsWereOn = context.runtime.enableEvents;

  // Sync 2: the record (every part of our namespace), the comments' cells, each sheet's key.
  const staged = queuePartXml(parts);
  const located = queueCommentLocations(comments);
  const keys = queueSheetKeys(worksheets.items, { sheetKeys: support.sheetKeys === true });
  await context.sync();
  const record = readStagedRecord(staged)!;
  result.record = record.state;
  result.version = record.version;
  // A newer add-in's record may mean other things by its fields: keep it for that add-in.
  if (record.state === 'future') return result;
  if (record.state === 'corrupt') {
    // Nothing in it can be trusted to restore from; a new pass starts a fresh record.
    queueRecordWrite(context, staged, null);
    await context.sync();
    return result;
  }
  const commentsByCell = indexComments(located);
  const identities = sheetIdentities(worksheets.items, keys);

  // Sync 3: the current fill of every marked cell, and the notes on them (under the sheet's
  // current name: a renamed sheet is found by our key where the host keeps one).
  const groups = new Map<Excel.Worksheet, StoredMark[]>();
  for (const m of record.marks) {
    const sheet = worksheets.items.find((s) => isMarkOfSheet(m, identities.get(s)!));
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

  // Sync 4: restore, remove our annotations, drop the record.
  const writes: Write[] = [];
  const leftover: StoredMark[] = [];
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
      if (found && isOurs(found)) writes.push({ bytes: ACTION_OVERHEAD_BYTES, run: found.remove });
      // A note of ours on a host without the notes API: neither seen nor removable here.
      if (mark.annotation === 'note' && !support.notes)
        leftover.push({ ...mark, sheet: sheet.name });
    }
    for (const run of fillWrites(sheet, fills)) writes.push({ bytes: FILL_WRITE_BYTES, run });
  }
  // The record goes last: if a request fails, what is not restored yet is still recorded.
  const rest = leftover.length ? serializeMarks(leftover) : null;
  if (leftover.length) result.notesLeft = leftover.length;
  writes.push({
    bytes: ACTION_OVERHEAD_BYTES * staged.parts.length + utf8Bytes(rest ?? ''),
    run: () => queueRecordWrite(context, staged, rest),
  });
  await runWrites(context, writes, { eventsOff: support.triggerSource !== true, eventsWereOn });
  return result;
}
