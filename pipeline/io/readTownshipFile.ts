/** Reads one township file from disk into the readers' workbook model, or into the file-level findings that reject it (entry-sheet §7.9). File-system access only; the readers do the rest. */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Finding, Grid, Schema } from '../../core/types';
import type { WorkbookModel } from '../../readers';
import { failureFinding, readerLimits, readTownshipBytes } from '../../intake/readBytes';
import type { FileReason } from '../../intake/readerReasons';
import { displayName, type FilePath } from './filePath';

/** A township file as read: its identity, encoding and workbook, or the findings that say why it has none. */
export interface TownshipFile {
  /** Base name of the file (decoded for display when the name is not UTF-8). */
  file: string;
  /** SHA-256 of the bytes, hex ('' when the file could not be read at all). */
  sha256: string;
  encoding: WorkbookModel['encoding'] | null;
  /** Every sheet as read (null when the file was rejected at reading). */
  workbook: WorkbookModel | null;
  /** The first visible worksheet with a header row (else the first visible one): the single-sheet view of older callers. */
  sheetName: string | null;
  grid: Grid | null;
  /** File-level findings (E_ENCODING, E_EMPTY_FILE, E_UNREADABLE, E_UNSUPPORTED_FORMAT, caps); empty when a workbook is set. */
  findings: Finding[];
  /** The bytes read, with the workbook (null when the file was rejected at reading); the 标注版 is made from them. */
  bytes: Uint8Array | null;
}

/**
 * Reads a township file by extension (.csv/.txt, .xlsx, .xls/.et; other formats rejected). Only
 * reads, never blocks on a FIFO or device (opened non-blocking, refused unless a regular file), and
 * never reads past the size cap. Never throws for bad content.
 */
export async function readTownshipFile(path: FilePath, schema: Schema): Promise<TownshipFile> {
  const file = displayName(path);
  const result = (parts: Partial<TownshipFile>): TownshipFile => ({
    file,
    sha256: '',
    encoding: null,
    workbook: null,
    sheetName: null,
    grid: null,
    findings: [],
    bytes: null,
    ...parts,
  });
  const limits = readerLimits(schema);

  let bytes: Uint8Array;
  try {
    const read = readRegularFile(path, limits.maxFileBytes);
    if (read === 'not-file') return result({ findings: [unreadable(schema, read)] });
    if (typeof read === 'number')
      return result({
        findings: [
          failureFinding(schema, {
            code: 'E_FILE_TOO_LARGE',
            size: read,
            limit: limits.maxFileBytes,
          }),
        ],
      });
    bytes = read;
  } catch {
    return result({ findings: [unreadable(schema, 'io')] });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The rest is Node-free and shared with the offline check page (intake/readBytes).
  const read = await readTownshipBytes(bytes, file, schema);
  return { ...read, sha256, bytes: read.workbook === null ? null : bytes };
}

/**
 * The bytes of a regular file; 'not-file' for a FIFO, device, socket or folder (opened with
 * O_NONBLOCK so a FIFO without a writer does not hang); its size when over `maxBytes` (not read).
 * Throws when the file cannot be opened.
 */
function readRegularFile(path: FilePath, maxBytes: number): Uint8Array | 'not-file' | number {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return 'not-file';
    if (info.size > maxBytes) return info.size;
    // One synchronous read: fs/promises' readFile is open + fstat + read(s) + close, each a trip
    // through the thread pool, which cost seconds over 40,000 small files; these files are small.
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** E_UNREADABLE of the file access: the reason is a code, its words are intake's (readerReasons.json). */
function unreadable(schema: Schema, reason: FileReason): Finding {
  return failureFinding(schema, { code: 'E_UNREADABLE', reason });
}
