/** Reads the county registry CSV (entry-sheet §6, §7.8): any encoding the readers accept, then the core's parseRegistry. */
import { readFile } from 'node:fs/promises';
import { parseRegistry } from '../../core';
import type { Registry, RegistryError, Schema } from '../../core';
import { message } from '../messages';
import { decode } from './decode';
import { readCsv } from './readCsv';

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
  const decoded = decode(bytes);
  if (!decoded.ok)
    return fileError(decoded.code === 'E_EMPTY_FILE' ? 'registryEmpty' : 'registryEncoding');
  const parsed = parseRegistry(readCsv(decoded.text), schema);
  return parsed.ok
    ? { ok: true, registry: parsed.registry }
    : { ok: false, unreadable: false, errors: parsed.errors };
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
