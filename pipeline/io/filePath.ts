/**
 * Paths of input files as the file system gives them: a string, or the raw bytes of a name that is
 * not UTF-8 (a zip made on Chinese Windows stores GBK names, which Linux unpacks byte for byte).
 * Such a file is opened by its bytes and shown by its decoded name.
 */
import { basename } from 'node:path';

/** A path to open: a string, or a Buffer for a name that is not valid UTF-8. */
export type FilePath = string | Buffer;

/** The name bytes as text: UTF-8, else GB18030 (GBK), else UTF-8 with replacement characters. */
export function decodeName(bytes: Uint8Array): string {
  for (const label of ['utf-8', 'gb18030'])
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // next
    }
  return new TextDecoder('utf-8').decode(bytes);
}

/** The path as shown to the user (decoded when it is bytes). */
export function displayPath(path: FilePath): string {
  return typeof path === 'string' ? path : decodeName(path);
}

/** The base name as shown to the user. */
export function displayName(path: FilePath): string {
  return basename(displayPath(path));
}
