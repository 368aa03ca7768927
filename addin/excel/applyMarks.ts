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
import {
  FILL_WRITE_BYTES,
  MARK_FILLS,
  fillWrites,
  isMarkFill,
  queueFillReads,
  recordedFill,
  sameFill,
  type Fill,
} from './fills';
import type { HostFeatures } from './hostFeatures';
import {
  SHEET_KEY_PROPERTY,
  newSheetKey,
  queuePartXml,
  queueParts,
  queueRecordWrite,
  queueSheetKeys,
  readStagedRecord,
  recordUnchanged,
  sheetIdentities,
} from './markRecord';
import {
  isMarkOfSheet,
  serializeMarks,
  signature,
  type SheetIdentity,
  type StoredMark,
} from './markStore';
import { ACTION_OVERHEAD_BYTES, runWrites, utf8Bytes, type Write } from './writeBatch';

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
  /** Marked cells left without an annotation because of {@link ANNOTATION_CAP}. */
  annotationsCapped: number;
  /**
   * Present when the stored record was not ours to use: "future" (a newer add-in's; nothing was
   * marked and the record is left untouched) or "corrupt" (replaced by a fresh record).
   */
  record?: 'corrupt' | 'future';
}

/**
 * Most context.sync() calls applyMarks makes, whatever the number of findings or rows (one fewer
 * when nothing changed; more only when the writes exceed the request budget).
 */
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

/** Annotations written per pass at most; the rest of the marked cells get their fill only. */
export const ANNOTATION_CAP = 500;

/** What applyMarks needs to know about the host. */
export type MarkSupport = AnnotationSupport &
  Partial<Pick<HostFeatures, 'sheetKeys' | 'triggerSource'>>;

/**
 * Brings the sheet's marks in line with `marks`: unmarks (restores) cells whose findings went
 * away, re-styles cells whose severity or message changed, marks new cells. At most
 * {@link APPLY_MARKS_SYNCS} syncs (the write sync is skipped when nothing would change, and split
 * only when the writes exceed the request budget — tens of thousands of marks).
 */
export async function applyMarks(
  context: Excel.RequestContext,
  target: SheetRef,
  marks: readonly CellMark[],
  support: MarkSupport,
): Promise<MarkResult> {
  // Sync 1: the stored parts, the events flag, the target sheet, every sheet, the comment list.
  const parts = queueParts(context);
  context.runtime.load('enableEvents');
  const sheet = context.workbook.worksheets.getItemOrNullObject(target.id || target.name);
  sheet.load(['name', 'id']);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  const comments = queueCommentList(context, support);
  await context.sync();
  const eventsWereOn = context.runtime.enableEvents;

  // Sync 2: the stored XML, where each comment sits, each sheet's key.
  const staged = queuePartXml(parts);
  const located = queueCommentLocations(comments);
  const keys = queueSheetKeys(worksheets.items, { sheetKeys: support.sheetKeys === true });
  await context.sync();
  const record = readStagedRecord(staged);
  // A newer add-in's record cannot be extended without losing what it means: mark nothing
  // (the pane still lists the findings) rather than overwrite it. Fewer syncs on this path only.
  if (record?.state === 'future')
    return {
      marked: 0,
      remarked: 0,
      unmarked: 0,
      total: 0,
      annotationsFailed: false,
      annotationsCapped: 0,
      record: 'future',
    };
  const stored = record?.state === 'ok' ? record.marks : [];
  const commentsByCell = indexComments(located);

  const sheetName = sheet.isNullObject ? target.name : sheet.name;
  const identities = sheetIdentities(worksheets.items, keys);
  const self = sheet.isNullObject ? undefined : worksheets.items.find((s) => s.id === sheet.id);
  const here: SheetIdentity = (self && identities.get(self)) ?? { name: sheetName, key: null };
  // Our key for this sheet: its own, or a new one written with the marks (1.12 hosts only).
  const sheetKey = here.key ?? (support.sheetKeys ? newSheetKey() : '');
  const writeKey = support.sheetKeys === true && here.key === null && !sheet.isNullObject;
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
      annotationsCapped: 0,
      ...recordFlag,
    };
  }
  const kind = annotationFor(support);
  const fills: (CellPosition & { fill: Fill })[] = [];
  const adds: { cell: string; text: string; kind: StoredMark['annotation'] }[] = [];
  const removals: (() => void)[] = [];
  const next = new Map(mine);
  let capped = 0;
  // Annotations already on the sheet after this pass (ours kept from earlier passes count).
  let annotated = [...mine.values()].filter(
    (m) => m.annotation !== 'none' && wanted.has(m.cell.toUpperCase()),
  ).length;
  // Replaces our own annotation at `cell`, or adds one where the cell has none (someone else's is
  // left alone) while under the cap; returns the annotation kind to record.
  const annotate = (cell: string, text: string): StoredMark['annotation'] => {
    const found = findAnnotation(cellKey(sheetName, cell), notes, commentsByCell);
    if (found && isOurs(found)) {
      removals.push(found.remove);
      adds.push({ cell, text, kind: found.kind });
      return found.kind;
    }
    if (!found && kind !== 'none') {
      if (annotated >= ANNOTATION_CAP) {
        capped++;
        return 'none';
      }
      annotated++;
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
    const original = now && !isMarkFill(now) ? recordedFill(now) : {};
    next.set(w.cell, { ...s, ...original, severity: w.severity, sig: w.sig, annotation });
  }
  for (const w of fresh) {
    const read = originalsOf?.(w.pos) ?? null;
    // A cell showing our fill without a record of it (a lost record, or rows moved under stored
    // addresses) had it from us: restoring it later must give "no fill", never our colour.
    const original =
      read && !isMarkFill(read) ? recordedFill(read) : { color: '#FFFFFF', pattern: 'None' };
    // Already showing exactly this mark (a record lost, or merged from another part): no write.
    if (!(read && sameFill(read, MARK_FILLS[w.severity])))
      fills.push({ ...w.pos, fill: MARK_FILLS[w.severity] });
    // An annotation of ours here is from a pass whose record was lost: annotate takes it back.
    const annotation = annotate(w.cell, w.message);
    next.set(w.cell, {
      sheet: sheetName,
      sheetKey: '',
      cell: w.cell,
      color: original.color,
      pattern: original.pattern,
      severity: w.severity,
      sig: w.sig,
      annotation,
    });
  }

  // Sync 4: every write — the record first (a recorded cell not yet marked is harmless: restoring
  // happens only over our fill), then the key, fills, removals, annotations last (a host may
  // refuse one: a legacy note where only comments exist). Skipped when nothing would change.
  const keyed = [...next.values()].map((m) => ({ ...m, sheet: sheetName, sheetKey }));
  const all = [...others, ...keyed];
  const xml = all.length === 0 ? null : serializeMarks(all);
  const writes: Write[] = [];
  if (!recordUnchanged(staged, xml))
    writes.push({
      bytes: utf8Bytes(xml ?? '') + ACTION_OVERHEAD_BYTES * (staged.parts.length + 1),
      run: () => queueRecordWrite(context, staged, xml),
    });
  if (writeKey && keyed.length > 0)
    writes.push({
      bytes: ACTION_OVERHEAD_BYTES,
      run: () => sheet.customProperties.add(SHEET_KEY_PROPERTY, sheetKey),
    });
  for (const run of fillWrites(sheet, fills)) writes.push({ bytes: FILL_WRITE_BYTES, run });
  for (const remove of removals) writes.push({ bytes: ACTION_OVERHEAD_BYTES, run: remove });
  for (const a of adds)
    writes.push({
      bytes: utf8Bytes(a.text) + ACTION_OVERHEAD_BYTES,
      run: () => queueAnnotation(context, a.kind, sheetName, a.cell, a.text),
      annotation: true,
    });
  // Formats, notes and the XML part raise no onChanged; events go off (dropping a user's edit
  // meanwhile, office-js #1760) only where triggerSource cannot tell our writes apart.
  const outcome = await runWrites(context, writes, {
    eventsOff: support.triggerSource !== true,
    eventsWereOn,
  });
  return {
    marked: fresh.length,
    remarked: changed.length,
    unmarked: gone.length,
    total: next.size,
    annotationsFailed: outcome.annotationsFailed,
    annotationsCapped: capped,
    ...recordFlag,
  };
}
