/**
 * The pane's other buttons in headless Chromium on the simulated host of test/addin/browser
 * (its harness and fake; the shared test there covers 校验/修正/清除标记): the filter, 本表合计,
 * 自动校验 (an edit and a paste re-validate; our own writes do not loop), the registry CSV and
 * 新建填报表, and the English pane. Screenshots go to test-output/addin/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { FakeExcelHelpers } from '../host/browser';
import {
  describeInBrowser,
  expectCleanPage,
  loadScenario,
  openGuardedPage,
  startPaneHarness,
} from '../browser/harness';
import type { PageGuard, PaneHarness } from '../browser/harness';
import { mistakesScenario, SHEET } from '../browser/scenario';

type Win = Window & { __fakeExcel: FakeExcelHelpers };

const ROOT = resolve(__dirname, '../../..');
const SHOTS = join(ROOT, 'test-output', 'addin');

describeInBrowser('task pane: filter, totals, auto-validate, new sheet, English', () => {
  let h: PaneHarness;
  let page: Page;
  let guard: PageGuard;

  beforeAll(async () => {
    h = await startPaneHarness('pane2-');
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => h?.close());
  afterEach(() => expectCleanPage(page, guard));

  async function open(query: string): Promise<void> {
    ({ page, guard } = await openGuardedPage(h.browser, h.server.origin));
    await page.goto(`${h.server.origin}/test.html${query}`);
    await loadScenario(page, mistakesScenario(), SHEET);
    await page.locator('#app:not([hidden])').waitFor();
  }

  const text = (id: string): Promise<string> => page.locator(`[data-testid="${id}"]`).innerText();
  const visibleCodes = (): Promise<string[]> =>
    page
      .locator('[data-testid="finding"]:visible')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code') ?? ''));
  const syncCount = (): Promise<number> =>
    page.evaluate(() => (window as unknown as Win).__fakeExcel.syncCount);

  async function settle(): Promise<void> {
    let last = -1;
    for (;;) {
      const now = await syncCount();
      if (now === last) return;
      last = now;
      await page.waitForTimeout(200);
    }
  }

  test('filter, 本表合计 and 自动校验 (edit, paste, no loop on our own writes)', async () => {
    await open('?api=1.14');
    await page.locator('[data-testid="validate"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="count-errors"]')?.textContent === '3',
    );
    expect(await text('count-warnings')).toBe('1');

    await page.locator('[data-testid="filter"]').selectOption('warning');
    expect(await visibleCodes()).toEqual(['W_APPROX']);
    await page.locator('[data-testid="filter"]').selectOption('error');
    expect(await visibleCodes()).toEqual([
      'E_ATTENDANCE_WITHOUT_EVENTS',
      'E_DUPLICATE_VILLAGE',
      'E_NOT_NUMBER',
    ]);
    await page.locator('[data-testid="filter"]').selectOption('all');
    expect(await visibleCodes()).toHaveLength(4);

    await page.locator('[data-testid="totals"]').click();
    await page.locator('[data-testid="totals-panel"]').waitFor({ state: 'visible' });
    const totals = await text('totals-panel');
    expect(totals).toContain('村（社区）数');
    expect(totals).toContain('培训人次');
    expect(totals).toMatch(/纠纷化解率\s+\d+\.\d%/);
    expect(totals).toContain('CSV UTF-8（逗号分隔）');
    await page.screenshot({ path: join(SHOTS, 'pane-totals.png'), fullPage: true });

    // 自动校验: on, then a user edit fixes M8's attendance, a paste over N10:O10 fixes the markup cell.
    await page.locator('[data-testid="auto-toggle"]').check();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="status"]')?.textContent?.includes('自动校验已开启'),
    );
    await settle();
    await page.evaluate(() => (window as unknown as Win).__fakeExcel.fireChanged('M8', [[0]]));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="count-errors"]')?.textContent === '2',
      undefined,
      {
        timeout: 5000,
      },
    );
    await page.evaluate(() =>
      (window as unknown as Win).__fakeExcel.fireChanged('N10:O10', [[3, 30]]),
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid="count-errors"]')?.textContent === '1',
      undefined,
      {
        timeout: 5000,
      },
    );
    await settle();
    const marked = await page.evaluate(
      () => (window as unknown as Win).__fakeExcel.cell('N10').fill,
    );
    expect(marked).toEqual({ color: '#FFFFFF', pattern: 'None' });
    // Quiet: nothing re-triggers by itself (our marks and fixes run with events off).
    const quiet = await syncCount();
    await page.waitForTimeout(1500);
    expect(await syncCount()).toBe(quiet);
    expect(await visibleCodes()).toEqual(['W_APPROX', 'E_DUPLICATE_VILLAGE']);
  });

  test("registry CSV (GBK) and 新建填报表 pre-filled with the township's villages", async () => {
    await open('?api=1.18');
    const csv = join(h.dir, 'registry.csv');
    // GBK bytes, as Excel's plain "CSV" writes them on Chinese Windows.
    writeFileSync(
      csv,
      Buffer.from(
        execFileSync(
          process.execPath,
          [
            '-e',
            "process.stdout.write(require('iconv-lite').encode('乡镇,村（社区）\\r\\n黎岭镇,东村\\r\\n黎岭镇,西村\\r\\n青石镇,南村\\r\\n','gbk'))",
          ],
          { cwd: ROOT },
        ),
      ),
    );
    await page.locator('[data-testid="registry-file"]').setInputFiles(csv);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="status"]')?.textContent?.includes('已读取名单'),
    );
    expect(await text('status')).toBe('已读取名单：2 个乡镇，3 个村（社区）。');
    await page.locator('[data-testid="township"]').selectOption('黎岭镇');
    await page.locator('[data-testid="year"]').fill('2025');
    await page.locator('[data-testid="new-sheet"]').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="status"]')?.textContent?.includes('已新建工作表'),
    );
    expect(await text('status')).toBe('已新建工作表“统计表 (2)”，请在其中填写。');
    const snap = await page.evaluate(() =>
      (window as unknown as Win).__fakeExcel.snapshot('统计表 (2)'),
    );
    expect(snap.activeSheet).toBe('统计表 (2)');
    expect(snap.values[0]![0]).toContain('2025');
    expect(snap.values[3]!.slice(0, 3)).toEqual(['序号', '村（社区）名称', '妇联主席姓名']);
    expect(snap.values.slice(4, 6).map((r) => r.slice(0, 2))).toEqual([
      [1, '东村'],
      [2, '西村'],
    ]);
    expect(snap.enableEvents).toBe(true);
    const layout = await page.evaluate(() =>
      (window as unknown as Win).__fakeExcel.layout('统计表 (2)'),
    );
    expect(layout.frozenRows).toBe(4);
    expect(layout.frozenColumns).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'pane-new-sheet.png'), fullPage: true });
  });

  test('English when Office runs in English; cell text stays text', async () => {
    await open('?api=1.9&lang=en-US');
    expect(await text('validate')).toBe('Check');
    await page.locator('[data-testid="validate"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="count-errors"]')?.textContent === '3',
    );
    const list = await text('findings');
    expect(list).toContain('Row 8');
    expect(list).toContain('must be a number, found “<img src=x onerror=alert(1)>”');
    expect(await page.locator('[data-testid="findings"] img').count()).toBe(0);
    // ExcelApi 1.9 without comments or notes: fills only, the pane list carries the messages.
    const snap = await page.evaluate(() => (window as unknown as Win).__fakeExcel.snapshot());
    expect(Object.keys(snap.notes)).toEqual([`${SHEET}!C5`]);
    await page.screenshot({ path: join(SHOTS, 'pane-english.png'), fullPage: true });
  });
});
