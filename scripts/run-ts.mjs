// Runs a TypeScript entry (generators, benchmarks) by bundling it with esbuild into a temp file
// under node_modules/.cache, so that its external dependencies resolve from this project.
// Usage: node scripts/run-ts.mjs <entry.ts> [args…]
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const cliExternals = JSON.parse(
  readFileSync(new URL('./cli-externals.json', import.meta.url), 'utf8'),
).external;

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args…]');
  process.exit(2);
}
const cache = resolve('node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'run-ts-'));
const out = join(dir, 'entry.cjs');
await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: out,
  sourcemap: 'inline',
  external: [...cliExternals, 'playwright-core', 'jszip', 'fast-check', 'esbuild'],
  logLevel: 'warning',
});
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
process.argv = [process.argv[0], resolve(entry), ...args];
createRequire(import.meta.url)(out);
