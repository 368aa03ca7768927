/** `validate --mark <dir>`: a 标注版 for every file with findings, read back with exceljs. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './runInProcess';
import type { ValidatedFile } from '../../../intake/checkFile';
import { csvUtf8Bom, makeSheet, sheetXlsx } from '../../fixtures/sheets';

const run = runCli;

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

let dir: string;
let input: string;
let other: string;
let badXlsx: Buffer;
const bad = makeSheet({ township: '青石镇妇联' });
bad.rows[0]![12] = '五十'; // 培训人次 of 东山村 (M5): a Chinese numeral, and the 合计 no longer matches

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-mark-'));
  input = join(dir, 'in');
  other = join(dir, 'other');
  mkdirSync(input);
  mkdirSync(other);
  writeFileSync(join(input, '青石镇.csv'), csvUtf8Bom(bad));
  writeFileSync(join(input, '黎岭镇.xlsx'), await sheetXlsx(makeSheet()));
  badXlsx = Buffer.from(await sheetXlsx(bad));
  writeFileSync(join(other, '青石镇.xlsx'), badXlsx);
  writeFileSync(join(other, '青石镇.csv'), csvUtf8Bom(bad));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validate --mark', () => {
  test('writes a 标注版 only for files with findings, names it in the JSON and leaves no temporary file', async () => {
    const marks = join(dir, 'marks-1', 'nested');
    const result = await run(['validate', input, '--mark', marks, '--json']);
    expect(result.code).toBe(1);
    const files = (JSON.parse(result.stdout) as { files: ValidatedFile[] }).files;
    expect(files.map((f) => [f.file, f.marked ?? null])).toEqual([
      ['青石镇.csv', join(marks, '青石镇-标注版.xlsx')],
      ['黎岭镇.xlsx', null],
    ]);
    expect(readdirSync(marks)).toEqual(['青石镇-标注版.xlsx']);

    const wb = await readBack(join(marks, '青石镇-标注版.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '青石镇']);
    const ws = wb.getWorksheet('青石镇')!;
    const findings = files[0]!.findings.filter((f) => f.cell !== null);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const cell = ws.getCell(f.cell!);
      expect([f.cell, cell.fill]).toMatchObject([
        f.cell,
        { pattern: f.severity === 'error' ? 'solid' : 'lightUp' },
      ]);
      expect(cell.note as string).toContain(f.message_zh);
    }
    // The CSV's own values, numbers as numbers.
    expect(ws.getCell('M5').value).toBe('五十');
    expect(ws.getCell('B5').value).toBe('东山村');
    expect(typeof ws.getCell('E5').value).toBe('number');
    const list = wb.getWorksheet('问题清单')!;
    expect(list.getColumn(6).values.slice(3)).toEqual(files[0]!.findings.map((f) => f.code));
  });

  test('a 标注版 sent back as it is reads as the file it copies: the same findings, 问题清单 ignored', async () => {
    const marks = join(dir, 'marks-roundtrip');
    const first = await run(['validate', join(input, '青石镇.csv'), '--mark', marks, '--json']);
    const again = await run(['validate', join(marks, '青石镇-标注版.xlsx'), '--json']);
    const where = (stdout: string): [string, string | null][] =>
      (JSON.parse(stdout) as { files: ValidatedFile[] }).files[0]!.findings.map((f) => [
        f.code,
        f.cell,
      ]);
    expect(where(again.stdout)).toEqual(where(first.stdout));
    expect((JSON.parse(again.stdout) as { files: ValidatedFile[] }).files[0]!.township).toBe(
      '青石镇',
    );
  });

  test('the plain report names the copy; an .xlsx copy keeps the other cells as they were', async () => {
    const marks = join(dir, 'marks-2');
    const result = await run(['validate', join(other, '青石镇.xlsx'), '--mark', marks]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`  标注版：${join(marks, '青石镇-标注版.xlsx')}\n`);
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(badXlsx as unknown as ExcelJS.Buffer);
    const marked = await readBack(join(marks, '青石镇-标注版.xlsx'));
    const before = original.worksheets[0]!;
    const after = marked.getWorksheet(before.name)!;
    const findingCells = new Set<string>();
    after.eachRow((row) =>
      row.eachCell((c) => {
        if (c.note !== undefined) findingCells.add(c.address);
      }),
    );
    expect(findingCells.size).toBeGreaterThan(0);
    before.eachRow((row) =>
      row.eachCell((c) => {
        const a = after.getCell(c.address);
        expect([c.address, a.value, a.numFmt]).toEqual([c.address, c.value, c.numFmt]);
        if (!findingCells.has(c.address)) expect([c.address, a.fill]).toEqual([c.address, c.fill]);
      }),
    );
  });

  test('the same file name twice gets two copies; an input is never written over', async () => {
    // The marks go into the input folder itself, which holds a file named like the first copy.
    const clash = join(dir, 'clash');
    mkdirSync(clash);
    writeFileSync(join(clash, '青石镇-标注版.xlsx'), badXlsx);
    const result = await run([
      'validate',
      join(input, '青石镇.csv'),
      join(other, '青石镇.csv'),
      join(clash, '青石镇-标注版.xlsx'),
      '--mark',
      clash,
    ]);
    expect(result.code).toBe(1);
    expect(readFileSync(join(clash, '青石镇-标注版.xlsx')).equals(badXlsx)).toBe(true);
    expect(readdirSync(clash).sort()).toEqual([
      '青石镇-标注版(2).xlsx',
      '青石镇-标注版(3).xlsx',
      '青石镇-标注版-标注版.xlsx',
      '青石镇-标注版.xlsx',
    ]);
  });

  test('a --mark folder that is an input file stops the run (exit 2)', async () => {
    const path = join(input, '青石镇.csv');
    const before = readFileSync(path);
    const result = await run(['validate', path, '--mark', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('是要校验的文件');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test('a file that cannot be read gets no copy, and the report says so', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, '坏镇.xlsx'), 'not a zip');
    const marks = join(dir, 'marks-3');
    const result = await run(['validate', broken, '--mark', marks]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('没有标注版');
    expect(readdirSync(marks)).toEqual([]);
  });
});
