import type { FindingCode } from '../../../core/types';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadSchema } from '../../../core';
import { phrasesFor } from '../../../pipeline/presentation/phrases';
import type { SummaryFinding, SummaryJson } from '../../../pipeline/aggregate/summaryTypes';
import { splitMessage, writeReturns } from '../../../pipeline/write/writeReturns';
import type { MarkSource } from '../../../workbook/markWorkbook';

const schema = loadSchema();
const p = phrasesFor('zh');

function finding(
  file: string,
  code: FindingCode,
  cell: string | null,
  message: string,
  extra: Partial<SummaryFinding> = {},
): SummaryFinding {
  const m = cell === null ? null : /^([A-Z]+)(\d+)$/u.exec(cell);
  return {
    file,
    township: null,
    code,
    severity: code.startsWith('E_') ? 'error' : 'warning',
    row: m ? Number(m[2]) : null,
    column: m ? m[1]!.charCodeAt(0) - 64 : null,
    cell,
    field: null,
    value: null,
    suggestion: null,
    message_zh: `${cell ?? ''}${message}`,
    message_en: message,
    ...extra,
  };
}

/** The parts of summary.json returns/ reads. */
function summaryOf(parts: {
  rejected: SummaryJson['townships']['rejected'];
  missing?: string[];
  misnamed?: SummaryJson['townships']['misnamed'];
  findings: SummaryFinding[];
}): SummaryJson {
  return {
    townships: {
      expected: 5,
      accepted: [],
      rejected: parts.rejected,
      missing: parts.missing ?? [],
      misnamed: parts.misnamed ?? [],
    },
    findings: parts.findings,
  } as unknown as SummaryJson;
}

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'returns-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const grid = [['标题'], ['序号', '村（社区）', '培训人次'], ['1', '东山村', '五十']];

describe('writeReturns', () => {
  test('nothing rejected, nobody missing: no returns/ folder', async () => {
    const index = await writeReturns(out, summaryOf({ rejected: [], findings: [] }), {
      schema,
      loadSource: () => Promise.resolve(null),
    });
    expect(index).toBeNull();
    expect(readdirSync(out)).toEqual([]);
  });

  test('a long note stops after 15 errors and says how many more; an unreadable file gets a note without a copy; missing townships are listed', async () => {
    const many = Array.from({ length: 18 }, (_, i) =>
      finding(
        '马鞍乡.csv',
        'E_NOT_NUMBER',
        `C${i + 3}`,
        `「培训人次」应填数字，现为“五十”。请改为数字（没有请填 0）。`,
        {
          suggestion: i === 0 ? '50' : null,
        },
      ),
    );
    const summary = summaryOf({
      // 20 errors: the per-file cap left two out of the findings.
      rejected: [
        { file: '马鞍乡.csv', township: '马鞍乡', errors: 20 },
        { file: '乱码:表.csv', township: null, errors: 1 },
      ],
      missing: ['青石镇', '黎岭镇'],
      misnamed: [{ township: '黎岭镇', file: '黎岭真.csv', written: '黎岭真' }],
      findings: [
        ...many,
        finding('马鞍乡.csv', 'W_APPROX', 'C3', '“约50”是约数，按 50 统计，请填准确数字。'),
        finding(
          '乱码:表.csv',
          'E_ENCODING',
          null,
          '文件编码无法识别（不是 UTF-8、GBK 或 UTF-16）。请在 Excel 中“另存为 CSV UTF-8”或 .xlsx 后重新提交。',
        ),
      ],
    });
    const sources = new Map<string, MarkSource>([
      [
        '马鞍乡.csv',
        { bytes: new Uint8Array(), fileName: '马鞍乡.csv', format: 'csv', sheetName: null, grid },
      ],
    ]);
    const index = await writeReturns(out, summary, {
      schema,
      loadSource: (file) => Promise.resolve(sources.get(file) ?? null),
    });
    expect(index).toEqual({
      dir: 'returns',
      list: '退回清单.csv',
      files: [
        {
          file: '马鞍乡.csv',
          township: '马鞍乡',
          errors: 20,
          marked: '马鞍乡-标注版.xlsx',
          note: '退回说明-马鞍乡.txt',
        },
        {
          file: '乱码:表.csv',
          township: null,
          errors: 1,
          marked: null,
          note: '退回说明-乱码_表.txt',
        },
      ],
    });
    const dir = join(out, 'returns');
    expect(readdirSync(dir).sort()).toEqual([
      '退回清单.csv',
      '退回说明-乱码_表.txt',
      '退回说明-马鞍乡.txt',
      '马鞍乡-标注版.xlsx',
    ]);

    const note = readFileSync(join(dir, '退回说明-马鞍乡.txt'), 'utf8').split('\r\n');
    expect(note.length).toBeLessThanOrEqual(21);
    expect(note[0]).toBe(
      '\uFEFF马鞍乡：《马鞍乡.csv》未通过审核，有 20 处错误，请改正后重新报送。',
    );
    expect(note[2]).toBe(
      '1. C3 — 「培训人次」应填数字，现为“五十” — 请改为数字（没有请填 0）（可改为“50”）',
    );
    expect(note[16]).toBe('15. C17 — 「培训人次」应填数字，现为“五十” — 请改为数字（没有请填 0）');
    expect(note.slice(17)).toEqual([
      '另有 5 处，见标注版。',
      '另有 1 处提醒（不影响汇总，请核实），见标注版。',
      '',
    ]);

    const unread = readFileSync(join(dir, '退回说明-乱码_表.txt'), 'utf8').split('\r\n');
    expect(unread).toEqual([
      '\uFEFF乱码:表：《乱码:表.csv》未通过审核，有 1 处错误，请改正后重新报送。',
      '1. 整个文件 — 文件编码无法识别（不是 UTF-8、GBK 或 UTF-16） — 请在 Excel 中“另存为 CSV UTF-8”或 .xlsx 后重新提交',
      '',
    ]);

    const list = readFileSync(join(dir, '退回清单.csv'), 'utf8').split('\r\n');
    expect(list.slice(2)).toEqual([
      expect.stringMatching(
        /^（未识别）,乱码:表\.csv,1,文件编码无法识别.*,,退回说明-乱码_表\.txt$/u,
      ),
      '青石镇,,,未报送,,',
      '黎岭镇,,,未报送（可能是文件《黎岭真.csv》，乡镇名称写成了“黎岭真”）,,',
      '',
    ]);
    expect(list[1]).toMatch(
      /^马鞍乡,马鞍乡\.csv,20,C3「培训人次」.*；C4「培训人次」.*；C5「培训人次」[^；]*,马鞍乡-标注版\.xlsx,退回说明-马鞍乡\.txt$/u,
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, '马鞍乡-标注版.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '马鞍乡']);
    expect(wb.getWorksheet('马鞍乡')!.getCell('C3').fill).toMatchObject({ pattern: 'solid' });
  });

  test('two rejected files of one township get two notes', async () => {
    const summary = summaryOf({
      rejected: [
        { file: '马鞍乡.csv', township: '马鞍乡', errors: 1 },
        { file: '马鞍乡(新).csv', township: '马鞍乡', errors: 1 },
      ],
      findings: [],
    });
    const index = await writeReturns(out, summary, {
      schema,
      loadSource: () => Promise.resolve(null),
    });
    expect(index?.files.map((f) => f.note)).toEqual([
      '退回说明-马鞍乡.txt',
      '退回说明-马鞍乡(2).txt',
    ]);
  });
});

describe('splitMessage: 问题 — 怎么改', () => {
  test.each([
    [
      'U7「化解纠纷件数」5 大于「调处纠纷件数」3，化解数不能超过调处数。',
      '「化解纠纷件数」5 大于「调处纠纷件数」3，化解数不能超过调处数',
      '请核实后改正',
    ],
    [
      'AC10「文体活动参与人次」为 60，但「文体活动场次」为 0，请核实。',
      '「文体活动参与人次」为 60，但「文体活动场次」为 0',
      '请核实',
    ],
    [
      '表头缺少「培训人次」列，请按统计表模板补上该列。',
      '表头缺少「培训人次」列',
      '请按统计表模板补上该列',
    ],
  ])('%s', (message, problem, fix) => {
    const cell = /^[A-Z]+\d+/u.exec(message)?.[0] ?? null;
    expect(
      splitMessage(
        finding('x.csv', 'E_NOT_NUMBER', null, message, { cell, message_zh: message }),
        p,
      ),
    ).toEqual({ problem, fix });
  });
});
