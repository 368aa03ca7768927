import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { loadSchema } from '../../../core';
import { readRegistry } from '../../../pipeline/io/readRegistry';

const schema = loadSchema();
const REGISTRY =
  '乡镇,村（社区）,乡镇别名\r\n黎岭镇,东山村,黎岭乡\r\n黎岭镇,西河村,黎岭乡\r\n黎岭镇,南岭社区,\r\n青石镇,石门村,\r\n';

describe('readRegistry', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-registry-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array | string): string => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const expected = {
    ok: true,
    registry: {
      townships: [
        { name: '黎岭镇', aliases: ['黎岭乡'], villages: ['东山村', '西河村', '南岭社区'] },
        { name: '青石镇', aliases: [], villages: ['石门村'] },
      ],
    },
  };

  it.each([
    ['UTF-8', Buffer.from(REGISTRY, 'utf8')],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REGISTRY, 'utf8')]),
    ],
    ['GBK from Excel', iconv.encode(REGISTRY, 'gbk')],
    [
      'UTF-16 LE tab-separated',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(REGISTRY.replace(/,/gu, '\t'), 'utf16le'),
      ]),
    ],
  ])('reads a registry in %s', async (name, bytes) => {
    expect(await readRegistry(write(`${name}.csv`, bytes), schema)).toEqual(expected);
  });

  it('a village listed twice makes the registry invalid, naming the row', async () => {
    const result = await readRegistry(write('dup.csv', `${REGISTRY}青石镇,石门村,\r\n`), schema);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid')
      throw new Error(`not invalid: ${JSON.stringify(result)}`);
    expect(result.errors.map((e) => e.row)).toEqual([6]);
    expect(result.errors[0]?.message_zh).toContain('第 6 行');
  });

  // Reasons are codes: the commands put them in words (test/pipeline/commands/registryOption.test.ts).
  it.each([
    ['a missing file', null, { ok: false, reason: 'io' }],
    ['an empty file', '', { ok: false, reason: 'unreadable', failure: { code: 'E_EMPTY_FILE' } }],
    [
      'an undecodable file',
      Buffer.from([0x00, 0xff, 0x00, 0x81, 0x7f]),
      { ok: false, reason: 'unreadable', failure: { code: 'E_ENCODING' } },
    ],
  ])('%s is unreadable', async (name, content, reason) => {
    const path = content === null ? join(dir, 'missing.csv') : write(`${name}.csv`, content);
    expect(await readRegistry(path, schema)).toEqual(reason);
  });

  // Regression (issue 7): a registry saved as .xlsx was "编码无法识别"; it is read like the CSV.
  it('reads a registry given as .xlsx (a 说明 sheet before it), and as .xls the readers reject with what to do', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').getCell('A1').value = '全县乡镇、村（社区）名单';
    const sheet = workbook.addWorksheet('名单');
    for (const line of REGISTRY.trim().split('\r\n'))
      sheet.addRow(line.split(',').map((c) => (c === '' ? null : c)));
    const path = write('registry.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(await readRegistry(path, schema)).toEqual(expected);
    const xls = await readRegistry(write('registry.xls', 'not a workbook'), schema);
    expect(xls).toMatchObject({
      ok: false,
      reason: 'unreadable',
      failure: { code: 'E_XLS_UNREADABLE' },
    });
  });
});
