import { makeFinding } from '../../../core/findings/makeFinding';
import { formatMessage, renderFinding } from '../../../core/findings/renderFinding';
import { loadSchema } from '../../../core/schema/loadSchema';
import type { FindingCode } from '../../../core/types';

const schema = loadSchema();

describe('makeFinding', () => {
  it('fills severity from the schema, the A1 cell and null defaults', () => {
    expect(
      makeFinding(schema, 'W_APPROX', {
        row: 7,
        column: 13,
        field: 'trainingAttendance',
        value: '约150',
        suggestion: '150',
      }),
    ).toEqual({
      code: 'W_APPROX',
      severity: 'warning',
      row: 7,
      column: 13,
      cell: 'M7',
      field: 'trainingAttendance',
      value: '约150',
      suggestion: '150',
      params: {},
    });
  });

  it.each([
    'E_ENCODING',
    'E_EMPTY_FILE',
    'E_UNREADABLE',
    'E_UNSUPPORTED_FORMAT',
    'E_DUPLICATE_TOWNSHIP',
  ] as const)('builds the reader/pipeline code %s as a file-level error', (code) => {
    expect(makeFinding(schema, code)).toEqual({
      code,
      severity: 'error',
      row: null,
      column: null,
      cell: null,
      field: null,
      value: null,
      suggestion: null,
      params: {},
    });
  });

  it('throws on an unknown code (a bug, not data)', () => {
    // The code type comes from the schema file: a misspelled code fails tsc (this line proves it).
    // @ts-expect-error E_NOPE is not a finding code of core/schema/entry-sheet.json
    expect(() => makeFinding(schema, 'E_NOPE')).toThrow('unknown finding code E_NOPE');
  });
});

describe('renderFinding / formatMessage', () => {
  const render = (code: FindingCode, parts: Parameters<typeof makeFinding>[2]) => {
    const r = renderFinding(makeFinding(schema, code, parts), schema);
    return [r.message_zh, r.message_en];
  };

  it.each([
    [
      'E_ENCODING',
      {},
      [
        '文件编码无法识别（不是 UTF-8、GBK 或 UTF-16）。请在 Excel 中“另存为 CSV UTF-8”或 .xlsx 后重新提交。',
        'Cannot decode the file (not UTF-8, GBK or UTF-16). Save it again from Excel as CSV UTF-8 or .xlsx.',
      ],
    ],
    [
      'E_EMPTY_FILE',
      {},
      [
        '文件中没有可统计的数据（空文件，或表头下没有村（社区）行），请填写后重新导出提交。',
        'The file holds no data to count (it is empty, or no village row follows the header); fill it in and export it again.',
      ],
    ],
    [
      'E_UNREADABLE',
      { params: { reason: 'zip truncated' } },
      [
        '文件无法读取（zip truncated）。请在 Excel 中重新打开并另存后提交。',
        'The file cannot be read (zip truncated). Open it in Excel, save it again and resend.',
      ],
    ],
    [
      'E_UNSUPPORTED_FORMAT',
      { value: '.xls' },
      [
        '不支持 .xls 格式，请在 Excel/WPS 中另存为 .xlsx 或 CSV。',
        '.xls files are not supported; save as .xlsx or CSV.',
      ],
    ],
    [
      'E_DUPLICATE_TOWNSHIP',
      { params: { township: '青石镇', files: 'a.csv、b.csv' } },
      [
        '青石镇有多个文件：a.csv、b.csv。请只保留一个后重新汇总。',
        '青石镇 has several files: a.csv、b.csv. Keep one and merge again.',
      ],
    ],
    [
      'W_APPROX',
      { row: 7, column: 13, field: 'trainingAttendance', value: '约150', suggestion: '150' },
      [
        'M7「培训人次」“约150”是约数，按 150 统计，请填准确数字。',
        'M7 (Training attendances [培训人次]) “约150” is approximate; counted as 150. Enter the exact number.',
      ],
    ],
    [
      'E_ENUM',
      { row: 5, column: 4, field: 'cadreGender', value: '未知', params: { allowed: '女、男' } },
      [
        'D5「性别」填写“未知”不在可选范围内，请从以下选择：女、男。',
        'D5 (Gender [性别]): “未知” is not allowed. Choose one of: 女、男.',
      ],
    ],
    [
      'E_UNKNOWN_TOWNSHIP',
      { value: '青山镇', suggestion: '青石镇' },
      [
        '无法识别乡镇“青山镇”（不在全县乡镇名单中）。是否为“青石镇”？请在“填报单位”填写正确的乡镇名称。',
        'Unknown township “青山镇” (not in the county registry). Did you mean “青石镇”? Put the right name in 填报单位.',
      ],
    ],
    [
      'E_UNKNOWN_TOWNSHIP',
      { value: '青山镇' },
      [
        '无法识别乡镇“青山镇”（不在全县乡镇名单中）。请在“填报单位”填写正确的乡镇名称。',
        'Unknown township “青山镇” (not in the county registry). Put the right name in 填报单位.',
      ],
    ],
    [
      'E_TOTAL_MISMATCH',
      {
        row: 9,
        column: 12,
        field: 'trainingSessions',
        value: '99',
        params: { expected: 7, actual: 99 },
      },
      [
        'L9合计行「培训期数」为 99，各行相加为 7，请核对。',
        'L9 totals row (Training sessions [培训期数]) says 99 but the rows add up to 7.',
      ],
    ],
    [
      'E_ATTENDANCE_LT_EVENTS',
      {
        row: 5,
        column: 29,
        field: 'culturalAttendance',
        value: '3',
        params: { events: 5, eventsHeader: '文体活动场次', maxPerEvent: 1000 },
      },
      [
        'AC5「文体活动参与人次」为 3，少于「文体活动场次」5，请核实。',
        'AC5 (Cultural event attendances [文体活动参与人次]) 3 is less than Cultural and sports events [文体活动场次] 5.',
      ],
    ],
    [
      'E_MISSING_COLUMN',
      { row: 4, field: 'womensHome' },
      [
        '表头缺少「建有妇女之家」列，请按统计表模板补上该列。',
        "The header row lacks the column “Women's home [建有妇女之家]”; add it as in the template.",
      ],
    ],
  ] as [FindingCode, Parameters<typeof makeFinding>[2], string[]][])(
    '%s %p',
    (code, parts, messages) => {
      expect(render(code, parts)).toEqual(messages);
    },
  );

  it('keeps the finding fields and drops params', () => {
    const r = renderFinding(
      makeFinding(schema, 'W_MALE_CADRE', { row: 5, column: 4, field: 'cadreGender', value: '男' }),
      schema,
    );
    expect(r).toEqual({
      code: 'W_MALE_CADRE',
      severity: 'warning',
      row: 5,
      column: 4,
      cell: 'D5',
      field: 'cadreGender',
      value: '男',
      suggestion: null,
      message_zh: 'D5妇联主席由男同志兼任，请确认。',
      message_en: 'D5: the chair is a man (由男同志兼任); please confirm.',
    });
  });

  it('formats a message from explicit params', () => {
    expect(formatMessage(schema, 'E_YEAR_MISMATCH', { value: 2024, expected: 2025 }, 'en')).toBe(
      'The sheet is for 2024, this merge is for 2025.',
    );
  });

  it('prefers a param named <name>_<lang> over <name> for that language', () => {
    const params = {
      reason: '文件已损坏',
      reason_zh: '文件已损坏',
      reason_en: 'the file is damaged',
    };
    expect(formatMessage(schema, 'E_UNREADABLE', params, 'en')).toBe(
      'The file cannot be read (the file is damaged). Open it in Excel, save it again and resend.',
    );
    expect(formatMessage(schema, 'E_UNREADABLE', params, 'zh')).toBe(
      '文件无法读取（文件已损坏）。请在 Excel 中重新打开并另存后提交。',
    );
    // Without a language form the plain name is used; a null language form falls back to it too.
    expect(formatMessage(schema, 'E_UNREADABLE', { reason: 'x', reason_en: null }, 'en')).toBe(
      'The file cannot be read (x). Open it in Excel, save it again and resend.',
    );
  });

  it('renders E_UNREADABLE in English without the Chinese reason', () => {
    // The params readTownshipFile gives: `reason` is the Chinese text, reason_zh/reason_en both forms.
    const r = renderFinding(
      makeFinding(schema, 'E_UNREADABLE', {
        params: {
          reason: '不是 xlsx 文件',
          reason_zh: '不是 xlsx 文件',
          reason_en: 'not an xlsx file',
        },
      }),
      schema,
    );
    expect([r.message_zh, r.message_en]).toEqual([
      '文件无法读取（不是 xlsx 文件）。请在 Excel 中重新打开并另存后提交。',
      'The file cannot be read (not an xlsx file). Open it in Excel, save it again and resend.',
    ]);
    expect(r.message_en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('renders W_NO_PAY on a blank pay cell (value null) so that it reads well', () => {
    const r = renderFinding(
      makeFinding(schema, 'W_NO_PAY', { row: 5, column: 9, field: 'cadreAnnualPay', value: null }),
      schema,
    );
    expect([r.value, r.message_zh, r.message_en]).toEqual([
      null,
      'I5「年报酬（元）」为 0 或未填（未领取报酬），请确认。',
      "I5 (Chairs' annual pay (yuan) [年报酬（元）]) is 0 or blank: the chair receives no pay. Please confirm.",
    ]);
  });

  it('renders every finding of the schema without leftover placeholders', () => {
    for (const code of Object.keys(schema.findings) as FindingCode[]) {
      const r = renderFinding(
        makeFinding(schema, code, {
          row: 1,
          column: 1,
          field: 'village',
          value: 'x',
          suggestion: 'y',
        }),
        schema,
      );
      expect(r.message_zh).not.toMatch(/[{}]/);
      expect(r.message_en).not.toMatch(/[{}]/);
    }
  });
});
