import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema } from '../../../core';
import { loadRegistryOption } from '../../../pipeline/commands/registryOption';

const schema = loadSchema();
const REGISTRY = '乡镇,村（社区）\r\n黎岭镇,东山村\r\n青石镇,石门村\r\n';

/** The words of a registry that cannot be used: what loadRegistryOption prints for each reason readRegistry gives. */
describe('loadRegistryOption', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-option-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const load = async (
    path: string | undefined,
    lang: 'zh' | 'en' = 'zh',
  ): Promise<{ result: unknown; stderr: string }> => {
    let stderr = '';
    const result = await loadRegistryOption(path, schema, { lang, stderr: (s) => (stderr += s) });
    return { result, stderr };
  };

  it('no option: no registry and nothing printed; a good file: its registry', async () => {
    expect(await load(undefined)).toEqual({ result: null, stderr: '' });
    const path = join(dir, 'good.csv');
    writeFileSync(path, REGISTRY);
    const { result, stderr } = await load(path);
    expect(stderr).toBe('');
    expect(result).toMatchObject({ townships: [{ name: '黎岭镇' }, { name: '青石镇' }] });
  });

  it.each([
    [
      'a missing file',
      null,
      'zh',
      '无法读取名单文件“{path}”：无法打开文件，可能没有读取权限或文件正被占用\n请改正名单文件后重新运行。\n',
    ],
    [
      'a missing file',
      null,
      'en',
      'Cannot read the registry “{path}”: the file cannot be opened; it may be locked or not readable\nFix the registry and run again.\n',
    ],
    [
      'an empty file',
      '',
      'zh',
      '无法读取名单文件“{path}”：名单文件是空的\n请改正名单文件后重新运行。\n',
    ],
    [
      'an undecodable file',
      Buffer.from([0x00, 0xff, 0x00, 0x81, 0x7f]),
      'zh',
      '无法读取名单文件“{path}”：文件编码无法识别，请在 Excel 中另存为“CSV UTF-8”\n请改正名单文件后重新运行。\n',
    ],
    [
      'a village listed twice',
      `${REGISTRY}青石镇,石门村\r\n`,
      'zh',
      '名单文件“{path}”有误：名单第 4 行：“石门村”在“青石镇”中重复（第 3 行已有），请删去一行。\n请改正名单文件后重新运行。\n',
    ],
    [
      'no header',
      '黎岭镇,东山村\r\n',
      'en',
      'Registry “{path}”: The registry has no header row: it needs the columns “乡镇” and “村（社区）” (optionally “乡镇别名”).\nFix the registry and run again.\n',
    ],
  ] as const)(
    '%s (%s): the reason in words, then what to do',
    async (name, content, lang, text) => {
      const path = join(dir, `${name}.csv`);
      if (content !== null) writeFileSync(path, content);
      expect(await load(path, lang)).toEqual({
        result: 'failed',
        stderr: text.replace('{path}', path),
      });
    },
  );

  it('a file the readers reject: the rendered finding as the reason (an .xls that is none: save as .xlsx)', async () => {
    const path = join(dir, 'registry.xls');
    writeFileSync(path, 'not a workbook');
    const { result, stderr } = await load(path);
    expect(result).toBe('failed');
    expect(stderr).toMatch(
      /^无法读取名单文件“.*registry\.xls”：.*另存为.*\n请改正名单文件后重新运行。\n$/u,
    );
  });
});
