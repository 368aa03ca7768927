/** Reads one township file from disk into the readers' workbook model, or into the file-level findings that reject it (entry-sheet §7.9). File-system access only; the readers do the rest. */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { findHeaderRow, makeFinding } from '../../core';
import type { Finding, Grid, Schema } from '../../core/types';
import { readWorkbook } from '../../readers';
import type { ReaderLimits, ReadFailure, UnreadableReason, WorkbookModel } from '../../readers';
import { unreadableReason, type FileReason } from '../messages';
import type { Encoding } from '../summaryTypes';
import { displayName, type FilePath } from './filePath';

/** A township file as read: its identity, encoding and workbook, or the findings that say why it has none. */
export interface TownshipFile {
  /** Base name of the file (decoded for display when the name is not UTF-8). */
  file: string;
  /** SHA-256 of the bytes, hex ('' when the file could not be read at all). */
  sha256: string;
  encoding: Encoding | null;
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

/** The schema's reading caps in the readers' shape. */
export function readerLimits(schema: Schema): ReaderLimits {
  const { maxFileBytes, maxInflatedBytes, maxRows, maxCells } = schema.limits;
  return { maxFileBytes, maxInflatedBytes, maxRows, maxCells };
}

/**
 * Reads a township file by extension (.csv/.txt, .xlsx, .xls/.et; other formats rejected). Only
 * reads, never blocks on a FIFO or device (opened non-blocking, refused unless a regular file), and
 * never reads past the size cap. Never throws for bad content.
 */
export async function readTownshipFile(path: FilePath, schema: Schema): Promise<TownshipFile> {
  const file = displayName(path);
  const extension = extname(file).toLowerCase();
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
    if (read === 'not-file') return result({ findings: [unreadable(schema, 'not-file')] });
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

  const read = await readWorkbook(bytes, extension, limits);
  if (read === null)
    return result({
      sha256,
      findings: [
        makeFinding(schema, 'E_UNSUPPORTED_FORMAT', { value: extension === '' ? file : extension }),
      ],
    });
  if (!read.ok) return result({ sha256, findings: [failureFinding(schema, read.failure)] });
  const { workbook } = read;
  const encoding: Encoding = workbook.encoding;
  const visible = workbook.sheets.filter((s) => s.visible);
  const shown = visible.length > 0 ? visible : workbook.sheets;
  // (One sheet, the usual case: no header search here; the intake searches it anyway.)
  const legacy =
    (shown.length > 1 ? shown.find((s) => findHeaderRow(s.grid, schema) !== null) : undefined) ??
    shown[0]!;
  if (workbook.sheets.every((s) => isBlankGrid(s.grid)))
    return result({
      sha256,
      encoding,
      sheetName: legacy.name,
      findings: [makeFinding(schema, 'E_EMPTY_FILE')],
    });
  return result({
    sha256,
    bytes,
    encoding,
    workbook,
    sheetName: legacy.name,
    grid: legacy.grid,
  });
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

/** The finding of a reader failure (sizes shown in KB/MB). */
export function failureFinding(schema: Schema, failure: ReadFailure): Finding {
  switch (failure.code) {
    case 'E_ENCODING':
    case 'E_EMPTY_FILE':
      return makeFinding(schema, failure.code);
    case 'E_UNREADABLE':
      return unreadable(schema, failure.reason);
    case 'E_FILE_TOO_LARGE':
      return makeFinding(schema, failure.code, {
        params: { size: formatBytes(failure.size), limit: formatBytes(failure.limit) },
      });
    case 'E_INFLATED_TOO_LARGE':
      return makeFinding(schema, failure.code, { params: { limit: formatBytes(failure.limit) } });
    case 'E_TOO_MANY_ROWS':
      return makeFinding(schema, failure.code, {
        value: failure.sheet,
        params: {
          rows: failure.rows,
          limit: failure.limit,
          value_zh: failure.sheet === null ? '表格' : `工作表「${failure.sheet}」`,
          value_en: failure.sheet === null ? 'The sheet ' : `Worksheet “${failure.sheet}” `,
        },
      });
    case 'E_TOO_MANY_CELLS':
      return makeFinding(schema, failure.code, {
        value: failure.sheet,
        params: {
          cells: failure.cells,
          limit: failure.limit,
          value_zh: failure.sheet === null ? '表格' : `工作表「${failure.sheet}」`,
          value_en: failure.sheet === null ? 'The sheet ' : `Worksheet “${failure.sheet}” `,
        },
      });
    case 'E_XLS_UNREADABLE':
      return makeFinding(schema, failure.code, {
        value: failure.format,
        params: { format: failure.format },
      });
  }
}

/** 1536 → '1.5 KB', 20971520 → '20 MB'. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb * 10) / 10} KB`;
  return `${Math.round((kb / 1024) * 10) / 10} MB`;
}

/** E_UNREADABLE with its reason in both languages (`reason_zh`/`reason_en`; `reason` holds the Chinese one). */
function unreadable(schema: Schema, reason: UnreadableReason | FileReason): Finding {
  const text = unreadableReason(reason);
  return makeFinding(schema, 'E_UNREADABLE', {
    params: { reason: text.zh, reason_zh: text.zh, reason_en: text.en },
  });
}

/** No cell with visible content: an exported empty sheet (only delimiters, only blanks). */
function isBlankGrid(grid: Grid): boolean {
  return grid.every((row) =>
    row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === '')),
  );
}
