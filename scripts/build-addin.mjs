// Builds the Excel add-in into dist/addin/: the task pane bundle (esbuild, browser, minified),
// its page, stylesheet and icons, and a manifest whose URLs point at the server that will host it.
//
//   npm run build:addin                                   # manifest keeps https://localhost:3000
//   npm run build:addin -- --base-url https://intranet.example/addin
//   npm run build:addin -- --base-url https://… --self-host-office   # office.js from our server
//   options: --out-dir <dir> (default dist/addin)
//
// scripts/build.mjs imports buildAddin(); run directly, this file builds and exits 1 on failure.
import { build } from 'esbuild';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { runAsScript } from './runAsScript.mjs';

/** Where the development manifest points; every occurrence is replaced by --base-url. */
export const DEV_BASE_URL = 'https://localhost:3000';
/** Microsoft's CDN address of office.js, used by taskpane.html unless --self-host-office. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Budget for the pane's own code (JS + CSS, minified, office.js excluded), in bytes. */
export const BUNDLE_BUDGET_BYTES = 300 * 1024;

const PANE_DIR = 'addin/taskpane';
const ENTRY = `${PANE_DIR}/main.ts`;
/** The host probe (issue 8): a page checking the pane's Office.js assumptions in a real Excel. */
const PROBE_DIR = 'addin/probe';
/** The probe's own add-in id (sideloaded next to the pane, never instead of it). */
const PROBE_ID = '7c2f4b1e-93d5-4a6e-b0f8-2d61c5e4a9b3';
const OFFICE_JS_DIST = 'node_modules/@microsoft/office-js/dist';

/** Parses the command-line options of the add-in build; unknown options are ignored (build.mjs passes its own). */
export function parseAddinArgs(args) {
  const options = { baseUrl: undefined, selfHostOffice: false, outDir: 'dist/addin' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = args[++i];
      if (next === undefined || next.startsWith('--'))
        throw new Error(`${name} 需要一个值 / ${name} needs a value`);
      return next;
    };
    if (name === '--base-url') options.baseUrl = checkBaseUrl(value());
    else if (name === '--out-dir') options.outDir = value();
    else if (name === '--self-host-office') options.selfHostOffice = true;
  }
  return options;
}

/** Returns the base URL without a trailing slash; refuses anything that is not an absolute https URL. */
export function checkBaseUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `--base-url 不是有效网址：${raw}（例如 https://intranet.example/addin） / --base-url is not a valid URL: ${raw}`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `--base-url 必须是 https 网址（Office 只加载 https 上的加载项）：${raw} / --base-url must be https: Office loads add-ins only over https`,
    );
  }
  if (url.search || url.hash)
    throw new Error(
      `--base-url 不能带 ? 或 #：${raw} / --base-url must not have a query or fragment`,
    );
  return url.href.replace(/\/+$/, '');
}

/** Escapes a string for an XML attribute value. */
function escapeXml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Returns the manifest text with every development URL replaced by the base URL. */
export function retargetManifest(xml, baseUrl) {
  return baseUrl ? xml.split(DEV_BASE_URL).join(escapeXml(baseUrl)) : xml;
}

/** Returns the page with office.js loaded from `officeSrc` instead of Microsoft's CDN. */
export function retargetOfficeJs(html, officeSrc) {
  if (!html.includes(OFFICE_JS_CDN)) {
    throw new Error(
      `${PANE_DIR}/taskpane.html 没有引用 ${OFFICE_JS_CDN}，无法改为自托管 office.js / taskpane.html has no office.js script tag to retarget`,
    );
  }
  return html.split(OFFICE_JS_CDN).join(officeSrc);
}

/** The pane's manifest turned into the probe's: its own id and name, opening probe.html. */
export function probeManifest(xml) {
  return xml
    .replace(/<Id>[^<]+<\/Id>/, `<Id>${PROBE_ID}</Id>`)
    .split(`${DEV_BASE_URL}/taskpane.html`)
    .join(`${DEV_BASE_URL}/probe.html`)
    .replace(
      /<DisplayName DefaultValue="[^"]*">/,
      '<DisplayName DefaultValue="妇联统计表校验·主机检测">',
    )
    .replace(
      /(<DisplayName[^>]*>\s*<Override Locale="en-US" Value=")[^"]*"/,
      '$1Sheet check host probe"',
    );
}

/** Formats a byte count in KB with one decimal. */
function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Builds the add-in into `--out-dir` (default dist/addin). Returns what was built, or
 * `{ skipped: true }` while the pane's entry does not exist yet. Throws on a bad option,
 * a failed bundle or a bundle over budget.
 */
export async function buildAddin(args = []) {
  const options = parseAddinArgs(args);
  if (!existsSync(ENTRY)) {
    console.log(
      `[build:addin] 跳过：还没有 ${ENTRY}（任务窗格尚未写好） / skipped: ${ENTRY} does not exist yet`,
    );
    return { skipped: true };
  }
  const outDir = resolve(options.outDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const result = await build({
    entryPoints: { taskpane: ENTRY, probe: `${PROBE_DIR}/probe.ts` },
    bundle: true,
    platform: 'browser',
    target: 'es2020',
    format: 'iife',
    minify: true,
    // Write the opencc dictionary's Chinese as UTF-8, not \uXXXX escapes: a third smaller (the page is UTF-8).
    charset: 'utf8',
    sourcemap: 'external',
    outdir: outDir,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });

  // The page and stylesheet; when main.ts imports the CSS, esbuild already wrote taskpane.css.
  const html = readFileSync(join(PANE_DIR, 'taskpane.html'), 'utf8');
  const officeSrc = options.selfHostOffice ? 'office-js/office.js' : OFFICE_JS_CDN;
  writeFileSync(
    join(outDir, 'taskpane.html'),
    options.selfHostOffice ? retargetOfficeJs(html, officeSrc) : html,
  );
  const css = join(PANE_DIR, 'taskpane.css');
  if (existsSync(css) && !existsSync(join(outDir, 'taskpane.css')))
    cpSync(css, join(outDir, 'taskpane.css'));
  cpSync('addin/assets', join(outDir, 'assets'), { recursive: true });
  if (options.selfHostOffice) {
    if (!existsSync(join(OFFICE_JS_DIST, 'office.js')))
      throw new Error(
        `没有找到 ${OFFICE_JS_DIST}/office.js，请先 npm install / office.js not found`,
      );
    cpSync(OFFICE_JS_DIST, join(outDir, 'office-js'), { recursive: true });
  }
  const manifest = readFileSync('manifest.xml', 'utf8');
  writeFileSync(join(outDir, 'manifest.xml'), retargetManifest(manifest, options.baseUrl));
  const probeHtml = readFileSync(join(PROBE_DIR, 'probe.html'), 'utf8');
  writeFileSync(
    join(outDir, 'probe.html'),
    options.selfHostOffice ? retargetOfficeJs(probeHtml, officeSrc) : probeHtml,
  );
  writeFileSync(
    join(outDir, 'probe-manifest.xml'),
    retargetManifest(probeManifest(manifest), options.baseUrl),
  );

  const jsBytes = statSync(join(outDir, 'taskpane.js')).size;
  const cssBytes = existsSync(join(outDir, 'taskpane.css'))
    ? statSync(join(outDir, 'taskpane.css')).size
    : 0;
  const bundleBytes = jsBytes + cssBytes;
  console.log(
    `[build:addin] ${outDir}: taskpane.js ${kb(jsBytes)} + taskpane.css ${kb(cssBytes)} = ${kb(bundleBytes)} ` +
      `(预算 / budget ${kb(BUNDLE_BUDGET_BYTES)}, office.js 不计 / excluded); ` +
      `office.js: ${options.selfHostOffice ? 'office-js/office.js (自托管 / self-hosted)' : OFFICE_JS_CDN}; ` +
      `manifest → ${options.baseUrl ?? DEV_BASE_URL}`,
  );
  if (bundleBytes > BUNDLE_BUDGET_BYTES) {
    const largest = Object.entries(
      result.metafile.outputs[
        Object.keys(result.metafile.outputs).find((k) => k.endsWith('taskpane.js'))
      ]?.inputs ?? {},
    )
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
      .slice(0, 8)
      .map(([file, info]) => `  ${kb(info.bytesInOutput).padStart(10)}  ${file}`)
      .join('\n');
    throw new Error(
      `任务窗格代码 ${kb(bundleBytes)} 超出预算 ${kb(BUNDLE_BUDGET_BYTES)} / pane bundle over budget. Largest inputs:\n${largest}`,
    );
  }
  // The offline check page next to the add-in (dist/check beside dist/addin), so an intranet serves both.
  const { buildPage } = await import('./build-page.mjs');
  await buildPage(['--page-out-dir', join(outDir, '..', 'check'), ...args]);
  return {
    skipped: false,
    outDir,
    jsBytes,
    cssBytes,
    bundleBytes,
    baseUrl: options.baseUrl ?? DEV_BASE_URL,
    selfHostOffice: options.selfHostOffice,
  };
}

await runAsScript(import.meta.url, 'build:addin', buildAddin);
