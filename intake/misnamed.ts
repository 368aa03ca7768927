/** A written township name that is one clear step from a registry name (清水真 → 清水镇): the report's "可能是文件《…》（名称有误）". */
import { editDistance, normalizeText } from '../core';
import type { Registry } from '../core/types';

/** The registry township a written name most likely means, and the part of the text that names it. */
export interface MisnamedGuess {
  township: string;
  written: string;
}

/** Only the start of a long text is searched (a name is near the start of a file name or 填报单位). */
const PROBE = 40;

/**
 * The one registry township (by name or alias) that some stretch of `text` is within a small edit
 * distance of — 1 for names up to 5 characters, 2 beyond — and strictly nearer than every other
 * township; null when none is that near, when two are equally near, or when the text already holds
 * the name exactly (then it is not a misspelling).
 */
export function guessMisnamed(text: string, registry: Registry): MisnamedGuess | null {
  const chars = Array.from(normalizeText(text)).slice(0, PROBE);
  const scored: { township: string; distance: number; written: string }[] = [];
  for (const t of registry.townships) {
    let best: { distance: number; written: string } | null = null;
    for (const key of [t.name, ...t.aliases].map((k) => Array.from(normalizeText(k)))) {
      if (key.length < 2) continue;
      const bound = key.length <= 5 ? 1 : 2;
      // Same length first: at equal distance 清水真 (one character wrong) wins over 清水 (one missing).
      for (const length of [key.length, key.length - 1, key.length + 1]) {
        if (length < 2) continue;
        for (let start = 0; start + length <= chars.length; start++) {
          const written = chars.slice(start, start + length).join('');
          const distance = editDistance(written, key.join(''));
          if (distance <= bound && (best === null || distance < best.distance))
            best = { distance, written };
        }
      }
    }
    if (best !== null) scored.push({ township: t.name, ...best });
  }
  scored.sort((a, b) => a.distance - b.distance);
  const [first, second] = scored;
  if (first === undefined || first.distance === 0) return null;
  if (second !== undefined && second.distance === first.distance) return null;
  return { township: first.township, written: first.written };
}
