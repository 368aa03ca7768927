import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CliIO } from '../../../pipeline/cli/args';
import { runMerge } from '../../../pipeline/commands/merge';
import type { SummaryJson } from '../../../pipeline/aggregate/summaryTypes';
import { sheetCsv, sheetXlsx, village, type SheetSpec } from '../intake/townshipFixture';

const SECRET_NAME = '张秘密';
const SECRET_PHONE = '13912345678';
const SECRET_REPORTER = '李填报';

const LILING: SheetSpec = {
  township: '黎岭镇',
  reporter: SECRET_REPORTER,
  phone: SECRET_PHONE,
  villages: [
    village('一村', {
      cadreName: SECRET_NAME,
      cadreAnnualPay: 3000.5,
      trainingSessions: 2,
      trainingAttendance: 60,
      disputesHandled: 4,
      disputesResolved: 3,
    }),
    village('二村', {
      cadreTenure: '专职',
      trainingSessions: 1,
      trainingAttendance: 30,
      notes: '=HYPERLINK("http://evil","x")',
    }),
  ],
  level: { trainingSessions: 1, trainingAttendance: 10 },
};
const QINGSHI: SheetSpec = {
  township: '青石镇',
  villages: [
    village('三村', { cadreAnnualPay: 2000, trainingSessions: 3, trainingAttendance: 90 }),
  ],
};

const REGISTRY = [
  '乡镇,村（社区）',
  '黎岭镇,一村',
  '黎岭镇,二村',
  '青石镇,三村',
  '白沙乡,四村',
  '东城街道,五村',
  '西山乡,六村',
].join('\r\n');
const REGISTRY_TWO = ['乡镇,村（社区）', '黎岭镇,一村', '黎岭镇,二村', '青石镇,三村'].join('\r\n');

/** sha256 of every file in a folder, by name: proves a run left its inputs as they were. */
function hashFolder(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const name of readdirSync(dir).sort())
    hashes[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  return hashes;
}

/** A folder's entries sorted, with the random suffix of the version folders masked (`.out.v-*`). */
function entries(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => name.replace(/\.v-[A-Za-z0-9]{6}$/u, '.v-*'))
    .sort();
}

/** A captured CLI I/O. */
function captureIO(): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    lang: 'zh',
    isTTY: false,
  };
}

describe('county-rollup merge', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'merge-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function writeGoodFolder(): Promise<string> {
    const input = join(root, 'in');
    mkdirSync(input);
    writeFileSync(join(input, '黎岭镇.csv'), sheetCsv(LILING));
    writeFileSync(join(input, '青石镇.xlsx'), await sheetXlsx(QINGSHI));
    writeFileSync(join(input, 'registry-notes.md'), 'not a township file');
    writeFileSync(join(root, 'registry.csv'), `\uFEFF${REGISTRY_TWO}`);
    return input;
  }

  test('a clean folder: exit 0, every output written, summary.json byte-identical across runs, --json on stdout', async () => {
    const input = await writeGoodFolder();
    const io1 = captureIO();
    const code = await runMerge(
      [
        input,
        '--out',
        join(root, 'out1'),
        '--registry',
        join(root, 'registry.csv'),
        '--no-charts',
        '--json',
      ],
      io1,
    );
    expect(io1.err.join('')).toContain('汇总完成');
    expect(code).toBe(0);
    const files = readdirSync(join(root, 'out1')).sort();
    expect(files).toEqual([
      'county-summary.xlsx',
      'findings.csv',
      'report.html',
      'summary-draft.docx',
      'summary.json',
      'townships.csv',
      'villages.csv',
    ]);
    // --out is a link to its current version folder beside it; no lock or temporary folder stays.
    expect(entries(root)).toEqual(['.out1.v-*', 'in', 'out1', 'registry.csv']);

    const text = readFileSync(join(root, 'out1', 'summary.json'), 'utf8');
    expect(io1.out.join('')).toBe(text);
    const summary = JSON.parse(text) as SummaryJson;
    expect(summary.county).toBe('示例县');
    expect(summary.year).toBe(2025);
    expect(summary.townships).toEqual({
      expected: 2,
      accepted: ['青石镇', '黎岭镇'],
      rejected: [],
      missing: [],
      misnamed: [],
    });
    expect(summary.villages).toBe(3);
    expect(summary.totals.trainingSessions).toBe(7);
    expect(summary.totals.trainingAttendance).toBe(190);
    expect(summary.totals.cadreAnnualPay).toBe(8000.5);
    expect(summary.rates.disputeResolutionRate).toBe(0.75);
    expect(summary.rates.fullTimeRate).toBe(1 / 3);
    expect(
      summary.byTownship.map((t) => [t.township, t.villages, t.ranks?.trainingSessions]),
    ).toEqual([
      ['青石镇', 1, 2],
      ['黎岭镇', 2, 1],
    ]);
    expect(summary.inputs).toEqual([
      {
        file: '青石镇.xlsx',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/u),
        encoding: 'xlsx',
        township: '青石镇',
        status: 'accepted',
        rows: 1,
      },
      {
        file: '黎岭镇.csv',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/u),
        encoding: 'utf-8',
        township: '黎岭镇',
        status: 'accepted',
        rows: 2,
      },
    ]);
    expect(Object.keys(summary)).toEqual([
      'county',
      'year',
      'townships',
      'villages',
      'totals',
      'cadres',
      'rates',
      'byTownship',
      'previous',
      'findings',
      'inputs',
    ]);
    expect(text).not.toContain(root);

    const io2 = captureIO();
    expect(
      await runMerge(
        [
          input,
          '--out',
          join(root, 'out2'),
          '--registry',
          join(root, 'registry.csv'),
          '--no-charts',
        ],
        io2,
      ),
    ).toBe(0);
    expect(io2.out).toEqual([]);
    expect(readFileSync(join(root, 'out2', 'summary.json'), 'utf8')).toBe(text);

    // Privacy: names and phones only in the roster.
    for (const file of ['summary.json', 'townships.csv', 'findings.csv', 'report.html']) {
      const content = readFileSync(join(root, 'out1', file), 'utf8');
      for (const secret of [SECRET_NAME, SECRET_PHONE, SECRET_REPORTER])
        expect({ file, leaks: content.includes(secret) }).toEqual({ file, leaks: false });
    }
    const villages = readFileSync(join(root, 'out1', 'villages.csv'), 'utf8');
    expect(villages.startsWith('\uFEFF乡镇,行类型,村（社区）名称,妇联主席姓名,')).toBe(true);
    expect(villages).toContain(SECRET_NAME);
    expect(villages).toContain(SECRET_PHONE);
    expect(villages).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(villages.split('\r\n').filter((l) => l.includes('本级')).length).toBe(1);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(root, 'out1', 'county-summary.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '分乡镇', '村级明细', '问题清单']);
    const roster = wb.getWorksheet('村级明细')!;
    expect(roster.rowCount).toBe(1 + 4);
    expect(roster.getRow(2).getCell(1).value).toBe('青石镇');
    const rosterText = JSON.stringify(roster.getSheetValues());
    expect(rosterText).toContain(SECRET_NAME);
    expect(rosterText).toContain(`'=HYPERLINK`);
    const townships = wb.getWorksheet('分乡镇')!;
    // In the registry's order (黎岭镇 is listed first), then the 全县 row.
    expect(townships.getRow(2).getCell(1).value).toBe('黎岭镇');
    expect(townships.getRow(2).getCell(2).value).toBe(2);
    expect(townships.getRow(3).getCell(1).value).toBe('青石镇');
    expect(townships.getRow(4).getCell(1).value).toBe('全县');
    // 汇总 opens with a title row (county, year, date); the header is row 2.
    const sheet = wb.getWorksheet('汇总')!;
    expect(sheet.getCell('A1').value as string).toMatch(
      /^.*2025年度妇联工作统计汇总\u3000生成日期：\d{4}年\d{1,2}月\d{1,2}日$/,
    );
    expect(sheet.getCell('A2').value).toBe('指标');
  });

  test('a bad folder: exit 1, each problem explained, the rest merged', async () => {
    const input = await writeGoodFolder();
    writeFileSync(join(root, 'registry.csv'), REGISTRY);
    writeFileSync(
      join(input, '白沙乡.csv'),
      sheetCsv({ township: '白沙乡', villages: [village('四村', { trainingSessions: '很多' })] }),
    );
    writeFileSync(
      join(input, '东城街道.csv'),
      sheetCsv({ township: '东城街道', year: 2024, villages: [village('五村')] }),
    );
    writeFileSync(
      join(input, '火星镇.csv'),
      sheetCsv({ township: '火星镇', villages: [village('七村')] }),
    );
    writeFileSync(join(input, '附件1-青石镇.csv'), sheetCsv(QINGSHI));
    writeFileSync(join(input, 'empty.csv'), '');
    writeFileSync(join(input, 'old.xls'), 'x');
    // Binary junk named .csv, and Latin-1 bytes that neither UTF-8 nor GB18030 decode cleanly.
    writeFileSync(
      join(input, 'junk.csv'),
      Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256)),
    );
    writeFileSync(
      join(input, 'latin1.csv'),
      Buffer.from(
        'Village,Note\r\ncaf\xe9,cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise\r\n',
        'latin1',
      ),
    );
    const before = hashFolder(input);
    const io = captureIO();
    const code = await runMerge(
      [input, '--out', join(root, 'out'), '--registry', join(root, 'registry.csv'), '--no-charts'],
      io,
    );
    expect(code).toBe(1);
    expect(hashFolder(input)).toEqual(before); // inputs are only ever read
    const summary = JSON.parse(
      readFileSync(join(root, 'out', 'summary.json'), 'utf8'),
    ) as SummaryJson;
    expect(summary.townships).toEqual({
      expected: 5,
      accepted: ['黎岭镇'],
      rejected: [
        { file: 'empty.csv', township: null, errors: 1 },
        { file: 'junk.csv', township: null, errors: 1 },
        { file: 'latin1.csv', township: null, errors: 1 },
        { file: 'old.xls', township: null, errors: 1 },
        { file: '东城街道.csv', township: '东城街道', errors: 1 },
        { file: '火星镇.csv', township: null, errors: 1 },
        { file: '白沙乡.csv', township: '白沙乡', errors: 1 },
        { file: '附件1-青石镇.csv', township: '青石镇', errors: 1 },
        { file: '青石镇.xlsx', township: '青石镇', errors: 1 },
      ],
      missing: ['西山乡'],
      misnamed: [],
    });
    const errors = summary.findings
      .filter((f) => f.severity === 'error')
      .map((f) => [f.file, f.code]);
    expect(errors).toEqual([
      ['empty.csv', 'E_EMPTY_FILE'],
      ['junk.csv', 'E_ENCODING'],
      ['latin1.csv', 'E_ENCODING'],
      ['old.xls', 'E_XLS_UNREADABLE'],
      ['东城街道.csv', 'E_YEAR_MISMATCH'],
      ['火星镇.csv', 'E_UNKNOWN_TOWNSHIP'],
      ['白沙乡.csv', 'E_NOT_NUMBER'],
      ['附件1-青石镇.csv', 'E_DUPLICATE_TOWNSHIP'],
      ['青石镇.xlsx', 'E_DUPLICATE_TOWNSHIP'],
    ]);
    const dup = summary.findings.find((f) => f.code === 'E_DUPLICATE_TOWNSHIP')!;
    expect(dup.message_zh).toBe(
      '青石镇有多个文件：附件1-青石镇.csv, 青石镇.xlsx。请只保留一个后重新汇总。',
    );
    expect(summary.findings.find((f) => f.code === 'E_YEAR_MISMATCH')!.message_zh).toBe(
      '年度为 2024（读自年度单元格 B2），本次汇总的是 2025 年度，请确认文件是否发错。',
    );
    const findingsCsv = readFileSync(join(root, 'out', 'findings.csv'), 'utf8');
    expect(findingsCsv).toContain('E_DUPLICATE_TOWNSHIP');
    expect(io.err.join('')).toContain('已忽略');
  });

  test('--previous adds the change per total and per rate', async () => {
    const input = await writeGoodFolder();
    const previous = join(root, 'previous.json');
    writeFileSync(
      previous,
      JSON.stringify({
        year: 2024,
        totals: { trainingSessions: 5, cadreAnnualPay: 8000.2 },
        rates: { fullTimeRate: 0.5, disputeResolutionRate: null },
      }),
    );
    const io = { ...captureIO(), lang: 'en' as const };
    expect(
      await runMerge(
        [
          input,
          '--out',
          join(root, 'out'),
          '--previous',
          previous,
          '--county',
          '另一县',
          '--no-charts',
        ],
        io,
      ),
    ).toBe(0);
    expect(io.err.join('')).toBe(
      `Ignored (not entry-sheet files): registry-notes.md\n[1/2] reading 青石镇.xlsx\n[2/2] reading 黎岭镇.csv\nMerged 2025: 2/2 townships, 3 villages; 0 file(s) rejected, 0 township(s) missing. Results in ${join(root, 'out')}\n`,
    );
    const summary = JSON.parse(
      readFileSync(join(root, 'out', 'summary.json'), 'utf8'),
    ) as SummaryJson;
    expect(summary.county).toBe('另一县');
    expect(summary.previous).toEqual({
      year: 2024,
      change: {
        totals: { cadreAnnualPay: 0.3, trainingSessions: 2 },
        rates: {
          fullTimeRate: 1 / 3 - 0.5,
          committeeRate: null,
          womensHomeRate: null,
          childrensHomeRate: null,
          disputeResolutionRate: null,
          pledgeCompletionRate: null,
        },
      },
    });
  });

  test('--year: files stating another 年度 are rejected by the core, with no second finding', async () => {
    const input = await writeGoodFolder();
    expect(
      await runMerge(
        [input, '--out', join(root, 'out'), '--year', '2024', '--no-charts'],
        captureIO(),
      ),
    ).toBe(1);
    const summary = JSON.parse(
      readFileSync(join(root, 'out', 'summary.json'), 'utf8'),
    ) as SummaryJson;
    expect(summary.year).toBe(2024);
    expect(summary.townships.accepted).toEqual([]);
    expect(
      summary.findings.filter((f) => f.severity === 'error').map((f) => [f.file, f.code]),
    ).toEqual([
      ['青石镇.xlsx', 'E_YEAR_MISMATCH'],
      ['黎岭镇.csv', 'E_YEAR_MISMATCH'],
    ]);
    expect(summary.villages).toBe(0);
  });

  test('nothing can be done → exit 2 and the old --out is untouched', async () => {
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'old report');
    const runs: string[][] = [
      [join(root, 'no-such-dir'), '--out', out],
      [root, '--out', out, '--bogus'],
      [root],
      [root, '--out', out, '--year', '25'],
      [root, '--out', join(root, 'missing-parent', 'out')],
      [root, '--out', out, '--registry', join(root, 'no-registry.csv')],
      [root, '--out', out, '--previous', join(root, 'no-previous.json')],
      [join(out), '--out', root],
    ];
    for (const argv of runs) {
      const io = captureIO();
      expect({ argv, code: await runMerge(argv, io) }).toEqual({ argv, code: 2 });
      expect(io.err.join('').length).toBeGreaterThan(0);
      expect(io.out).toEqual([]);
    }
    expect(readdirSync(root)).toEqual(['out']);
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('old report');
    expect(existsSync(join(root, 'missing-parent'))).toBe(false);
  });

  test('a successful run replaces an existing --out as a whole', async () => {
    const input = await writeGoodFolder();
    const out = join(root, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'stale.txt'), 'old');
    expect(await runMerge([input, '--out', out, '--no-charts'], captureIO())).toBe(0);
    expect(existsSync(join(out, 'stale.txt'))).toBe(false);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    expect(entries(root)).toEqual(['.out.v-*', 'in', 'out', 'registry.csv']);
  });
});

describe('merge: --out and the input folder compared by real path (issue 13.1)', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'merge-paths-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('a symlink or a symlinked parent never lets --out be, hold or lie inside the input; the inputs stay', async () => {
    const data = join(root, 'data');
    mkdirSync(data);
    writeFileSync(join(data, '黎岭镇.csv'), sheetCsv(LILING));
    writeFileSync(join(data, '青石镇.xlsx'), await sheetXlsx(QINGSHI));
    const before = hashFolder(data);
    symlinkSync(data, join(root, 'in-link'));
    symlinkSync(root, join(root, 'alias'));
    mkdirSync(join(root, 'holder'));
    symlinkSync(data, join(root, 'holder', 'inner'));
    const runs: string[][] = [
      [join(root, 'in-link'), '--out', data], // the input reached through a link to --out
      [data, '--out', join(root, 'in-link')], // --out is a link to the input
      [data, '--out', join(root, 'alias', 'data')], // --out through a symlinked parent
      [join(root, 'alias', 'data'), '--out', join(root, 'alias')], // --out holds the input
      [data, '--out', join(root, 'in-link', 'out')], // --out inside the input (through a link)
      [data, '--out', join(data, 'new', 'out')], // inside the input, not there yet (parent missing)
      [join(root, 'holder', 'inner'), '--out', join(root, 'holder')], // holds a link to the input
    ];
    for (const argv of runs) {
      const io = captureIO();
      expect({ argv, code: await runMerge([...argv, '--no-charts'], io) }).toEqual({
        argv,
        code: 2,
      });
    }
    expect(hashFolder(data)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['alias', 'data', 'holder', 'in-link']);
  });
});

describe('merge: text over Excel’s cell limit (issue 13.10)', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'merge-long-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('is cut in the workbook with a marker and a note on stderr; villages.csv keeps it whole', async () => {
    const input = join(root, 'in');
    mkdirSync(input);
    const notes = '情况说明'.repeat(10_000); // 40,000 characters
    writeFileSync(
      join(input, '青石镇.csv'),
      sheetCsv({ ...QINGSHI, villages: [{ ...QINGSHI.villages[0]!, notes }] }),
    );
    const io = captureIO();
    const out = join(root, 'out');
    expect(await runMerge([input, '--out', out, '--no-charts'], io)).not.toBe(2);
    expect(io.err.join('')).toMatch(
      /1 个单元格的文字超过 Excel 每格 32767 个字符的上限.*“村级明细”表 [A-Z]+2/u,
    );
    expect(readFileSync(join(out, 'villages.csv'), 'utf8')).toContain(notes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'county-summary.xlsx'));
    const texts: string[] = [];
    wb.getWorksheet('村级明细')!.eachRow((row) =>
      row.eachCell((cell) => void texts.push(cell.text)),
    );
    const cut = texts.find((t) => t.startsWith('情况说明'))!;
    expect(cut.length).toBe(32_767);
    expect(cut.endsWith('…〔已截断〕')).toBe(true);
  });
});
