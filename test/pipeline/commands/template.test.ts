import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CliIO } from '../../../pipeline/cli/args';
import { runTemplate } from '../../../pipeline/commands/template';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], lang: 'zh' | 'en' = 'zh'): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    lang,
    isTTY: false,
  };
  const code = await runTemplate(argv, io);
  return { code, stdout, stderr };
}

async function sheet(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

const REGISTRY = [
  '乡镇,村（社区）,乡镇别名',
  '黎岭镇,黎岭村,黎岭乡',
  '黎岭镇,青石村,',
  '黎岭镇,东山社区,',
  '石门乡,石门村,',
].join('\r\n');

describe('county-rollup template', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'template-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a blank template and says so on stderr, nothing on stdout', async () => {
    const out = join(dir, 'blank.xlsx');
    const r = await run(['--out', out]);
    expect(r).toEqual({
      code: 0,
      stdout: '',
      stderr: `已生成统计表模板：${out}（乡镇：未指定；年度：未指定；预填 0 个村（社区））\n`,
    });
    const ws = await sheet(out);
    expect(ws.getCell('A1').value).toBe('XX县乡镇妇联工作统计表（____年度）');
    expect(ws.getCell('B35').value).toBe('本级');
    expect(ws.getCell('B36').value).toBe('合计');
    expect(readdirSync(dir)).toEqual(['blank.xlsx']);
  });

  it('pre-fills the township villages from the registry, matched like a sheet (黎岭 → 黎岭镇)', async () => {
    const registry = join(dir, 'registry.csv');
    writeFileSync(registry, `\uFEFF${REGISTRY}`);
    const out = join(dir, '黎岭镇.xlsx');
    const r = await run(
      [
        '--out',
        out,
        '--township',
        '黎岭',
        '--year',
        '2025',
        '--registry',
        registry,
        '--county',
        '示例县',
      ],
      'en',
    );
    expect(r).toEqual({
      code: 0,
      stdout: '',
      stderr: `Wrote the entry-sheet template ${out} (township: 黎岭镇; year: 2025; 3 villages pre-filled)\n`,
    });
    const ws = await sheet(out);
    expect(ws.getCell('A1').value).toBe('示例县乡镇妇联工作统计表（2025年度）');
    expect(ws.getCell('C2').value).toBe('黎岭镇妇联');
    expect(ws.getCell('E2').value).toBe(2025);
    expect([5, 6, 7].map((row) => ws.getCell(`B${row}`).value)).toEqual([
      '黎岭村',
      '青石村',
      '东山社区',
    ]);
    expect(ws.getCell('B11').value).toBe('镇本级');
    expect(ws.getCell('L12').formula).toBe('SUM(L5:L11)');
  });

  it('tidies the township name without a registry (Traditional, trailing 妇联)', async () => {
    const out = join(dir, 't.xlsx');
    expect((await run(['--out', out, '--township', '黎嶺鎮婦聯'])).code).toBe(0);
    expect((await sheet(out)).getCell('C2').value).toBe('黎岭镇妇联');
  });

  it('refuses a township missing from the registry, with the nearest name, and writes nothing', async () => {
    const registry = join(dir, 'registry.csv');
    writeFileSync(registry, REGISTRY);
    const out = join(dir, 'x.xlsx');
    const r = await run(['--out', out, '--township', '黎龄镇', '--registry', registry]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法识别乡镇“黎龄镇”');
    expect(r.stderr).toContain('是否为“黎岭镇”？');
    expect(readdirSync(dir)).toEqual(['registry.csv']);
  });

  it('keeps an existing file unless --force', async () => {
    const out = join(dir, 'filled.xlsx');
    writeFileSync(out, 'filled in by the township');
    const r = await run(['--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `“${out}”已存在，未覆盖（可能是已填报的表）。请换一个文件名，或加 --force 覆盖。\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('filled in by the township');
    expect((await run(['--out', out, '--force'])).code).toBe(0);
    expect((await sheet(out)).name).toBe('统计表');
    expect(readdirSync(dir)).toEqual(['filled.xlsx']);
  });

  it.each([
    [[], '请用 --out 指定要生成的 .xlsx 文件，如 --out 黎岭镇.xlsx。\n'],
    [['--out', 'x.csv'], '--out 应为 .xlsx 文件，现为“x.csv”。\n'],
    [['--out', 'x.xlsx', '--year', '25'], '--year 应为四位年份（如 2025），现为“25”。\n'],
    [
      ['--out', 'x.xlsx', '--registry', 'r.csv'],
      '给了 --registry 时请用 --township 指定乡镇，模板会预填该乡镇的村（社区）。\n',
    ],
    [['--out', 'x.xlsx', 'extra'], '多余的参数“extra”。\n运行 county-rollup --help 查看用法。\n'],
    [
      ['--out', 'x.xlsx', '--town', 'a'],
      '未知选项 --town。\n运行 county-rollup --help 查看用法。\n',
    ],
    [['--out', '/no/such/dir/x.xlsx'], '文件夹“/no/such/dir”不存在，请先创建或换一个位置。\n'],
  ])('exits 2 on bad arguments %j', async (argv, stderr) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('exits 2 when the registry cannot be read', async () => {
    const r = await run([
      '--out',
      join(dir, 'x.xlsx'),
      '--township',
      '黎岭镇',
      '--registry',
      join(dir, 'missing.csv'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法读取名单文件');
    expect(readdirSync(dir)).toEqual([]);
  });
});
