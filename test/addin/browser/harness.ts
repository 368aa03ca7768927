/**
 * Shared pieces of the headless-Chromium tests: find the browser (skip outside CI when absent,
 * fail in CI), bundle the simulated Excel host, serve a folder over plain http on 127.0.0.1, and
 * open pages that may not reach anything else (every other request is aborted and recorded).
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

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
    entryPoints: [resolve(__dirname, 'fakeExcel.ts')],
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
