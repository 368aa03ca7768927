/** Writes text given in pieces to a file, buffered (one write per ~1 MB, not one per row). */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

/** Joins small pieces into ~1 MB blocks (also for stdout, where one call per row would be slow). */
export function* bufferChunks(chunks: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= FLUSH_AT) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

/** Writes the pieces to `path` as UTF-8. */
export function writeTextChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const block of bufferChunks(chunks)) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
}
