/** A registry file's bytes → the county registry, or why it cannot be used. Node-free: the CLI's --registry (pipeline/io/readRegistry) and the check page's registry picker share it. */
import type { Registry, RegistryError, Schema } from '../core';
import { isReadableExtension, readWorkbook, type ReadFailure } from '../readers';
import { extensionOf, readerLimits } from './readBytes';
import { registryFromWorkbook } from './registryWorkbook';

/** The registry; or the reader's failure (the file cannot be read: `unreadable`); or the core's errors, each naming its row (`invalid`). */
export type RegistryRead =
  | { ok: true; registry: Registry }
  | { ok: false; reason: 'unreadable'; failure: ReadFailure }
  | { ok: false; reason: 'invalid'; errors: RegistryError[] };

/** Reads a registry in any format and encoding the readers accept (CSV/TXT, .xlsx, .xls/.et), by the extension of `fileName`. Never throws for bad content. */
export async function readRegistryBytes(
  bytes: Uint8Array,
  fileName: string,
  schema: Schema,
): Promise<RegistryRead> {
  const extension = extensionOf(fileName);
  // Any other extension (registry.dat, no extension) is read as text.
  const read = await readWorkbook(
    bytes,
    isReadableExtension(extension) ? extension : '.csv',
    readerLimits(schema),
  );
  if (read === null || !read.ok)
    return {
      ok: false,
      reason: 'unreadable',
      failure: read?.ok === false ? read.failure : { code: 'E_ENCODING' },
    };
  const parsed = registryFromWorkbook(read.workbook, schema);
  return parsed.ok ? parsed : { ok: false, reason: 'invalid', errors: parsed.errors };
}
