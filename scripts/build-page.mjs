// Builds the offline check page: ONE self-contained HTML file, dist/check/county-rollup-check.html,
// with its CSS and JavaScript inline, system fonts and no request to any network — a county can
// e-mail it or put it on a shared drive, and a chair opens it by double-click (file://).
//
//   npm run build:page                  # option: --page-out-dir <dir> (default dist/check)
//
// Three bundles: the UI (small, run at once); the engine (core, readers, intake, workbook writers),
// kept in the page as inert text (<script type="text/plain">) and evaluated when a file is picked;
// and exceljs + SheetJS, inert too, evaluated only when an .xlsx/.xls, a 标注版 or a template needs
// them (a CSV never does). The page thus opens without parsing 1.6 MB of JavaScript.
// scripts/build-addin.mjs calls buildPage() so an intranet serves the page next to the add-in.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAsScript } from './runAsScript.mjs';

export const PAGE_FILE = 'county-rollup-check.html';
const PAGE_DIR = 'page';

/** Parses --page-out-dir (other options, e.g. build:addin's, are ignored). */
export function parsePageArgs(args) {
  const options = { outDir: 'dist/check' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--page-out-dir') options.outDir = args[++i];
    else if (arg.startsWith('--page-out-dir='))
      options.outDir = arg.slice('--page-out-dir='.length);
  }
  return options;
}

async function bundle(entry, alias = {}) {
  const result = await build({
    entryPoints: [entry],
    alias,
    bundle: true,
    platform: 'browser',
    target: 'es2020',
    format: 'iife',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** Makes script text safe inside a <script> element: the parser must not see an end tag or a comment opener. */
export function scriptSafe(code) {
  return code.replace(/<\/(script)/giu, '<\\/$1').replace(/<!--/gu, '<\\!--');
}

/**
 * Checks the page loads nothing: no external script, stylesheet, image or font, no @import or url()
 * to a network address. (XML namespace strings such as http://schemas.openxmlformats.org/… inside
 * exceljs are names, never requested; they are counted, not refused.) Throws on a violation.
 */
export function checkOffline(html) {
  const problems = [];
  const patterns = [
    [
      /<(?:script|img|iframe|link|source|video|audio)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//giu,
      'external src/href',
    ],
    [/<link\b/giu, '<link> element'],
    [/@import\b/gu, '@import'],
    [/url\(\s*["']?(?:https?:)?\/\//giu, 'url() to the network'],
    [/@font-face/gu, '@font-face (web font)'],
  ];
  for (const [re, what] of patterns) if (re.test(html)) problems.push(what);
  if (problems.length > 0)
    throw new Error(
      `检查页会访问网络 / the check page would reach the network: ${problems.join(', ')}`,
    );
  const hosts = new Set([...html.matchAll(/https?:\/\/([a-z0-9.-]+)/giu)].map((m) => m[1]));
  return [...hosts].sort();
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Builds the page; returns its path, size and the parts' sizes. */
export async function buildPage(args = []) {
  const options = parsePageArgs(args);
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const [main, engine, heavy] = await Promise.all([
    bundle(join(PAGE_DIR, 'main.ts')),
    // The engine reaches exceljs and SheetJS through stand-ins that evaluate the heavy bundle on first use.
    bundle(join(PAGE_DIR, 'engine.ts'), {
      exceljs: `./${PAGE_DIR}/lazy/exceljs.ts`,
      '@e965/xlsx': `./${PAGE_DIR}/lazy/xlsx.ts`,
    }),
    bundle(join(PAGE_DIR, 'lazy', 'heavyEntry.ts')),
  ]);
  const css = readFileSync(join(PAGE_DIR, 'check.css'), 'utf8');
  const template = readFileSync(join(PAGE_DIR, 'check.html'), 'utf8');
  const parts = {
    '<!-- build:css -->': `<style>\n${css}</style>`,
    '<!-- build:engine -->':
      `<script id="engine-code" type="text/plain">${scriptSafe(engine)}</script>\n` +
      `<script id="heavy-code" type="text/plain">${scriptSafe(heavy)}</script>`,
    '<!-- build:main -->': `<script>${scriptSafe(main)}</script>`,
  };
  let html = template;
  for (const [marker, content] of Object.entries(parts)) {
    if (!html.includes(marker)) throw new Error(`${PAGE_DIR}/check.html lacks ${marker}`);
    // A function replacement: `$` in the code must not be read as a replacement pattern.
    html = html.replace(marker, () => content);
  }
  const hosts = checkOffline(html);
  const path = join(outDir, PAGE_FILE);
  writeFileSync(path, html);
  const bytes = Buffer.byteLength(html);
  console.log(
    `[build:page] ${path}: ${kb(bytes)} (界面 / UI ${kb(Buffer.byteLength(main))}, ` +
      `引擎 / engine ${kb(Buffer.byteLength(engine))}, exceljs+SheetJS ${kb(Buffer.byteLength(heavy))}, ` +
      `CSS ${kb(Buffer.byteLength(css))}); ` +
      `不访问网络 / offline (名称字符串 / namespace strings only: ${hosts.join(', ') || 'none'})`,
  );
  return {
    path,
    bytes,
    mainBytes: Buffer.byteLength(main),
    engineBytes: Buffer.byteLength(engine),
  };
}

await runAsScript(import.meta.url, 'build:page', buildPage);
