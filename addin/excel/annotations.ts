/**
 * Notes (ExcelApi 1.18) and comments (1.10) that carry a mark's message. Only queueing and
 * lookup helpers: the callers own the syncs, so a pass keeps its constant number of them.
 */
import { qualifyAddress, splitSheetAddress } from './address';
import type { Annotation } from './markStore';

/** Which annotation APIs the host has (from Office.context.requirements.isSetSupported). */
export interface AnnotationSupport {
  notes: boolean;
  comments: boolean;
}

/** Every note or comment we write starts with this, so ours are told apart from a user's. */
export const MARK_PREFIX = '【校验】';

/** The annotation kind new marks get on this host: notes when available, else comments, else none. */
export function annotationFor(support: AnnotationSupport): Annotation {
  return support.notes ? 'note' : support.comments ? 'comment' : 'none';
}

/** An existing note or comment found on a cell. */
export interface FoundAnnotation {
  kind: 'note' | 'comment';
  content: string;
  /** Queues the deletion. */
  remove: () => void;
}

/** Key of a cell across sheets. */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell.toUpperCase()}`;
}

/** Stage 1: queue the load of every comment's content (null when the host has no comments API). */
export function queueCommentList(
  context: Excel.RequestContext,
  support: AnnotationSupport,
): Excel.CommentCollection | null {
  if (!support.comments) return null;
  const comments = context.workbook.comments;
  comments.load('items/content');
  return comments;
}

/** Stage 2 (after a sync): queue each comment's cell address. */
export function queueCommentLocations(
  comments: Excel.CommentCollection | null,
): { comment: Excel.Comment; range: Excel.Range }[] {
  if (!comments) return [];
  return comments.items.map((comment) => {
    const range = comment.getLocation();
    range.load('address');
    return { comment, range };
  });
}

/** Stage 3 (after a sync): the comments by cell. */
export function indexComments(
  located: readonly { comment: Excel.Comment; range: Excel.Range }[],
): Map<string, FoundAnnotation> {
  const out = new Map<string, FoundAnnotation>();
  for (const { comment, range } of located) {
    const { sheet, local } = splitSheetAddress(range.address);
    out.set(cellKey(sheet ?? '', local.replace(/\$/g, '')), {
      kind: 'comment',
      content: comment.content,
      remove: () => comment.delete(),
    });
  }
  return out;
}

/** Queues a note lookup per cell (null object when the cell has none). */
export function queueNoteLookups(
  context: Excel.RequestContext,
  support: AnnotationSupport,
  cells: readonly { sheet: string; cell: string }[],
): Map<string, Excel.Note> {
  const out = new Map<string, Excel.Note>();
  if (!support.notes) return out;
  for (const { sheet, cell } of cells) {
    const key = cellKey(sheet, cell);
    if (out.has(key)) continue;
    const note = context.workbook.notes.getItemOrNullObject(qualifyAddress(sheet, cell));
    note.load('content');
    out.set(key, note);
  }
  return out;
}

/** After the sync: the annotation on a cell (a note first, else a comment), or null. */
export function findAnnotation(
  key: string,
  notes: ReadonlyMap<string, Excel.Note>,
  comments: ReadonlyMap<string, FoundAnnotation>,
): FoundAnnotation | null {
  const note = notes.get(key);
  if (note && !note.isNullObject)
    return { kind: 'note', content: String(note.content), remove: () => note.delete() };
  return comments.get(key) ?? null;
}

/** True when the annotation is one we wrote. */
export function isOurs(found: FoundAnnotation): boolean {
  return found.content.startsWith(MARK_PREFIX);
}

/** Queues a new annotation of `kind` on a cell. */
export function queueAnnotation(
  context: Excel.RequestContext,
  kind: Annotation,
  sheet: string,
  cell: string,
  text: string,
): void {
  const address = qualifyAddress(sheet, cell);
  if (kind === 'note') context.workbook.notes.add(address, MARK_PREFIX + text);
  else if (kind === 'comment') context.workbook.comments.add(address, MARK_PREFIX + text);
}
