/**
 * Privacy end to end: the example county plants chair names, 填报人 and phone numbers; after a full
 * merge (charts and documents included) they may appear only in villages.csv and the 村级明细 sheet.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { generateCounty, personalData } from '../../../scripts/examples/county';
import { exampleMergeArgv } from '../../../scripts/examples/exampleMerge.cjs';
import { sheetCsv, sheetXlsx, village } from '../intake/townshipFixture';
import { bundleCli, type CliBundle, type CliRun, runCli } from './cliProcess';

/** Where personal data may appear (entry-sheet §8): the village roster only (and a township's own 标注版 in returns/). */
const ALLOWED = new Set(['villages.csv', 'county-summary.xlsx#村级明细']);

/** Every text an output holds, by location: a file, a sheet of the workbook, or a part of the docx. */
async function readTexts(out: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
    );
  for (const path of walk(out)) {
    const rel = relative(out, path).split('\\').join('/');
    const ext = extname(path).toLowerCase();
    if (ext === '.xlsx') {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      wb.eachSheet((ws) => {
        const cells: string[] = [];
        ws.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text)));
        texts.set(`${rel}#${ws.name}`, cells.join('\n'));
      });
      // Shared strings and document properties too: a value hidden there is still in the file.
      const zip = await JSZip.loadAsync(readFileSync(path));
      for (const name of Object.keys(zip.files).filter(
        (n) => !n.startsWith('xl/worksheets/') && n !== 'xl/sharedStrings.xml',
      ))
        texts.set(`${rel}!${name}`, await zip.files[name]!.async('string'));
    } else if (ext === '.docx') {
      const zip = await JSZip.loadAsync(readFileSync(path));
      for (const name of Object.keys(zip.files))
        texts.set(`${rel}!${name}`, await zip.files[name]!.async('string'));
    } else {
      // Text outputs as UTF-8; PNGs too, to catch text chunks (their pixels cannot be searched).
      texts.set(rel, readFileSync(path).toString('utf8'));
    }
  }
  return texts;
}

describe('personal data stays in the village roster', () => {
  const county = generateCounty();
  const planted = personalData(county);
  let bundle: CliBundle;
  let outRoot: string;
  let run: CliRun;
  let texts: Map<string, string>;

  beforeAll(async () => {
    bundle = await bundleCli();
    outRoot = mkdtempSync(join(tmpdir(), 'privacy-'));
    run = runCli(bundle.cli, exampleMergeArgv(join(outRoot, 'out')));
    texts = await readTexts(join(outRoot, 'out'));
  }, 300_000);

  afterAll(() => {
    bundle?.dispose();
    if (outRoot) rmSync(outRoot, { recursive: true, force: true });
  });

  test('the full run completes (exit 1: one township rejected) and writes every output', () => {
    expect(run.status).toBe(1);
    const files = [...texts.keys()].map((k) => k.split(/[#!]/)[0]);
    for (const f of [
      'summary.json',
      'county-summary.xlsx',
      'townships.csv',
      'villages.csv',
      'findings.csv',
      'report.html',
      'summary-draft.docx',
    ])
      expect([f, files.includes(f)]).toEqual([f, true]);
    expect(files.some((f) => f?.startsWith('charts/') && f.endsWith('.svg'))).toBe(true);
  });

  test('the roster holds the chair names (so the search below can find them)', () => {
    const roster = texts.get('villages.csv') ?? '';
    const sheet = texts.get('county-summary.xlsx#村级明细') ?? '';
    // The rejected township's rows are not merged; every accepted village's chair is listed.
    const rejected = new Set(
      county.townships
        .filter((t) => t.planted.some((p) => p.code.startsWith('E_')))
        .flatMap((t) => t.villages.map((v) => String(v.values.cadreName))),
    );
    const expectedNames = planted.names.filter((n) => !rejected.has(n));
    expect(expectedNames.filter((n) => !roster.includes(n))).toEqual([]);
    expect(expectedNames.filter((n) => !sheet.includes(n))).toEqual([]);
  });

  /** A returned file's 标注版 goes back to the township that wrote it: its own values may be there, nobody else's. */
  const ownCopy = (where: string, value: string): boolean =>
    county.townships.some(
      (t) =>
        where.startsWith(`returns/${t.file.fileName.replace(/\.[a-z]+$/u, '')}-标注版.xlsx`) &&
        personalData({ ...county, townships: [t] })
          .names.concat(t.file.reporter, t.file.phone)
          .includes(value),
    );

  test("returns/ holds the rejected township's marked copy (its own values in it, so the search below covers it)", () => {
    const copy = [...texts.keys()].filter((k) =>
      k.startsWith('returns/马鞍乡2025年统计表-标注版.xlsx#'),
    );
    expect(copy.length).toBeGreaterThan(0);
    const maan = county.townships.find((t) => t.township === '马鞍乡')!;
    const text = copy.map((k) => texts.get(k)).join('\n');
    for (const v of maan.villages) expect(text).toContain(String(v.values.cadreName));
    expect([...texts.keys()]).toEqual(
      expect.arrayContaining(['returns/退回说明-马鞍乡.txt', 'returns/退回清单.csv']),
    );
  });

  test.each([
    ['chair names', 'names'],
    ['reporters (填报人)', 'reporters'],
    ['phone numbers', 'phones'],
  ] as const)('%s appear nowhere else', (_label, kind) => {
    const leaks: string[] = [];
    for (const value of planted[kind])
      for (const [where, text] of texts)
        if (!ALLOWED.has(where) && !ownCopy(where, value) && text.includes(value))
          leaks.push(`${value} in ${where}`);
    for (const value of planted[kind]) {
      if (run.stdout.includes(value)) leaks.push(`${value} on stdout`);
      if (run.stderr.includes(value)) leaks.push(`${value} on stderr`);
    }
    expect(leaks).toEqual([]);
  });
});

// Issue 13.8: a shifted row puts a chair's name (or a phone number) into another cadre column; the
// finding about that cell keeps its address and reason but never shows the value outside the roster.
describe('a name typed into the wrong cadre column stays out of every output', () => {
  const NAMES = ['欧阳秀珍', '司马红梅', '上官丽华', '诸葛美玲', '13987654321', '18612340000'];
  let bundle: CliBundle;
  let root: string;
  let merged: CliRun;
  let validated: CliRun;
  let texts: Map<string, string>;

  beforeAll(async () => {
    bundle = await bundleCli();
    root = mkdtempSync(join(tmpdir(), 'privacy-shift-'));
    const input = join(root, 'in');
    mkdirSync(input);
    // Rejected (errors in cadre columns) and accepted (a warning only) townships alike.
    writeFileSync(
      join(input, '黎岭镇.csv'),
      sheetCsv({
        township: '黎岭镇',
        villages: [
          village('一村', { cadreName: null, cadreGender: NAMES[0]!, cadreAge: NAMES[1]! }),
          village('二村', {
            cadreEducation: NAMES[2]!,
            cadreTenure: NAMES[4]!,
            inCommittee: NAMES[3]!,
          }),
          village('三村', {
            cadreAnnualPay: NAMES[5]!,
            womensHome: '有',
            childrensHome: NAMES[0]!,
          }),
        ],
      }),
    );
    writeFileSync(
      join(input, '青石镇.xlsx'),
      await sheetXlsx({
        township: '青石镇',
        villages: [village('四村', { cadreAge: `${NAMES[3]!}45` })],
      }),
    );
    merged = runCli(bundle.cli, ['merge', input, '--out', join(root, 'out'), '--json']);
    validated = runCli(bundle.cli, ['validate', input]);
    texts = await readTexts(join(root, 'out'));
  }, 300_000);

  afterAll(() => {
    bundle?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('the findings are there, with cell and reason but the value redacted', () => {
    expect(merged.status).toBe(1);
    const summary = JSON.parse(texts.get('summary.json') ?? '{}') as {
      findings: { cell: string | null; field: string | null; value: string | null }[];
    };
    const cadre = summary.findings.filter((f) =>
      [
        'cadreGender',
        'cadreAge',
        'cadreEducation',
        'cadreTenure',
        'inCommittee',
        'cadreAnnualPay',
        'childrensHome',
      ].includes(f.field ?? ''),
    );
    expect(cadre.length).toBeGreaterThanOrEqual(7);
    for (const f of cadre)
      expect([f.field, f.cell, f.value]).toEqual([
        f.field,
        expect.stringMatching(/^[A-Z]+\d+$/u),
        '[redacted]',
      ]);
  });

  test('the names and numbers appear in no output, on no stdout or stderr', () => {
    // A township's 标注版 keeps the values of its own file in its data sheet (it goes back to it);
    // its 问题清单, its comments and every other returned file keep them redacted.
    const own: Record<string, readonly string[]> = {
      'returns/黎岭镇-标注版.xlsx#黎岭镇': NAMES,
      'returns/青石镇-标注版.xlsx#统计表': [NAMES[3]!],
    };
    expect(Object.keys(own).every((k) => texts.has(k))).toBe(true);
    const leaks: string[] = [];
    for (const value of NAMES) {
      for (const [where, text] of texts)
        if (!ALLOWED.has(where) && !own[where]?.includes(value) && text.includes(value))
          leaks.push(`${value} in ${where}`);
      for (const [label, r] of [
        ['merge', merged],
        ['validate', validated],
      ] as const) {
        if (r.stdout.includes(value)) leaks.push(`${value} on ${label} stdout`);
        if (r.stderr.includes(value)) leaks.push(`${value} on ${label} stderr`);
      }
    }
    expect(leaks).toEqual([]);
    expect(validated.stdout).toContain('[redacted]');
  });
});
