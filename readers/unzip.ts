/**
 * The entries of a plain zip (stored or deflated, no zip64, no encryption, ASCII names): what
 * township workbooks are. Inflated with fflate in small slices, counting the output, so a zip bomb
 * stops at the cap. Anything else gives null and readXlsx unzips with JSZip as before.
 *
 * Why not JSZip here: its loadAsync schedules every entry through a chain of asynchronous workers,
 * ~2 ms of CPU for a 30 KB workbook, more than the inflating itself.
 */
import { Inflate, inflateSync } from 'fflate';

/** The most deflate expands (RFC 1951 length codes: 258 bytes from a ~2-bit code), with a margin. */
const MAX_RATIO = 1032;

/** Compressed bytes pushed at once when the output could pass the cap: one push stays a few MB past it. */
const SLICE = 4096;

/** One central-directory entry. */
interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The central directory's entries, or null when it is one this reader does not take on. */
function entries(bytes: Uint8Array, view: DataView, eocd: number): Entry[] | null {
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const list: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const raw = bytes.subarray(offset + 46, offset + 46 + nameLength);
    // Non-ASCII names: JSZip's own name decoding (CP437 unless flagged UTF-8) decides.
    if (raw.some((b) => b > 0x7e || b < 0x20)) return null;
    const entry: Entry = {
      name: String.fromCharCode(...raw),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    const sizes = [entry.compressedSize, entry.size, entry.localOffset];
    if (sizes.includes(0xffffffff) || (entry.flags & 1) !== 0) return null; // zip64, encrypted
    if (entry.method !== 0 && entry.method !== 8) return null;
    list.push(entry);
    offset +=
      46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return new Set(list.map((e) => e.name)).size === list.length ? list : null;
}

/** Inflates one entry's data, adding to `total`; 'too-large' past `limit`. Throws on bad data. */
function inflateEntry(
  data: Uint8Array,
  method: number,
  size: number,
  state: { total: number },
  limit: number,
): Uint8Array | 'too-large' {
  if (method === 0) {
    state.total += data.length;
    return state.total > limit ? 'too-large' : data;
  }
  // Most parts cannot reach the cap even at deflate's largest ratio: inflated in one call.
  if (data.length * MAX_RATIO + 1024 <= limit - state.total) {
    // Into a buffer of the declared size and one byte more (no regrowing): a result that fills it
    // means the declaration was short, and the part is inflated again without one.
    let out =
      size + 1 <= limit - state.total ? inflateSync(data, { out: new Uint8Array(size + 1) }) : null;
    if (out === null || out.length > size) out = inflateSync(data);
    state.total += out.length;
    return state.total > limit ? 'too-large' : out;
  }
  const chunks: Uint8Array[] = [];
  let over = false;
  const inflate = new Inflate((chunk) => {
    state.total += chunk.length;
    if (state.total > limit) over = true;
    else chunks.push(chunk);
  });
  for (let at = 0; at < data.length && !over; at += SLICE)
    inflate.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  if (over) return 'too-large';
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
  return concat(chunks);
}

/** The chunks as one array (the chunk itself when there is one). */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Every file entry of the zip (directories left out) by name, 'too-large' when the inflated bytes
 * pass `limit`, or null when the zip is not one this reader takes on (JSZip then reads it).
 * Throws on data that does not inflate (the caller calls the file corrupt).
 */
export function unzipPlain(
  bytes: Uint8Array,
  eocd: number,
  limit: number,
): Map<string, Uint8Array> | 'too-large' | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const list = entries(bytes, view, eocd);
  if (list === null) return null;
  const parts = new Map<string, Uint8Array>();
  const state = { total: 0 };
  for (const e of list) {
    if (e.name.endsWith('/')) continue;
    const at = e.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + e.compressedSize > bytes.length) return null;
    const data = inflateEntry(
      bytes.subarray(start, start + e.compressedSize),
      e.method,
      e.size,
      state,
      limit,
    );
    if (data === 'too-large') return data;
    parts.set(e.name, data);
  }
  return parts;
}
