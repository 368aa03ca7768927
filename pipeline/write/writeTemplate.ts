/** Writes the entry-sheet template as .xlsx bytes: the exceljs writer lives in workbook/templateWorkbook.ts (Node-free, shared with the offline check page). */
import type { TemplateLayout } from '../../core/template/templateLayout';
import { templateWorkbook } from '../../workbook/templateWorkbook';

/** Renders the layout to .xlsx bytes (a Node Buffer for the CLI's file writer). */
export async function writeTemplate(layout: TemplateLayout): Promise<Buffer> {
  const bytes = await templateWorkbook(layout);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
