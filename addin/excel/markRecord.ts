/**
 * The workbook's mark record as the adapters read and write it: every custom XML part of our
 * namespace (there can be two: `getOnlyItemOrNullObject` gives a null object then, and two
 * co-authors' first passes each add one), and our own stable key of each worksheet (a worksheet
 * custom property, ExcelApi 1.12), because a worksheet's id changes between sessions.
 * Queueing helpers only: the callers own the syncs.
 */
import type { HostFeatures } from './hostFeatures';
import {
  MARKS_NAMESPACE,
  mergeRecords,
  readMarkRecord,
  type MarkRecord,
  type SheetIdentity,
} from './markStore';

/** The worksheet custom property holding our key of the sheet (keys are case-insensitive). */
export const SHEET_KEY_PROPERTY = 'CountyRollupSheetKey';

/** Stage 1: the parts of our namespace (their ids). */
export function queueParts(context: Excel.RequestContext): Excel.CustomXmlPartScopedCollection {
  const parts = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load('items/id');
  return parts;
}

/** The parts after stage 1, each with its XML queued (stage 2). */
export interface StagedParts {
  parts: Excel.CustomXmlPart[];
  xml: OfficeExtension.ClientResult<string>[];
}

/** Stage 2 (after a sync): queue each part's XML. */
export function queuePartXml(parts: Excel.CustomXmlPartScopedCollection): StagedParts {
  const items = parts.items;
  return { parts: items, xml: items.map((p) => p.getXml()) };
}

/** After stage 2's sync: one record from all parts (null when there is none). */
export function readStagedRecord(staged: StagedParts): MarkRecord | null {
  return mergeRecords(staged.xml.map((x) => readMarkRecord(x.value)));
}

/**
 * Queues the record's new text: the first part gets it, any other part is deleted (merged into
 * it); `xml` null deletes them all; no part yet adds one.
 */
export function queueRecordWrite(
  context: Excel.RequestContext,
  staged: StagedParts,
  xml: string | null,
): void {
  const [first, ...rest] = staged.parts;
  for (const p of rest) p.delete();
  if (xml === null) first?.delete();
  else if (first) first.setXml(xml);
  else context.workbook.customXmlParts.add(xml);
}

/** True when writing `xml` would change nothing (one part holding exactly this text). */
export function recordUnchanged(staged: StagedParts, xml: string | null): boolean {
  if (xml === null) return staged.parts.length === 0;
  return staged.parts.length === 1 && staged.xml[0]!.value === xml;
}

/** Stage 2: each sheet's key property (only with ExcelApi 1.12 and its API present). */
export function queueSheetKeys(
  sheets: readonly Excel.Worksheet[],
  features: Pick<HostFeatures, 'sheetKeys'>,
): Map<Excel.Worksheet, Excel.WorksheetCustomProperty> {
  const out = new Map<Excel.Worksheet, Excel.WorksheetCustomProperty>();
  if (!features.sheetKeys) return out;
  for (const sheet of sheets) {
    const prop = sheet.customProperties.getItemOrNullObject(SHEET_KEY_PROPERTY);
    prop.load('value');
    out.set(sheet, prop);
  }
  return out;
}

/**
 * After the sync: each sheet's name and key. A key held by two sheets (a copied sheet carries its
 * custom properties along) identifies neither: both are matched by name, and the sheet being
 * marked gets a fresh key.
 */
export function sheetIdentities(
  sheets: readonly Excel.Worksheet[],
  keys: ReadonlyMap<Excel.Worksheet, Excel.WorksheetCustomProperty>,
): Map<Excel.Worksheet, SheetIdentity> {
  const raw = new Map<Excel.Worksheet, string | null>();
  const count = new Map<string, number>();
  for (const sheet of sheets) {
    const prop = keys.get(sheet);
    const key = prop && !prop.isNullObject && prop.value ? String(prop.value) : null;
    raw.set(sheet, key);
    if (key) count.set(key, (count.get(key) ?? 0) + 1);
  }
  const out = new Map<Excel.Worksheet, SheetIdentity>();
  for (const sheet of sheets) {
    const key = raw.get(sheet) ?? null;
    out.set(sheet, { name: sheet.name, key: key && count.get(key) === 1 ? key : null });
  }
  return out;
}

/** A new random key for a sheet. */
export function newSheetKey(): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return `cr-${random}`;
}
