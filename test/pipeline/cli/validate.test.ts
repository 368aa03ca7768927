import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runInProcess';
import { csvGbk, csvUtf8Bom, makeSheet, sheetXlsx } from '../../fixtures/sheets';

const run = runCli;

let dir: string;
let good: string;
let mixed: string;
const REGISTRY =
  '乡镇,村（社区）\r\n黎岭镇,东山村\r\n黎岭镇,西河村\r\n黎岭镇,南岭社区\r\n青石镇,石门村\r\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-validate-'));
  good = join(dir, 'good');
  mixed = join(dir, 'mixed');
  mkdirSync(good);
  mkdirSync(mixed);
  const sheet = makeSheet();
  writeFileSync(join(good, '黎岭镇.csv'), csvGbk(sheet));
  writeFileSync(join(good, '黎岭镇.xlsx'), await sheetXlsx(sheet));
  writeFileSync(join(good, '~$黎岭镇.xlsx'), 'lock');
  writeFileSync(join(good, 'notes.docx'), 'x');

  const bad = makeSheet({ township: '青石镇妇联' });
  bad.rows[0]![12] = '五十'; // 培训人次 of 东山村 (M5): a Chinese numeral, and the 合计 no longer matches
  writeFileSync(join(mixed, '青石镇.csv'), csvUtf8Bom(bad));
  writeFileSync(join(mixed, '旧表.ods'), 'x');
  writeFileSync(join(dir, 'registry.csv'), REGISTRY);
  writeFileSync(join(dir, 'bad-registry.csv'), `${REGISTRY}青石镇,石门村\r\n`);
  mkdirSync(join(dir, 'empty'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate: exit 0, plain Chinese', () => {
  it('passes good files, lists them in order, names ignored entries on stderr', async () => {
    const result = await run(['validate', good]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        '黎岭镇.csv（乡镇：黎岭镇；编码：gb18030）',
        '  通过',
        '',
        '黎岭镇.xlsx（乡镇：黎岭镇；编码：xlsx）',
        '  通过',
        '',
        '共 2 个文件：2 个通过，0 个有错误。',
        '',
      ].join('\n'),
      stderr: '已忽略（不是统计表文件）：notes.docx\n',
    });
  });
});

describe('validate: exit 1', () => {
  it('groups findings by file with cell and message, and a per-file verdict', async () => {
    const result = await run(['validate', mixed, '--registry', join(dir, 'registry.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(
      result.stdout.startsWith(
        [
          '旧表.ods（乡镇：未识别）',
          '  有 1 个错误、0 个警告',
          '  [错误] 不支持 .ods 格式，请在 Excel/WPS 中另存为 .xlsx 或 CSV。',
          '',
          '青石镇.csv（乡镇：青石镇；编码：utf-8-bom）',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
    expect(result.stdout.endsWith('\n\n共 2 个文件：0 个通过，2 个有错误。\n')).toBe(true);
    expect(result.stdout).toContain('  有 1 个错误、');
    expect(result.stdout).toContain(
      '  [警告] M5「培训人次」“五十”为汉字数字，按 50 统计，建议改为阿拉伯数字。',
    );
    expect(result.stdout).toContain(
      '  [错误] M9合计行「培训人次」为 230，各行相加为 200，请核对。',
    );
  });

  it('--json prints exactly { files: [...] } on stdout with rendered findings', async () => {
    const result = await run([
      'validate',
      mixed,
      join(good, '黎岭镇.csv'),
      '--json',
      '--year',
      '2025',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as { files: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['files']);
    expect(json.files.map((f) => Object.keys(f))).toEqual(
      Array(3).fill(['file', 'encoding', 'township', 'status', 'findings']),
    );
    expect(json.files.map(({ findings: _f, ...rest }) => rest)).toEqual([
      { file: '旧表.ods', encoding: null, township: null, status: 'rejected' },
      { file: '青石镇.csv', encoding: 'utf-8-bom', township: '青石镇', status: 'rejected' },
      { file: '黎岭镇.csv', encoding: 'gb18030', township: '黎岭镇', status: 'accepted' },
    ]);
    expect(json.files[0]!.findings).toEqual([
      {
        code: 'E_UNSUPPORTED_FORMAT',
        severity: 'error',
        row: null,
        column: null,
        cell: null,
        field: null,
        value: '.ods',
        suggestion: null,
        message_zh: '不支持 .ods 格式，请在 Excel/WPS 中另存为 .xlsx 或 CSV。',
        message_en: '.ods files are not supported; save as .xlsx or CSV.',
      },
    ]);
    const codes = (
      json.files[1]!.findings as { code: string; cell: string; suggestion: string | null }[]
    ).map((f) => [f.code, f.cell, f.suggestion]);
    expect(codes).toContainEqual(['W_CHINESE_NUMERAL', 'M5', '50']);
    expect(codes).toContainEqual(['E_TOTAL_MISMATCH', 'M9', null]);
    expect(json.files[2]!.findings).toEqual([]);
  });

  it('--year different from the sheet rejects it', async () => {
    const result = await run(['validate', join(good, '黎岭镇.csv'), '--year', '2024', '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { files: { findings: { code: string }[] }[] };
    expect(json.files[0]!.findings.map((f) => f.code)).toEqual(['E_YEAR_MISMATCH']);
  });

  it('an unknown township against the registry is rejected with the nearest name', async () => {
    const other = join(dir, '石岭镇.csv');
    writeFileSync(other, csvGbk(makeSheet({ township: '石岭镇' })));
    const result = await run([
      'validate',
      other,
      '--registry',
      join(dir, 'registry.csv'),
      '--json',
    ]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as {
      files: { township: string | null; findings: { code: string; suggestion: string | null }[] }[];
    };
    expect(json.files[0]!.findings.filter((f) => f.code === 'E_UNKNOWN_TOWNSHIP')).toHaveLength(1);
  });
});

describe('validate: English output', () => {
  it('--lang en (after the command) prints English', async () => {
    const result = await run(['validate', mixed, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '旧表.ods (township: unknown)\n  1 error(s), 0 warning(s)\n  [error] .ods files are not supported; save as .xlsx or CSV.\n',
    );
    expect(result.stdout).toContain(
      '  [warning] M5 (Training attendances [培训人次]) “五十” is written in Chinese numerals; counted as 50.\n',
    );
    expect(result.stdout.endsWith('2 file(s): 0 passed, 2 with errors.\n')).toBe(true);
  });

  it('--lang=en before the command works too', async () => {
    const result = await run(['--lang=en', 'validate', good]);
    expect(result.stdout.endsWith('2 file(s): 2 passed, 0 with errors.\n')).toBe(true);
    expect(result.stderr).toBe('Ignored (not entry-sheet files): notes.docx\n');
  });
});

describe('validate: exit 2, nothing on stdout', () => {
  it.each([
    [
      'a missing path',
      () => ['validate', join(dir, 'nope')],
      () => `找不到“${join(dir, 'nope')}”，请检查路径。\n`,
    ],
    [
      'no path',
      () => ['validate'],
      () => '请给出要校验的文件或文件夹。\n运行 county-rollup --help 查看用法。\n',
    ],
    [
      'a folder without files',
      () => ['validate', join(dir, 'empty')],
      () => `没有找到可校验的文件（.csv、.txt、.xlsx）：${join(dir, 'empty')}\n`,
    ],
    [
      'a bad --year',
      () => ['validate', good, '--year', '25'],
      () => '--year 应为四位年份（如 2025），现为“25”。\n',
    ],
    [
      'an unknown option',
      () => ['validate', good, '--jsn'],
      () => '未知选项 --jsn。\n运行 county-rollup --help 查看用法。\n',
    ],
    [
      '--registry without value',
      () => ['validate', good, '--registry'],
      () => '选项 --registry 需要一个值。\n运行 county-rollup --help 查看用法。\n',
    ],
    [
      'a bad --lang',
      () => ['validate', good, '--lang', 'fr'],
      () => '--lang 只能是 zh 或 en，现为“fr”。\n',
    ],
    [
      'no command',
      () => [],
      () => '请指定命令：validate、merge 或 template。\n运行 county-rollup --help 查看用法。\n',
    ],
    [
      'an unknown command',
      () => ['check', good],
      () =>
        '未知命令“check”，可用命令：validate、merge、template。\n运行 county-rollup --help 查看用法。\n',
    ],
    [
      'an invalid registry (row named)',
      () => ['validate', good, '--registry', join(dir, 'bad-registry.csv')],
      () =>
        `名单文件“${join(dir, 'bad-registry.csv')}”有误：名单第 6 行：“石门村”在“青石镇”中重复（第 5 行已有），请删去一行。\n请改正名单文件后重新运行。\n`,
    ],
    [
      'a missing registry',
      () => ['validate', good, '--registry', join(dir, 'none.csv')],
      () =>
        `无法读取名单文件“${join(dir, 'none.csv')}”：无法打开文件，可能没有读取权限或文件正被占用\n请改正名单文件后重新运行。\n`,
    ],
  ] as [string, () => string[], () => string][])('%s', async (_name, argv, stderr) => {
    expect(await run(argv())).toEqual({ code: 2, stdout: '', stderr: stderr() });
  });
});

describe('global options', () => {
  it('--help prints Chinese then English usage and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('用法：\n  county-rollup validate <文件或文件夹>...');
    expect(result.stdout).toContain('Usage:\n  county-rollup validate <file-or-dir>...');
    expect(result.stdout.indexOf('用法')).toBeLessThan(result.stdout.indexOf('Usage'));
  });

  it('validate --help --lang en prints the English validate page only', async () => {
    const result = await run(['validate', '--help', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('Usage: county-rollup validate <file-or-dir>...')).toBe(true);
    expect(result.stdout).not.toContain('用法');
  });

  it('--version prints the package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });
});
