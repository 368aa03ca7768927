/** The readers: bytes of a township (or registry) file → workbook model. No Node: run in the CLI, the add-in and a browser page alike. */
import { readTextWorkbook } from './readText';
import { isCompoundFile, readXlsWorkbook } from './readXls';
import { readXlsxWorkbook } from './readXlsx';
import type { ReaderLimits, ReadResult } from './types';

export type * from './types';
export type { TextEncoding } from './decode';
export { decode } from './decode';
export { readCsv, detectDelimiter, compactRow } from './readCsv';
export { readTextWorkbook } from './readText';
export { readXlsxWorkbook, listZipEntries } from './readXlsx';
export { readXlsWorkbook, isCompoundFile } from './readXls';

/** Extensions read as CSV/TXT text. */
export const TEXT_EXTENSIONS = ['.csv', '.txt'] as const;
/** Extensions read as workbooks: .xlsx (exceljs), .xls and WPS .et (BIFF8 through SheetJS). */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xls', '.et'] as const;

/** Whether the readers take a file with this (lower-case, dotted) extension. */
export function isReadableExtension(extension: string): boolean {
  return (
    (TEXT_EXTENSIONS as readonly string[]).includes(extension) ||
    (WORKBOOK_EXTENSIONS as readonly string[]).includes(extension)
  );
}

/**
 * Reads a file's bytes by its extension: .csv/.txt as text, .xlsx through exceljs, .xls/.et through
 * SheetJS — except that an .xls/.et holding a zip (an .xlsx renamed, or a newer WPS file) is read
 * as .xlsx. Null for an extension the readers do not take (the caller rejects the format).
 */
export async function readWorkbook(
  bytes: Uint8Array,
  extension: string,
  limits: ReaderLimits,
): Promise<ReadResult | null> {
  const ext = extension.toLowerCase();
  if ((TEXT_EXTENSIONS as readonly string[]).includes(ext)) return readTextWorkbook(bytes, limits);
  if (ext === '.xlsx') return readXlsxWorkbook(bytes, limits);
  if (ext === '.xls' || ext === '.et') {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    if (zip) return readXlsxWorkbook(bytes, limits);
    if (isCompoundFile(bytes) || bytes.length > limits.maxFileBytes)
      return readXlsWorkbook(bytes, limits, ext);
    return { ok: false, failure: { code: 'E_XLS_UNREADABLE', format: ext } };
  }
  return null;
}
