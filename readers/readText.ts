/** Bytes → workbook model for CSV/TXT files: decode (BOM, UTF-8, GB18030, UTF-16), then the CSV grid, within the caps. */
import { decode } from './decode';
import { readCsvCapped } from './readCsv';
import type { ReaderLimits, ReadResult } from './types';

/** Reads a CSV/TXT file as a one-sheet workbook (no name, no SheetInfo beyond `typed: false`). Never throws. */
export function readTextWorkbook(bytes: Uint8Array, limits: ReaderLimits): ReadResult {
  if (bytes.length > limits.maxFileBytes)
    return {
      ok: false,
      failure: { code: 'E_FILE_TOO_LARGE', size: bytes.length, limit: limits.maxFileBytes },
    };
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, failure: { code: decoded.code } };
  const { grid, rows } = readCsvCapped(decoded.text, limits.maxRows);
  if (rows !== null)
    return {
      ok: false,
      failure: { code: 'E_TOO_MANY_ROWS', sheet: null, rows, limit: limits.maxRows },
    };
  const cells = grid.reduce((n, row) => n + row.length, 0);
  if (cells > limits.maxCells)
    return {
      ok: false,
      failure: { code: 'E_TOO_MANY_CELLS', sheet: null, cells, limit: limits.maxCells },
    };
  return {
    ok: true,
    workbook: {
      format: 'text',
      encoding: decoded.encoding,
      sheets: [{ name: null, grid, info: { typed: false }, visible: true }],
      active: 0,
    },
  };
}
