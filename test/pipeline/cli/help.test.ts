import { main } from '../../../pipeline/cli/cli';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** The option lines of a help page: `  --name ...` at the start of a line, in order. */
function optionLines(page: string): string[] {
  return [...page.matchAll(/^ {2}(--[\w-]+)/gmu)].map((m) => m[1] ?? '');
}

const MERGE_OPTIONS = [
  '--out',
  '--registry',
  '--year',
  '--county',
  '--previous',
  '--no-charts',
  '--font',
  '--json',
  '--lang',
];
const TEMPLATE_OPTIONS = [
  '--out',
  '--township',
  '--year',
  '--registry',
  '--county',
  '--force',
  '--lang',
];

describe('command help pages', () => {
  it('merge --help prints the Chinese then the English merge page, one line per option', async () => {
    const result = await run(['merge', '--help']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const zhAt = result.stdout.indexOf('用法：county-rollup merge <输入文件夹> --out <输出文件夹>');
    const enAt = result.stdout.indexOf('Usage: county-rollup merge <input-dir> --out <dir>');
    expect(zhAt).toBe(0);
    expect(enAt).toBeGreaterThan(zhAt);
    expect(optionLines(result.stdout.slice(0, enAt))).toEqual(MERGE_OPTIONS);
    expect(optionLines(result.stdout.slice(enAt))).toEqual(MERGE_OPTIONS);
    expect(result.stdout).toContain('  --font         图表使用的中文字体文件');
    expect(result.stdout).not.toContain('county-rollup validate');
  });

  it('merge --help --lang en prints the English merge page only, without running merge', async () => {
    const result = await run(['merge', 'no-such-folder', '--help', '--lang', 'en']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout.startsWith('Usage: county-rollup merge <input-dir> --out <dir>')).toBe(
      true,
    );
    expect(optionLines(result.stdout)).toEqual(MERGE_OPTIONS);
    expect(result.stdout).not.toContain('用法');
  });

  it('template --help prints the Chinese then the English template page, one line per option', async () => {
    const result = await run(['template', '-h']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const enAt = result.stdout.indexOf('Usage: county-rollup template --out <file.xlsx>');
    expect(result.stdout.startsWith('用法：county-rollup template --out <文件.xlsx>')).toBe(true);
    expect(enAt).toBeGreaterThan(0);
    expect(optionLines(result.stdout.slice(0, enAt))).toEqual(TEMPLATE_OPTIONS);
    expect(optionLines(result.stdout.slice(enAt))).toEqual(TEMPLATE_OPTIONS);
  });

  it('template --help --lang en prints the English template page only', async () => {
    const result = await run(['template', '--help', '--lang=en']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout.startsWith('Usage: county-rollup template --out <file.xlsx>')).toBe(true);
    expect(optionLines(result.stdout)).toEqual(TEMPLATE_OPTIONS);
    expect(result.stdout).not.toContain('用法');
  });

  it('the main help lists --font and --json for merge and --county, --force for template', async () => {
    const { stdout } = await run(['--help', '--lang', 'en']);
    const merge = /county-rollup merge[\s\S]*?\n {6}Merge/u.exec(stdout)?.[0] ?? '';
    const template = /county-rollup template[\s\S]*?\n {6}Write/u.exec(stdout)?.[0] ?? '';
    expect(merge).toContain('[--font <font-file>] [--json]');
    expect(template).toContain('[--county <name>] [--force]');
    const zh = (await run(['--help'])).stdout;
    expect(zh).toContain('[--font <字体文件>] [--json]');
    expect(zh).toContain('[--county <县名>] [--force]');
  });
});
