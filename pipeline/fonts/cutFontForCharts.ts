/**
 * The font files the PNG renderer (resvg) loads for one run's charts: the CJK font cut down, once
 * per run, to the characters the charts draw. resvg shapes every text against the whole font it is
 * given, and a CJK collection is 5–25 MB (Noto CJK: ten faces): parsing it for each of the seven
 * charts took most of the charts' time. The cut faces keep every table, name and layout feature
 * (fonts/subsetFace), so the PNGs are byte-identical to those drawn from the whole file.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSfntFaces, type SfntFace } from './readSfntFaces';
import { openFaceSubsetter } from './subsetFace';

/** Font files for resvg's `fontFiles`, and the way to remove the cut ones. */
export interface ChartFontFiles {
  files: string[];
  dispose(): void;
}

/** CSS generic families: resvg maps them to configured names (Arial, Times New Roman …), not to a face here. */
const GENERIC = new Set(['serif', 'sans-serif', 'cursive', 'fantasy', 'monospace']);

/**
 * Cuts `file` to the characters of `svgs`, the cut faces written into `dir` (a scratch folder the
 * caller owns). Only the faces resvg can pick are kept when that is certain (see pickFaces);
 * otherwise every face, each cut. The whole file when it is not a font read here or hb-subset
 * fails on a face: slower, never different.
 */
export function cutFontForCharts(
  file: string,
  defaultFamily: string | null,
  svgs: readonly string[],
  dir: string,
): ChartFontFiles {
  const whole: ChartFontFiles = { files: [file], dispose: () => undefined };
  const bytes = readFileSync(file);
  const faces = readSfntFaces(bytes);
  if (faces === null || faces.length === 0) return whole;
  const codePoints = svgCodePoints(svgs);
  const lists = svgFamilyLists(svgs);
  if (defaultFamily !== null) lists?.push([defaultFamily]);
  const kept =
    (lists === null ? null : pickFaces(faces, lists, codePoints)) ?? faces.map((f) => f.index);
  const subsetter = openFaceSubsetter(bytes);
  const cuts: Uint8Array[] = [];
  try {
    for (const index of kept) {
      const cut = subsetter.subset(index, codePoints);
      if (cut === null) return whole;
      cuts.push(cut);
    }
  } finally {
    subsetter.dispose();
  }
  const files: string[] = [];
  const dispose = (): void => {
    for (const path of files) rmSync(path, { force: true });
  };
  try {
    // In collection order, the order resvg's font database had the faces in.
    for (const [k, cut] of cuts.entries()) {
      const path = join(dir, `face-${kept[k]}.otf`);
      files.push(path);
      writeFileSync(path, cut);
    }
    return { files, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * The faces resvg can draw the charts' text with, or null when that is not certain. resvg takes,
 * for each text, the first family of its font-family list that some face has (then the best
 * weight and style among those faces), and looks through every other face only for a character
 * the chosen one lacks. So when each list starts, before any generic family, with a family that a
 * face has, and every face so named maps every character, no other face is ever read.
 */
export function pickFaces(
  faces: readonly SfntFace[],
  lists: readonly (readonly string[])[],
  codePoints: ReadonlySet<number>,
): number[] | null {
  const kept = new Set<number>();
  for (const list of lists) {
    let named: SfntFace[] = [];
    for (const family of list) {
      if (GENERIC.has(family.toLowerCase())) return null;
      named = faces.filter((f) => f.families.includes(family));
      if (named.length > 0) break;
    }
    if (named.length === 0) return null;
    for (const face of named) kept.add(face.index);
  }
  const chosen = faces.filter((f) => kept.has(f.index));
  for (const face of chosen) for (const c of codePoints) if (!face.maps(c)) return null;
  return chosen.map((f) => f.index);
}

/** Every character of the SVG texts (markup included: it is ASCII), entities decoded; tabs and line ends are layout, not glyphs. */
export function svgCodePoints(svgs: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const svg of svgs) {
    for (const ch of svg) out.add(ch.codePointAt(0)!);
    for (const m of svg.matchAll(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g))
      out.add(m[1] === undefined ? Number(m[2]) : parseInt(m[1], 16));
  }
  for (const c of [0x09, 0x0a, 0x0d]) out.delete(c);
  return out;
}

/**
 * The distinct font-family lists of the SVGs (style properties and attributes), names unquoted;
 * null when a `font` shorthand names families in a way not read here.
 */
export function svgFamilyLists(svgs: readonly string[]): string[][] | null {
  const seen = new Map<string, string[]>();
  for (const svg of svgs) {
    if (/[\s;"{]font\s*[:=]/.test(svg)) return null;
    for (const m of svg.matchAll(/font-family(?::|=")((?:&#?\w+;|[^;"&])*)/g)) {
      const text = m[1]!.replace(/&quot;|&#34;/g, '"').replace(/&apos;|&#39;/g, "'");
      if (seen.has(text)) continue;
      seen.set(
        text,
        text
          .split(',')
          .map((f) => f.trim().replace(/^(['"])(.*)\1$/, '$2'))
          .filter((f) => f !== ''),
      );
    }
  }
  return [...seen.values()];
}
