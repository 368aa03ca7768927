/** Finds the header (one to three rows) and maps its cells to schema columns (entry-sheet §1). */
import { makeFinding } from '../findings/makeFinding';
import { normalizeHeader } from '../normalize/normalizeText';
import type { CompiledSchema } from '../schema/compileSchema';
import { compileSchema } from '../schema/compileSchema';
import type { ColumnMapping, Finding, Grid, Schema, SheetInfo } from '../types';
import { cellText } from './cellText';

/** The header (1-based rows, null when none), its column mapping, unknown columns and header findings. */
export interface HeaderResult {
  /** The header's bottom row (the row findings name as the header row). */
  headerRow: number | null;
  /** The header's top row (= headerRow for a one-row header). */
  headerTop?: number | null;
  /** The first row after the header and its units row, if any (data starts here). */
  dataStart?: number | null;
  columns: ColumnMapping[];
  unknownColumns: { column: number; header: string }[];
  findings: Finding[];
}

type Merge = NonNullable<SheetInfo['merges']>[number];

/** The most header rows one header may span (a group over a group over sub-headers). */
const MAX_HEIGHT = 3;

/** Normalized and as-written cell texts of grid rows, computed once per row. */
class RowTexts {
  private readonly norm: (string[] | undefined)[] = [];
  private readonly raw: (string[] | undefined)[] = [];
  private readonly filled: (({ norm: string; raw: string } | null)[] | undefined)[] = [];

  constructor(
    private readonly grid: Grid,
    private readonly merges: readonly Merge[] | null,
  ) {}

  /** Normalized texts of 0-based row r ('' for blank). */
  normRow(r: number): string[] {
    let n = this.norm[r];
    if (n === undefined) {
      const row = this.grid[r] ?? [];
      const raw: string[] = [];
      n = [];
      for (let c = 0; c < row.length; c++) {
        const t = cellText(row[c]).trim();
        raw.push(t);
        n.push(t === '' ? '' : normalizeHeader(t));
      }
      this.norm[r] = n;
      this.raw[r] = raw;
    }
    return n;
  }

  rawRow(r: number): string[] {
    this.normRow(r);
    return this.raw[r] ?? [];
  }

  /**
   * The group text that covers (r, c) when it is an upper header row: the cell's own text, else, with
   * merges, the text of the merged range holding it; without merges (CSV), the nearest non-blank cell
   * to its left in the row (a group applies forward over blank cells).
   */
  group(r: number, c: number): { norm: string; raw: string } | null {
    let f = this.filled[r];
    if (f === undefined) {
      const norm = this.normRow(r);
      const raw = this.rawRow(r);
      f = [];
      if (this.merges) {
        for (let k = 0; k < norm.length; k++)
          f.push(norm[k] ? { norm: norm[k]!, raw: raw[k]! } : null);
        for (const m of this.merges) {
          if (m.top - 1 > r || m.bottom - 1 < r) continue;
          const n = this.normRow(m.top - 1)[m.left - 1];
          if (!n) continue;
          const g = { norm: n, raw: this.rawRow(m.top - 1)[m.left - 1] ?? '' };
          for (let k = Math.max(0, m.left - 1); k <= Math.min(m.right - 1, 16383); k++)
            if (!f[k]) f[k] = g;
        }
      } else {
        let g: { norm: string; raw: string } | null = null;
        for (let k = 0; k < norm.length; k++) {
          if (norm[k]) g = { norm: norm[k]!, raw: raw[k]! };
          f.push(g);
        }
      }
      this.filled[r] = f;
    }
    // Past the row's end a forward group still applies (CSV rows end at their last value).
    return f[c] ?? (this.merges ? null : (f[f.length - 1] ?? null));
  }

  width(top: number, bottom: number): number {
    let w = 0;
    for (let r = top; r <= bottom; r++) w = Math.max(w, this.normRow(r).length);
    return w;
  }
}

/** The lowest non-empty normalized text of column c in rows top..bottom (the column's own text), or null. */
function ownText(texts: RowTexts, top: number, bottom: number, c: number): string | null {
  for (let r = bottom; r >= top; r--) {
    const t = texts.normRow(r)[c];
    if (t) return t;
  }
  return null;
}

/** One way to read a column's header: the normalized key and the as-written text. */
interface Candidate {
  key: string;
  written: string;
}

/** The group text with a schema group suffix (情况, 开展情况 …) dropped, or null when none applies. */
function stripGroup(g: string, cs: CompiledSchema): string | null {
  for (const s of cs.groupSuffixes)
    if (g.length > s.length && g.endsWith(s)) return g.slice(0, g.length - s.length);
  return null;
}

/**
 * The readings of column c in the block of 0-based rows top..bottom, most specific first: group + sub
 * (with and without the group's suffix), then the sub-header alone. Empty when the column has no text
 * of its own (a group spilling over it does not make it a column). `level` is the row of its own text.
 */
function candidates(
  texts: RowTexts,
  top: number,
  bottom: number,
  c: number,
  cs: CompiledSchema,
): { level: number; list: Candidate[] } | null {
  let level = -1;
  for (let r = bottom; r >= top; r--)
    if (texts.normRow(r)[c]) {
      level = r;
      break;
    }
  if (level < 0) return null;
  const own = texts.normRow(level)[c]!;
  const ownRaw = texts.rawRow(level)[c]!;
  const list: Candidate[] = [];
  if (level > top) {
    const groups: { norm: string; raw: string }[] = [];
    for (let r = top; r < level; r++) {
      const g = texts.group(r, c);
      if (g) groups.push(g);
    }
    // All groups, then each group alone (nearest first), each as written and without its suffix.
    const seqs: { norm: string; raw: string }[][] = [];
    if (groups.length > 1) seqs.push(groups);
    for (let k = groups.length - 1; k >= 0; k--) seqs.push([groups[k]!]);
    for (const seq of seqs) {
      const prefix = seq.map((g) => g.norm).join('');
      const written = seq.map((g) => g.raw).join('') + ownRaw;
      list.push({ key: prefix + own, written });
      const last = seq[seq.length - 1]!;
      const stripped = stripGroup(last.norm, cs);
      if (stripped !== null)
        list.push({
          key:
            seq
              .slice(0, -1)
              .map((g) => g.norm)
              .join('') +
            stripped +
            own,
          written,
        });
    }
  }
  list.push({ key: own, written: ownRaw });
  return { level, list };
}

// Per compiled schema, every ending of every known header key (the keys themselves included).
const headerEndings = new WeakMap<CompiledSchema, Set<string>>();

/**
 * True when `own` can end a known header key. Every reading of a column ends with the column's own
 * text (group + sub, group without suffix + sub, sub alone), so a text no key ends with (a data
 * row's 12 or 青石村 when a block reaches below the header) matches nothing: no readings are built.
 */
function mayEndHeader(own: string, cs: CompiledSchema): boolean {
  let endings = headerEndings.get(cs);
  if (endings === undefined) {
    endings = new Set<string>();
    for (const key of cs.headerLookup.keys())
      for (let i = 0; i < key.length; i++) endings.add(key.slice(i));
    headerEndings.set(cs, endings);
  }
  return endings.has(own);
}

/** Matched and filled column counts of a block. */
function score(
  texts: RowTexts,
  top: number,
  bottom: number,
  cs: CompiledSchema,
): { matched: number; filled: number } {
  let matched = 0;
  let filled = 0;
  const width = texts.width(top, bottom);
  for (let c = 0; c < width; c++) {
    if (top === bottom) {
      // One row: the plain test, without building candidates.
      const key = texts.normRow(top)[c];
      if (!key) continue;
      filled++;
      if (cs.headerLookup.has(key)) matched++;
      continue;
    }
    const own = ownText(texts, top, bottom, c);
    if (own === null) continue;
    filled++;
    if (cs.headerLookup.has(own)) matched++;
    else if (mayEndHeader(own, cs)) {
      const cand = candidates(texts, top, bottom, c, cs);
      if (cand && cand.list.some((k) => cs.headerLookup.has(k.key))) matched++;
    }
  }
  return { matched, filled };
}

const passes = (s: { matched: number; filled: number }, threshold: number): boolean =>
  // Two matches at least, so a lone 序号 or 备注 cell above the table is not taken for the header.
  s.matched >= 2 && s.matched / s.filled >= threshold;

/** The merges that can shape a header (null: none given, groups apply forward as in a CSV). */
function headerMerges(sheet: SheetInfo | null | undefined): readonly Merge[] | null {
  const m = sheet?.merges;
  if (!m || m.length === 0) return null;
  return m.filter(
    (x) =>
      Number.isInteger(x.top) &&
      Number.isInteger(x.left) &&
      Number.isInteger(x.bottom) &&
      Number.isInteger(x.right) &&
      x.top >= 1 &&
      x.left >= 1 &&
      x.bottom >= x.top &&
      x.right >= x.left,
  );
}

/**
 * The header block (0-based top and bottom rows), or null: the first row r (within headerSearchRows)
 * that ends or starts a passing block; then, of the blocks of one to three rows around r (top ≤ r),
 * the one matching the most columns (ties: the fewer rows, then the higher one). A block passes when
 * ≥ headerMatchThreshold of its non-empty columns (and at least two) are known headers.
 */
function headerBlock(
  grid: Grid,
  texts: RowTexts,
  cs: CompiledSchema,
): { top: number; bottom: number } | null {
  const { schema } = cs;
  const limit = Math.min(grid.length, schema.headerSearchRows);
  const threshold = schema.headerMatchThreshold;
  // The search below scores some blocks twice (the block that passes at r, then again among the best).
  const scores = new Map<number, { matched: number; filled: number }>();
  const scoreOf = (top: number, bottom: number): { matched: number; filled: number } => {
    const key = top * MAX_HEIGHT + (bottom - top);
    let s = scores.get(key);
    if (s === undefined) scores.set(key, (s = score(texts, top, bottom, cs)));
    return s;
  };
  for (let r = 0; r < limit; r++) {
    let found = passes(scoreOf(r, r), threshold);
    for (let h = 2; !found && h <= MAX_HEIGHT && r - h + 1 >= 0; h++)
      found = passes(scoreOf(r - h + 1, r), threshold);
    if (!found) continue;
    let best: { top: number; bottom: number; matched: number; height: number } | null = null;
    for (let bottom = r; bottom <= Math.min(r + MAX_HEIGHT - 1, grid.length - 1); bottom++)
      for (let h = 1; h <= MAX_HEIGHT; h++) {
        const top = bottom - h + 1;
        if (top < 0 || top > r) continue;
        const s = scoreOf(top, bottom);
        if (!passes(s, threshold)) continue;
        if (
          best === null ||
          s.matched > best.matched ||
          (s.matched === best.matched && h < best.height)
        )
          best = { top, bottom, matched: s.matched, height: h };
      }
    if (best) return { top: best.top, bottom: best.bottom };
  }
  return null;
}

/** True when 0-based row r is a units row: every non-empty cell (brackets dropped) a unit word, at least one. */
function isUnitsRow(texts: RowTexts, r: number, cs: CompiledSchema): boolean {
  if (cs.unitWords.size === 0) return false;
  let any = false;
  for (const t of texts.normRow(r)) {
    if (!t) continue;
    const bare = t.replace(/^[([【〔]+|[)\]】〕]+$/g, '');
    if (!cs.unitWords.has(bare)) return false;
    any = true;
  }
  return any;
}

/** The 1-based header row of a grid, or null: the cheap test of "is this the entry sheet" (no row is read, no finding made). The bottom row of a header over several rows. */
export function findHeaderRow(grid: Grid, schema: Schema, sheet?: SheetInfo | null): number | null {
  const block = headerBlock(grid, new RowTexts(grid, headerMerges(sheet)), compileSchema(schema));
  return block === null ? null : block.bottom + 1;
}

/** The header (see headerBlock) with its column mapping and header findings; E_NO_HEADER when none. */
export function detectHeader(
  grid: Grid,
  cs: CompiledSchema,
  sheet?: SheetInfo | null,
): HeaderResult {
  const texts = new RowTexts(grid, headerMerges(sheet));
  const block = headerBlock(grid, texts, cs);
  if (block) return mapHeader(grid, texts, block.top, block.bottom, cs);
  return {
    headerRow: null,
    headerTop: null,
    dataStart: null,
    columns: [],
    unknownColumns: [],
    findings: [makeFinding(cs.schema, 'E_NO_HEADER')],
  };
}

/** Maps the header block's columns; a second cell for an already mapped column counts as unknown (the first wins). A header named in headerHints next to its missing column gives one E_HEADER_HINT instead of W_UNKNOWN_COLUMN + E_MISSING_COLUMN. */
function mapHeader(
  grid: Grid,
  texts: RowTexts,
  top: number,
  bottom: number,
  cs: CompiledSchema,
): HeaderResult {
  const { schema } = cs;
  const headerRow = bottom + 1;
  const columns: ColumnMapping[] = [];
  const unknown: { column: number; row: number; header: string; keys: string[] }[] = [];
  const mapped = new Set<string>();
  const width = texts.width(top, bottom);
  for (let c = 0; c < width; c++) {
    const cand = candidates(texts, top, bottom, c, cs);
    if (!cand) continue;
    const hit = cand.list.find((k) => cs.headerLookup.has(k.key));
    const field = hit ? cs.headerLookup.get(hit.key) : undefined;
    if (hit && field !== undefined && !mapped.has(field)) {
      mapped.add(field);
      columns.push({ field, column: c + 1, header: hit.written });
    } else
      unknown.push({
        column: c + 1,
        row: cand.level + 1,
        header: (hit ?? cand.list[0]!).written,
        keys: cand.list.map((k) => k.key),
      });
  }
  const findings: Finding[] = [];
  const hinted = new Set<string>();
  for (const u of unknown) {
    const hint = u.keys.map((k) => cs.headerHints.get(k)).find((f) => f !== undefined);
    if (hint !== undefined && !mapped.has(hint) && !hinted.has(hint)) {
      hinted.add(hint);
      findings.push(
        makeFinding(schema, 'E_HEADER_HINT', {
          row: u.row,
          column: u.column,
          field: hint,
          value: u.header,
        }),
      );
    } else
      findings.push(
        makeFinding(schema, 'W_UNKNOWN_COLUMN', { row: u.row, column: u.column, value: u.header }),
      );
  }
  for (const col of schema.columns)
    if (col.inHeader !== false && !mapped.has(col.id) && !hinted.has(col.id))
      findings.push(makeFinding(schema, 'E_MISSING_COLUMN', { row: headerRow, field: col.id }));
  const unitsRow = bottom + 1 < grid.length && isUnitsRow(texts, bottom + 1, cs);
  return {
    headerRow,
    headerTop: top + 1,
    dataStart: headerRow + (unitsRow ? 2 : 1),
    columns,
    unknownColumns: unknown.map((u) => ({ column: u.column, header: u.header })),
    findings,
  };
}
