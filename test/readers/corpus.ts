/**
 * Corpus generator for the readers and the intake: real files written in the test the way township
 * offices make them — exceljs workbooks with merged group headers, hidden rows (one hidden by an
 * autofilter), several sheets, 小计 blocks, numbers stored as text under a cached SUM of 0; .xls
 * converted from them by LibreOffice; GBK CSV; and small hostile files (styled range to XFD, a zip
 * whose directory lies about sizes). Nothing is committed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sheetGrid, village, type SheetSpec } from '../pipeline/intake/townshipFixture';

/** A cell as exceljs takes it. */
export type CorpusCell = ExcelJS.CellValue;

/** One worksheet to write. */
export interface CorpusSheet {
  name: string;
  rows: CorpusCell[][];
  state?: 'visible' | 'hidden';
  /** 1-based rows to hide (the user's "隐藏行"). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Merged ranges as A1 ranges ("A1:D1"). */
  merges?: string[];
  /** An autofilter range; with `filterHides`, the rows it hides (an active filter on column B). */
  autoFilter?: string;
  filterHides?: number[];
}

/** Writes a workbook; `active` is the index of the sheet shown on opening. */
export async function corpusXlsx(sheets: CorpusSheet[], active = 0): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name, { state: s.state ?? 'visible' });
    s.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of [...(s.hiddenRows ?? []), ...(s.filterHides ?? [])]) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
    if (s.autoFilter !== undefined) ws.autoFilter = s.autoFilter;
  }
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 10000,
      firstSheet: 0,
      activeTab: active,
      visibility: 'visible',
    },
  ];
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const filtered = sheets.flatMap((s, i) => (s.filterHides?.length ? [i] : []));
  if (filtered.length === 0) return bytes;
  // exceljs writes the autofilter range but not an active filter: add the filterColumn Excel writes.
  const zip = await JSZip.loadAsync(bytes);
  for (const i of filtered) {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = await zip.file(path)!.async('string');
    zip.file(
      path,
      xml.replace(
        /<autoFilter ref="([^"]+)"\/>/u,
        '<autoFilter ref="$1"><filterColumn colId="1"><filters><filter val="x"/></filters></filterColumn></autoFilter>',
      ),
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** An entry sheet's rows (title, metadata, blank, header, villages, 本级) from the intake fixture. */
export function entryRows(spec: SheetSpec): CorpusCell[][] {
  return sheetGrid(spec);
}

/** Three villages of a township with training numbers (so totals are checkable). */
export function threeVillages(township: string, year: number | null): SheetSpec {
  return {
    township,
    year,
    villages: [
      village('东山村', { trainingSessions: 2, trainingAttendance: 80 }),
      village('西河村', { trainingSessions: 1, trainingAttendance: 30 }),
      village('南岭村', { trainingSessions: 3, trainingAttendance: 90 }),
    ],
  };
}

/** Whether LibreOffice is installed (the .xls fixtures need it). */
export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Converts .xlsx bytes to .xls (BIFF8) with LibreOffice, in a private temp dir and profile (parallel runs do not clash). */
export function toXls(xlsx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-xls-'));
  try {
    writeFileSync(join(dir, 'in.xlsx'), xlsx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'xls',
        '--outdir',
        dir,
        join(dir, 'in.xlsx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return readFileSync(join(dir, 'in.xls'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A small xlsx whose styling reaches column XFD on `rows` rows (every cell written as a styled
 * empty `<c s="0"/>`), merged and validated over the whole sheet, with content in A1:B2 only.
 */
export async function styledToXfd(rows: number): Promise<Uint8Array> {
  const base = await corpusXlsx([
    {
      name: 'S',
      rows: [
        ['序号', '村名'],
        [1, '东山村'],
      ],
    },
  ]);
  const zip = await JSZip.loadAsync(base);
  // Cells without `r` take the next column (as Excel allows): the styling compresses to almost nothing.
  const empty = (): string => '<c s="0"/>'.repeat(16384 - 2);
  const body = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>村名</t></is></c>${empty()}</row>`,
    `<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>东山村</t></is></c>${empty()}</row>`,
    ...Array.from({ length: rows - 2 }, (_, i) => `<row r="${i + 3}">${empty()}</row>`),
    '<row r="1048576" s="0" customFormat="1"/>',
  ].join('');
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9" style="0"/></cols>' +
    `<sheetData>${body}</sheetData>` +
    '<mergeCells count="1"><mergeCell ref="C3:XFD1048576"/></mergeCells>' +
    '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>' +
    '</worksheet>';
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

/**
 * An xlsx whose worksheet inflates to `inflated` bytes while the zip's directory (and local header)
 * claim 1 KB: the reader must count what comes out, not trust the directory.
 */
export async function lyingZip(inflated: number): Promise<Uint8Array> {
  const base = await corpusXlsx([{ name: 'S', rows: [['序号', '村名']] }]);
  const zip = await JSZip.loadAsync(base);
  const pad = ' '.repeat(inflated);
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pad}<sheetData/></worksheet>`,
  );
  const bytes = Uint8Array.from(
    await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
  );
  const view = new DataView(bytes.buffer);
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  const named = (at: number, nameAt: number): boolean =>
    name.every((b, i) => bytes[at + nameAt + i] === b);
  for (let i = 0; i + 46 < bytes.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && named(i, 30)) view.setUint32(i + 22, 1024, true);
    if (signature === 0x02014b50 && named(i, 46)) view.setUint32(i + 24, 1024, true);
  }
  return bytes;
}
