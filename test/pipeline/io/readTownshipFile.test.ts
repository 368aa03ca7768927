import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { loadSchema, makeFinding, validateGrid } from '../../../core';
import type { FindingCode, Grid } from '../../../core/types';
import { readTownshipFile } from '../../../pipeline/io/readTownshipFile';
import {
  csvGbk,
  csvUtf8,
  csvUtf8Bom,
  expectedTextGrid,
  makeSheet,
  SHUFFLED_ORDER,
  sheetXlsx,
  unicodeText,
  utf16beText,
} from '../../fixtures/sheets';
import type { FixtureSheet } from '../../fixtures/sheets';
import { valueOf } from '../../../core/sheet/rowValues';

const schema = loadSchema();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-township-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const asText = (grid: Grid): (string | null)[][] =>
  grid.map((row) => row.map((c) => (c === null ? null : String(c))));

describe.each([
  ['canonical', makeSheet()],
  ['shuffled columns', makeSheet({ order: SHUFFLED_ORDER })],
  ['Traditional headers', makeSheet({ traditional: true })],
] as [string, FixtureSheet][])('the %s sheet in every format', (_name, sheet) => {
  const formats: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['黎岭镇.csv', () => csvUtf8(sheet), 'utf-8'],
    ['黎岭镇-bom.csv', () => csvUtf8Bom(sheet), 'utf-8-bom'],
    ['黎岭镇-gbk.csv', () => csvGbk(sheet, { pad: true }), 'gb18030'],
    ['黎岭镇-unicode.txt', () => unicodeText(sheet), 'utf-16le'],
    ['黎岭镇-be.txt', () => utf16beText(sheet), 'utf-16be'],
    ['黎岭镇.xlsx', () => sheetXlsx(sheet, { leadingSheet: true }), 'xlsx'],
  ];

  it('reads to the same grid and validates identically, without findings', async () => {
    const parsed = [];
    for (const [name, make, encoding] of formats) {
      const bytes = await make();
      const read = await readTownshipFile(write(name, bytes), schema);
      expect({
        file: read.file,
        encoding: read.encoding,
        findings: read.findings,
        sha256: read.sha256,
      }).toEqual({
        file: name,
        encoding,
        findings: [],
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(asText(read.grid!)).toEqual(expectedTextGrid(sheet));
      const sheetResult = validateGrid(read.grid!, { schema, fileName: name, year: 2025 });
      parsed.push(sheetResult);
    }
    const first = parsed[0]!;
    expect(first.findings).toEqual([]);
    expect(first.township).toBe('黎岭镇');
    expect(first.villages.map((v) => valueOf(v, 'village'))).toEqual([
      '东山村',
      '西河村',
      '南岭社区',
    ]);
    for (const p of parsed) {
      expect(p.findings).toEqual(first.findings);
      expect(p.villages).toEqual(first.villages);
      expect(p.levelRow).toEqual(first.levelRow);
      expect(p.totalRow).toEqual(first.totalRow);
      expect(p.metadata).toEqual(first.metadata);
    }
  });
});

describe('readTownshipFile: files rejected at reading', () => {
  it.each([
    // Not BIFF8 (nor a zip): the message says to save as .xlsx.
    ['old.xls', 'E_XLS_UNREADABLE', '.xls'],
    ['wps.et', 'E_XLS_UNREADABLE', '.et'],
    ['mac.numbers', 'E_UNSUPPORTED_FORMAT', '.numbers'],
    ['calc.ODS', 'E_UNSUPPORTED_FORMAT', '.ods'],
    ['noextension', 'E_UNSUPPORTED_FORMAT', 'noextension'],
  ] as [string, FindingCode, string][])('%s is %s (value %s)', async (name, code, value) => {
    const read = await readTownshipFile(write(name, 'whatever'), schema);
    expect(read).toEqual({
      file: name,
      sha256: createHash('sha256').update('whatever').digest('hex'),
      encoding: null,
      workbook: null,
      sheetName: null,
      grid: null,
      bytes: null,
      findings: [
        makeFinding(
          schema,
          code,
          code === 'E_XLS_UNREADABLE' ? { value, params: { format: value } } : { value },
        ),
      ],
    });
  });

  it.each([
    ['empty.csv', '', 'E_EMPTY_FILE'],
    ['blank.csv', ',,,\r\n,,,\r\n', 'E_EMPTY_FILE'],
    ['latin1.csv', Buffer.from('Café,Zoë\r\n', 'latin1'), 'E_ENCODING'],
    ['binary.txt', Buffer.from([0, 1, 2, 3, 0xff, 0, 0x80]), 'E_ENCODING'],
  ] as [string, string | Buffer, FindingCode][])('%s gives %s', async (name, content, code) => {
    const read = await readTownshipFile(write(name, content), schema);
    expect(read.grid).toBeNull();
    expect(read.findings).toEqual([makeFinding(schema, code)]);
  });

  it('a blank .csv keeps its detected encoding', async () => {
    expect(
      (await readTownshipFile(write('blank2.csv', iconv.encode(',,,\r\n', 'gbk')), schema))
        .encoding,
    ).toBe('utf-8');
  });

  it.each([
    ['truncated.xlsx', async () => (await sheetXlsx(makeSheet())).subarray(0, 2000), 'not-zip'],
    ['renamed.xlsx', () => csvUtf8(makeSheet()), 'not-zip'],
  ])('%s is E_UNREADABLE (%s) with the reason in both languages', async (name, make, _reason) => {
    const read = await readTownshipFile(write(name, await make()), schema);
    expect(read.grid).toBeNull();
    expect(read.findings).toHaveLength(1);
    expect(read.findings[0]).toMatchObject({
      code: 'E_UNREADABLE',
      severity: 'error',
      row: null,
      cell: null,
    });
    expect(read.findings[0]?.params).toEqual({
      reason: '不是有效的 .xlsx 文件，可能已损坏、未下载完整或只是改了扩展名',
      reason_zh: '不是有效的 .xlsx 文件，可能已损坏、未下载完整或只是改了扩展名',
      reason_en: 'not a valid .xlsx file: damaged, incomplete, or merely renamed',
    });
  });

  it('a path that cannot be read is E_UNREADABLE, not a crash', async () => {
    const read = await readTownshipFile(join(dir, 'does-not-exist.csv'), schema);
    expect(read).toMatchObject({ file: 'does-not-exist.csv', sha256: '', grid: null });
    expect(read.findings.map((f) => f.code)).toEqual(['E_UNREADABLE']);
  });
});
