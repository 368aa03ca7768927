/**
 * The fate of each corpus file through the one intake path: `validate` and `merge` agree, the data
 * sheet of a workbook is chosen deliberately, hostile and huge files become findings while the
 * other townships are merged, rejected files keep the township of their name, misspelt names are
 * pointed at, GBK file names are read, FIFOs and devices are refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { loadSchema } from '../../../core';
import { runCli } from '../cli/runInProcess';
import { listInputs } from '../../../pipeline/io/listInputs';
import { readTownshipFile } from '../../../pipeline/io/readTownshipFile';
import type { SummaryJson } from '../../../pipeline/aggregate/summaryTypes';
import { corpusXlsx, entryRows, hasSoffice, threeVillages, toXls } from '../../readers/corpus';
import { sheetCsv, village } from './townshipFixture';

const schema = loadSchema();

const run = runCli;

interface JsonFile {
  file: string;
  township: string | null;
  status: string;
  encoding: string | null;
  findings: { code: string; severity: string; value: string | null; message_zh: string }[];
}

const validateJson = async (args: string[]): Promise<JsonFile[]> => {
  const result = await run(['validate', ...args, '--json']);
  return (JSON.parse(result.stdout) as { files: JsonFile[] }).files;
};

let root: string;
let n = 0;
const fresh = (): string => {
  const dir = join(root, `case${n++}`);
  mkdirSync(dir);
  return dir;
};
const merge = async (input: string, extra: string[] = []): Promise<SummaryJson> => {
  const out = join(root, `out${n++}`);
  await run(['merge', input, '--out', out, '--no-charts', ...extra]);
  return JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as SummaryJson;
};

const REGISTRY = [
  '乡镇,村（社区）',
  '黎岭镇,东山村',
  '黎岭镇,西河村',
  '黎岭镇,南岭村',
  '青石镇,三村',
  '白沙乡,四村',
  '清水镇,五村',
].join('\r\n');
const registryPath = (): string => join(root, 'registry.csv');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'corpus-fate-'));
  writeFileSync(registryPath(), REGISTRY);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** 说明, 2024年 (shown on opening) and 2025年: the 2025 sheet has other training numbers. */
async function twoYears(): Promise<Uint8Array> {
  const y2025 = threeVillages('黎岭镇', 2025);
  y2025.villages[0]!.trainingAttendance = 100;
  return corpusXlsx(
    [
      { name: '说明', rows: [['填表说明：每村一行。']] },
      { name: '2024年', rows: entryRows(threeVillages('黎岭镇', 2024)) },
      { name: '2025年', rows: entryRows(y2025) },
    ],
    1,
  );
}

describe('several sheets: the data sheet is chosen deliberately', () => {
  it('validate: --year picks the sheet of that year; without it the active sheet; a warning names the sheet and why', async () => {
    const dir = fresh();
    const path = join(dir, '黎岭镇.xlsx');
    writeFileSync(path, await twoYears());
    const chosen = (f: JsonFile): string | undefined =>
      f.findings.find((x) => x.code === 'W_SHEET_CHOSEN')?.message_zh;
    const [y2025] = await validateJson([path, '--year', '2025']);
    expect(y2025!.status).toBe('accepted');
    expect(chosen(y2025!)).toBe(
      '工作簿中有 2 张工作表含统计表（「2024年」、「2025年」），已读取工作表「2025年」：它的年度（2025）与本次要求的年度一致。如读错了表，请把其他工作表删除或移到别的文件后再提交。',
    );
    const [y2024] = await validateJson([path, '--year', '2024']);
    expect(y2024!.status).toBe('accepted');
    expect(chosen(y2024!)).toContain('已读取工作表「2024年」');
    const [none] = await validateJson([path]);
    expect(chosen(none!)).toContain('已读取工作表「2024年」：它是打开文件时显示的工作表');
  });

  it('merge without --year: the vote chooses 2025 and the workbook gives its 2025 sheet', async () => {
    const dir = fresh();
    writeFileSync(join(dir, '黎岭镇.xlsx'), await twoYears());
    writeFileSync(
      join(dir, '青石镇.csv'),
      sheetCsv({ township: '青石镇', villages: [village('三村')] }),
    );
    writeFileSync(
      join(dir, '白沙乡.csv'),
      sheetCsv({ township: '白沙乡', villages: [village('四村')] }),
    );
    const summary = await merge(dir);
    expect(summary.year).toBe(2025);
    expect(summary.townships.accepted).toEqual(['白沙乡', '青石镇', '黎岭镇']);
    // 100 + 30 + 90 from the 2025 sheet (its 2024 sheet has 80 for 东山村).
    expect(summary.byTownship.find((t) => t.township === '黎岭镇')?.totals.trainingAttendance).toBe(
      220,
    );
    const warning = summary.findings.find((f) => f.code === 'W_SHEET_CHOSEN');
    expect(warning).toMatchObject({ file: '黎岭镇.xlsx', value: '2025年' });
  });
});

describe('one intake path: validate and merge decide each file alike', () => {
  it('files rejected at reading keep their township (rejected, not missing); a misspelt name points at its township', async () => {
    const dir = fresh();
    writeFileSync(
      join(dir, '黎岭镇.csv'),
      iconv.encode(sheetCsv(threeVillages('黎岭镇', 2025)), 'gbk'),
    );
    // Latin-1 bytes: E_ENCODING; junk named .xls: E_XLS_UNREADABLE; an .ods of 黎岭镇 besides its good CSV.
    writeFileSync(
      join(dir, '青石镇.csv'),
      Buffer.from('caf\xe9,cr\xe8me br\xfbl\xe9e\r\n', 'latin1'),
    );
    writeFileSync(join(dir, '白沙乡统计表.xls'), 'not a workbook');
    writeFileSync(join(dir, '黎岭镇.ods'), 'x');
    writeFileSync(
      join(dir, '清水真统计表.csv'),
      sheetCsv({ township: '清水真', villages: [village('五村')] }),
    );
    const out = join(root, `out${n++}`);
    const merged = await run([
      'merge',
      dir,
      '--out',
      out,
      '--no-charts',
      '--registry',
      registryPath(),
    ]);
    // The CLI's final summary points at the misspelt file too.
    expect(merged.stderr).toContain('可能名称有误的文件：清水镇：《清水真统计表.csv》\n');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as SummaryJson;
    expect(summary.townships.accepted).toEqual(['黎岭镇']);
    expect(summary.townships.rejected).toEqual([
      { file: '清水真统计表.csv', township: null, errors: 1 },
      { file: '白沙乡统计表.xls', township: '白沙乡', errors: 1 },
      { file: '青石镇.csv', township: '青石镇', errors: 1 },
      { file: '黎岭镇.ods', township: '黎岭镇', errors: 1 },
    ]);
    expect(summary.townships.missing).toEqual(['清水镇']);
    expect(summary.townships.misnamed).toEqual([
      { township: '清水镇', file: '清水真统计表.csv', written: '清水真' },
    ]);

    const validated = await validateJson([dir, '--registry', registryPath()]);
    expect(validated.map((f) => [f.file, f.township, f.status])).toEqual(
      summary.inputs.map((i) => [i.file, i.township, i.status]),
    );
    expect(
      validated.map((f) => f.findings.filter((x) => x.severity === 'error').map((x) => x.code)),
    ).toEqual([
      ['E_UNKNOWN_TOWNSHIP'],
      ['E_XLS_UNREADABLE'],
      ['E_ENCODING'],
      [],
      ['E_UNSUPPORTED_FORMAT'],
    ]);
  });
});

describe('resource caps: a file never takes the run down', () => {
  const badRows = (count: number): string => {
    const spec = { township: '青石镇', villages: [village('三村')] };
    const [head, ...rest] = sheetCsv(spec).split('\r\n');
    const header = rest.slice(0, 3);
    const row = rest[3]!.split(',');
    const training = header[2]!.split(',').indexOf('培训期数');
    const lines = Array.from({ length: count }, (_, i) => {
      const cells = [...row];
      cells[0] = String(i + 1);
      cells[1] = `村${i + 1}`;
      cells[training] = '很多';
      return cells.join(',');
    });
    return [head, ...header, ...lines].join('\r\n');
  };

  it('3,000 bad rows: the first N findings, then one that counts the rest per code; still rejected', async () => {
    const dir = fresh();
    writeFileSync(join(dir, '青石镇.csv'), badRows(3000));
    const [file] = await validateJson([dir]);
    const max = schema.limits.maxFindingsPerFile;
    expect(file!.status).toBe('rejected');
    expect(file!.findings).toHaveLength(max + 1);
    const last = file!.findings[max]!;
    expect(last.code).toBe('W_FINDINGS_TRUNCATED');
    expect(last.message_zh).toMatch(
      /^此文件另有 \d+ 条问题未逐条列出（错误 \d+ 条、警告 \d+ 条；按类型：E_NOT_NUMBER \d+/u,
    );
  });

  it('a 50,000-row CSV of bad rows is E_TOO_MANY_ROWS in validate and merge; the other townships are merged', async () => {
    const dir = fresh();
    const big = badRows(50_000);
    expect(big.length).toBeGreaterThan(2_000_000);
    writeFileSync(join(dir, '青石镇.csv'), big);
    writeFileSync(join(dir, '黎岭镇.csv'), sheetCsv(threeVillages('黎岭镇', 2025)));
    const validated = await validateJson([dir]);
    expect(validated.map((f) => [f.file, f.status, f.findings.map((x) => x.code)])).toEqual([
      ['青石镇.csv', 'rejected', ['E_TOO_MANY_ROWS']],
      ['黎岭镇.csv', 'accepted', []],
    ]);
    const out = join(root, `out${n++}`);
    const result = await run(['merge', dir, '--out', out, '--no-charts']);
    expect(result.code).toBe(1);
    const summaryText = readFileSync(join(out, 'summary.json'), 'utf8');
    expect(summaryText.length).toBeLessThan(200_000);
    const summary = JSON.parse(summaryText) as SummaryJson;
    expect(summary.townships.accepted).toEqual(['黎岭镇']);
    expect(summary.townships.rejected).toEqual([
      { file: '青石镇.csv', township: '青石镇', errors: 1 },
    ]);
  });
});

describe('file names and file kinds (issue 13 item 10)', () => {
  it('a file whose name is GBK bytes (a Windows zip unpacked on Linux) is read and shown decoded', async () => {
    const dir = fresh();
    const raw = Buffer.concat([Buffer.from(`${dir}/`), iconv.encode('黎岭镇.csv', 'gbk')]);
    writeFileSync(raw, sheetCsv(threeVillages('黎岭镇', 2025)));
    const listing = await listInputs(dir);
    expect(listing.files).toEqual([raw]);
    const [file] = await validateJson([dir]);
    expect(file).toMatchObject({ file: '黎岭镇.csv', township: '黎岭镇', status: 'accepted' });
    const summary = await merge(dir);
    expect(summary.townships.accepted).toEqual(['黎岭镇']);
    expect(summary.inputs[0]!.file).toBe('黎岭镇.csv');
  });

  it('validate refuses a FIFO and /dev/zero (exit 2, a clear message) instead of hanging; a FIFO in a folder is ignored', async () => {
    const dir = fresh();
    const fifo = join(dir, '青石镇.csv');
    execFileSync('mkfifo', [fifo]);
    const piped = await run(['validate', fifo]);
    expect(piped).toEqual({
      code: 2,
      stdout: '',
      stderr: `“${fifo}”不是普通文件（是管道、设备或套接字），无法校验。请指定统计表文件或存放它们的文件夹。\n`,
    });
    expect((await run(['validate', '/dev/zero'])).code).toBe(2);
    expect(await listInputs(dir)).toEqual({ files: [], ignored: ['青石镇.csv'] });
    // Reached anyway (a race, a symlink to it): opened without blocking and refused.
    const read = await readTownshipFile(fifo, schema);
    expect(read.findings.map((f) => [f.code, f.params.reason])).toEqual([
      ['E_UNREADABLE', '不是普通文件（是文件夹、管道或设备），请指定统计表文件本身'],
    ]);
    expect((await readTownshipFile('/dev/zero', schema)).findings[0]?.code).toBe('E_UNREADABLE');
  });
});

describe('.xls from LibreOffice through validate and merge', () => {
  const soffice = hasSoffice();
  if (!soffice && process.env.CI !== 'true') {
    it('needs LibreOffice (soffice): not installed here', () => expect(soffice).toBe(false));
    return;
  }
  it('an .xls of the entry sheet is accepted with the same totals as its .xlsx', async () => {
    const dir = fresh();
    const xlsx = await corpusXlsx([
      { name: '统计表', rows: entryRows(threeVillages('黎岭镇', 2025)) },
    ]);
    writeFileSync(join(dir, '黎岭镇.xls'), toXls(xlsx));
    const [file] = await validateJson([dir]);
    expect(file).toMatchObject({
      file: '黎岭镇.xls',
      encoding: 'xls',
      township: '黎岭镇',
      status: 'accepted',
    });
    const summary = await merge(dir);
    expect(summary.byTownship[0]?.totals.trainingAttendance).toBe(200);
    expect(summary.villages).toBe(3);
  });
});
