/** The registry file a user picks in the pane: bytes → text → grid through the Node-free text reader (readers/), for the core's parseRegistry. */
import type { Cell } from '../../core/types';
// The text reader only: readers/index would pull exceljs and SheetJS into the add-in bundle.
import { decode } from '../../readers/decode';
import { detectDelimiter as detectCsvDelimiter, readCsv } from '../../readers/readCsv';

/**
 * Decodes a CSV/TXT as Excel writes it, exactly as the CLI does (BOM, UTF-16, strict UTF-8,
 * verified GB18030). Throws when the bytes are no text the readers accept (the pane says so).
 */
export function decodeText(bytes: Uint8Array): string {
  const decoded = decode(bytes);
  if (decoded.ok) return decoded.text;
  throw new Error(
    decoded.code === 'E_EMPTY_FILE'
      ? '文件是空的 (the file is empty)'
      : '编码无法识别，请在 Excel 中另存为“CSV UTF-8”后再选 (unknown encoding: save as CSV UTF-8)',
  );
}

/** The delimiter the readers detect: comma, tab or semicolon, whichever splits the rows most evenly. */
export function detectDelimiter(text: string): string {
  return detectCsvDelimiter(text);
}

/** Splits CSV text into rows of text cells with the readers' CSV reader (blank cells null, trailing blanks dropped). */
export function splitCsv(text: string): Cell[][] {
  return readCsv(text).map((row) => [...row]);
}
