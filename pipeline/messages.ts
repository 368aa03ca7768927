/** CLI texts that are not findings (help, usage errors, progress, per-file summaries), in Chinese and English. */
import type { Lang, Text2 } from '../core/types';
import type { UnreadableReason } from '../readers/types';
import { READER_REASONS } from '../intake/readerReasons';
import { printableValue } from './terminalText';

/** The languages of the CLI (the one Lang of core/types.ts). */
export type { Lang };

const MESSAGES = {
  help: {
    zh: `county-rollup — 乡镇妇联工作统计表：校验与全县汇总

用法：
  county-rollup validate <文件或文件夹>... [--registry <名单.csv>] [--year <年度>] [--json]
                         [--mark <文件夹>]
      只校验，按文件列出问题（单元格与说明）；--mark 为有问题的文件生成标注版。退出码：0 无错误，1 有错误，2 无法运行。
  county-rollup merge <输入文件夹> --out <输出文件夹> [--registry <名单.csv>] [--year <年度>]
                      [--county <县名>] [--previous <summary.json>] [--no-charts]
                      [--font <字体文件>] [--json]
      汇总全县：统计、图表、Excel、HTML 报告、Word 总结初稿。
  county-rollup template --out <文件.xlsx> [--township <乡镇>] [--year <年度>] [--registry <名单.csv>]
                         [--county <县名>] [--force]
      生成供乡镇填报的 Excel 统计表模板（已有文件不覆盖，除非加 --force）。

通用选项：
  --lang zh|en   输出语言（默认 zh 中文）
  --help, -h     显示帮助（county-rollup <命令> --help 显示该命令的说明）
  --version, -v  显示版本
`,
    en: `county-rollup — township women's-federation entry sheets: validation and county roll-up

Usage:
  county-rollup validate <file-or-dir>... [--registry <csv>] [--year <yyyy>] [--json]
                         [--mark <dir>]
      Check files only and list findings per file (cell and message); --mark writes marked copies. Exit 0 no error, 1 some error, 2 could not run.
  county-rollup merge <input-dir> --out <dir> [--registry <csv>] [--year <yyyy>]
                      [--county <name>] [--previous <summary.json>] [--no-charts]
                      [--font <font-file>] [--json]
      Merge the county: statistics, charts, Excel, HTML report, Word summary draft.
  county-rollup template --out <file.xlsx> [--township <name>] [--year <yyyy>] [--registry <csv>]
                         [--county <name>] [--force]
      Write the Excel entry sheet a township fills in (an existing file is kept unless --force).

Options:
  --lang zh|en   output language (default zh)
  --help, -h     show this help (county-rollup <command> --help shows that command's page)
  --version, -v  show the version
`,
  },
  helpValidate: {
    zh: `用法：county-rollup validate <文件或文件夹>... [--registry <名单.csv>] [--year <年度>] [--json]
                         [--mark <文件夹>] [--lang en]

  <文件或文件夹>   .csv、.txt（Excel“Unicode 文本”）或 .xlsx 文件，或存放这些文件的文件夹
  --registry      全县乡镇、村（社区）名单（CSV），用于核对乡镇和村名
  --year          应填报的年度，如 2025；表中年度不同时报错
  --json          以 JSON 输出到标准输出（供程序读取）
  --mark          为每个有问题的文件在该文件夹中生成“标注版”（<文件名>-标注版.xlsx，文件夹不存在时自动创建）：
                  有问题的单元格标色（错误粉红、警告黄色斜纹）并加批注，第一张表“问题清单”可点击跳到单元格；
                  原文件不改动。.csv、.txt、.xls 的标注版是 .xlsx。可把标注版发回乡镇修改。
退出码：0 无错误；1 有文件存在错误；2 无法运行（路径不存在、名单有误、参数错误）。
`,
    en: `Usage: county-rollup validate <file-or-dir>... [--registry <csv>] [--year <yyyy>] [--json]
                         [--mark <dir>] [--lang en]

  <file-or-dir>   .csv, .txt (Excel "Unicode text") or .xlsx files, or folders holding them
  --registry      the county registry (CSV of townships and villages) to check names against
  --year          the expected year, e.g. 2025; a sheet for another year is an error
  --json          print JSON on stdout (for programs)
  --mark          write a marked copy of every file with findings into this folder (<name>-marked.xlsx; created
                  when missing): the finding cells filled (errors pink, warnings yellow stripes) and commented, a
                  first sheet listing the findings with links to the cells; the original is not changed. A .csv,
                  .txt or .xls file gets an .xlsx copy. Send the copies back to the townships.
Exit status: 0 no error; 1 some file has an error; 2 could not run (missing path, bad registry, bad arguments).
`,
  },
  helpMerge: {
    zh: `用法：county-rollup merge <输入文件夹> --out <输出文件夹> [--registry <名单.csv>] [--year <年度>]
                           [--county <县名>] [--previous <summary.json>] [--no-charts]
                           [--font <字体文件>] [--json] [--lang en]

  <输入文件夹>    各乡镇报来的 .csv、.txt（Excel“Unicode 文本”）、.xlsx 文件所在的文件夹（不含子文件夹）
  --out          输出文件夹：summary.json、county-summary.xlsx、CSV、图表、report.html、summary-draft.docx，
                 有退回或未报送时还有 returns/（各退回文件的标注版、退回说明-<乡镇>.txt、退回清单.csv）
                 （先写到旁边的临时文件夹，全部完成后再换上，失败不会留下半份结果）
  --registry     全县乡镇、村（社区）名单（CSV），用于核对名称并列出未报送的乡镇
  --year         应填报的年度，如 2025；表中年度不同时报错
  --county       县名，用于报告标题（不给时取各表标题中的县名）
  --previous     上一年的 summary.json，用于与上年比较
  --no-charts    不生成图表（更快；报告和总结初稿中不含图表）
  --font         图表使用的中文字体文件（.ttf/.otf/.ttc）；不给时自动查找系统字体
  --json         同时把 summary.json 输出到标准输出（供程序读取）
  --lang zh|en   输出语言（默认 zh 中文）
退出码：0 全部通过；1 已汇总，但有文件被退回或有乡镇未报送；2 无法运行（参数错误、文件夹无法读写），不写任何文件。
`,
    en: `Usage: county-rollup merge <input-dir> --out <dir> [--registry <csv>] [--year <yyyy>]
                           [--county <name>] [--previous <summary.json>] [--no-charts]
                           [--font <font-file>] [--json] [--lang en]

  <input-dir>    the folder holding the townships' .csv, .txt (Excel "Unicode text") and .xlsx files (not recursive)
  --out          output folder: summary.json, county-summary.xlsx, CSV files, charts, report.html, summary-draft.docx,
                 and returns/ when a file is rejected or a township missing (marked copies, notes, 退回清单.csv)
                 (written to a temporary folder beside it and swapped in at the end: a failed run leaves nothing half-written)
  --registry     the county registry (CSV of townships and villages) to check names against and list missing townships
  --year         the expected year, e.g. 2025; a sheet for another year is an error
  --county       the county name for the report titles (default: the county named in the sheets' titles)
  --previous     last year's summary.json, for the comparison with the previous year
  --no-charts    skip the charts (faster; the report and the draft have no charts)
  --font         a CJK font file (.ttf/.otf/.ttc) for the charts; default: a system font is looked up
  --json         also print summary.json on stdout (for programs)
  --lang zh|en   output language (default zh)
Exit status: 0 all accepted; 1 merged, but some file was rejected or a township is missing; 2 could not run (bad arguments, unreadable or unwritable folder) and nothing is written.
`,
  },
  helpTemplate: {
    zh: `用法：county-rollup template --out <文件.xlsx> [--township <乡镇>] [--year <年度>] [--registry <名单.csv>]
                              [--county <县名>] [--force] [--lang en]

  --out          要生成的 Excel 统计表模板（.xlsx）
  --township     乡镇名称，预填在“填报单位”中
  --year         年度，如 2025，预填在标题和“年度”中
  --registry     全县乡镇、村（社区）名单（CSV）；与 --township 一起给时预填该乡镇的村（社区）
  --county       县名，用于模板标题
  --force        覆盖已有的文件（默认不覆盖，以免覆盖已填报的表）
  --lang zh|en   输出语言（默认 zh 中文）
退出码：0 已生成；2 无法生成（参数错误、文件已存在、无法写入），不写任何文件。
`,
    en: `Usage: county-rollup template --out <file.xlsx> [--township <name>] [--year <yyyy>] [--registry <csv>]
                              [--county <name>] [--force] [--lang en]

  --out          the Excel entry-sheet template (.xlsx) to write
  --township     the township, pre-filled as the reporting unit (填报单位)
  --year         the year, e.g. 2025, pre-filled in the title and the year cell
  --registry     the county registry (CSV); with --township, that township's villages are pre-filled
  --county       the county name for the template's title
  --force        overwrite an existing file (by default it is kept: it may be a filled-in sheet)
  --lang zh|en   output language (default zh)
Exit status: 0 written; 2 nothing written (bad arguments, the file exists, cannot write).
`,
  },
  helpHint: {
    zh: '运行 county-rollup --help 查看用法。',
    en: 'Run county-rollup --help for usage.',
  },
  missingCommand: {
    zh: '请指定命令：validate、merge 或 template。',
    en: 'Give a command: validate, merge or template.',
  },
  unknownCommand: {
    zh: '未知命令“{command}”，可用命令：validate、merge、template。',
    en: 'Unknown command “{command}”; use validate, merge or template.',
  },
  unknownOption: { zh: '未知选项 {option}。', en: 'Unknown option {option}.' },
  optionNeedsValue: { zh: '选项 {option} 需要一个值。', en: 'Option {option} needs a value.' },
  flagTakesNoValue: { zh: '选项 {option} 不带值。', en: 'Option {option} takes no value.' },
  optionRepeated: {
    zh: '选项 {option} 只能给一次。',
    en: 'Option {option} may be given only once.',
  },
  badLang: {
    zh: '--lang 只能是 zh 或 en，现为“{value}”。',
    en: '--lang must be zh or en, found “{value}”.',
  },
  badYear: {
    zh: '--year 应为四位年份（如 2025），现为“{value}”。',
    en: '--year must be a four-digit year (e.g. 2025), found “{value}”.',
  },
  missingPaths: {
    zh: '请给出要校验的文件或文件夹。',
    en: 'Give the files or folders to validate.',
  },
  pathNotFound: { zh: '找不到“{path}”，请检查路径。', en: 'Cannot find “{path}”; check the path.' },
  dirUnreadable: {
    zh: '无法读取文件夹“{path}”（{reason}）。',
    en: 'Cannot read the folder “{path}” ({reason}).',
  },
  noInputFiles: {
    zh: '没有找到可校验的文件（.csv、.txt、.xlsx）：{paths}',
    en: 'No files to validate (.csv, .txt, .xlsx) in: {paths}',
  },
  ignoredEntries: {
    zh: '已忽略（不是统计表文件）：{names}',
    en: 'Ignored (not entry-sheet files): {names}',
  },
  registryUnreadable: {
    zh: '无法读取名单文件“{path}”：{reason}',
    en: 'Cannot read the registry “{path}”: {reason}',
  },
  registryEmpty: { zh: '名单文件是空的', en: 'the file is empty' },
  registryEncoding: {
    zh: '文件编码无法识别，请在 Excel 中另存为“CSV UTF-8”',
    en: 'cannot decode the file; save it from Excel as CSV UTF-8',
  },
  registryInvalid: { zh: '名单文件“{path}”有误：{message}', en: 'Registry “{path}”: {message}' },
  registryFix: { zh: '请改正名单文件后重新运行。', en: 'Fix the registry and run again.' },
  schemaInvalid: {
    zh: '统计表定义文件（schema）有误，无法运行：{message}',
    en: 'The entry-sheet schema is invalid; cannot run: {message}',
  },
  internalError: {
    zh: '程序内部错误：{message}\n请把这条信息连同输入文件发给维护人员（设置环境变量 DEBUG=1 可看到详细信息）。',
    en: 'Internal error: {message}\nPlease send this message and the input files to the maintainers (set DEBUG=1 for details).',
  },
  fileHeading: { zh: '{file}（{details}）', en: '{file} ({details})' },
  headingTownship: { zh: '乡镇：{township}', en: 'township: {township}' },
  headingEncoding: { zh: '编码：{encoding}', en: 'encoding: {encoding}' },
  headingSeparator: { zh: '；', en: '; ' },
  unknownValue: { zh: '未识别', en: 'unknown' },
  filePassed: { zh: '  通过', en: '  passed' },
  filePassedWithWarnings: {
    zh: '  通过，有 {warnings} 个警告',
    en: '  passed with {warnings} warning(s)',
  },
  fileRejected: {
    zh: '  有 {errors} 个错误、{warnings} 个警告',
    en: '  {errors} error(s), {warnings} warning(s)',
  },
  severityError: { zh: '错误', en: 'error' },
  severityWarning: { zh: '警告', en: 'warning' },
  findingLine: { zh: '  [{severity}] {message}', en: '  [{severity}] {message}' },
  totalLine: {
    zh: '共 {files} 个文件：{passed} 个通过，{rejected} 个有错误。',
    en: '{files} file(s): {passed} passed, {rejected} with errors.',
  },
  // merge (pipeline/commands/merge.ts)
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
  outInsideInput: {
    zh: '输出文件夹“{path}”不能位于输入文件夹“{input}”之内（按实际路径比较，含符号链接），请另选一个位置。',
    en: 'The output folder “{path}” must not lie inside the input folder “{input}” (compared by real path, links resolved); choose another place.',
  },
  outLocked: {
    zh: '输出文件夹“{path}”正被另一次汇总使用（进程 {pid}，计算机 {host}，开始于 {since}），本次未运行。请等那次汇总结束后再运行；如确定没有汇总在运行，删除锁文件“{lock}”后重试。',
    en: 'The output folder “{path}” is in use by another merge (process {pid} on {host}, since {since}); nothing was done. Run again when it has finished; if no merge is running, delete the lock file “{lock}” and retry.',
  },
  lockLost: {
    zh: '锁文件“{lock}”已被另一次汇总取走，本次结果未写入',
    en: 'another merge took the lock file “{lock}”; these results were not put in place',
  },
  launcherGone: {
    zh: '启动本程序的 county-rollup 已结束，本次结果未写入',
    en: 'the county-rollup launcher has ended; these results were not put in place',
  },
  oldOutNotRemoved: {
    zh: '提示：新结果已写好，但未能删除旧的输出“{path}”（{reason}），可稍后手动删除。',
    en: 'Note: the new results are in place, but the old output “{path}” could not be removed ({reason}); delete it by hand later.',
  },
  leftoverNotRemoved: {
    zh: '提示：未能删除上次中断留下的“{path}”（{reason}），其中可能有个人信息，请手动删除。',
    en: 'Note: “{path}”, left by an interrupted run, could not be removed ({reason}); it may hold personal data, delete it by hand.',
  },
  interrupted: {
    zh: '运行被中断（{signal}）；未完成的结果已删除，原有的输出文件夹未改动。',
    en: 'Interrupted ({signal}); the unfinished results were removed and the existing output folder was left as it was.',
  },
  interruptedPlain: { zh: '运行被中断（{signal}）。', en: 'Interrupted ({signal}).' },
  xlsxCellMarker: { zh: '…〔已截断〕', en: '… [truncated]' },
  xlsxCellsTruncated: {
    zh: '提示：county-summary.xlsx 中有 {count} 个单元格的文字超过 Excel 每格 {limit} 个字符的上限，已截断并以“{marker}”结尾（第一个在“{sheet}”表 {cell}）；完整内容见输出文件夹中的 CSV 文件（如 villages.csv）。',
    en: 'Note: {count} cell(s) of county-summary.xlsx held more than Excel’s {limit} characters per cell and were cut, ending in “{marker}” (the first on sheet “{sheet}”, {cell}); the CSV files (villages.csv …) hold the full text.',
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
  // template (pipeline/commands/template.ts)
  templateMissingOut: {
    zh: '请用 --out 指定要生成的 .xlsx 文件，如 --out 黎岭镇.xlsx。',
    en: 'Give the .xlsx file to write with --out, e.g. --out township.xlsx.',
  },
  templateOutNotXlsx: {
    zh: '--out 应为 .xlsx 文件，现为“{path}”。',
    en: '--out must be an .xlsx file, found “{path}”.',
  },
  templateOutExists: {
    zh: '“{path}”已存在，未覆盖（可能是已填报的表）。请换一个文件名，或加 --force 覆盖。',
    en: '“{path}” already exists and was left alone (it may be a filled-in sheet). Choose another name or add --force to overwrite.',
  },
  templateOutIsDir: {
    zh: '“{path}”是文件夹，请给出 .xlsx 文件名。',
    en: '“{path}” is a folder; give an .xlsx file name.',
  },
  templateOutDirMissing: {
    zh: '文件夹“{dir}”不存在，请先创建或换一个位置。',
    en: 'The folder “{dir}” does not exist; create it or choose another place.',
  },
  templateWriteFailed: {
    zh: '无法写入“{path}”（{reason}）。',
    en: 'Cannot write “{path}” ({reason}).',
  },
  templateRegistryNeedsTownship: {
    zh: '给了 --registry 时请用 --township 指定乡镇，模板会预填该乡镇的村（社区）。',
    en: 'With --registry, name the township with --township; its villages are pre-filled.',
  },
  templateUnexpectedArgument: { zh: '多余的参数“{value}”。', en: 'Unexpected argument “{value}”.' },
  templateWritten: {
    zh: '已生成统计表模板：{path}（乡镇：{township}；年度：{year}；预填 {villages} 个村（社区））',
    en: 'Wrote the entry-sheet template {path} (township: {township}; year: {year}; {villages} villages pre-filled)',
  },
  templateUnknownPart: { zh: '未指定', en: 'not set' },
  reasonIo: {
    zh: '无法打开文件，可能没有读取权限或文件正被占用',
    en: 'the file cannot be opened; it may be locked or not readable',
  },
  reasonNotFile: {
    zh: '不是普通文件（是文件夹、管道或设备），请指定统计表文件本身',
    en: 'not a regular file (a folder, pipe or device); name the sheet file itself',
  },
  notRegularFile: {
    zh: '“{path}”不是普通文件（是管道、设备或套接字），无法校验。请指定统计表文件或存放它们的文件夹。',
    en: '“{path}” is not a regular file (a pipe, device or socket) and cannot be checked. Name a sheet file or a folder holding them.',
  },
  // validate --mark (pipeline/commands/validate.ts)
  markWritten: { zh: '  标注版：{path}', en: '  marked copy: {path}' },
  markUnavailable: {
    zh: '  文件无法读取，没有标注版；请按上面的说明处理。',
    en: '  the file could not be read, so there is no marked copy; see above.',
  },
  markDirFailed: {
    zh: '无法创建或写入标注版文件夹“{path}”（{reason}）。',
    en: 'Cannot create or write the folder for marked copies “{path}” ({reason}).',
  },
  markDirIsInput: {
    zh: '标注版文件夹“{path}”是要校验的文件，请另选一个文件夹。',
    en: 'The folder for marked copies “{path}” is one of the files to check; choose another folder.',
  },
  markWriteFailed: {
    zh: '无法写入标注版“{path}”（{reason}）。',
    en: 'Cannot write the marked copy “{path}” ({reason}).',
  },
  doneMisnamed: {
    zh: '可能名称有误的文件：{list}',
    en: 'Files whose township name may be misspelt: {list}',
  },
} satisfies Record<string, Text2>;

/** A message key of the CLI. */
export type MessageKey = keyof typeof MESSAGES;

/** The CLI message `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function message(
  lang: Lang,
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  // Values come from file names and cells: never a control character on the terminal.
  return MESSAGES[key][lang].replace(/\{(\w+)\}/gu, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : printableValue(String(value));
  });
}

/** Both languages of a message, for texts that end up inside findings. */
export function message2(
  key: MessageKey,
  params: Readonly<Record<string, string | number>> = {},
): Text2 {
  return { zh: message('zh', key, params), en: message('en', key, params) };
}

/** Why a file could not be opened at all (before any reader saw it). */
export type FileReason = 'io' | 'not-file';

const REASON_KEYS: Record<FileReason, MessageKey> = {
  io: 'reasonIo',
  'not-file': 'reasonNotFile',
};

/** Why a file is unreadable, in both languages (the `reason` of E_UNREADABLE). */
export function unreadableReason(reason: UnreadableReason | FileReason): Text2 {
  // The readers' reasons live with the Node-free intake (the offline page shows them too).
  return reason === 'io' || reason === 'not-file'
    ? message2(REASON_KEYS[reason])
    : READER_REASONS[reason];
}
