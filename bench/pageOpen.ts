/**
 * `node scripts/run-ts.mjs bench/pageOpen.ts [--runs N]`: the offline check page's size and its open
 * time in headless Chromium with the CPU throttled ×4 (CDP Emulation.setCPUThrottlingRate, the
 * "5-year-old PC" of issue 9), opened from file://; then the first check of a file (engine
 * evaluated on demand + read + validate) under the same throttling. Builds the page first.
 * Target: open < 2 s. A measurement, never a test assertion.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT } from '../test/pipeline/e2e/cliProcess';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const THROTTLE = 4;
const SAMPLES = [
  join(ROOT, 'examples', 'townships', '马鞍乡2025年统计表.csv'),
  join(ROOT, 'examples', 'townships', '梅林镇.xlsx'),
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'page-bench-'));
  try {
    execFileSync(process.execPath, ['scripts/build-page.mjs', '--page-out-dir', dir], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const path = join(dir, 'county-rollup-check.html');
    const html = readFileSync(path);
    const url = pathToFileURL(path).href;
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const open: number[] = [];
    const fcp: number[] = [];
    const check: Record<string, number[]> = {};
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'load' });
      open.push(Date.now() - t0);
      fcp.push(
        await page.evaluate(
          () =>
            performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')
              ?.startTime ?? NaN,
        ),
      );
      // Files one at a time: the first pays for evaluating the engine (exceljs, SheetJS, core).
      for (const [n, sample] of SAMPLES.entries()) {
        const t1 = Date.now();
        await page.setInputFiles('#file-input', sample);
        await page.waitForFunction(
          (k) => document.getElementById('results')!.dataset.done === k,
          String(n + 1),
        );
        const key = `${n === 0 ? 'first check, engine evaluated' : 'then an .xlsx, exceljs evaluated'} (${sample.split('/').pop()})`;
        (check[key] ??= []).push(Date.now() - t1);
      }
      await context.close();
    }
    // The same throttled browser opening a blank page: what any page costs here.
    const blank: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
      const t0 = Date.now();
      await page.goto('data:text/html,<p>x</p>', { waitUntil: 'load' });
      blank.push(Date.now() - t0);
      await context.close();
    }
    await browser.close();
    const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
    console.log(`page: ${kb(html.length)} (gzip ${kb(gzipSync(html).length)})`);
    console.log(
      `open from file:// (CPU ×${THROTTLE}, ${RUNS} runs): load ${median(open)} ms median (max ${Math.max(...open)} ms), first contentful paint ${Math.round(median(fcp))} ms; target < 2000 ms: ${median(open) < 2000 && Math.max(...open) < 2000 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `  runs: ${open.join(', ')} ms; a blank page in the same browser: ${median(blank)} ms median`,
    );
    for (const [key, xs] of Object.entries(check))
      console.log(`${key}: ${median(xs)} ms median (max ${Math.max(...xs)} ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
