/**
 * The task pane's own words, Chinese and English. Finding messages are not here: they come from
 * the schema's templates through the core's renderFinding.
 */
import { fillText } from '../core/text/fillText';

/** The pane's languages: Chinese by default, English when Office runs in English. */
export type PaneLang = 'zh' | 'en';

const zh = {
  appTitle: '乡镇妇联统计表校验',
  validate: '校验',
  autoToggle: '自动校验',
  clear: '清除标记',
  fix: '修正',
  fixConfirm: '确认修改',
  fixCancel: '取消',
  newSheet: '新建填报表',
  totals: '本表合计',
  registryLabel: '村（社区）名单 CSV（可选，用于核对村名和新建填报表）',
  townshipLabel: '乡镇',
  townshipNone: '（不预填村名）',
  yearLabel: '年度',
  errors: '错误',
  warnings: '提醒',
  filterLabel: '显示',
  filterAll: '全部',
  filterError: '只看错误',
  filterWarning: '只看提醒',
  row: '第 {row} 行',
  wholeSheet: '整张表',
  error: '错误',
  warning: '提醒',
  suggestion: '建议改为：{value}',
  tick: '勾选后点“修正”',
  normalizedTitle: '可自动规范的写法（不算错误）',
  normalizedItem: '{cell}“{value}”可规范为“{suggestion}”',
  noFindings: '没有发现问题，可以提交。',
  working: '正在处理，请稍候…',
  validated: '校验完成：{errors} 个错误，{warnings} 个提醒。',
  validatedClean: '校验完成：没有发现问题。',
  annotationsFailed: '有些单元格已有批注，无法再加说明，只用底色标出；请看下方列表。',
  clearNotesLeft:
    '另有 {count} 条【校验】注释是在能用“注释”的 Excel 里加的，这个 Excel 删除不了；请在 Microsoft 365 或网页版 Excel 里再点一次“清除标记”，或右键单元格手动删除注释。',
  annotationsCapped: '另有 {count} 个标出的单元格没有加批注说明（每次最多 500 条），请看下方列表。',
  noAnnotationsHost:
    '这个 Excel 不能加批注，只用底色标出；清除标记会恢复底色，但不会删除任何批注。',
  writeCellEdit: '您正在编辑单元格，Excel 暂时不让加载项写入。请按回车或 Esc 结束编辑后再点一次。',
  writeProtected: '工作表受保护，无法标出或修改单元格。请先在“审阅 → 撤销工作表保护”后再试。',
  writeTooLarge:
    '要写入的内容太多，Excel 拒绝了这次请求。请先修正整列写错的数据（例如粘贴错的一列），再校验。',
  cleared: '已清除 {count} 个单元格的标记，恢复原来的底色。',
  clearedNone: '表中没有本加载项做的标记。',
  clearKept: '另有 {count} 个标记过的单元格已被您改过底色，保留了您设的底色。',
  recordCorrupt:
    '工作簿里保存标记原底色的记录已损坏，无法恢复原来的底色；该记录已删除。请手动清除仍带粉色或黄色斜纹底色的单元格。',
  recordFuture:
    '工作簿里的标记记录来自更新版本的加载项（版本 {version}），本加载项无法读取，未做任何改动。请更新加载项后再清除标记或标出问题。',
  markRecordFuture:
    '问题已列在下方，但没有在表中标色：工作簿里的标记记录来自更新版本的加载项，请更新加载项。',
  fixFormula: '{cells} 是公式单元格，修正不会改写公式；请改公式引用的单元格。',
  fixNone: '请先勾选要修正的问题（只有带“建议改为”的问题可以勾选）。',
  fixTitle: '将修改以下单元格，请确认：',
  fixed: '已修正 {count} 个单元格，并重新校验。',
  fixSkipped: '{cells} 在列出后被改动过，没有修改。',
  /** Between the cells of a list (B3、B4). */
  cellSeparator: '、',
  /** A clicked finding whose message does not name its cell. */
  cellMessage: '{cell}：{message}',
  fixCancelled: '已取消修正。',
  newSheetDone: '已新建工作表“{name}”，请在其中填写。',
  registryLoaded: '已读取名单：{townships} 个乡镇，{villages} 个村（社区）。',
  registryInvalid: '名单文件有问题：',
  registryUnreadable: '名单文件无法读取：{message}',
  autoOn: '自动校验已开启：修改单元格后会自动重新校验。',
  autoOff: '自动校验已关闭。',
  failed: '操作没有完成：{message}',
  totalsTitle: '本表合计（县里汇总时看到的数字）',
  totalsSums: '各项合计',
  totalsShown: '本表合计已列在下方。',
  totalsVillages: '村（社区）数',
  totalsItem: '项目',
  totalsValue: '数值',
  totalsRates: '比率',
  totalsHasErrors: '表中还有 {errors} 个错误，出错的单元格没有计入合计，请先改正。',
  saveReminder:
    '提交给县妇联前请保存：文件 → 另存为 → 保存类型选“CSV UTF-8（逗号分隔）(*.csv)”，或直接保存为 Excel 工作簿（.xlsx）。',
  unsupported:
    '此版本的 Excel 无法运行本加载项（需要 Excel 2021、Microsoft 365 或网页版 Excel）。请把表格另存为 .xlsx 或 CSV 交县妇联，用 county-rollup validate 校验。',
  notExcel: '本加载项只能在 Excel 中使用。',
  officeMissing:
    '无法加载 Office.js（网络或县里的服务器没有提供）。请联系县妇联信息管理员，或把表格交县妇联用 county-rollup validate 校验。',
};

const en: typeof zh = {
  appTitle: 'Township statistics check',
  validate: 'Check',
  autoToggle: 'Check as I edit',
  clear: 'Clear marks',
  fix: 'Fix',
  fixConfirm: 'Apply changes',
  fixCancel: 'Cancel',
  newSheet: 'New entry sheet',
  totals: 'Sheet totals',
  registryLabel: 'Village registry CSV (optional: checks village names, pre-fills a new sheet)',
  townshipLabel: 'Township',
  townshipNone: '(no villages pre-filled)',
  yearLabel: 'Year',
  errors: 'Errors',
  warnings: 'Warnings',
  filterLabel: 'Show',
  filterAll: 'All',
  filterError: 'Errors only',
  filterWarning: 'Warnings only',
  row: 'Row {row}',
  wholeSheet: 'Whole sheet',
  error: 'Error',
  warning: 'Warning',
  suggestion: 'Suggested: {value}',
  tick: 'tick, then click Fix',
  normalizedTitle: 'Values that can be tidied (not errors)',
  normalizedItem: '{cell} “{value}” can be written “{suggestion}”',
  noFindings: 'No problems found; ready to send.',
  working: 'Working…',
  validated: 'Check done: {errors} error(s), {warnings} warning(s).',
  validatedClean: 'Check done: no problems found.',
  annotationsFailed:
    'Some cells already hold a comment, so they are marked by fill only; see the list below.',
  clearNotesLeft:
    '{count} 【校验】 notes were added in an Excel with notes and cannot be removed here; click Clear marks again in Microsoft 365 or Excel on the web, or delete them by hand.',
  annotationsCapped:
    '{count} more marked cells have no comment (at most 500 per check); see the list below.',
  noAnnotationsHost:
    'This Excel cannot add notes or comments: cells are marked by fill only; Clear marks restores fills and removes no comments.',
  writeCellEdit:
    'You are editing a cell, so Excel refuses the add-in’s writes. Press Enter or Esc, then try again.',
  writeProtected:
    'The sheet is protected: cells cannot be marked or changed. Unprotect it (Review → Unprotect Sheet) and try again.',
  writeTooLarge:
    'Too much to write at once: Excel refused the request. Fix the column of wrong values first (e.g. a mis-pasted column), then check again.',
  cleared: 'Cleared the marks of {count} cells; their fills are restored.',
  clearedNone: 'The workbook has no marks from this add-in.',
  clearKept: '{count} more marked cells were re-coloured by you; your fill was kept.',
  recordCorrupt:
    'The record of the original fills in this workbook is damaged, so they cannot be restored; the record was deleted. Clear the pink or yellow-striped fills by hand.',
  recordFuture:
    'The mark record in this workbook comes from a newer add-in (version {version}); this add-in cannot read it and changed nothing. Update the add-in, then clear or check again.',
  markRecordFuture:
    'The problems are listed below but not marked in the sheet: the mark record comes from a newer add-in; please update the add-in.',
  fixFormula:
    '{cells} hold formulas, which a fix never overwrites; correct the cells they refer to.',
  fixNone: 'Tick the problems to fix first (only those with a suggestion can be ticked).',
  fixTitle: 'These cells will change; please confirm:',
  fixed: 'Fixed {count} cells and checked again.',
  fixSkipped: '{cells} changed after the list was made and were left alone.',
  cellSeparator: ', ',
  cellMessage: '{cell}: {message}',
  fixCancelled: 'Fix cancelled.',
  newSheetDone: 'Added the sheet “{name}”; fill it in there.',
  registryLoaded: 'Registry read: {townships} townships, {villages} villages.',
  registryInvalid: 'The registry file has problems:',
  registryUnreadable: 'Cannot read the registry file: {message}',
  autoOn: 'Checking as you edit: the sheet is checked again after each change.',
  autoOff: 'Checking as you edit is off.',
  failed: 'Could not finish: {message}',
  totalsTitle: 'Sheet totals (as the county will see them)',
  totalsSums: 'Totals',
  totalsShown: 'The sheet totals are listed below.',
  totalsVillages: 'Villages',
  totalsItem: 'Item',
  totalsValue: 'Value',
  totalsRates: 'Rates',
  totalsHasErrors:
    'The sheet still has {errors} errors; cells in error are not counted. Fix them first.',
  saveReminder:
    'Before sending to the county: File → Save As → type “CSV UTF-8 (Comma delimited) (*.csv)”, or save as an Excel workbook (.xlsx).',
  unsupported:
    'This version of Excel cannot run the add-in (it needs Excel 2021, Microsoft 365 or Excel on the web). Save the sheet as .xlsx or CSV and have it checked with county-rollup validate.',
  notExcel: 'This add-in runs in Excel only.',
  officeMissing:
    'Office.js could not be loaded (no network, or the county server does not provide it). Ask the county IT, or have the sheet checked with county-rollup validate.',
};

/** The keys of the pane's texts. */
export type TextKey = keyof typeof zh;

const TEXTS: Record<PaneLang, typeof zh> = { zh, en };

/** The pane language for Office's display language ('en-US' → en, anything else → zh). */
export function paneLanguage(displayLanguage: string | null | undefined): PaneLang {
  return (displayLanguage ?? '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The text of `key` in `lang`, with `{name}` placeholders filled from `params` (a placeholder without a param throws: a bug). */
export function t(
  lang: PaneLang,
  key: TextKey,
  params: Record<string, string | number> = {},
): string {
  return fillText(TEXTS[lang][key], params);
}
