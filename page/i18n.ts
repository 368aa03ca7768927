/** The check page's own texts (findings and their messages come from the schema through the core). */
export type Lang = 'zh' | 'en';

const TEXTS = {
  title: { zh: '乡镇妇联工作统计表 · 自查', en: 'Township entry sheet · self-check' },
  privacy: {
    zh: '文件只在这台电脑的浏览器里检查，不会上传到任何地方；断网也能使用。原文件不会被改动。',
    en: 'Your file is checked in this browser only; nothing is uploaded, and it works offline. Your original file is never changed.',
  },
  drop: {
    zh: '把填好的统计表拖到这里，或点击选择文件（.xlsx、.xls、.csv、.txt）',
    en: 'Drop your filled-in sheet here, or click to choose it (.xlsx, .xls, .csv, .txt)',
  },
  registryLabel: {
    zh: '全县乡镇村名单（可选，县妇联提供）：',
    en: 'County registry of townships and villages (optional, from the county):',
  },
  registryNone: {
    zh: '未选名单：只检查表格本身，乡镇和村名不与名单核对。',
    en: 'No registry: the sheet is checked on its own; names are not compared with the registry.',
  },
  registryOk: {
    zh: '已读入名单：{townships} 个乡镇、{villages} 个村（社区），乡镇和村名按名单核对。',
    en: 'Registry read: {townships} townships, {villages} villages; names are checked against it.',
  },
  registryBad: {
    zh: '名单无法使用（已按没有名单检查）：',
    en: 'The registry cannot be used (checking without it):',
  },
  templateHeading: { zh: '空白填报表', en: 'Blank entry sheet' },
  templateTownship: { zh: '乡镇：', en: 'Township:' },
  templateAny: { zh: '（不填乡镇）', en: '(no township)' },
  templateYear: { zh: '年度：', en: 'Year:' },
  templateButton: { zh: '下载空白填报表', en: 'Download blank entry sheet' },
  templateHint: {
    zh: '选了名单和乡镇时，表里会预先填好该乡镇的村名。',
    en: 'With a registry and a township chosen, the villages are filled in.',
  },
  checking: { zh: '正在检查 {file}…', en: 'Checking {file}…' },
  township: { zh: '乡镇', en: 'Township' },
  year: { zh: '年度', en: 'Year' },
  sheet: { zh: '工作表', en: 'Worksheet' },
  unknown: { zh: '未识别', en: 'not identified' },
  accepted: {
    zh: '可以报送：没有发现问题，县里将按下面的本表合计汇总。',
    en: 'Ready to send: no problem found; the county will count the totals below.',
  },
  acceptedWarnings: {
    zh: '可以报送：没有错误，但有 {warnings} 条提醒，请核对后再报。',
    en: 'Ready to send: no error, but {warnings} notes to check before sending.',
  },
  rejected: {
    zh: '会被退回：有 {errors} 处错误必须改正，第一处是：{first}',
    en: 'Would be sent back: {errors} errors must be fixed; the first: {first}',
  },
  findingsHeading: { zh: '问题（按行）', en: 'Findings by row' },
  wholeFile: { zh: '整个文件', en: 'Whole file' },
  row: { zh: '第 {row} 行', en: 'Row {row}' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提醒', en: 'Note' },
  value: { zh: '原值：', en: 'Value: ' },
  suggestion: { zh: '建议：', en: 'Suggestion: ' },
  totalsHeading: {
    zh: '本表合计（县里看到的数字）',
    en: 'Sheet totals (the figures the county sees)',
  },
  totalsRejected: {
    zh: '本表合计（改正错误后县里才会计入）',
    en: 'Sheet totals (counted once the errors are fixed)',
  },
  villages: { zh: '村（社区）数', en: 'Villages' },
  markButton: { zh: '下载标注版', en: 'Download marked copy' },
  markHint: {
    zh: '标注版是一份新的 .xlsx：问题单元格标了颜色并附批注，第一张表“问题清单”列出全部问题。',
    en: 'The marked copy is a new .xlsx: each problem cell is coloured and commented, and a first sheet lists all findings.',
  },
  failed: { zh: '检查 {file} 时出错：{reason}', en: 'Checking {file} failed: {reason}' },
} as const;

export type TextKey = keyof typeof TEXTS;

/** The page language: English when the browser is English, else Chinese. */
export function pageLang(language: string | undefined): Lang {
  return (language ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** A text with `{name}` filled in. */
export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}
