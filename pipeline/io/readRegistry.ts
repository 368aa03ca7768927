/** Reads the county registry file (entry-sheet §6, §7.8): its bytes from disk, the rest Node-free in intake (readRegistryBytes). Gives reasons as codes; the commands put them in words. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Schema } from '../../core';
import { readRegistryBytes, type RegistryRead } from '../../intake/readRegistryBytes';

/** The registry, or why it cannot be used: `io` (the file cannot be opened), or intake's `unreadable` / `invalid`. */
export type RegistryResult = RegistryRead | { ok: false; reason: 'io' };

/** Reads and checks a registry file. Never throws for a missing or bad file: the result says what is wrong. */
export async function readRegistry(path: string, schema: Schema): Promise<RegistryResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return { ok: false, reason: 'io' };
  }
  return readRegistryBytes(bytes, basename(path), schema);
}
