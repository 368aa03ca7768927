/**
 * Writes the example county (examples/townships, examples/registry.csv, examples/previous/summary.json)
 * from the fixed-seed generator in scripts/examples/county.ts. `npm run examples [-- --out <dir>]`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildExampleFiles } from './examples/county';

/** Generates the files and writes them under the output folder (default examples/), replacing old township files. */
async function makeExamples(argv: string[]): Promise<void> {
  const at = argv.indexOf('--out');
  const out = resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : 'examples');
  const files = await buildExampleFiles();
  // Township files are all generated: clear the folder so a renamed file leaves no stale copy behind.
  rmSync(join(out, 'townships'), { recursive: true, force: true });
  let bytes = 0;
  for (const [rel, data] of files) {
    const path = join(out, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    bytes += data.length;
  }
  const townships = readdirSync(join(out, 'townships')).length;
  console.log(
    `examples: ${files.size} files (${townships} township files), ${(bytes / 1024).toFixed(1)} KiB → ${out}`,
  );
}

makeExamples(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
