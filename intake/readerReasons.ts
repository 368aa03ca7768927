/** The reasons a reader gives for an unreadable file, in both languages: a module of its own, with no reader behind it, so the CLI's messages (and `--help`) load none. */
import type { Text2 } from '../core/types';
import type { UnreadableReason } from '../readers/types';

/** Why a reader found an .xlsx unreadable, in both languages (the `reason` of E_UNREADABLE). */
export const READER_REASONS: Record<UnreadableReason, Text2> = {
  'too-large': {
    zh: '文件过大，不像乡镇统计表',
    en: 'the file is far too large for an entry sheet',
  },
  'not-zip': {
    zh: '不是有效的 .xlsx 文件，可能已损坏、未下载完整或只是改了扩展名',
    en: 'not a valid .xlsx file: damaged, incomplete, or merely renamed',
  },
  'not-xlsx': { zh: '压缩包里没有 Excel 工作簿', en: 'the archive holds no Excel workbook' },
  corrupt: { zh: '工作簿内容已损坏', en: 'the workbook content is damaged' },
  'no-worksheet': { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' },
};
