/** Registry-file problems (not findings: an invalid registry stops the run, exit 2); texts in schema.registry.messages. */
import { fillText } from '../text/fillText';
import type { RegistryMessageId, Schema } from '../types';

/** A registry problem: its row (1-based, null for the whole file) and both messages. */
export interface RegistryError {
  row: number | null;
  message_zh: string;
  message_en: string;
}

/** Builds a registry problem from a message id and its parameters. */
export function registryError(
  schema: Schema,
  id: RegistryMessageId,
  row: number | null,
  params: Record<string, string | number>,
): RegistryError {
  const all = { row: row ?? '', ...params };
  const text = schema.registry.messages[id];
  return {
    row,
    message_zh: fillText(text.zh, all),
    message_en: fillText(text.en, all),
  };
}
