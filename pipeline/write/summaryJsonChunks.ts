/** summary.json as text in pieces: the same bytes as `JSON.stringify(summary, null, 2) + "\n"`, without building one string of hundreds of MB on a nation-sized run. */
import type { SummaryJson } from '../aggregate/summaryTypes';

/** Indents a JSON text by `depth` levels of 2 spaces (JSON strings never hold a raw newline, so every "\n" is a line break). */
const indent = (json: string, depth: number): string =>
  json.replace(/\n/gu, `\n${'  '.repeat(depth)}`);

/** The pieces of summary.json, in order; arrays of objects are emitted one element at a time. */
export function* summaryJsonChunks(summary: SummaryJson): Generator<string> {
  const keys = Object.keys(summary) as (keyof SummaryJson)[];
  yield '{';
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const value = summary[key];
    const comma = k < keys.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      yield `\n  ${JSON.stringify(key)}: [`;
      for (let i = 0; i < value.length; i++)
        yield `\n    ${indent(JSON.stringify(value[i], null, 2), 2)}${i < value.length - 1 ? ',' : ''}`;
      yield `\n  ]${comma}`;
    } else yield `\n  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), 1)}${comma}`;
  }
  yield '\n}\n';
}
