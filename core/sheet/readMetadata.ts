/** Reads the metadata block above the header (entry-sheet §1, §7.6): 填报单位, 年度, 填报人, 联系电话, 填报日期, and the title. */
import { normalizeHeader, normalizeText } from '../normalize/normalizeText';
import type { CompiledSchema } from '../schema/compileSchema';
import type { Cell, Grid, MetadataKey, SheetMetadata } from '../types';
import { cellText } from './cellText';

/** Where a metadata value was found (1-based). */
export interface CellPosition {
  row: number;
  column: number;
}

/** The metadata and the positions of the cells holding each value. */
export interface MetadataResult {
  metadata: SheetMetadata;
  positions: Partial<Record<MetadataKey['id'], CellPosition>>;
  /** The first year written with 年 in a cell that is no metadata key or value (the title: （2024年度）), and where. */
  titleYear: ({ year: number } & CellPosition) | null;
}

type KeyId = MetadataKey['id'];

// A year written digit by digit in Chinese (二〇二五年, 二零二五): a common way to write a year; 〇 and 零 are both 0.
const YEAR_DIGITS = '〇一二三四五六七八九零';
const CHINESE_YEAR = /^[〇零一二三四五六七八九]{4}(?=年|$)/u;

/** The year of a 年度 value: 2025, "2025", "2025年", "2025年度", full-width digits, 二〇二五年; else null. */
export function parseYear(value: Cell | undefined): number | null {
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1900 && value <= 2200 ? value : null;
  if (typeof value !== 'string') return null;
  const t = normalizeText(value).replace(CHINESE_YEAR, (year) =>
    [...year].map((ch) => String(YEAR_DIGITS.indexOf(ch) % 10)).join(''),
  );
  const m = /^(\d{4})(?:年度?)?$/.exec(t) ?? /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(t);
  return m?.[1] === undefined ? null : Number(m[1]);
}

const CHINESE_YEARS = /[〇零一二三四五六七八九]{4}(?=年)/gu;
const YEAR_WITH_NIAN = /(?:^|\D)((?:19|20)\d{2})年/;
const YEAR_ALONE = /(?:^|\D)((?:19|20)\d{2})(?!\d)/;

/** The year a free text names with 年 (…（2024年度）, 2024年, 二〇二四年度), else null; `alone` also takes a bare 19xx/20xx not inside a longer number (a file name: 清水镇2024统计表). */
export function yearInText(text: string, alone = false): number | null {
  const t = normalizeText(text).replace(CHINESE_YEARS, (year) =>
    [...year].map((ch) => String(YEAR_DIGITS.indexOf(ch) % 10)).join(''),
  );
  const m = YEAR_WITH_NIAN.exec(t) ?? (alone ? YEAR_ALONE.exec(t) : null);
  return m?.[1] === undefined ? null : Number(m[1]);
}

// A blank template's county: XX县, ××县, xx县, ____县, ＿＿县, 某某县 (after normalization, so full-width forms fold).
const PLACEHOLDER_COUNTY = /^(?:[xX×✕╳＿_]+|某+)$/;

/** The county named in a title: the text up to and including the first 县/区/市/旗 ("示例县乡镇妇联…" → "示例县"); null when none or a placeholder (XX县). */
export function countyFromTitle(title: string | null): string | null {
  if (title === null) return null;
  const t = normalizeText(title);
  const i = t.search(/[县区市旗]/);
  if (i < 1) return null;
  return PLACEHOLDER_COUNTY.test(t.slice(0, i)) ? null : t.slice(0, i + 1);
}

/** The metadata key a normalized cell text equals exactly, or null. */
function keyEqual(t: string, cs: CompiledSchema): MetadataKey | null {
  for (const k of cs.metadataKeys) if (k.text === t) return k.key;
  return null;
}

/** The key starting at `at` and followed by ':' (longest first), or null. */
function keyAt(
  t: string,
  at: number,
  cs: CompiledSchema,
): { key: MetadataKey; end: number } | null {
  for (const k of cs.metadataKeys)
    if (t.startsWith(k.text, at) && t.charCodeAt(at + k.text.length) === 58)
      return { key: k.key, end: at + k.text.length + 1 };
  return null;
}

/** Splits "key:value key:value" (whitespace already removed): a value ends where the next known key with ':' begins. */
function splitPairs(t: string, cs: CompiledSchema): { key: MetadataKey; value: string }[] {
  const marks: { key: MetadataKey; start: number; end: number }[] = [];
  for (let i = 0; i < t.length; i++) {
    const hit = keyAt(t, i, cs);
    if (hit) {
      marks.push({ key: hit.key, start: i, end: hit.end });
      i = hit.end - 1;
    }
  }
  return marks.map((m, j) => ({
    key: m.key,
    value: t.slice(m.end, marks[j + 1]?.start ?? t.length),
  }));
}

/** The next non-empty cell right of 0-based column c in `row`, or null. */
function nextFilled(row: readonly Cell[], c: number): { cell: Cell; column: number } | null {
  for (let k = c + 1; k < row.length; k++) {
    const cell = row[k];
    if (cell !== undefined && cellText(cell).trim() !== '') return { cell, column: k };
  }
  return null;
}

/** Reads metadata from the rows before 0-based row `end`. The first occurrence of a key wins. */
export function readMetadata(grid: Grid, end: number, cs: CompiledSchema): MetadataResult {
  const values: Partial<Record<KeyId, Cell>> = {};
  const positions: Partial<Record<KeyId, CellPosition>> = {};
  let title: string | null = null;
  let titleYear: MetadataResult['titleYear'] = null;
  let seenContent = false;
  const put = (id: KeyId, value: Cell, row: number, column: number): void => {
    if (values[id] !== undefined) return;
    values[id] = value;
    positions[id] = { row: row + 1, column: column + 1 };
  };
  for (let r = 0; r < Math.min(end, grid.length); r++) {
    const row = grid[r] ?? [];
    let rowHasKey = false;
    let firstText: string | null = null;
    const consumed = new Set<number>();
    for (let c = 0; c < row.length; c++) {
      if (consumed.has(c)) continue;
      const raw = cellText(row[c]);
      const t = normalizeHeader(raw);
      if (t === '') continue;
      firstText ??= raw.trim();
      const alone = keyEqual(t.endsWith(':') ? t.slice(0, -1) : t, cs);
      const pairs = alone ? [] : keyAt(t, 0, cs) ? splitPairs(normalizeText(raw), cs) : [];
      if (!alone && pairs.length === 0) {
        if (titleYear === null && raw.includes('年')) {
          const year = yearInText(raw);
          if (year !== null) titleYear = { year, row: r + 1, column: c + 1 };
        }
        continue;
      }
      rowHasKey = true;
      // A key alone (or "key:" with nothing after it) takes the next non-empty cell to its right.
      const single = alone ?? (pairs.length === 1 && pairs[0]?.value === '' ? pairs[0].key : null);
      if (single) {
        const next = nextFilled(row, c);
        if (next) {
          consumed.add(next.column);
          put(
            single.id,
            typeof next.cell === 'string' ? normalizeText(next.cell) : next.cell,
            r,
            next.column,
          );
        }
        continue;
      }
      for (const p of pairs) if (p.value !== '') put(p.key.id, p.value, r, c);
    }
    if (!seenContent && firstText !== null) {
      seenContent = true;
      if (!rowHasKey) title = firstText;
    }
  }
  const text = (id: KeyId): string | null => {
    const v = values[id];
    return v === undefined || v === null ? null : normalizeText(cellText(v)) || null;
  };
  return {
    metadata: {
      township: text('township'),
      year: parseYear(values.year),
      reporter: text('reporter'),
      phone: text('phone'),
      date: text('date'),
      title,
    },
    positions,
    titleYear,
  };
}
