/** Finds a CJK font file for the PNG charts: `--font` first, then known install paths, then `fc-list :lang=zh`. */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fillText } from '../../core/text/fillText';
import known from './knownCjkFonts.json';
import messages from './fontMessages.json';

/** The font the charts use; `file` null when none was found (PNG text may then show as boxes). */
export interface CjkFont {
  file: string | null;
  /** Family name to put first in the SVG font-family list; null when unknown. */
  family: string | null;
  source: 'option' | 'known' | 'fc-list' | 'none';
}

/** The system calls findCjkFont makes, injectable so tests need no real fonts. */
export interface FontProbe {
  readable: (file: string) => boolean;
  /** Output of `fc-list :lang=zh file family`, null when fc-list is absent or fails. */
  fcList: () => string | null;
  /** Family names of one font file (`fc-scan`), null when unknown. */
  familyOf: (file: string) => string | null;
}

/** The real probe: fs access plus fontconfig tools when they exist (a missing tool is not an error). */
export const systemFontProbe: FontProbe = {
  readable: (file) => {
    try {
      accessSync(file, constants.R_OK);
      return true;
    } catch {
      return false;
    }
  },
  fcList: () => runTool('fc-list', [':lang=zh', 'file', 'family']),
  familyOf: (file) => {
    const out = runTool('fc-scan', ['--format', '%{family}\n', file]);
    return out === null ? null : firstFamily(out.split('\n')[0] ?? '');
  },
};

/** Result of the search plus the warnings to show once (each zh + en). */
export interface FontSearch {
  font: CjkFont;
  warnings: string[];
}

/** Looks for a CJK font in the order the brief gives; never throws. */
export function findCjkFont(
  fontFile: string | undefined,
  probe: FontProbe = systemFontProbe,
): FontSearch {
  const warnings: string[] = [];
  if (fontFile !== undefined && fontFile !== '') {
    if (probe.readable(fontFile)) {
      return {
        font: { file: fontFile, family: probe.familyOf(fontFile), source: 'option' },
        warnings,
      };
    }
    warnings.push(bilingual(messages.fontFileMissing, { file: fontFile }));
  }
  for (const candidate of known.fonts) {
    if (probe.readable(candidate.file)) {
      return {
        font: { file: candidate.file, family: candidate.family, source: 'known' },
        warnings,
      };
    }
  }
  const listed = parseFcList(probe.fcList() ?? '');
  const usable = listed.find((f) => probe.readable(f.file));
  if (usable) return { font: { ...usable, source: 'fc-list' }, warnings };
  warnings.push(bilingual(messages.noCjkFont, {}));
  return { font: { file: null, family: null, source: 'none' }, warnings };
}

/** The CSS font-family list for chart text: the found family first, then common CJK fonts. */
export function fontFamilyList(font: CjkFont): string {
  const families = [font.family, ...known.fallbackFamilies].filter((f): f is string => f !== null);
  // ECharts writes the list into a double-quoted style attribute without escaping, so names are single-quoted.
  return [...new Set(families)]
    .map((f) => (f === 'sans-serif' ? f : `'${f.replace(/'/g, '')}'`))
    .join(', ');
}

/** Parses `fc-list file family` lines ("path: Family,别名"), preferring proportional over Mono faces. */
export function parseFcList(output: string): { file: string; family: string }[] {
  const fonts: { file: string; family: string }[] = [];
  for (const line of output.split('\n')) {
    const at = line.indexOf(': ');
    if (at <= 0) continue;
    fonts.push({ file: line.slice(0, at).trim(), family: firstFamily(line.slice(at + 2)) ?? '' });
  }
  const mono = (f: { family: string }): number => (/mono/i.test(f.family) ? 1 : 0);
  return fonts
    .filter((f) => f.family !== '')
    .sort((a, b) => mono(a) - mono(b) || a.file.localeCompare(b.file));
}

function firstFamily(list: string): string | null {
  const first = list.split(',')[0]?.trim() ?? '';
  return first === '' ? null : first;
}

function bilingual(message: { zh: string; en: string }, params: Record<string, string>): string {
  return `${fillText(message.zh, params)} / ${fillText(message.en, params)}`;
}

function runTool(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}
