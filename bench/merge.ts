/**
 * Merge benchmarks: makes large batches of township files fast (a few encoded templates, a fresh
 * metadata head per file) and times `county-rollup merge` on them as a child process, with its peak RSS.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { GeneratedRow, SheetCell } from '../test/fixtures/county';
import {
  COUNTY,
  SCHEMA,
  SUM_FIELDS,
  VILLAGE_CHARS_1,
  YEAR,
  delimitedText,
  deriveSeed,
  encodeXlsx,
  generateRows,
  sumField,
} from '../test/fixtures/county';

/** What makeBatch wrote. */
export interface Batch {
  dir: string;
  files: number;
  rows: number;
  bytes: number;
  seconds: number;
}

/** A township template: the sheet body (header, village rows, 合计) in every encoding used. */
interface Template {
  rows: number;
  utf8: Buffer;
  gbk: Buffer;
  utf16: Buffer;
  /** An .xlsx without 填报单位 (the township comes from the file name), reusable for any file. */
  xlsx: Buffer;
}

const TEMPLATES = 44;
const HEADERS = SCHEMA.columns.map((c) => c.header);
const WIDTH = HEADERS.length;

/** Body rows of a sheet: header, villages with 序号, and a 合计 row with the sums. */
function bodyGrid(rows: readonly GeneratedRow[], numbers: boolean): SheetCell[][] {
  const grid: SheetCell[][] = [HEADERS];
  rows.forEach((r, i) =>
    grid.push(
      SCHEMA.columns.map((c) => {
        if (c.id === 'seq') return numbers ? i + 1 : String(i + 1);
        const v = r.values[c.id];
        return v === undefined || v === '' ? null : numbers ? v : String(v);
      }),
    ),
  );
  grid.push(
    SCHEMA.columns.map((c) => {
      if (c.id === 'village') return '合计';
      if (!SUM_FIELDS.includes(c.id)) return null;
      return numbers ? sumField(rows, c.id) : String(sumField(rows, c.id));
    }),
  );
  return grid;
}

const title = `${COUNTY}乡镇妇联工作统计表（${YEAR}年度）`;
const pad = ','.repeat(WIDTH - 1);

/** Builds the templates: 10–20 villages each (15 on average), from fixed seeds. */
async function makeTemplates(seed: number): Promise<Template[]> {
  const out: Template[] = [];
  for (let k = 0; k < TEMPLATES; k += 1) {
    const rows = generateRows(deriveSeed(seed, 5000 + k), 10 + (k % 11));
    const text = delimitedText(bodyGrid(rows, false), ',');
    const tabs = delimitedText(bodyGrid(rows, false), '\t');
    const xlsx = await encodeXlsx([[title], [`年度：${YEAR}`], ...bodyGrid(rows, true)]);
    out.push({
      rows: rows.length,
      utf8: Buffer.from(text, 'utf8'),
      gbk: iconv.encode(text, 'gbk'),
      utf16: Buffer.from(tabs, 'utf16le'),
      xlsx,
    });
  }
  return out;
}

/** The i-th made-up township name (unique for i < 78³): three name characters and 镇 or 乡. */
export function townshipName(i: number): string {
  const n = VILLAGE_CHARS_1.length;
  const c = (k: number): string => VILLAGE_CHARS_1[k % n] ?? '';
  return (
    c(i) + c(Math.floor(i / n) + 7) + c(Math.floor(i / (n * n)) + 13) + (i % 3 === 0 ? '乡' : '镇')
  );
}

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM16 = Buffer.from([0xff, 0xfe]);

/**
 * Writes `files` township files into `dir`: mostly UTF-8-with-BOM CSV, 10 % GBK CSV, 5 % UTF-16
 * "Unicode text", 5 % XLSX named after the township. Each has its own township in 填报单位 (or name).
 */
export async function makeBatch(dir: string, files: number, seed = 20260101): Promise<Batch> {
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  const templates = await makeTemplates(seed);
  let rows = 0;
  let bytes = 0;
  for (let i = 0; i < files; i += 1) {
    const t = templates[i % TEMPLATES]!;
    const name = townshipName(i);
    const head = `${title}${pad}\r\n填报单位：${name}妇联   年度：${YEAR}${pad}\r\n`;
    let path: string;
    let data: Buffer;
    switch (i % 20) {
      case 0:
      case 1:
        path = join(dir, `${name}.csv`);
        data = Buffer.concat([iconv.encode(head, 'gbk'), t.gbk]);
        break;
      case 2:
        path = join(dir, `${name}.txt`);
        data = Buffer.concat([BOM16, Buffer.from(head.replace(/,/g, '\t'), 'utf16le'), t.utf16]);
        break;
      case 3:
        path = join(dir, `${name}.xlsx`);
        data = t.xlsx;
        break;
      default:
        path = join(dir, `${name}妇联工作统计表.csv`);
        data = Buffer.concat([BOM8, Buffer.from(head, 'utf8'), t.utf8]);
    }
    writeFileSync(path, data);
    rows += t.rows;
    bytes += data.length;
  }
  return { dir, files, rows, bytes, seconds: (performance.now() - t0) / 1000 };
}

/** A timed merge run. */
export interface MergeTiming {
  seconds: number;
  /** Peak resident set size in MiB (null when it could not be measured). */
  peakMiB: number | null;
  status: number | null;
  /** The last line the CLI wrote to stderr (its one-line summary). */
  lastLine: string;
  /** The last few stderr lines, to show why a run failed. */
  tail: string[];
}

/**
 * Runs `node <cli> <args>` and measures wall time and peak RSS: with GNU time when present,
 * else by polling VmHWM in /proc/<pid>/status. stderr goes to a file (a line per input file).
 */
export function timeRun(
  cli: string,
  args: readonly string[],
  logFile: string,
): Promise<MergeTiming> {
  const gnuTime = existsSync('/usr/bin/time');
  const cmd = gnuTime ? '/usr/bin/time' : process.execPath;
  const argv = gnuTime ? ['-v', process.execPath, cli, ...args] : [cli, ...args];
  const log = openSync(logFile, 'w');
  const t0 = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', log] });
  let polled = 0;
  const poll = gnuTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) polled = Math.max(polled, Number(m[1]));
        } catch {
          // The process has just exited; the last reading stands.
        }
      }, 50);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (poll) clearInterval(poll);
      closeSync(log);
      const text = readFileSync(logFile, 'utf8');
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
      const kb = gnuTime ? (rss ? Number(rss[1]) : null) : polled || null;
      // GNU time's report follows the CLI's own lines; its "Command exited with non-zero status N" line too.
      const cliLines = text.split('\n').filter(
        (l) =>
          l.trim() !== '' &&
          // GNU time's report and V8's native stack frames are not the CLI's own lines.
          !/^\s|^Command (exited|being timed|terminated)|^\d+: 0x|^-----|^<---/.test(l),
      );
      // A killed run (e.g. V8 out of memory aborts with signal 6) is 128 + signal, as a shell reports it.
      const signal = /Command terminated by signal (\d+)/.exec(text);
      const exit = /Exit status: (\d+)/.exec(text);
      const status = !gnuTime
        ? code
        : signal
          ? 128 + Number(signal[1])
          : exit
            ? Number(exit[1])
            : code;
      resolve({
        seconds,
        peakMiB: kb === null ? null : kb / 1024,
        status,
        lastLine: cliLines[cliLines.length - 1] ?? '',
        tail: cliLines.slice(-6),
      });
    });
  });
}
