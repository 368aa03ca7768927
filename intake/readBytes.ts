/** A township file's bytes → the readers' workbook model, or the file-level findings that reject it (entry-sheet §7.9). No Node: the CLI reads the bytes from disk, the offline page from the file the chair picked. */
import { findHeaderRow, makeFinding } from '../core';
import type { Finding, Grid, Schema, Text2 } from '../core/types';
import { readWorkbook } from '../readers';
import { READER_REASONS, type FileFailure } from './readerReasons';
import type { ReaderLimits, ReadFailure, WorkbookModel } from '../readers';

/** A township file as read: its workbook, or the findings that say why it has none. */
export interface ReadTownship {
  /** Base name of the file. */
  file: string;
  encoding: WorkbookModel['encoding'] | null;
  /** Every sheet as read (null when the file was rejected at reading). */
  workbook: WorkbookModel | null;
  /** The first visible worksheet with a header row (else the first visible one): the single-sheet view of older callers. */
  sheetName: string | null;
  grid: Grid | null;
  /** File-level findings (E_ENCODING, E_EMPTY_FILE, E_UNREADABLE, E_UNSUPPORTED_FORMAT, caps); empty when a workbook is set. */
  findings: Finding[];
}

/** The schema's reading caps in the readers' shape. */
export function readerLimits(schema: Schema): ReaderLimits {
  const { maxFileBytes, maxInflatedBytes, maxRows, maxCells } = schema.limits;
  return { maxFileBytes, maxInflatedBytes, maxRows, maxCells };
}

/** The extension of a file name, lower-case with its dot ('' when none). */
export function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot <= 0 ? '' : file.slice(dot).toLowerCase();
}

/**
 * Reads a township file's bytes by the extension of its name (.csv/.txt, .xlsx, .xls/.et; other
 * formats rejected). Never throws for bad content.
 */
export async function readTownshipBytes(
  bytes: Uint8Array,
  file: string,
  schema: Schema,
): Promise<ReadTownship> {
  const extension = extensionOf(file);
  const result = (parts: Partial<ReadTownship>): ReadTownship => ({
    file,
    encoding: null,
    workbook: null,
    sheetName: null,
    grid: null,
    findings: [],
    ...parts,
  });
  const limits = readerLimits(schema);
  if (bytes.length > limits.maxFileBytes)
    return result({
      findings: [
        failureFinding(schema, {
          code: 'E_FILE_TOO_LARGE',
          size: bytes.length,
          limit: limits.maxFileBytes,
        }),
      ],
    });
  const read = await readWorkbook(bytes, extension, limits);
  if (read === null)
    return result({
      findings: [
        makeFinding(schema, 'E_UNSUPPORTED_FORMAT', { value: extension === '' ? file : extension }),
      ],
    });
  if (!read.ok) return result({ findings: [failureFinding(schema, read.failure)] });
  const { workbook } = read;
  const encoding = workbook.encoding;
  const visible = workbook.sheets.filter((s) => s.visible);
  const shown = visible.length > 0 ? visible : workbook.sheets;
  // (One sheet, the usual case: no header search here; the intake searches it anyway.)
  const legacy =
    (shown.length > 1 ? shown.find((s) => findHeaderRow(s.grid, schema) !== null) : undefined) ??
    shown[0]!;
  if (workbook.sheets.every((s) => isBlankGrid(s.grid)))
    return result({
      encoding,
      sheetName: legacy.name,
      findings: [makeFinding(schema, 'E_EMPTY_FILE')],
    });
  return result({ encoding, workbook, sheetName: legacy.name, grid: legacy.grid });
}

/** The finding of a reader failure or a file-access failure (sizes shown in KB/MB). */
export function failureFinding(schema: Schema, failure: ReadFailure | FileFailure): Finding {
  switch (failure.code) {
    case 'E_ENCODING':
    case 'E_EMPTY_FILE':
      return makeFinding(schema, failure.code);
    case 'E_UNREADABLE':
      return unreadableFinding(schema, READER_REASONS[failure.reason]);
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

/** E_UNREADABLE with its reason in both languages (`reason_zh`/`reason_en`; `reason` holds the Chinese one). */
export function unreadableFinding(schema: Schema, text: Text2): Finding {
  return makeFinding(schema, 'E_UNREADABLE', {
    params: { reason: text.zh, reason_zh: text.zh, reason_en: text.en },
  });
}

/** 1536 → '1.5 KB', 20971520 → '20 MB'. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb * 10) / 10} KB`;
  return `${Math.round((kb / 1024) * 10) / 10} MB`;
}

/** No cell with visible content: an exported empty sheet (only delimiters, only blanks). */
function isBlankGrid(grid: Grid): boolean {
  return grid.every((row) =>
    row.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === '')),
  );
}
