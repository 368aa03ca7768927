/**
 * The host probe page (issue 8) in headless Chromium on the simulated host: it runs every check,
 * catches each failure as a finding, and shows a JSON report; nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  bundleFakeExcel,
  describeInBrowser,
  launchChromium,
  openGuardedPage,
  serveFolder,
  type StaticServer,
} from './harness';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

describeInBrowser('host probe page', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'probe-'));
    const out = join(dir, 'addin');
    execFileSync(process.execPath, ['scripts/build-addin.mjs', '--out-dir', out], {
      cwd: resolve(__dirname, '../../..'),
      stdio: 'pipe',
    });
    await bundleFakeExcel(out);
    const html = readFileSync(join(out, 'probe.html'), 'utf8');
    expect(html).toContain(OFFICE_CDN);
    server = await serveFolder(out, {
      '/probe-test.html': html.split(OFFICE_CDN).join('fakeExcel.js'),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('runs every check and shows a JSON report naming what passed and what failed', async () => {
    const { page, guard } = await openGuardedPage(browser, server.origin);
    await page.goto(`${server.origin}/probe-test.html?api=1.18&officeJs=npm`);
    await page.locator('[data-testid="probe-run"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="probe-status"]')?.textContent?.startsWith('完成'),
      undefined,
      { timeout: 30000 },
    );
    const report = JSON.parse(await page.locator('[data-testid="probe-report"]').innerText()) as {
      checks: { name: string; ok: boolean; detail: unknown }[];
    };
    expect(report.checks.map((c) => c.name)).toEqual([
      'host',
      'apiObjects',
      'worksheetIdAcrossSessions',
      'runOptions',
      'scratchSheet',
      'fillReadBack',
      'customXmlParts',
      'rowsAndMerges',
      'changeEvents',
      'annotations',
      'requestSize',
      'cleanUp',
    ]);
    const byName = new Map(report.checks.map((c) => [c.name, c]));
    // The simulated npm office.js: a Workbook class without notes.
    expect(byName.get('apiObjects')).toMatchObject({ ok: true, detail: { workbookNotes: false } });
    expect(byName.get('runOptions')!.detail).toBe(
      'Excel.run({ delayForCellEdit, mergeUndoGroup }) accepted',
    );
    expect(byName.get('host')).toMatchObject({
      ok: true,
      detail: { excelApi: { '1.18': true, '1.20': false } },
    });
    expect(guard.external).toEqual([]);
    expect(guard.pageErrors).toEqual([]);
    await page.context().close();
  });
});
