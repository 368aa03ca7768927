/** Reads the county registry (entry-sheet §6, §7.8): any format and encoding the readers accept (CSV/TXT, .xlsx, .xls/.et), then the core's parseRegistry. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { renderFinding } from '../../core';
import { registryFromWorkbook } from '../../intake/registryWorkbook';
import type { Registry, RegistryError, Schema } from '../../core';
import { isReadableExtension, readWorkbook } from '../../readers';
import { message } from '../messages';
import { failureFinding, readerLimits } from './readTownshipFile';

/**
 * The registry, or why it cannot be used (the CLI stops with exit 2 and prints the errors).
 * `unreadable`: the file itself could not be opened or decoded (else its content is wrong).
 */
export type RegistryResult =
  { ok: true; registry: Registry } | { ok: false; unreadable: boolean; errors: RegistryError[] };

/** Reads and checks a registry CSV. Never throws for a missing or bad file: the errors say what to fix. */
export async function readRegistry(path: string, schema: Schema): Promise<RegistryResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return fileError('reasonIo');
  }
  // Any other extension (registry.dat, no extension) is read as text, as before.
  const extension = extname(path).toLowerCase();
  const read = await readWorkbook(
    bytes,
    isReadableExtension(extension) ? extension : '.csv',
    readerLimits(schema),
  );
  if (read === null || !read.ok) {
    const failure = read?.ok === false ? read.failure : { code: 'E_ENCODING' as const };
    if (failure.code === 'E_EMPTY_FILE') return fileError('registryEmpty');
    if (failure.code === 'E_ENCODING') return fileError('registryEncoding');
    const rendered = renderFinding(failureFinding(schema, failure), schema);
    return {
      ok: false,
      unreadable: true,
      errors: [{ row: null, message_zh: rendered.message_zh, message_en: rendered.message_en }],
    };
  }
  const parsed = registryFromWorkbook(read.workbook, schema);
  return parsed.ok ? parsed : { ok: false, unreadable: false, errors: parsed.errors };
}

function fileError(key: 'reasonIo' | 'registryEmpty' | 'registryEncoding'): RegistryResult {
  return {
    ok: false,
    unreadable: true,
    errors: [{ row: null, message_zh: message('zh', key), message_en: message('en', key) }],
  };
}

/**
 * The `--registry` option of a command: no option → null; a good file → its registry; a bad one →
 * its errors printed on stderr (each naming its row) and `'failed'`, for the command to exit 2.
 */
export async function loadRegistryOption(
  path: string | undefined,
  schema: Schema,
  io: { lang: 'zh' | 'en'; stderr: (s: string) => void },
): Promise<Registry | null | 'failed'> {
  if (path === undefined) return null;
  const read = await readRegistry(path, schema);
  if (read.ok) return read.registry;
  for (const e of read.errors) {
    const text = io.lang === 'zh' ? e.message_zh : e.message_en;
    // The core's registry messages name their row themselves.
    const key = e.row === null && read.unreadable ? 'registryUnreadable' : 'registryInvalid';
    io.stderr(`${message(io.lang, key, { path, reason: text, message: text })}\n`);
  }
  io.stderr(`${message(io.lang, 'registryFix')}\n`);
  return 'failed';
}
