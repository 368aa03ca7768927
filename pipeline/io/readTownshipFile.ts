/** Reads one township file into a grid, or into the file-level findings that reject it (entry-sheet §7.9). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { findHeaderRow, makeFinding } from '../../core';
import type { Finding, Grid, Schema } from '../../core/types';
import { unreadableReason } from '../messages';
import type { Encoding } from '../summaryTypes';
import { decode } from './decode';
import { readCsv } from './readCsv';
import { readXlsx } from './readXlsx';
import type { UnreadableReason } from './readXlsx';

/** A township file as read: its identity, encoding and grid, or the findings that say why it has no grid. */
export interface TownshipFile {
  /** Base name of the file. */
  file: string;
  /** SHA-256 of the bytes, hex ('' when the file could not be read at all). */
  sha256: string;
  encoding: Encoding | null;
  /** Worksheet name for .xlsx, else null. */
  sheetName: string | null;
  grid: Grid | null;
  /** File-level findings (E_ENCODING, E_EMPTY_FILE, E_UNREADABLE, E_UNSUPPORTED_FORMAT); empty when grid is set. */
  findings: Finding[];
}

const TEXT_EXTENSIONS = ['.csv', '.txt'];

/** Reads a township file by extension: .csv/.txt decoded and parsed, .xlsx through exceljs, other formats rejected. Only reads. Never throws for bad content. */
export async function readTownshipFile(path: string, schema: Schema): Promise<TownshipFile> {
  const file = basename(path);
  const extension = extname(file).toLowerCase();
  const result = (parts: Partial<TownshipFile>): TownshipFile => ({
    file,
    sha256: '',
    encoding: null,
    sheetName: null,
    grid: null,
    findings: [],
    ...parts,
  });

  let bytes: Uint8Array;
  try {
    // One synchronous read: fs/promises' readFile is open + fstat + read(s) + close, each a trip
    // through the thread pool, which cost seconds over 40,000 small files; these files are small.
    bytes = readFileSync(path);
  } catch {
    return result({ findings: [unreadable(schema, 'io')] });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  if (TEXT_EXTENSIONS.includes(extension)) {
    const decoded = decode(bytes);
    if (!decoded.ok) return result({ sha256, findings: [makeFinding(schema, decoded.code)] });
    const grid = readCsv(decoded.text);
    if (isBlankGrid(grid))
      return result({
        sha256,
        encoding: decoded.encoding,
        findings: [makeFinding(schema, 'E_EMPTY_FILE')],
      });
    return result({ sha256, encoding: decoded.encoding, grid });
  }

  if (extension === '.xlsx') {
    const read = await readXlsx(bytes, {
      hasHeader: (grid) => findHeaderRow(grid, schema) !== null,
    });
    if (!read.ok) return result({ sha256, findings: [unreadable(schema, read.reason)] });
    if (isBlankGrid(read.grid))
      return result({
        sha256,
        encoding: 'xlsx',
        sheetName: read.sheetName,
        findings: [makeFinding(schema, 'E_EMPTY_FILE')],
      });
    return result({ sha256, encoding: 'xlsx', sheetName: read.sheetName, grid: read.grid });
  }

  return result({
    sha256,
    findings: [
      makeFinding(schema, 'E_UNSUPPORTED_FORMAT', { value: extension === '' ? file : extension }),
    ],
  });
}

/** E_UNREADABLE with its reason in both languages (`reason_zh`/`reason_en`; `reason` holds the Chinese one). */
function unreadable(schema: Schema, reason: UnreadableReason | 'io'): Finding {
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
