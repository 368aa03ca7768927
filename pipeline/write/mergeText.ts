/** Texts of the merge that are not findings: table labels of the outputs and the command's own messages (zh/en). */
import type { Text2 } from '../../core/types';

/** Labels of the output tables (sheet names and column headers are Chinese: the county office's scripts read them). */
export const LABELS = {
  sheetSummary: '汇总',
  sheetTownships: '分乡镇',
  sheetVillages: '村级明细',
  sheetFindings: '问题清单',
  township: '乡镇',
  villages: '村（社区）数',
  rank: '排名',
  rowKind: '行类型',
  rowKindVillage: '村（社区）',
  rowKindLevel: '本级',
  file: '文件',
  sourceRow: '行号',
  reporter: '填报人',
  phone: '联系电话',
  severity: '级别',
  severityError: '错误',
  severityWarning: '警告',
  code: '代码',
  cell: '单元格',
  row: '行',
  column: '列',
  field: '栏目',
  value: '填写内容',
  suggestion: '建议值',
  messageZh: '说明',
  messageEn: 'Message (English)',
  indicator: '指标',
  amount: '数值',
  change: '比上年增减',
  county: '县（区）',
  year: '年度',
  expected: '应报乡镇数',
  accepted: '已汇总乡镇数',
  rejected: '退回文件数',
  missing: '未报送乡镇数',
  missingList: '未报送乡镇',
  female: '妇联主席：女',
  male: '妇联主席：男',
  fullTime: '专职',
  partTime: '兼职',
  inCommittee: '进村两委',
  noPay: '未领取报酬',
  averageAge: '平均年龄（岁）',
  averageAnnualPay: '平均年报酬（元）',
  ageBand: '年龄',
  education: '文化程度',
} as const;

/** Messages of `county-rollup merge` on stderr. */
export const MERGE_MESSAGES = {
  missingInput: {
    zh: '请给出存放乡镇统计表的文件夹。',
    en: 'Give the folder that holds the township files.',
  },
  missingOut: {
    zh: '请用 --out <文件夹> 指定输出位置。',
    en: 'Give the output folder with --out <dir>.',
  },
  inputNotDir: {
    zh: '无法读取输入文件夹“{path}”：{reason}',
    en: 'Cannot read the input folder “{path}”: {reason}',
  },
  noFiles: {
    zh: '文件夹“{path}”中没有统计表文件（.csv、.txt、.xlsx），未生成任何结果。',
    en: 'No township files (.csv, .txt, .xlsx) in “{path}”; nothing written.',
  },
  outParentMissing: {
    zh: '输出位置“{path}”的上级文件夹不存在。',
    en: 'The parent folder of “{path}” does not exist.',
  },
  outParentUnwritable: {
    zh: '没有权限在“{path}”的上级文件夹中写入。',
    en: 'Cannot write into the parent folder of “{path}”.',
  },
  outIsFile: {
    zh: '输出位置“{path}”是一个文件，请换一个文件夹名。',
    en: '“{path}” is a file; choose a folder name for --out.',
  },
  previousBad: {
    zh: '无法读取上年结果“{path}”（应为上年汇总生成的 summary.json）。',
    en: 'Cannot read the previous result “{path}” (expected a summary.json written by last year’s merge).',
  },
  outHoldsInput: {
    zh: '输出文件夹“{path}”不能是输入文件夹或包含输入文件夹，请另选一个位置。',
    en: 'The output folder “{path}” must not be or contain the input folder; choose another place.',
  },
  badCounty: { zh: '--county 不能为空。', en: '--county cannot be empty.' },
  writeFailed: {
    zh: '写入结果失败（{reason}），原有的输出文件夹未改动。',
    en: 'Writing the results failed ({reason}); the existing output folder was left as it was.',
  },
  progressFile: { zh: '[{index}/{total}] 读取 {file}', en: '[{index}/{total}] reading {file}' },
  progressBar: { zh: '读取 {bar} {index}/{total}', en: 'Reading {bar} {index}/{total}' },
  done: {
    zh: '汇总完成：{year}年度，{accepted}/{expected} 个乡镇，{villages} 个村（社区）；退回 {rejected} 个文件，未报送 {missing} 个乡镇。结果在 {out}',
    en: 'Merged {year}: {accepted}/{expected} townships, {villages} villages; {rejected} file(s) rejected, {missing} township(s) missing. Results in {out}',
  },
  unknownYear: { zh: '未知', en: 'unknown year' },
} satisfies Record<string, Text2>;

/** A merge message in `lang` with `{name}` placeholders filled. */
export function mergeMessage(
  lang: 'zh' | 'en',
  key: keyof typeof MERGE_MESSAGES,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return MERGE_MESSAGES[key][lang].replace(/\{(\w+)\}/gu, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
