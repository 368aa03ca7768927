/**
 * Traditional → Simplified Chinese: opencc-js's t→cn conversion, done from opencc-js's own
 * dictionaries without its per-call arrays and match objects (its walk was most of the cost of a
 * unique village name). Same rules: each stage replaces, left to right, the longest dictionary key
 * at each position; the normalization stage runs before the conversion stage. Texts this code does
 * not handle (astral characters, ideographic description sequences, a dictionary shape it does not
 * know) go to opencc-js itself; test/core/normalize/simplify.test.ts holds the two equal.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { typedString } from './stringAccess';

type Convert = (text: string) => string;

/** One stage: a dictionary group as a lookup. */
interface Stage {
  /** Per BMP code unit: 0 no key starts with it, 1 only a one-unit key, 2 longer keys too. */
  starts: Uint8Array;
  /** One-unit keys → replacement. */
  single: Map<number, string>;
  /** Longer keys → replacement. */
  long: Map<string, string>;
  /** Per first code unit, the lengths of its longer keys, longest first. */
  lengths: Map<number, number[]>;
  /**
   * The first two code units of every longer key, as (first << 16) | second: a position whose pair
   * is not here starts no longer key, and is looked up without cutting and hashing its candidate
   * keys (that was most of the cost of a Traditional village name).
   */
  pairs: Set<number>;
}

/** The [key, value] entries of one opencc dictionary (a "key value|…" string or pairs), or null for a shape not known here. */
function entries(dict: unknown): [string, string][] | null {
  if (typeof dict === 'string')
    return dict.split('|').map((line) => {
      // As opencc-js reads a line: the first two space-separated fields.
      const [key = '', value = ''] = line.split(' ');
      return [key, value];
    });
  if (!Array.isArray(dict)) return null;
  const out: [string, string][] = [];
  for (const pair of dict as unknown[]) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
      return null;
    out.push([pair[0], pair[1]]);
  }
  return out;
}

/** A stage from one dictionary group: later dictionaries first, so that (as in opencc-js) an earlier one wins a key. */
function buildStage(group: unknown): Stage | null {
  if (!Array.isArray(group)) return null;
  const stage: Stage = {
    starts: new Uint8Array(0x10000),
    single: new Map(),
    long: new Map(),
    lengths: new Map(),
    pairs: new Set(),
  };
  for (const dict of [...(group as unknown[])].reverse()) {
    const list = entries(dict);
    if (list === null) return null;
    for (const [key, value] of list) {
      if (key === '') continue; // opencc-js never matches an empty key
      const first = key.charCodeAt(0);
      if (key.length === 1) {
        stage.single.set(first, value);
        stage.starts[first] ||= 1;
      } else {
        stage.long.set(key, value);
        stage.starts[first] = 2;
        stage.pairs.add((first << 16) | key.charCodeAt(1));
        const lengths = stage.lengths.get(first) ?? [];
        if (!lengths.includes(key.length)) lengths.push(key.length);
        stage.lengths.set(
          first,
          lengths.sort((a, b) => b - a),
        );
      }
    }
  }
  return stage;
}

/** The two stages of the `t2s` configuration (what `Converter({ from: 't', to: 'cn' })` uses), or null when it is not the shape this code knows. */
function buildStages(): [Stage, Stage] | null {
  const config = OpenCC.Locale?.configs?.t2s;
  if (!config || config.segmentation !== undefined) return null;
  const { normalizationChain: norm, conversionChain: conv } = config;
  if (!Array.isArray(norm) || norm.length !== 1 || !Array.isArray(conv) || conv.length !== 1)
    return null;
  const a = buildStage(norm[0]);
  const b = buildStage(conv[0]);
  return a && b ? [a, b] : null;
}

/** True when opencc-js must convert the text itself: a surrogate (astral character) or an ideographic description character (U+2FF0–U+2FFF). */
function needsOpencc(input: string): boolean {
  const text = typedString(input);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || (c >= 0x2ff0 && c <= 0x2fff)) return true;
  }
  return false;
}

/** One stage over a BMP text: the longest key at each position replaced (the text itself when nothing is). */
function runStage(input: string, stage: Stage): string {
  const text = typedString(input);
  const { starts } = stage;
  let out = '';
  let copied = 0;
  let changed = false;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    const kind = starts[c];
    if (kind === 0) {
      i++;
      continue;
    }
    let value: string | undefined;
    let length = 1;
    if (kind === 2 && i + 1 < text.length && stage.pairs.has((c << 16) | text.charCodeAt(i + 1)))
      for (const n of stage.lengths.get(c) ?? []) {
        if (i + n > text.length) continue;
        value = stage.long.get(text.slice(i, i + n));
        if (value !== undefined) {
          length = n;
          break;
        }
      }
    value ??= stage.single.get(c);
    if (value === undefined) {
      i++;
      continue;
    }
    out += text.slice(copied, i) + value;
    changed = true;
    i += length;
    copied = i;
  }
  return changed ? out + text.slice(copied) : text;
}

let opencc: Convert | null = null;
let stages: [Stage, Stage] | null | undefined;

/** opencc-js's own t→cn converter (the reference; built on first need: a large dictionary). */
export function openccToSimplified(text: string): string {
  const convert = opencc ?? (opencc = OpenCC.Converter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** Per BMP code unit: 1 when a conversion may start at it (a key of either stage starts with it, or the text must go to opencc-js). Null before first use. */
let startTable: Uint8Array | null = null;

/** The table of code units that may start a conversion; a text with none of them is its own Simplified form. */
export function conversionStarts(): Uint8Array {
  if (startTable) return startTable;
  stages ??= buildStages();
  const table = new Uint8Array(0x10000);
  if (stages === null) table.fill(1);
  else {
    for (let c = 0; c < 0x10000; c++)
      table[c] = stages[0].starts[c]! | stages[1].starts[c]! ? 1 : 0;
    table.fill(1, 0xd800, 0xe000);
    table.fill(1, 0x2ff0, 0x3000);
  }
  return (startTable = table);
}

/** Converts Traditional to Simplified Chinese exactly as opencc-js's `Converter({ from: 't', to: 'cn' })` does. */
export function convertToSimplified(text: string): string {
  stages ??= buildStages();
  if (stages === null || needsOpencc(text)) return openccToSimplified(text);
  const normalized = runStage(text, stages[0]);
  // The normalization stage may bring in what only opencc-js handles: then it converts the original.
  if (normalized !== text && needsOpencc(normalized)) return openccToSimplified(text);
  return runStage(normalized, stages[1]);
}
