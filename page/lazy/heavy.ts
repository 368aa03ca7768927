/**
 * exceljs and SheetJS, the bulk of the page, as a third bundle kept as inert text in the page
 * (#heavy-code) and evaluated on first use: a CSV is checked without them. The engine bundle reaches
 * them through the stand-ins in this folder (scripts/build-page.mjs aliases the package names).
 */
import type * as SheetJS from '@e965/xlsx';
import type * as ExcelJSModule from 'exceljs';

export interface Heavy {
  ExcelJS: typeof ExcelJSModule;
  XLSX: typeof SheetJS;
}

/** The libraries, evaluated from the page's inert text on the first call. */
export function heavy(): Heavy {
  const slot = globalThis as unknown as { CountyRollupHeavy?: Heavy };
  if (slot.CountyRollupHeavy === undefined) {
    const script = document.createElement('script');
    script.textContent = document.getElementById('heavy-code')?.textContent ?? '';
    document.head.appendChild(script);
    if (slot.CountyRollupHeavy === undefined) throw new Error('exceljs/SheetJS bundle missing');
  }
  return slot.CountyRollupHeavy;
}
