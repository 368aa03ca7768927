/**
 * Marks the cells of a sheet's findings, re-marking only what changed since the last pass.
 * Originals (fill colour AND pattern) are read once, before a cell is first marked, and kept in
 * the workbook's custom XML part; a cell already marked keeps its first original.
 */
import type { Finding, Severity } from '../../core/types';
import { parseA1, type CellPosition } from './address';
import {
  annotationFor,
  cellKey,
  findAnnotation,
  indexComments,
  isOurs,
  queueAnnotation,
  queueCommentList,
  queueCommentLocations,
  queueNoteLookups,
  type AnnotationSupport,
} from './annotations';
import { MARK_FILLS, isMarkFill, queueFillReads, queueFills, type Fill } from './fills';
import {
  MARKS_NAMESPACE,
  isMarkOfSheet,
  readMarkRecord,
  serializeMarks,
  signature,
  type StoredMark,
} from './markStore';

/** What one cell should show: the worst severity of its findings and their messages. */
export interface CellMark {
  cell: string;
  severity: Severity;
  message: string;
}

/** The sheet the marks belong to. */
export interface SheetRef {
  name: string;
  id: string;
}

/** What a pass changed. */
export interface MarkResult {
  marked: number;
  remarked: number;
  unmarked: number;
  /** Cells of this sheet marked after the pass. */
  total: number;
  /** Annotations could not be added (e.g. a legacy note on a host without the notes API); fills are in place. */
  annotationsFailed: boolean;
  /**
   * Present when the stored record was not ours to use: "future" (a newer add-in's; nothing was
   * marked and the record is left untouched) or "corrupt" (replaced by a fresh record).
   */
  record?: 'corrupt' | 'future';
}

/** Number of context.sync() calls applyMarks makes, whatever the number of findings or rows. */
export const APPLY_MARKS_SYNCS = 4;

/** One mark per cell from findings (messages already rendered); findings without a cell are left to the pane list. */
export function cellMarksFromFindings(
  findings: readonly Finding[],
  messageOf: (f: Finding) => string,
): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const f of findings) {
    if (!f.cell || !parseA1(f.cell)) continue;
    const prev = byCell.get(f.cell);
    const message = messageOf(f);
    if (!prev) byCell.set(f.cell, { cell: f.cell, severity: f.severity, message });
    else {
      prev.message = `${prev.message}\n${message}`;
      if (f.severity === 'error') prev.severity = 'error';
    }
  }
  return [...byCell.values()];
}

/**
 * Brings the sheet's marks in line with `marks`: unmarks (restores) cells whose findings went
 * away, re-styles cells whose severity or message changed, marks new cells. Exactly
 * {@link APPLY_MARKS_SYNCS} syncs; events are off during our writes so auto-validate ignores them.
 */
export async function applyMarks(
  context: Excel.RequestContext,
  target: SheetRef,
  marks: readonly CellMark[],
  support: AnnotationSupport,
): Promise<MarkResult> {
  // Sync 1: the stored part, the events flag, the target sheet, the comment list.
  const part = context.workbook.customXmlParts
    .getByNamespace(MARKS_NAMESPACE)
    .getOnlyItemOrNullObject();
  part.load('id');
  context.runtime.load('enableEvents');
  const sheet = context.workbook.worksheets.getItemOrNullObject(target.id || target.name);
  sheet.load('name');
  const comments = queueCommentList(context, support);
  await context.sync();
  const eventsWereOn = context.runtime.enableEvents;

  // Sync 2: the stored XML and where each comment sits.
  const xml = part.isNullObject ? null : part.getXml();
  const located = queueCommentLocations(comments);
  await context.sync();
  const record = xml ? readMarkRecord(xml.value) : null;
  // A newer add-in's record cannot be extended without losing what it means: mark nothing
  // (the pane still lists the findings) rather than overwrite it. Fewer syncs on this path only.
  if (record?.state === 'future')
    return {
      marked: 0,
      remarked: 0,
      unmarked: 0,
      total: 0,
      annotationsFailed: false,
      record: 'future',
    };
  const stored = record?.marks ?? [];
  const commentsByCell = indexComments(located);

  const sheetName = sheet.isNullObject ? target.name : sheet.name;
  const here = { name: sheetName, id: target.id };
  const mine = new Map<string, StoredMark>();
  const others: StoredMark[] = [];
  for (const m of stored) {
    if (isMarkOfSheet(m, here)) mine.set(m.cell.toUpperCase(), m);
    else others.push(m);
  }
  const wanted = new Map<string, CellMark & { pos: CellPosition; sig: string }>();
  for (const m of marks) {
    const pos = parseA1(m.cell);
    if (pos)
      wanted.set(m.cell.toUpperCase(), {
        ...m,
        cell: m.cell.toUpperCase(),
        pos,
        sig: signature(m.message),
      });
  }
  const gone = [...mine.values()].filter((m) => !wanted.has(m.cell.toUpperCase()));
  const changed = [...wanted.values()].filter((w) => {
    const s = mine.get(w.cell);
    return s !== undefined && (s.severity !== w.severity || s.sig !== w.sig);
  });
  const fresh = [...wanted.values()].filter((w) => !mine.has(w.cell));

  // Sync 3: originals of the new cells (getCellProperties over their covering range), the
  // current fill of the cells to unmark or re-style (a user's newer fill wins), and notes.
  const originalsOf = sheet.isNullObject
    ? null
    : queueFillReads(
        sheet,
        fresh.map((w) => w.pos),
      );
  const currentOf = sheet.isNullObject
    ? null
    : queueFillReads(sheet, [
        ...gone.flatMap((m) => {
          const pos = parseA1(m.cell);
          return pos ? [pos] : [];
        }),
        ...changed.map((w) => w.pos),
      ]);
  const touched = [
    ...gone.map((m) => m.cell),
    ...changed.map((w) => w.cell),
    ...fresh.map((w) => w.cell),
  ];
  const notes = queueNoteLookups(
    context,
    support,
    touched.map((cell) => ({ sheet: sheetName, cell })),
  );
  await context.sync();

  const recordFlag = record?.state === 'corrupt' ? { record: 'corrupt' as const } : {};
  if (sheet.isNullObject) {
    return {
      marked: 0,
      remarked: 0,
      unmarked: 0,
      total: 0,
      annotationsFailed: false,
      ...recordFlag,
    };
  }
  const kind = annotationFor(support);
  const fills: (CellPosition & { fill: Fill })[] = [];
  const adds: { cell: string; text: string; kind: StoredMark['annotation'] }[] = [];
  const removals: (() => void)[] = [];
  const next = new Map(mine);
  // Replaces our own annotation at `cell`, or adds one where the cell has none (someone else's is
  // left alone); returns the annotation kind to record.
  const annotate = (cell: string, text: string): StoredMark['annotation'] => {
    const found = findAnnotation(cellKey(sheetName, cell), notes, commentsByCell);
    if (found && isOurs(found)) {
      removals.push(found.remove);
      adds.push({ cell, text, kind: found.kind });
      return found.kind;
    }
    if (!found && kind !== 'none') {
      adds.push({ cell, text, kind });
      return kind;
    }
    return 'none';
  };

  for (const m of gone) {
    const pos = parseA1(m.cell);
    if (!pos) continue;
    // Only over our own fill: a user's re-colour stays, and so does a cell that rows inserted
    // or deleted above have moved under this stored address.
    if (isMarkFill(currentOf?.(pos) ?? null))
      fills.push({ ...pos, fill: { color: m.color, pattern: m.pattern } });
    const found = findAnnotation(cellKey(sheetName, m.cell), notes, commentsByCell);
    if (m.annotation !== 'none' && found && isOurs(found)) removals.push(found.remove);
    next.delete(m.cell.toUpperCase());
  }
  for (const w of changed) {
    const s = mine.get(w.cell)!;
    fills.push({ ...w.pos, fill: MARK_FILLS[w.severity] });
    const annotation = annotate(w.cell, w.message);
    // The user re-coloured the marked cell: that colour is what 清除标记 gives back now.
    const now = currentOf?.(w.pos) ?? null;
    const original = now && !isMarkFill(now) ? { color: now.color, pattern: now.pattern } : {};
    next.set(w.cell, { ...s, ...original, severity: w.severity, sig: w.sig, annotation });
  }
  for (const w of fresh) {
    const read = originalsOf?.(w.pos) ?? null;
    // A cell showing our fill without a record of it (a lost record, or rows moved under stored
    // addresses) had it from us: restoring it later must give "no fill", never our colour.
    const original = read && !isMarkFill(read) ? read : { color: '#FFFFFF', pattern: 'None' };
    fills.push({ ...w.pos, fill: MARK_FILLS[w.severity] });
    // An annotation of ours here is from a pass whose record was lost: annotate takes it back.
    const annotation = annotate(w.cell, w.message);
    next.set(w.cell, {
      sheet: sheetName,
      sheetId: target.id,
      cell: w.cell,
      color: original.color,
      pattern: original.pattern,
      severity: w.severity,
      sig: w.sig,
      annotation,
    });
  }

  // Sync 4: every write, with events off so that our own writes do not re-trigger auto-validate.
  context.runtime.enableEvents = false;
  queueFills(sheet, fills);
  for (const remove of removals) remove();
  const all = [...others, ...[...next.values()].map((m) => ({ ...m, sheet: sheetName }))];
  if (all.length === 0) {
    if (!part.isNullObject) part.delete();
  } else if (part.isNullObject) {
    context.workbook.customXmlParts.add(serializeMarks(all));
  } else {
    part.setXml(serializeMarks(all));
  }
  // Annotations last: a host may refuse one (a cell holding a legacy note where only comments
  // exist), and then the fills and the record above are already in place.
  for (const a of adds) queueAnnotation(context, a.kind, sheetName, a.cell, a.text);
  context.runtime.enableEvents = eventsWereOn;
  let annotationsFailed = false;
  try {
    await context.sync();
  } catch (error) {
    if (adds.length === 0) throw error;
    annotationsFailed = true;
    // The failed batch stopped before re-enabling events: do it now (not a pass sync; error path only).
    context.runtime.enableEvents = eventsWereOn;
    await context.sync();
  }
  return {
    marked: fresh.length,
    remarked: changed.length,
    unmarked: gone.length,
    total: next.size,
    annotationsFailed,
    ...recordFlag,
  };
}
