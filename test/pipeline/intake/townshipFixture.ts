/** Test fixtures: township entry sheets built in code (grid, CSV text, XLSX bytes), with hand-chosen values. */
import ExcelJS from 'exceljs';
import schemaJson from '../../../core/schema/entry-sheet.json';

/** One village row by column id (missing ids: sensible defaults). */
export type RowValues = Record<string, string | number | null>;

/** The sheet to build. */
export interface SheetSpec {
  township: string;
  year?: number | null;
  county?: string;
  reporter?: string;
  phone?: string;
  villages: RowValues[];
  /** Activity values of the 本级 row, when it has one. */
  level?: RowValues;
}

const columns = (
  schemaJson as { columns: { id: string; header: string; type: string; group: string }[] }
).columns;

/** A plain village: female part-time chair aged 40, in the committee, both homes, pay 3000, no activity. */
export function village(name: string, values: RowValues = {}): RowValues {
  return {
    village: name,
    cadreName: `${name}主席`,
    cadreGender: '女',
    cadreAge: 40,
    cadreEducation: '大专',
    cadreTenure: '兼职',
    inCommittee: '是',
    cadreAnnualPay: 3000,
    womensHome: '是',
    childrensHome: '是',
    ...values,
  };
}

/** The grid of a sheet: title row, metadata row, blank row, header row, village rows, optional 本级 row. */
export function sheetGrid(spec: SheetSpec): (string | number | null)[][] {
  const year = spec.year === undefined ? 2025 : spec.year;
  const grid: (string | number | null)[][] = [];
  grid.push([`${spec.county ?? '示例县'}乡镇妇联工作统计表（${year ?? ''}年度）`]);
  grid.push([
    `填报单位：${spec.township}`,
    year === null ? null : `年度：${year}`,
    `填报人：${spec.reporter ?? '王芳'}`,
    `联系电话：${spec.phone ?? '13800000000'}`,
  ]);
  grid.push([]);
  grid.push(columns.map((c) => c.header));
  spec.villages.forEach((v, i) =>
    grid.push(
      columns.map((c) =>
        c.id === 'seq' ? i + 1 : (v[c.id] ?? (c.group === 'activity' ? 0 : null)),
      ),
    ),
  );
  if (spec.level) {
    const level = spec.level;
    grid.push(
      columns.map((c) =>
        c.id === 'village' ? '镇本级' : c.group === 'activity' ? (level[c.id] ?? 0) : null,
      ),
    );
  }
  return grid;
}

/** The sheet as CSV text (comma, quoted where needed). */
export function sheetCsv(spec: SheetSpec): string {
  const field = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  };
  return `${sheetGrid(spec)
    .map((row) => row.map(field).join(','))
    .join('\r\n')}\r\n`;
}

/** The sheet as XLSX bytes. */
export async function sheetXlsx(spec: SheetSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('统计表');
  for (const row of sheetGrid(spec)) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
