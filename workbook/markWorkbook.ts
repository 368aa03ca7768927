// stand-in until h6: the lead replaces this file with h6's workbook/markWorkbook.ts (same interface, wave2.md).
/** A 标注版: an .xlsx copy with each finding's cell filled and commented, and a first sheet 问题清单 (stand-in: fills are the add-in's MARK_FILLS). */
import ExcelJS from 'exceljs';
import type { Grid, RenderedFinding, Schema } from '../core/types';

/** The file a 标注版 is made from, as the readers read it. */
export interface MarkSource {
  bytes: Uint8Array;
  fileName: string;
  format: 'xlsx' | 'xls' | 'csv' | 'txt';
  sheetName: string | null;
  grid: Grid;
}

const FILLS = {
  error: { argb: 'FFFFC7CE', pattern: 'solid' },
  warning: { argb: 'FFFFEB9C', pattern: 'lightUp' },
} as const;

/** Stand-in: marks the findings' cells of the sheet read (an .xlsx keeps its content; others are rebuilt from the grid). */
export async function markWorkbook(
  source: MarkSource,
  findings: readonly RenderedFinding[],
  options: { schema: Schema; lang: 'zh' | 'en' },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  if (source.format === 'xlsx') {
    // exceljs types want a Node Buffer; it only reads the bytes.
    await wb.xlsx.load(source.bytes as unknown as ArrayBuffer);
    ws =
      (source.sheetName === null ? undefined : wb.getWorksheet(source.sheetName)) ??
      wb.worksheets[0]!;
  } else {
    ws = wb.addWorksheet(source.sheetName ?? 'Sheet1');
    source.grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  const list = wb.addWorksheet(options.lang === 'zh' ? '问题清单' : 'Findings');
  list.addRow(options.lang === 'zh' ? ['单元格', '问题'] : ['Cell', 'Finding']);
  for (const f of findings) {
    const text = options.lang === 'zh' ? f.message_zh : f.message_en;
    list.addRow([f.cell ?? '', text]);
    if (f.cell === null) continue;
    const cell = ws.getCell(f.cell);
    const fill = FILLS[f.severity];
    cell.fill = { type: 'pattern', pattern: fill.pattern, fgColor: { argb: fill.argb } };
    cell.note = text;
  }
  const base = source.fileName.replace(/\.[^.]*$/u, '');
  return {
    bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    fileName: `${base}${options.lang === 'zh' ? '-标注版' : '-marked'}.xlsx`,
  };
}
