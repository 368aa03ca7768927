/**
 * The faces of a TrueType/OpenType font or collection (.ttf, .otf, .ttc), as much of each as the
 * chart renderer's font matching reads: the family names and which characters have a glyph.
 * Bytes in, no file system; null for anything that is not an sfnt this reader knows.
 */

/** One face: its index in the collection, its family names and a character test. */
export interface SfntFace {
  index: number;
  /** Family names as fontdb (resvg's font database) records them: name ID 16 when the face has it, else ID 1. */
  families: string[];
  /** True when the face's Unicode cmap maps `codePoint` to a glyph; false also when the cmap is of a format not read here. */
  maps: (codePoint: number) => boolean;
}

const TAG_TTCF = 0x74746366; // 'ttcf'
const NAME_FAMILY = 1;
const NAME_TYPOGRAPHIC_FAMILY = 16;

/** The faces in `data` in collection order, or null when `data` is not a font file read here. */
export function readSfntFaces(data: Uint8Array): SfntFace[] | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  try {
    const offsets =
      view.getUint32(0) === TAG_TTCF
        ? Array.from({ length: view.getUint32(8) }, (_, i) => view.getUint32(12 + 4 * i))
        : [0];
    return offsets.map((offset, index) => readFace(view, offset, index));
  } catch (error) {
    // A truncated or foreign file reads past its end: not a font this reader knows.
    if (error instanceof RangeError || error instanceof NotSfnt) return null;
    throw error;
  }
}

class NotSfnt extends Error {}

function readFace(view: DataView, offset: number, index: number): SfntFace {
  const version = view.getUint32(offset);
  // 0x00010000 TrueType outlines, 'OTTO' CFF outlines, 'true' old Apple TrueType.
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565)
    throw new NotSfnt();
  const tables = new Map<string, number>();
  const count = view.getUint16(offset + 4);
  for (let i = 0; i < count; i += 1) {
    const record = offset + 12 + 16 * i;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    tables.set(tag, view.getUint32(record + 8));
  }
  const name = tables.get('name');
  const cmap = tables.get('cmap');
  return {
    index,
    families: name === undefined ? [] : readFamilies(view, name),
    maps: cmap === undefined ? () => false : readCmap(view, cmap),
  };
}

/** Family names from the name table: typographic family (16) when present, else family (1), as fontdb does. */
function readFamilies(view: DataView, table: number): string[] {
  const count = view.getUint16(table + 2);
  const strings = table + view.getUint16(table + 4);
  const byId = new Map<number, string[]>();
  for (let i = 0; i < count; i += 1) {
    const record = table + 6 + 12 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const nameId = view.getUint16(record + 6);
    if (nameId !== NAME_FAMILY && nameId !== NAME_TYPOGRAPHIC_FAMILY) continue;
    const length = view.getUint16(record + 8);
    const start = strings + view.getUint16(record + 10);
    let text: string | null = null;
    // Unicode and Windows Unicode records are UTF-16BE; Mac Roman records are read as Latin-1 (their ASCII part is what matters).
    if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10)))
      text = utf16be(view, start, length);
    else if (platform === 1 && encoding === 0)
      text = String.fromCharCode(...Array.from({ length }, (_, k) => view.getUint8(start + k)));
    if (text === null || text === '') continue;
    const list = byId.get(nameId) ?? [];
    if (!list.includes(text)) list.push(text);
    byId.set(nameId, list);
  }
  return byId.get(NAME_TYPOGRAPHIC_FAMILY) ?? byId.get(NAME_FAMILY) ?? [];
}

function utf16be(view: DataView, start: number, length: number): string {
  let text = '';
  for (let k = 0; k + 1 < length; k += 2) text += String.fromCharCode(view.getUint16(start + k));
  return text;
}

/**
 * A test over the Unicode cmap subtables (platform 0, or Windows with encoding 1 or 10), formats 4
 * and 12. A Unicode subtable of another format makes the test answer false for every character:
 * the caller then treats the face as not covering its text, which is the safe answer.
 */
function readCmap(view: DataView, table: number): (codePoint: number) => boolean {
  const tests: ((codePoint: number) => boolean)[] = [];
  const count = view.getUint16(table + 2);
  for (let i = 0; i < count; i += 1) {
    const record = table + 4 + 8 * i;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const sub = table + view.getUint32(record + 4);
    const format = view.getUint16(sub);
    if (format === 4) tests.push(format4(view, sub));
    else if (format === 12) tests.push(format12(view, sub));
    // Format 14 holds variation sequences only, not characters.
    else if (format !== 14) return () => false;
  }
  return (codePoint) => tests.some((test) => test(codePoint));
}

function format4(view: DataView, sub: number): (codePoint: number) => boolean {
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (c) => {
    if (c > 0xffff || segments === 0) return false;
    // Segments are sorted by end code: the first whose end is ≥ c is the only one that can hold it.
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (view.getUint16(ends + 2 * mid) < c) lo = mid + 1;
      else hi = mid;
    }
    const start = view.getUint16(starts + 2 * lo);
    if (view.getUint16(ends + 2 * lo) < c || start > c) return false;
    const delta = view.getUint16(deltas + 2 * lo);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * lo);
    if (rangeOffset === 0) return ((c + delta) & 0xffff) !== 0;
    const glyph = view.getUint16(rangeOffsets + 2 * lo + rangeOffset + 2 * (c - start));
    return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
  };
}

function format12(view: DataView, sub: number): (codePoint: number) => boolean {
  const groups = view.getUint32(sub + 12);
  return (c) => {
    // Groups are sorted by start code: binary search for the last group starting at or before c.
    let lo = 0;
    let hi = groups;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (view.getUint32(sub + 16 + 12 * mid) <= c) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return false;
    const group = sub + 16 + 12 * (lo - 1);
    const start = view.getUint32(group);
    return c <= view.getUint32(group + 4) && view.getUint32(group + 8) + (c - start) !== 0;
  };
}
