/** The charts' scratch folder (the cut font lives there while PNGs are drawn); light, so the main thread may load it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new scratch folder and its removal (the caller decides how long it lives). */
export function makeChartScratch(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'county-rollup-charts-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
