// Build: the CLI bundle (dist/cli.js, Node, dependencies external) and, when addin/ has an entry,
// the task pane (dist/addin/). `npm run build:addin -- --base-url https://…` targets an intranet server.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const cli = build({
  entryPoints: ['pipeline/cli.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: 'dist/cli.js',
  // Dependencies stay external, except the ES-module-only arquero/flechette, bundled so the CJS CLI runs on any Node 20.
  external: [
    'exceljs',
    'echarts',
    '@resvg/resvg-js',
    'docx',
    'iconv-lite',
    'papaparse',
    'opencc-js',
  ],
  sourcemap: true,
  logLevel: 'warning',
});

await cli;
if (existsSync('scripts/build-addin.mjs') && !process.argv.includes('--cli-only')) {
  const { buildAddin } = await import('./build-addin.mjs');
  await buildAddin(process.argv.slice(2));
}
