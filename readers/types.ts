/** What the readers produce: bytes → a workbook model (sheets with grid and SheetInfo), or why the bytes cannot be read. No Node, no DOM beyond TextDecoder. */
import type { Grid, SheetInfo } from '../core/types';
import type { TextEncoding } from './decode';

/** One sheet as read: its grid (row 1 first) and what the file says about it beyond values. */
export interface ReadSheet {
  /** Worksheet name; null for CSV/TXT. */
  name: string | null;
  grid: Grid;
  info: SheetInfo;
  /** False for a worksheet the user hid (its tab is not shown). */
  visible: boolean;
}

/** The file formats the readers tell apart. */
export type ReadFormat = 'text' | 'xlsx' | 'xls';

/** A workbook: every sheet in file order and the index of the one shown when the file is opened. */
export interface WorkbookModel {
  format: ReadFormat;
  /** The text encoding of a CSV/TXT file; 'xlsx' or 'xls' for workbooks. */
  encoding: TextEncoding | 'xlsx' | 'xls';
  sheets: ReadSheet[];
  /** Index into `sheets` of the active (selected) sheet; 0 when the file does not say. */
  active: number;
}

/** Why an .xlsx cannot be read; intake/readerReasons.json words it in Chinese and English. */
export type UnreadableReason = 'too-large' | 'not-zip' | 'not-xlsx' | 'corrupt' | 'no-worksheet';

/** Why the bytes give no workbook: the finding code and its parameters (the caller makes the finding). */
export type ReadFailure =
  | { code: 'E_ENCODING' | 'E_EMPTY_FILE' }
  | { code: 'E_UNREADABLE'; reason: UnreadableReason }
  /** The file itself is over `limits.maxFileBytes`. */
  | { code: 'E_FILE_TOO_LARGE'; size: number; limit: number }
  /** Unzipping would exceed `limits.maxInflatedBytes` (counted while inflating, whatever the zip's directory claims). */
  | { code: 'E_INFLATED_TOO_LARGE'; limit: number }
  /** A sheet holds content beyond row `limits.maxRows`. */
  | { code: 'E_TOO_MANY_ROWS'; sheet: string | null; rows: number; limit: number }
  /** The grids would hold more than `limits.maxCells` cells (rows × the width each row reaches). */
  | { code: 'E_TOO_MANY_CELLS'; sheet: string | null; cells: number; limit: number }
  /** An .xls/.et the BIFF parser cannot read (or a format it is not): save it as .xlsx. */
  | { code: 'E_XLS_UNREADABLE'; format: string };

/** What a reader returns. */
export type ReadResult =
  { ok: true; workbook: WorkbookModel } | { ok: false; failure: ReadFailure };

/** The resource caps of reading (schema `limits`): every reader stops at them with a finding instead of exhausting memory. */
export interface ReaderLimits {
  /** Bytes of a township file (any format). */
  maxFileBytes: number;
  /** Bytes inflated from an .xlsx zip, all entries together. */
  maxInflatedBytes: number;
  /** Last spreadsheet row holding content, per sheet. */
  maxRows: number;
  /** Cells of all grids together (each row counted up to its last content cell). */
  maxCells: number;
}
