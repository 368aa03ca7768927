/** Messages of registry-file problems (not findings: an invalid registry stops the run, exit 2). */
import { fillTemplate } from '../findings/renderFinding';

const MESSAGES = {
  noHeader: {
    zh: '名单文件找不到表头：需要“{township}”和“{village}”两列（可选“{alias}”列）。',
    en: 'The registry has no header row: it needs the columns “{township}” and “{village}” (optionally “{alias}”).',
  },
  missingName: {
    zh: '名单第 {row} 行缺少乡镇或村（社区）名称，请补全或删除该行。',
    en: 'Registry row {row} lacks the township or the village name; complete or delete it.',
  },
  duplicateVillage: {
    zh: '名单第 {row} 行：“{village}”在“{township}”中重复（第 {otherRow} 行已有），请删去一行。',
    en: 'Registry row {row}: “{village}” is listed twice in {township} (also row {otherRow}); delete one.',
  },
  aliasClash: {
    zh: '名单第 {row} 行：别名“{alias}”同时指向“{township}”和“{other}”，请改正。',
    en: 'Registry row {row}: the alias “{alias}” points to both {township} and {other}; fix it.',
  },
} as const;

/** The id of a registry message. */
export type RegistryMessageId = keyof typeof MESSAGES;

/** A registry problem: its row (1-based, null for the whole file) and both messages. */
export interface RegistryError {
  row: number | null;
  message_zh: string;
  message_en: string;
}

/** Builds a registry problem from a message id and its parameters. */
export function registryError(
  id: RegistryMessageId,
  row: number | null,
  params: Record<string, string | number>,
): RegistryError {
  const all = { row: row ?? '', ...params };
  return {
    row,
    message_zh: fillTemplate(MESSAGES[id].zh, all),
    message_en: fillTemplate(MESSAGES[id].en, all),
  };
}
