/** The `--registry` option of validate, merge and template: the registry, or why it cannot be used, in words on stderr. */
import { renderFinding } from '../../core';
import type { Registry, Schema } from '../../core';
import { failureFinding } from '../../intake/readBytes';
import { READER_REASONS } from '../../intake/readerReasons';
import type { Lang } from '../cli/messages';
import { message } from '../cli/messages';
import { readRegistry, type RegistryResult } from '../io/readRegistry';

/** Why the registry at `path` cannot be used, one line per problem (the core's registry messages name their row), then what to do. */
export function registryProblemText(
  result: Exclude<RegistryResult, { ok: true }>,
  path: string,
  schema: Schema,
  lang: Lang,
): string {
  const unreadable = (reason: string): string =>
    message(lang, 'registryUnreadable', { path, reason });
  let lines: string[];
  if (result.reason === 'io') lines = [unreadable(READER_REASONS.io[lang])];
  else if (result.reason === 'invalid')
    lines = result.errors.map((e) =>
      message(lang, 'registryInvalid', {
        path,
        message: lang === 'zh' ? e.message_zh : e.message_en,
      }),
    );
  else if (result.failure.code === 'E_EMPTY_FILE')
    lines = [unreadable(message(lang, 'registryEmpty'))];
  else if (result.failure.code === 'E_ENCODING')
    lines = [unreadable(message(lang, 'registryEncoding'))];
  else {
    const rendered = renderFinding(failureFinding(schema, result.failure), schema);
    lines = [unreadable(lang === 'zh' ? rendered.message_zh : rendered.message_en)];
  }
  return [...lines, message(lang, 'registryFix')].join('\n');
}

/**
 * The `--registry` option of a command: no option → null; a good file → its registry; a bad one →
 * its problems printed on stderr and `'failed'`, for the command to exit 2.
 */
export async function loadRegistryOption(
  path: string | undefined,
  schema: Schema,
  io: { lang: Lang; stderr: (s: string) => void },
): Promise<Registry | null | 'failed'> {
  if (path === undefined) return null;
  const read = await readRegistry(path, schema);
  if (read.ok) return read.registry;
  io.stderr(`${registryProblemText(read, path, schema, io.lang)}\n`);
  return 'failed';
}
