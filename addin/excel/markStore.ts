/**
 * The originals of marked cells, kept in the workbook as a custom XML part so that 清除标记 works
 * after save and reopen. Pure: (de)serialisation only; the adapters read and write the part.
 */
import type { Severity } from '../../core/types';

/** Namespace of our custom XML part; one part per workbook holds the marks of every sheet. */
export const MARKS_NAMESPACE = 'urn:county-rollup:marks:v1';

/** What we put on a cell besides its fill: a note (1.18), a comment (1.10), or nothing. */
export type Annotation = 'note' | 'comment' | 'none';

/** One marked cell: where it is, its fill before we marked it, and what we added. */
export interface StoredMark {
  sheet: string;
  /**
   * Our own key of the sheet, kept in a worksheet custom property (ExcelApi 1.12), else "". Never
   * the worksheet id: that changes between sessions (office-js-docs #297), so a stored id would
   * make every mark look foreign after save and reopen. Records of earlier versions carry a
   * `sheetId` attribute, which is read and ignored.
   */
  sheetKey: string;
  /** A1 address within the sheet. */
  cell: string;
  /** Original fill colour, as getCellProperties gave it (e.g. "#FFFFFF"). */
  color: string;
  /** Original fill pattern; "None" means no fill (not white), restored with fill.clear(). */
  pattern: string;
  /** Severity the mark currently shows. */
  severity: Severity;
  /** Signature of the message currently shown, to re-mark only when it changes. */
  sig: string;
  /** The annotation we added (never a user's own note or comment). */
  annotation: Annotation;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

const FIELDS = [
  'sheet',
  'sheetKey',
  'cell',
  'color',
  'pattern',
  'severity',
  'sig',
  'annotation',
] as const;

/** The XML text of the part holding `marks` (sorted, so equal stores give equal text). */
export function serializeMarks(marks: readonly StoredMark[]): string {
  const sorted = [...marks].sort((a, b) =>
    a.sheet === b.sheet ? compareCells(a.cell, b.cell) : a.sheet < b.sheet ? -1 : 1,
  );
  const lines = sorted.map(
    (m) => `  <mark ${FIELDS.map((f) => `${f}="${escapeXml(m[f])}"`).join(' ')}/>`,
  );
  // No XML declaration: the part's text goes through setXml/add as a string (issue 8 item 13).
  return `<marks xmlns="${MARKS_NAMESPACE}" version="1">\n${lines.join('\n')}${lines.length ? '\n' : ''}</marks>`;
}

/**
 * Reads the part's XML back. Elements we cannot understand are skipped rather than guessed:
 * a wrong original would paint a user's cell, a missing one only leaves our mark in place.
 */
export function parseMarks(xml: string): StoredMark[] {
  const out: StoredMark[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mark\b([^>]*?)\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = unescapeXml(a[2]!);
    const { sheet, cell, color, pattern } = attrs;
    if (sheet === undefined || cell === undefined || color === undefined || pattern === undefined)
      continue;
    const severity: Severity = attrs.severity === 'warning' ? 'warning' : 'error';
    const annotation: Annotation =
      attrs.annotation === 'note' || attrs.annotation === 'comment' ? attrs.annotation : 'none';
    out.push({
      sheet,
      sheetKey: attrs.sheetKey ?? '',
      cell,
      color,
      pattern,
      severity,
      sig: attrs.sig ?? '',
      annotation,
    });
  }
  return out;
}

/** The record version this add-in writes and understands. */
export const MARKS_VERSION = 1;

/** How far the part's text could be trusted: ours, unreadable, or written by a newer add-in. */
export type RecordState = 'ok' | 'corrupt' | 'future';

/** The part read back, with a verdict on the whole record. */
export interface MarkRecord {
  state: RecordState;
  /** The version the record says it has (NaN when unreadable). */
  version: number;
  /** The marks, only when `state` is "ok". */
  marks: StoredMark[];
}

/**
 * Reads the part: a `<marks>` root of our namespace, a whole-number version, a closed root.
 * A newer version is "future" (its originals may mean something else: never restored from, never
 * overwritten); anything else unreadable is "corrupt".
 */
export function readMarkRecord(xml: string): MarkRecord {
  const root = /<(?:\w+:)?marks\b([^>]*?)(\/?)>/.exec(xml);
  if (!root || !root[1]!.includes(MARKS_NAMESPACE))
    return { state: 'corrupt', version: NaN, marks: [] };
  const v = /\bversion\s*=\s*"([^"]*)"/.exec(root[1]!)?.[1];
  const version = v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (version > MARKS_VERSION) return { state: 'future', version, marks: [] };
  const closed = root[2] === '/' || /<\/(?:\w+:)?marks\s*>\s*$/.test(xml);
  if (!Number.isInteger(version) || version < 1 || !closed)
    return { state: 'corrupt', version, marks: [] };
  return { state: 'ok', version, marks: parseMarks(xml) };
}

/** A sheet as the marks see it: its current name and our key (null without one or on a shared key). */
export interface SheetIdentity {
  name: string;
  key: string | null;
}

/** True when a stored mark belongs to the sheet: by our key when both have one, else by name. */
export function isMarkOfSheet(mark: StoredMark, sheet: SheetIdentity): boolean {
  if (mark.sheetKey && sheet.key) return mark.sheetKey === sheet.key;
  return mark.sheet === sheet.name;
}

/**
 * One record from several parts of our namespace (two co-authors' first passes each added one):
 * the marks of all of them, a cell recorded twice keeping the first part's entry (its original is
 * the older one). A future part wins over everything (left untouched); corrupt parts are dropped
 * when another part is readable.
 */
export function mergeRecords(records: readonly MarkRecord[]): MarkRecord | null {
  if (records.length === 0) return null;
  const future = records.find((r) => r.state === 'future');
  if (future) return future;
  const ok = records.filter((r) => r.state === 'ok');
  if (ok.length === 0) return records[0]!;
  const seen = new Set<string>();
  const marks: StoredMark[] = [];
  for (const r of ok)
    for (const m of r.marks) {
      const id = `${m.sheetKey || m.sheet}\u0000${m.cell.toUpperCase()}`;
      if (seen.has(id)) continue;
      seen.add(id);
      marks.push(m);
    }
  return { state: 'ok', version: MARKS_VERSION, marks };
}

function compareCells(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  const rowDiff = Number(pa[2]) - Number(pb[2]);
  if (rowDiff !== 0) return rowDiff;
  if (pa[1]!.length !== pb[1]!.length) return pa[1]!.length - pb[1]!.length;
  return pa[1]! < pb[1]! ? -1 : pa[1]! > pb[1]! ? 1 : 0;
}

/** A short, stable signature of a text (FNV-1a, 32 bits, hex). */
export function signature(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
