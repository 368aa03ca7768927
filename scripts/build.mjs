// Build: the CLI bundle (dist/cli.js, Node, dependencies external) and, when addin/ has an entry,
// the task pane (dist/addin/). `npm run build:addin -- --base-url https://…` targets an intranet server.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

// Dependencies stay external, except the ES-module-only arquero/flechette (bundled): see the JSON.
const cliConfig = JSON.parse(
  readFileSync(new URL('./cli-externals.json', import.meta.url), 'utf8'),
);
const cliExternals = cliConfig.external;
const entries = Object.fromEntries(
  Object.entries(cliConfig.entries).filter(([name]) => name !== '$comment'),
);

// dist/cli.js plus the entries the launcher and the CLI load on their own (dist/quick.js, …).
const cli = build({
  entryPoints: entries,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'dist',
  external: cliExternals,
  sourcemap: true,
  logLevel: 'warning',
});

await cli;
if (existsSync('scripts/build-addin.mjs') && !process.argv.includes('--cli-only')) {
  const { buildAddin } = await import('./build-addin.mjs');
  await buildAddin(process.argv.slice(2));
}
