/**
 * Shared pieces of the headless-Chromium tests: find the browser (skip outside CI when absent,
 * fail in CI), bundle the simulated Excel host, serve a folder over plain http on 127.0.0.1, and
 * open pages that may not reach anything else (every other request is aborted and recorded).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { FakeExcelHelpers } from '../host/browser';
import type { Scenario } from './scenario';

/** Debian's Chromium, installed by .ci/run; the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether the browser tests run here: always in CI (and fail there without Chromium), else when Chromium is installed. */
export function browserTestsEnabled(): boolean {
  return process.env.CI === 'true' || existsSync(CHROMIUM_PATH);
}

/** `describe`, or `describe.skip` outside CI when Chromium is absent (the only case a browser test may be skipped). */
export const describeInBrowser: jest.Describe = browserTestsEnabled() ? describe : describe.skip;

/** Launches headless Chromium with no background traffic (no updates, sync or component downloads). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install Debian's chromium (CI must have it; the browser test fails instead of skipping when CI=true)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Bundles the simulated Excel host for the browser into `outDir/fakeExcel.js`. */
export async function bundleFakeExcel(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'fakeExcel.js');
  await build({
    entryPoints: [resolve(__dirname, '../host/browser.ts')],
    bundle: true,
    platform: 'browser',
    target: 'es2020',
    format: 'iife',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

/** A running test server: its origin, the paths requested so far, and how to stop it. */
export interface StaticServer {
  origin: string;
  requests: string[];
  close: () => Promise<void>;
}

/** Serves `root` over plain http on 127.0.0.1 at a random port; `pages` adds in-memory files by URL path. */
export async function serveFolder(
  root: string,
  pages: Record<string, string> = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'text/html; charset=utf-8' });
      res.end(page);
      return;
    }
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep) || !existsSync(file)) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((ok, fail) => server.close((err) => (err ? fail(err) : ok()))),
  };
}

/** What a guarded page saw: requests it was refused, dialogs, script errors and console errors. */
export interface PageGuard {
  external: string[];
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** Opens a page that may only talk to `origin`: anything else is aborted and recorded; dialogs are recorded and dismissed. */
export async function openGuardedPage(
  browser: Browser,
  origin: string,
  viewport = { width: 420, height: 900 },
): Promise<{ page: Page; guard: PageGuard }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const guard: PageGuard = { external: [], dialogs: [], pageErrors: [], consoleErrors: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
      await route.continue();
    } else {
      guard.external.push(url);
      await route.abort('blockedbyclient');
    }
  });
  page.on('dialog', (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (err) => guard.pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') guard.consoleErrors.push(msg.text());
  });
  return { page, guard };
}

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The built pane served with the simulated host, and a browser: what every pane test starts from. */
export interface PaneHarness {
  /** A temporary folder the test may use (the build is in its `addin/`). */
  dir: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds the pane for real (esbuild, minified) into a temporary folder, bundles the simulated host,
 * serves the built page as /test.html with the host in place of office.js, and launches Chromium.
 */
export async function startPaneHarness(prefix: string): Promise<PaneHarness> {
  const root = resolve(__dirname, '../../..');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const out = join(dir, 'addin');
  execFileSync(process.execPath, ['scripts/build-addin.mjs', '--out-dir', out], {
    cwd: root,
    stdio: 'pipe',
  });
  if (!existsSync(join(out, 'taskpane.js')))
    throw new Error('the pane was not built: is addin/taskpane/main.ts there?');
  await bundleFakeExcel(out);
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  if (!html.includes(OFFICE_CDN))
    throw new Error('taskpane.html does not load office.js from the CDN as expected');
  const testPage = html.split(OFFICE_CDN).join('fakeExcel.js');
  if (/(?:src|href)="(?:https?:)?\/\//.test(testPage))
    throw new Error('the test page still loads something from another host');
  const server = await serveFolder(out, { '/test.html': testPage });
  const browser = await launchChromium();
  return {
    dir,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type FakeWindow = Window & { __fakeExcel: FakeExcelHelpers };

/** Loads a scenario's sheet (values, fills, comments, notes) into the page's simulated host. */
export async function loadScenario(
  page: Page,
  scenario: Pick<Scenario, 'grid' | 'fills' | 'comments' | 'notes'>,
  sheet: string,
): Promise<void> {
  await page.evaluate(
    ({ s, sheet }) =>
      (window as unknown as FakeWindow).__fakeExcel.load(s.grid, s.fills, {
        sheetName: sheet,
        comments: s.comments,
        notes: s.notes,
      }),
    { s: scenario, sheet },
  );
}

/** After each test: nothing left the machine, no dialog opened, no script or host handler failed; then the page closes. */
export async function expectCleanPage(page: Page, guard: PageGuard): Promise<void> {
  expect(guard.external).toEqual([]);
  expect(guard.dialogs).toEqual([]);
  expect(guard.pageErrors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.errors)).toEqual(
    [],
  );
  await page.context().close();
}
