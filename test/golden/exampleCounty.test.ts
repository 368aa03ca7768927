/**
 * Golden test on the bundled example county: the real CLI merges examples/townships, and summary.json
 * must equal figures computed here, independently, from the generator's rows (not by the pipeline's
 * aggregation). Also: the committed examples/ are exactly what the generator makes today.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SummaryJson } from '../../pipeline/aggregate/summaryTypes';
import type {
  GeneratedCounty,
  GeneratedRow,
  GeneratedTownship,
} from '../../scripts/examples/county';
import {
  buildExampleFiles,
  generateCounty,
  layoutSheet,
  PREVIOUS_YEAR,
  SCHEMA,
  YEAR,
} from '../../scripts/examples/county';
import { bundleCli, type CliBundle, type CliRun, ROOT, runCli } from '../pipeline/e2e/cliProcess';
import { exampleMergeArgv } from '../../scripts/examples/exampleMerge.cjs';

const EXAMPLES = join(ROOT, 'examples');

// ---------------------------------------------------------------------------------------------
// The oracle: plain loops over the generator's rows, written apart from both the pipeline and county.ts.

const SUMMED = SCHEMA.columns.filter((c) => c.sum === true).map((c) => c.id);
const MONEY = new Set(SCHEMA.columns.filter((c) => c.type === 'money').map((c) => c.id));

/** Sum of a field, in cents for money so it is exact to 2 decimals. */
function total(rows: readonly GeneratedRow[], field: string): number {
  if (!MONEY.has(field)) return rows.reduce((s, r) => s + Number(r.values[field] ?? 0), 0);
  return rows.reduce((s, r) => s + Math.round(Number(r.values[field] ?? 0) * 100), 0) / 100;
}

/** Village rows and the 本级 row: both carry activity (entry-sheet §7.1). */
const activityRows = (t: GeneratedTownship): GeneratedRow[] =>
  t.level ? [...t.villages, t.level] : t.villages;

function totalsOf(rows: readonly GeneratedRow[]): Record<string, number> {
  return Object.fromEntries(SUMMED.map((f) => [f, total(rows, f)]));
}

const share = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const countWhere = (rows: readonly GeneratedRow[], field: string, value: string): number =>
  rows.filter((r) => r.values[field] === value).length;

function ratesOf(
  villages: readonly GeneratedRow[],
  totals: Record<string, number>,
): Record<string, number | null> {
  return {
    fullTimeRate: share(countWhere(villages, 'cadreTenure', '专职'), villages.length),
    committeeRate: share(countWhere(villages, 'inCommittee', '是'), villages.length),
    womensHomeRate: share(countWhere(villages, 'womensHome', '是'), villages.length),
    childrensHomeRate: share(countWhere(villages, 'childrensHome', '是'), villages.length),
    disputeResolutionRate: share(totals.disputesResolved ?? 0, totals.disputesHandled ?? 0),
    pledgeCompletionRate: share(totals.pledgesDone ?? 0, totals.pledgesMade ?? 0),
  };
}

const twoDecimals = (x: number): number => Math.round(x * 100) / 100;

function cadresOf(villages: readonly GeneratedRow[]): SummaryJson['cadres'] {
  const ages = villages.map((v) => Number(v.values.cadreAge));
  const band = (lo: number, hi: number): number => ages.filter((a) => a >= lo && a <= hi).length;
  return {
    female: countWhere(villages, 'cadreGender', '女'),
    male: countWhere(villages, 'cadreGender', '男'),
    fullTime: countWhere(villages, 'cadreTenure', '专职'),
    partTime: countWhere(villages, 'cadreTenure', '兼职'),
    inCommittee: countWhere(villages, 'inCommittee', '是'),
    noPay: villages.filter((v) => v.values.cadreAnnualPay === 0).length,
    averageAge: twoDecimals(ages.reduce((a, b) => a + b, 0) / villages.length),
    averageAnnualPay: twoDecimals(total(villages, 'cadreAnnualPay') / villages.length),
    ageBands: {
      '<=35': band(0, 35),
      '36-45': band(36, 45),
      '46-55': band(46, 55),
      '>=56': band(56, 200),
    },
    education: Object.fromEntries(
      ['小学及以下', '初中', '高中（中专）', '大专', '本科及以上'].map((e) => [
        e,
        countWhere(villages, 'cadreEducation', e),
      ]),
    ),
  };
}

/** A township is rejected exactly when the generator planted an error in it. */
const isRejected = (t: GeneratedTownship): boolean =>
  t.planted.some((p) => p.code.startsWith('E_'));

interface Expected {
  accepted: GeneratedTownship[];
  rejected: GeneratedTownship[];
  villages: GeneratedRow[];
  totals: Record<string, number>;
  rates: Record<string, number | null>;
  cadres: SummaryJson['cadres'];
}

function expectedOf(county: GeneratedCounty): Expected {
  const accepted = county.townships.filter((t) => !isRejected(t));
  const villages = accepted.flatMap((t) => t.villages);
  const totals = totalsOf(accepted.flatMap(activityRows));
  return {
    accepted,
    rejected: county.townships.filter(isRejected),
    villages,
    totals,
    rates: ratesOf(villages, totals),
    cadres: cadresOf(villages),
  };
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const ENCODING: Record<string, string> = {
  'csv-gbk': 'gb18030',
  'csv-utf8-bom': 'utf-8-bom',
  'csv-utf8': 'utf-8',
  'txt-utf16le': 'utf-16le',
  xlsx: 'xlsx',
};

// ---------------------------------------------------------------------------------------------

const county = generateCounty(YEAR);
// Lay the sheets out once so the planted findings know their spreadsheet rows and columns.
for (const t of county.townships) layoutSheet(t, YEAR, t.file.format === 'xlsx');
const expected = expectedOf(county);
const previousCounty = generateCounty(PREVIOUS_YEAR);

describe('examples/ is what the generator makes', () => {
  test('regenerating gives byte-identical files and nothing else in townships/', async () => {
    const files = await buildExampleFiles();
    const differing = [...files]
      .filter(([rel, data]) => !readFileSync(join(EXAMPLES, rel)).equals(data))
      .map(([rel]) => rel);
    expect(differing).toEqual([]);
    const generated = [...files.keys()]
      .filter((rel) => rel.startsWith('townships/'))
      .map((rel) => rel.slice('townships/'.length));
    expect(readdirSync(join(EXAMPLES, 'townships')).sort()).toEqual(generated.sort());
  });

  test('the example county is the seed scale and stays small', () => {
    expect(county.townships).toHaveLength(30);
    expect(county.townships.flatMap((t) => t.villages)).toHaveLength(350);
    expect(expected.rejected.map((t) => t.township)).toEqual(['马鞍乡']);
    const size = (dir: string): number =>
      readdirSync(dir).reduce((s, name) => {
        const p = join(dir, name);
        return s + (statSync(p).isDirectory() ? size(p) : statSync(p).size);
      }, 0);
    expect(size(EXAMPLES)).toBeLessThan(1024 * 1024);
  });

  test('previous/summary.json holds the 2024 figures the oracle computes', () => {
    const prev = JSON.parse(
      readFileSync(join(EXAMPLES, 'previous', 'summary.json'), 'utf8'),
    ) as SummaryJson;
    const e = expectedOf(previousCounty);
    expect(prev.year).toBe(PREVIOUS_YEAR);
    expect(prev.villages).toBe(e.villages.length);
    expect(prev.totals).toEqual(e.totals);
    expect(prev.rates).toEqual(e.rates);
    expect(prev.cadres).toEqual(e.cadres);
    expect(prev.byTownship.map((t) => t.township)).toEqual(
      previousCounty.townships.map((t) => t.township),
    );
  });
});

describe('county-rollup merge on the example county', () => {
  let bundle: CliBundle;
  let outRoot: string;
  let run: CliRun;
  let summary: SummaryJson;

  beforeAll(async () => {
    bundle = await bundleCli();
    outRoot = mkdtempSync(join(tmpdir(), 'golden-'));
    // The documents' date (draft's date line, workbook title) is fixed so the outputs are reproducible.
    process.env.COUNTY_ROLLUP_DATE = '2026-01-15';
    run = runCli(bundle.cli, exampleMergeArgv(join(outRoot, 'out'), ['--no-charts']));
    summary = JSON.parse(readFileSync(join(outRoot, 'out', 'summary.json'), 'utf8')) as SummaryJson;
  }, 180_000);

  afterAll(() => {
    bundle?.dispose();
    if (outRoot) rmSync(outRoot, { recursive: true, force: true });
  });

  test('exits 1: the run completed with one rejected file', () => {
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: '' });
  });

  test('county, year and the township lists', () => {
    expect(summary.county).toBe('示例县');
    expect(summary.year).toBe(YEAR);
    expect(summary.townships).toEqual({
      expected: 30,
      accepted: expected.accepted.map((t) => t.township).sort(byCodePoint),
      rejected: expected.rejected.map((t) => ({
        file: t.file.fileName,
        township: t.township,
        errors: t.planted.filter((p) => p.code.startsWith('E_')).length,
      })),
      missing: [],
      misnamed: [],
    });
  });

  test('villages and totals (village rows plus 本级 rows of accepted townships)', () => {
    expect(summary.villages).toBe(expected.villages.length);
    expect(summary.totals).toEqual(expected.totals);
  });

  test('cadre structure', () => {
    expect(summary.cadres).toEqual(expected.cadres);
  });

  test('rates', () => {
    expect(summary.rates).toEqual(expected.rates);
  });

  test('per township: villages, totals, rates', () => {
    const got = summary.byTownship.map((t) => ({
      township: t.township,
      villages: t.villages,
      totals: t.totals,
      rates: t.rates,
    }));
    const want = expected.accepted.map((t) => {
      const totals = totalsOf(activityRows(t));
      return {
        township: t.township,
        villages: t.villages.length,
        totals,
        rates: ratesOf(t.villages, totals),
      };
    });
    const order = (xs: { township: string }[]): typeof xs =>
      [...xs].sort((a, b) => byCodePoint(a.township, b.township));
    expect(order(got)).toEqual(order(want));
  });

  test('change against 2024: current minus previous', () => {
    const prev = expectedOf(previousCounty);
    expect(summary.previous?.year).toBe(PREVIOUS_YEAR);
    const totals = Object.fromEntries(
      SUMMED.map((f) => [
        f,
        MONEY.has(f)
          ? twoDecimals((expected.totals[f] ?? 0) - (prev.totals[f] ?? 0))
          : (expected.totals[f] ?? 0) - (prev.totals[f] ?? 0),
      ]),
    );
    expect(summary.previous?.change.totals).toEqual(totals);
    const rates = summary.previous?.change.rates ?? {};
    for (const [id, value] of Object.entries(expected.rates)) {
      const before = prev.rates[id];
      expect([id, rates[id]]).toEqual([
        id,
        value === null || before === null || before === undefined ? null : value - before,
      ]);
    }
  });

  test('like-for-like change against 2024 over the 29 townships counted in both years', () => {
    const prev = previousCounty.townships.filter((t) => !isRejected(t));
    const acceptedNames = new Set(expected.accepted.map((t) => t.township));
    const common = prev.filter((t) => acceptedNames.has(t.township));
    const before = totalsOf(common.flatMap(activityRows));
    const comparable = summary.previous?.comparable;
    expect(comparable).toMatchObject({
      townships: 29,
      villages: {
        current: expected.villages.length,
        previous: common.reduce((n, t) => n + t.villages.length, 0),
      },
      onlyLastYear: ['马鞍乡'],
      onlyThisYear: [],
    });
    expect(comparable?.previous.totals).toEqual(before);
    expect(comparable?.change.totals).toEqual(
      Object.fromEntries(
        SUMMED.map((f) => [
          f,
          MONEY.has(f)
            ? twoDecimals((expected.totals[f] ?? 0) - (before[f] ?? 0))
            : (expected.totals[f] ?? 0) - (before[f] ?? 0),
        ]),
      ),
    );
    const rates = ratesOf(
      common.flatMap((t) => t.villages),
      before,
    );
    for (const [id, value] of Object.entries(rates))
      expect([id, comparable?.previous.rates[id]]).toEqual([id, value]);
  });

  test('the draft, the report and the workbook say so, with the date given', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(outRoot, 'out', 'summary-draft.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain('示例县妇女联合会\n2026年1月15日');
    expect(text).toContain('马鞍乡的统计表未通过审核，已退回修改');
    expect(text).toContain(
      '两年都纳入统计的29个乡镇（街道）同口径计算（马鞍乡上年纳入统计、本年未纳入）',
    );
    const html = readFileSync(join(outRoot, 'out', 'report.html'), 'utf8');
    expect(html).toContain('生成日期：2026年1月15日');
    expect(html).not.toMatch(/\b[EW]_[A-Z_]+\b/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(outRoot, 'out', 'county-summary.xlsx'));
    const sheet = wb.getWorksheet('汇总')!;
    expect(sheet.getCell('A1').value).toBe(
      '示例县2025年度妇联工作统计汇总　生成日期：2026年1月15日',
    );
    const fullTime = sheet.getColumn(1).values.indexOf('专职率');
    expect(sheet.getRow(fullTime).getCell(3).numFmt).toContain('个百分点');
  });

  test('findings: exactly the planted warnings in accepted files, the planted errors in the rejected one', () => {
    const planted = county.townships
      .flatMap((t) =>
        t.planted.map((p) => ({
          file: t.file.fileName,
          township: t.township,
          code: p.code,
          row: p.row,
          field: p.field,
        })),
      )
      .sort(
        (a, b) =>
          byCodePoint(a.file, b.file) || (a.row ?? 0) - (b.row ?? 0) || byCodePoint(a.code, b.code),
      );
    const got = summary.findings
      .map((f) => ({
        file: f.file,
        township: f.township,
        code: f.code,
        row: f.row,
        field: f.field,
      }))
      .sort(
        (a, b) =>
          byCodePoint(a.file, b.file) || (a.row ?? 0) - (b.row ?? 0) || byCodePoint(a.code, b.code),
      );
    expect(got).toEqual(planted);
  });

  test('planted findings point at the right cell', () => {
    for (const t of county.townships)
      for (const p of t.planted) {
        const f = summary.findings.find(
          (x) => x.file === t.file.fileName && x.code === p.code && x.row === p.row,
        );
        expect([t.township, p.code, f?.field]).toEqual([t.township, p.code, p.field]);
        // Cross-row rules may point at either cell of the pair; single-cell warnings at their own.
        if (!p.code.startsWith('E_'))
          expect([t.township, p.code, f?.column]).toEqual([t.township, p.code, p.column]);
      }
  });

  test('inputs: every file, its encoding, township and status', () => {
    const got = summary.inputs.map((i) => ({
      file: i.file,
      encoding: i.encoding,
      township: i.township,
      status: i.status,
    }));
    const want = county.townships
      .map((t) => ({
        file: t.file.fileName,
        encoding: ENCODING[t.file.format],
        township: t.township,
        status: isRejected(t) ? 'rejected' : 'accepted',
      }))
      .sort((a, b) => byCodePoint(a.file, b.file));
    expect([...got].sort((a, b) => byCodePoint(a.file, b.file))).toEqual(want);
    for (const i of summary.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    // rows: the file's village rows (not the 本级 or 合计 row), rejected files included.
    const rows = Object.fromEntries(summary.inputs.map((i) => [i.file, i.rows]));
    expect(rows).toEqual(
      Object.fromEntries(county.townships.map((t) => [t.file.fileName, t.villages.length])),
    );
  });

  test('returns/ for 马鞍乡: the marked copy, the note and the list line', async () => {
    const returns = join(outRoot, 'out', 'returns');
    const file = '马鞍乡2025年统计表.csv';
    expect(readdirSync(returns).sort()).toEqual([
      '退回清单.csv',
      '退回说明-马鞍乡.txt',
      '马鞍乡2025年统计表-标注版.xlsx',
    ]);
    const errors = summary.findings.filter((f) => f.file === file && f.severity === 'error');
    expect(errors.map((f) => f.cell)).toEqual(['U7', 'AC10']);

    // The note: who, how many errors, the attachment, a line per error (cell — problem — what to do); no codes.
    const note = readFileSync(join(returns, '退回说明-马鞍乡.txt'), 'utf8');
    expect(note.split('\r\n')).toEqual([
      '\uFEFF马鞍乡：《马鞍乡2025年统计表.csv》未通过审核，有 2 处错误，请改正后重新报送。',
      '附件《马鞍乡2025年统计表-标注版.xlsx》是标注版：有问题的单元格已标色并加了批注，第一张表“问题清单”点单元格地址可跳过去。',
      '1. U7 — 「化解纠纷件数」5 大于「调处纠纷件数」3，化解数不能超过调处数 — 请核实后改正',
      '2. AC10 — 「文体活动参与人次」为 60，但「文体活动场次」为 0 — 请核实',
      '',
    ]);
    expect(note).not.toMatch(/\b[EW]_[A-Z_]+\b/);

    const list = readFileSync(join(returns, '退回清单.csv'), 'utf8').split('\r\n');
    expect(list[0]).toBe('\uFEFF乡镇,文件,错误数,主要问题,标注版,退回说明');
    expect(list[1]).toBe(
      `马鞍乡,${file},2,${errors.map((f) => f.message_zh).join('；')},马鞍乡2025年统计表-标注版.xlsx,退回说明-马鞍乡.txt`,
    );
    expect(list.slice(2)).toEqual(['']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(returns, '马鞍乡2025年统计表-标注版.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '马鞍乡2025年统计表']);
    const ws = wb.getWorksheet('马鞍乡2025年统计表')!;
    for (const f of errors) {
      expect([f.cell, ws.getCell(f.cell!).fill]).toEqual([
        f.cell,
        { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
      ]);
      expect(ws.getCell(f.cell!).note).toBe(`【县妇联校验】\n${f.message_zh}`);
    }
    // The township's own values (as its CSV holds them), numbers as numbers.
    const maan = county.townships.find((t) => t.township === '马鞍乡')!;
    expect(ws.getCell('U7').value).toBe(5);
    expect(ws.getCell('AC10').value).toBe(60);
    const names: unknown[] = [];
    ws.getColumn(3).eachCell((c) => void names.push(c.value));
    for (const v of maan.villages) expect(names).toContain(v.values.cadreName);
    const listed = wb.getWorksheet('问题清单')!;
    expect(listed.getCell('B3').value).toEqual({
      formula: `HYPERLINK("#'马鞍乡2025年统计表'!U7","U7")`,
      result: 'U7',
    });

    // report.html's 未纳入统计的乡镇 links to the note, the copy and the list (relative links).
    const html = readFileSync(join(outRoot, 'out', 'report.html'), 'utf8');
    for (const name of ['退回说明-马鞍乡.txt', '马鞍乡2025年统计表-标注版.xlsx', '退回清单.csv'])
      expect(html).toContain(`href="returns/${encodeURIComponent(name)}"`);
  });

  test('validate --mark on the example county: a 标注版 per file with findings, marks on every finding cell, other cells unchanged', async () => {
    const marks = join(outRoot, 'marks');
    const checked = runCli(bundle.cli, [
      'validate',
      'examples/townships',
      '--registry',
      'examples/registry.csv',
      '--mark',
      marks,
      '--json',
    ]);
    expect(checked.status).toBe(1);
    const files = (
      JSON.parse(checked.stdout) as {
        files: { file: string; findings: SummaryJson['findings']; marked?: string }[];
      }
    ).files;
    const withFindings = files.filter((f) => f.findings.length > 0);
    expect(withFindings.length).toBeGreaterThan(5);
    expect(files.filter((f) => f.marked !== undefined).map((f) => f.file)).toEqual(
      withFindings.map((f) => f.file),
    );
    expect(readdirSync(marks).sort()).toEqual(
      withFindings.map((f) => `${f.file.replace(/\.[a-z]+$/u, '')}-标注版.xlsx`).sort(),
    );
    for (const f of withFindings) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f.marked!);
      expect(wb.worksheets[0]!.name).toBe('问题清单');
      const ws = wb.worksheets[1]!;
      for (const x of f.findings.filter((x) => x.cell !== null)) {
        const cell = ws.getCell(x.cell!);
        expect([f.file, x.cell, cell.fill]).toMatchObject([
          f.file,
          x.cell,
          {
            pattern:
              x.severity === 'error' ||
              f.findings.some((y) => y.cell === x.cell && y.severity === 'error')
                ? 'solid'
                : 'lightUp',
          },
        ]);
        const note = cell.note;
        const text =
          typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
        expect([f.file, x.cell, text.includes(x.message_zh)]).toEqual([f.file, x.cell, true]);
      }
      if (!f.file.endsWith('.xlsx')) continue;
      // An .xlsx copy: every cell of the user's sheet keeps its value, formula and number format.
      const original = new ExcelJS.Workbook();
      await original.xlsx.readFile(join(EXAMPLES, 'townships', f.file));
      const before = original.worksheets[0]!;
      expect(ws.name).toBe(before.name);
      before.eachRow((row) =>
        row.eachCell((c) => {
          const after = ws.getCell(c.address);
          expect([f.file, c.address, after.value, after.numFmt]).toEqual([
            f.file,
            c.address,
            c.value,
            c.numFmt,
          ]);
        }),
      );
    }
  });

  test('the same inputs give a byte-identical summary.json', () => {
    const again = join(outRoot, 'again');
    const second = runCli(bundle.cli, exampleMergeArgv(again, ['--no-charts']));
    expect(second.status).toBe(1);
    expect(
      readFileSync(join(again, 'summary.json')).equals(
        readFileSync(join(outRoot, 'out', 'summary.json')),
      ),
    ).toBe(true);
  });
});
