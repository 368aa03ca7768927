/** Decides what a data-area row is (entry-sheet §1, §7.1): village, 本级, 合计, blank, or a row without a village name. */
import { isSpaceCode, normalizeHeader } from '../normalize/normalizeText';
import { typedString } from '../normalize/stringAccess';
import type { CompiledSchema } from '../schema/compileSchema';
import type { Cell, RowKind } from '../types';
import { isBlankCell } from '../normalize/parseCell';

/** The kind of a row, 'blank' (skipped), 'villageBlank' (content without a village name) or 'subtotal' (小计); `column` is where a 本级/合计/小计 word was found (1-based), else null. */
export interface RowClass {
  readonly kind: RowKind | 'blank' | 'villageBlank' | 'subtotal';
  readonly column: number | null;
}

// Shared results for the common kinds: classification runs on every row. Read-only by type, not
// frozen: a frozen object has a map of its own, and the reader of every row would then meet two
// shapes (these and the fresh 合计 results) and be recompiled when the first 合计 row comes.
const BLANK_ROW: RowClass = { kind: 'blank', column: null };
const VILLAGE_BLANK_ROW: RowClass = { kind: 'villageBlank', column: null };
const VILLAGE_ROW: RowClass = { kind: 'village', column: null };

/** Quick pre-test on the last visible character, so most village names skip normalization here. */
function mayBeSpecial(text: string, cs: CompiledSchema): boolean {
  const cell = typedString(text);
  let i = cell.length - 1;
  while (i >= 0 && isSpaceCode(cell.charCodeAt(i))) i--;
  if (i < 0) return false;
  const code = cell.charCodeAt(i);
  let ok = cs.specialTail.get(code);
  if (ok === undefined) {
    const tail = normalizeHeader(String.fromCharCode(code));
    ok =
      tail === ':' ||
      [...cs.levelWords, ...cs.totalWords, ...cs.subtotalWords].some(
        (w) => tail !== '' && w.endsWith(tail),
      );
    cs.specialTail.set(code, ok);
  }
  return ok;
}

/** The special-row kind a cell's text names, or null. 本级 and 小计 also as a suffix (黎岭镇本级, 东片小计). */
function specialKind(
  cell: Cell | undefined,
  cs: CompiledSchema,
): 'level' | 'total' | 'subtotal' | null {
  if (typeof cell !== 'string' || !mayBeSpecial(cell, cs)) return null;
  let t = normalizeHeader(cell);
  if (t.endsWith(':')) t = t.slice(0, -1);
  if (cs.totalWords.has(t)) return 'total';
  for (const w of cs.subtotalWords) if (t.endsWith(w)) return 'subtotal';
  for (const w of cs.levelWords) if (t.endsWith(w)) return 'level';
  return null;
}

/** True when every cell is blank (the village cell first: it is nearly always filled). */
function isBlankRow(row: readonly Cell[], villageIndex: number): boolean {
  if (villageIndex >= 0 && !isBlankCell(row[villageIndex])) return false;
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/** Classifies a row from its village cell and 序号 cell (0-based column indexes, -1 when the column is absent). */
export function classifyRow(
  row: readonly Cell[],
  villageIndex: number,
  seqIndex: number,
  cs: CompiledSchema,
): RowClass {
  if (isBlankRow(row, villageIndex)) return BLANK_ROW;
  const inVillage = villageIndex >= 0 ? specialKind(row[villageIndex], cs) : null;
  if (inVillage) return { kind: inVillage, column: villageIndex + 1 };
  const inSeq = seqIndex >= 0 ? specialKind(row[seqIndex], cs) : null;
  if (inSeq) return { kind: inSeq, column: seqIndex + 1 };
  if (villageIndex < 0 || isBlankCell(row[villageIndex])) {
    // A label in a (merged) column left of the village column: 东片小计, 合计 over A:C.
    for (let c = 0; c < villageIndex; c++) {
      if (c === seqIndex) continue;
      const k = specialKind(row[c], cs);
      if (k) return { kind: k, column: c + 1 };
    }
    return VILLAGE_BLANK_ROW;
  }
  return VILLAGE_ROW;
}

// A number as a text cell holds it (CSV grids are all text): 12, -3, 1,200, 0.5, １２ after folding is not needed (footers hold words).
const NUMBER_TEXT = /^\s*[+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\s*$/;

/** True when every non-blank cell of the row is text that is not a number (a note or signature line, not data). */
export function isTextOnlyRow(row: readonly Cell[]): boolean {
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    if (typeof cell !== 'string' || NUMBER_TEXT.test(cell)) return false;
  }
  return true;
}

/** True for a footer row (注：…, 填表说明：…, 审核人：张三 填表人：李四): text only, and the first non-blank cell starts with a footer word. */
export function isFooterRow(row: readonly Cell[], cs: CompiledSchema): boolean {
  if (!isTextOnlyRow(row)) return false;
  const first = row.find((cell) => !isBlankCell(cell));
  if (typeof first !== 'string') return false;
  const t = normalizeHeader(first);
  return cs.footerWords.some((w) => t.startsWith(w));
}
