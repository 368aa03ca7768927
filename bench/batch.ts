/**
 * Realistic benchmark batches: every township and village name unique, every file its own rows
 * (no template reused, so no cache can hit on repeated content), the encodings and layouts
 * townships send (UTF-8 with BOM, GBK from Excel, UTF-16 "Unicode text", .xlsx with SUM formulas,
 * Traditional headers and names, file-name-only townships, a 本级 row, loosely written numbers).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { columnLetters } from '../core/a1';
import type { GeneratedRow, SheetCell } from '../scripts/examples/county';
import {
  SCHEMA,
  SUM_FIELDS,
  YEAR,
  createRng,
  deriveSeed,
  delimitedText,
  generateRows,
  sumField,
  traditional,
} from '../scripts/examples/county';
import type { Rng } from '../scripts/examples/county';

/** What makeBatch wrote. */
export interface Batch {
  dir: string;
  files: number;
  rows: number;
  bytes: number;
  seconds: number;
  /** Files per format, for the bench's report line. */
  formats: Record<Format, number>;
}

/** The formats of a batch, in the shares real townships send (see FORMAT_SHARES). */
export type Format = 'csv-utf8-bom' | 'csv-gbk' | 'txt-utf16le' | 'xlsx' | 'csv-traditional';

/** Share of each format in a batch, in percent (sums to 100). */
const FORMAT_SHARES: readonly [Format, number][] = [
  ['csv-utf8-bom', 55],
  ['csv-gbk', 20],
  ['txt-utf16le', 8],
  ['xlsx', 10],
  ['csv-traditional', 7],
];

// Name characters: common, GBK-safe, and unchanged by Simplified → Traditional → Simplified.
const FIRST = [
  ...'桃柳杨枫松竹梅兰荷茶桑枣杏樟桂石岩峰坪塘溪湾洲田园庄寨桥湖泉金银铜东西南北中上下新高长大小双三五白黄青红永丰安和平兴福康宁太清花林柏李张刘陈罗',
];
const MIDDLE = [
  ...'山岭坪塘溪河湾洲坝冲田园庄寨桥湖泉林坡家口铺场堰井垅岗港台峪源丰安和平兴星光阳明华春富乐胜利联合盛隆文武德仁义礼智信忠孝廉洁芳香秀美丽英雄杰俊豪',
];

/** The i-th unique name stem of three characters (FIRST × MIDDLE × FIRST: about 390,000 stems). */
export function stem(i: number): string {
  const a = FIRST.length;
  const b = MIDDLE.length;
  return (
    (FIRST[i % a] ?? '') +
    (MIDDLE[Math.floor(i / a) % b] ?? '') +
    (FIRST[Math.floor(i / (a * b)) % a] ?? '')
  );
}

/** The i-th unique township name: a stem with 镇, 乡 or 街道 (unique for i < ~390,000). */
export function townshipName(i: number): string {
  return stem(i * 7 + 3) + (i % 7 === 0 ? '街道' : i % 3 === 0 ? '乡' : '镇');
}

/** The i-th unique village name over the whole batch: a four-character stem with 村 or 社区. */
function villageName(i: number, rng: Rng): string {
  const extra = MIDDLE[Math.floor(i / 390_000) % MIDDLE.length] ?? '';
  return stem(i) + extra + (rng.chance(0.12) ? '社区' : '村');
}

const FULL = '０１２３４５６７８９';
const UNITS: Record<string, string> = {
  trainingSessions: '期',
  trainingAttendance: '人次',
  outreachEvents: '场',
  householdsVisited: '户',
  disputesHandled: '件',
};

/** A number the way a chair writes it now and then: full-width digits, a unit, thousands separators. */
function loose(value: number, field: string, rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.35) return String(value).replace(/\d/g, (d) => FULL[Number(d)] ?? d);
  if (roll < 0.7 && UNITS[field] !== undefined) return `${value}${UNITS[field]}`;
  if (value >= 1000) return value.toLocaleString('en');
  return ` ${value} `;
}

const YES_WORDS = ['是', '有', '√', '是'];

/** One file's grid: title, metadata, header, villages, an optional 本级 row and a 合计 row. */
function fileGrid(
  township: string,
  firstVillage: number,
  count: number,
  rng: Rng,
  options: { metadata: boolean; numbers: boolean; traditional: boolean; level: boolean },
): { grid: SheetCell[][]; rows: number } {
  const rows = generateRows(deriveSeed(rng.int(1, 2 ** 30), firstVillage), count).map(
    (r, k): GeneratedRow => ({
      ...r,
      values: { ...r.values, village: villageName(firstVillage + k, rng) },
    }),
  );
  const columns = SCHEMA.columns;
  const conv = (text: string): string => (options.traditional ? traditional(text) : text);
  const grid: SheetCell[][] = [[conv(`某某县乡镇妇联工作统计表（${YEAR}年度）`)]];
  if (options.metadata)
    grid.push([conv(`填报单位：${township}妇联`), null, null, conv(`年度：${YEAR}`)]);
  grid.push([]);
  grid.push(columns.map((c) => conv(c.header)));
  const firstData = grid.length + 1;
  rows.forEach((r, i) =>
    grid.push(
      columns.map((c): SheetCell => {
        if (c.id === 'seq') return options.numbers ? i + 1 : String(i + 1);
        const v = r.values[c.id];
        if (v === undefined || v === '') return null;
        if (typeof v === 'number') {
          if (!options.numbers || rng.chance(0.08))
            return rng.chance(0.1) ? loose(v, c.id, rng) : String(v);
          return v;
        }
        if (c.type === 'yesno' && v === '是') return rng.pick(YES_WORDS);
        return options.traditional ? traditional(v) : v;
      }),
    ),
  );
  const summed = [...rows];
  if (options.level) {
    const level = generateRows(deriveSeed(firstVillage, 77), 1)[0]!;
    grid.push(
      columns.map((c): SheetCell => {
        if (c.id === 'village') return conv('镇本级');
        if (c.group !== 'activity') return null;
        const v = level.values[c.id];
        return typeof v === 'number' ? v : null;
      }),
    );
    summed.push({
      ...level,
      values: Object.fromEntries(
        columns.filter((c) => c.group === 'activity').map((c) => [c.id, level.values[c.id] ?? 0]),
      ),
    });
  }
  const lastData = grid.length;
  grid.push(
    columns.map((c, k): SheetCell => {
      if (c.id === 'village') return conv('合计');
      if (!SUM_FIELDS.includes(c.id)) return null;
      const result = sumField(summed, c.id);
      if (!options.numbers) return String(result);
      const col = columnLetters(k + 1);
      return { formula: `SUM(${col}${firstData}:${col}${lastData})`, result };
    }),
  );
  return { grid, rows: rows.length };
}

/** An .xlsx of the grid with numbers as numbers and the 合计 as SUM formulas with cached results. */
async function xlsxBytes(grid: readonly (readonly SheetCell[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SCHEMA.sheetName);
  grid.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell !== null) row.getCell(c + 1).value = cell;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM16 = Buffer.from([0xff, 0xfe]);

/** The format of the i-th file: the shares of FORMAT_SHARES, spread evenly over the batch. */
function formatOf(i: number): Format {
  let slot = (i * 37) % 100;
  for (const [format, share] of FORMAT_SHARES) {
    if (slot < share) return format;
    slot -= share;
  }
  return 'csv-utf8-bom';
}

/**
 * Writes `files` township files into `dir`, each with its own township, 8–22 villages with
 * names unique over the batch, and its own numbers; formats and layouts as FORMAT_SHARES says.
 */
export async function makeBatch(dir: string, files: number, seed = 20261202): Promise<Batch> {
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  const rng = createRng(seed);
  const formats = Object.fromEntries(FORMAT_SHARES.map(([f]) => [f, 0])) as Record<Format, number>;
  let villages = 0;
  let bytes = 0;
  for (let i = 0; i < files; i += 1) {
    const township = townshipName(i);
    const format = formatOf(i);
    formats[format] += 1;
    const count = rng.int(8, 22);
    const { grid, rows } = fileGrid(township, villages, count, rng, {
      // A file in four carries its township only in its name (metadata row absent).
      metadata: i % 4 !== 1,
      numbers: format === 'xlsx',
      traditional: format === 'csv-traditional',
      level: i % 9 === 0,
    });
    villages += rows;
    let name: string;
    let data: Buffer;
    switch (format) {
      case 'csv-gbk':
        name = `${township}${YEAR}年统计表.csv`;
        data = iconv.encode(delimitedText(grid, ','), 'gbk');
        break;
      case 'txt-utf16le':
        name = `${township}.txt`;
        data = Buffer.concat([BOM16, Buffer.from(delimitedText(grid, '\t'), 'utf16le')]);
        break;
      case 'xlsx':
        name = `${township}妇联工作统计表.xlsx`;
        data = await xlsxBytes(grid);
        break;
      case 'csv-traditional':
        name = `${traditional(township)}.csv`;
        data = Buffer.concat([BOM8, Buffer.from(delimitedText(grid, ','), 'utf8')]);
        break;
      default:
        name = `${township}妇联工作统计表.csv`;
        data = Buffer.concat([BOM8, Buffer.from(delimitedText(grid, ','), 'utf8')]);
    }
    writeFileSync(join(dir, name), data);
    bytes += data.length;
  }
  return { dir, files, rows: villages, bytes, seconds: (performance.now() - t0) / 1000, formats };
}
