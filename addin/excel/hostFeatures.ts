/**
 * What the running Excel can do, decided once at start. A requirement set alone is not enough: a
 * self-hosted office.js (the npm @microsoft/office-js) has no notes API while the host still
 * reports ExcelApi 1.18, so every optional API is also looked for on the loaded office.js itself.
 */

/** The optional APIs the adapters use, each behind its own switch. */
export interface HostFeatures {
  /** Notes (ExcelApi 1.18) — `context.workbook.notes`. */
  notes: boolean;
  /** Modern comments (ExcelApi 1.10) — `context.workbook.comments`. */
  comments: boolean;
  /** `triggerSource` on change events (ExcelApi 1.14). */
  triggerSource: boolean;
  /** Worksheet custom properties (ExcelApi 1.12): where a sheet keeps our stable key. */
  sheetKeys: boolean;
  /** `Range.getMergedAreasOrNullObject` (ExcelApi 1.13). */
  merges: boolean;
  /** `Excel.run({ mergeUndoGroup: true })` (ExcelApi 1.20): a pass is one undo step. */
  undoGroup: boolean;
}

/** A host with nothing optional (ExcelApi 1.9 only). */
export const BASE_FEATURES: HostFeatures = {
  notes: false,
  comments: false,
  triggerSource: false,
  sheetKeys: false,
  merges: false,
  undoGroup: false,
};

/** The prototypes we look on for an API's presence (Excel.Workbook, Excel.Worksheet, Excel.Range). */
export interface OfficeJsShape {
  Workbook?: { prototype: object };
  Worksheet?: { prototype: object };
  Range?: { prototype: object };
}

/** A class office.js does not export at all tells nothing (trust the set); a class without the member does. */
function has(cls: { prototype: object } | undefined, member: string): boolean {
  return cls === undefined || member in cls.prototype;
}

/**
 * Each feature needs its requirement set AND its member on office.js's classes (where office.js is
 * there to look at; `shape` null trusts the requirement set, as in tests of the adapters).
 */
export function detectFeatures(
  supports: (version: string) => boolean,
  shape: OfficeJsShape | null,
): HostFeatures {
  const present = (cls: keyof OfficeJsShape, member: string): boolean =>
    shape === null || has(shape[cls], member);
  return {
    notes: supports('1.18') && present('Workbook', 'notes'),
    comments: supports('1.10') && present('Workbook', 'comments'),
    triggerSource: supports('1.14'),
    sheetKeys: supports('1.12') && present('Worksheet', 'customProperties'),
    merges: supports('1.13') && present('Range', 'getMergedAreasOrNullObject'),
    // mergeUndoGroup is an Excel.run option, invisible on the classes: the set alone decides.
    undoGroup: supports('1.20'),
  };
}
