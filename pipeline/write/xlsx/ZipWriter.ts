/** A minimal streaming ZIP writer (deflate, UTF-8 names, no ZIP64) for the workbook: entries are compressed chunk by chunk, so a 600,000-row sheet never sits in memory twice. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const deflateRaw = promisify<zlib.InputType, zlib.ZlibOptions, Buffer>(zlib.deflateRaw);
/** Chunks being compressed at once on libuv's thread pool, while this thread builds the next ones (uses the second core). */
const IN_FLIGHT = 4;

/** CRC-32 (IEEE), table-driven; used when zlib.crc32 (Node ≥ 20.15) is not there. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues a CRC-32 over `data`. */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v: number) => number }).crc32;
  if (native) return native(data, previous);
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface EntryRecord {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

// Every chunk is deflated on its own and ends with a sync flush (byte-aligned, not final), so the
// chunks concatenate into one valid deflate stream; an empty final block closes it.
const CHUNK_OPTIONS: zlib.ZlibOptions = { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const FINAL_BLOCK = zlib.deflateRawSync(Buffer.alloc(0), { level: 1 });

/** Writes a ZIP file entry by entry; call `close()` once at the end. */
export class ZipWriter {
  private readonly fd: number;
  private position = 0;
  private readonly entries: EntryRecord[] = [];

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  private write(data: Uint8Array, at?: number): void {
    writeSync(this.fd, data, 0, data.length, at ?? this.position);
    if (at === undefined) this.position += data.length;
  }

  /** Adds an entry whose content is the concatenation of `chunks` (strings are UTF-8). */
  async addEntry(name: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.position;
    this.write(localHeader(nameBytes, 0, 0, 0));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const pending: Promise<Buffer>[] = [];
    const writeOldest = async (): Promise<void> => {
      const deflated = await pending.shift()!;
      compressed += deflated.length;
      this.write(deflated);
    };
    for (const chunk of chunks) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (data.length === 0) continue;
      crc = crc32(data, crc);
      size += data.length;
      pending.push(deflateRaw(data, CHUNK_OPTIONS));
      if (pending.length >= IN_FLIGHT) await writeOldest();
    }
    while (pending.length > 0) await writeOldest();
    this.write(FINAL_BLOCK);
    compressed += FINAL_BLOCK.length;
    if (size >= 0xffffffff || this.position >= 0xffffffff)
      throw new Error('ZipWriter: entry too large (no ZIP64)');
    this.write(localHeader(nameBytes, crc, compressed, size), offset);
    this.entries.push({ name: nameBytes, offset, crc, compressed, size });
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    try {
      const start = this.position;
      for (const e of this.entries) this.write(centralHeader(e));
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.entries.length, 8);
      end.writeUInt16LE(this.entries.length, 10);
      end.writeUInt32LE(this.position - start, 12);
      end.writeUInt32LE(start, 16);
      this.write(end);
    } finally {
      closeSync(this.fd);
    }
  }
}

// Fixed DOS time 1980-01-01 00:00: the file's bytes do not depend on when it was written.
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const FLAGS_UTF8 = 0x0800;

function localHeader(name: Buffer, crc: number, compressed: number, size: number): Buffer {
  const h = Buffer.alloc(30 + name.length);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(FLAGS_UTF8, 6);
  h.writeUInt16LE(8, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  name.copy(h, 30);
  return h;
}

function centralHeader(e: EntryRecord): Buffer {
  const h = Buffer.alloc(46 + e.name.length);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(FLAGS_UTF8, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt16LE(0, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.compressed, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(e.offset, 42);
  e.name.copy(h, 46);
  return h;
}
