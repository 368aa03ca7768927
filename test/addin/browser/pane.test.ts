/**
 * The built task pane in headless Chromium on a simulated Excel host (test/addin/host/): 校验 on a sheet
 * full of mistakes, the list, counts and marks, selecting a finding's cell, 修正, 清除标记 restoring
 * the sheet cell for cell, markup shown as text, and a 2,000-row sheet (time and syncs logged, not
 * asserted). The page can reach nothing but the local test server. Screenshots go to test-output/addin/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { FakeExcelHelpers, FakeSnapshot } from '../host/browser';
import {
  describeInBrowser,
  expectCleanPage,
  loadScenario,
  openGuardedPage,
  startPaneHarness,
} from './harness';
import type { PageGuard, PaneHarness } from './harness';
import { loadSchema, validateGrid } from '../../../core';
import type { Cell } from '../../../core/types';
import { cleanScenario, largeScenario, mistakesScenario, SHEET, XSS } from './scenario';
import type { Scenario } from './scenario';

type Win = Window & { __fakeExcel: FakeExcelHelpers };

const ROOT = resolve(__dirname, '../../..');
const SHOTS = join(ROOT, 'test-output', 'addin');

interface Item {
  cell: string | null;
  code: string | null;
  severity: string | null;
  text: string;
  fixable: boolean;
}

describeInBrowser('task pane in Chromium on a simulated Excel host', () => {
  let h: PaneHarness;
  let page: Page;
  let guard: PageGuard;
  const figures: string[] = [];

  beforeAll(async () => {
    // The real build (esbuild, minified) with the simulated host in place of office.js.
    h = await startPaneHarness('pane-');
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await h?.close();
    if (figures.length) console.log(`browser test figures:\n  ${figures.join('\n  ')}`);
  });

  // Nothing may leave the machine, no dialog may open, no script may fail.
  afterEach(() => expectCleanPage(page, guard));

  async function open(query: string, scenario: Scenario | null): Promise<void> {
    ({ page, guard } = await openGuardedPage(h.browser, h.server.origin));
    await page.goto(`${h.server.origin}/test.html${query}`);
    if (scenario) await loadScenario(page, scenario, SHEET);
    await page.locator('[data-testid="validate"]').waitFor({ state: 'attached' });
  }

  const snapshot = (): Promise<FakeSnapshot> =>
    page.evaluate(() => (window as unknown as Win).__fakeExcel.snapshot());
  const syncCount = (): Promise<number> =>
    page.evaluate(() => (window as unknown as Win).__fakeExcel.syncCount);

  async function items(): Promise<Item[]> {
    return page.locator('[data-testid="finding"]').evaluateAll((nodes) =>
      nodes.map((n) => ({
        cell: n.getAttribute('data-cell'),
        code: n.getAttribute('data-code'),
        severity: n.getAttribute('data-severity'),
        text: n.textContent ?? '',
        fixable: n.querySelector('[data-testid="fix-select"]') !== null,
      })),
    );
  }

  /** Clicks 校验 and waits until the counts show the expected numbers; returns the milliseconds it took. */
  async function validate(errors: number, warnings: number): Promise<number> {
    const start = Date.now();
    await page.locator('[data-testid="validate"]').click();
    await page.waitForFunction(
      ([e, w]) =>
        document.querySelector('[data-testid="count-errors"]')?.textContent?.trim() === String(e) &&
        document.querySelector('[data-testid="count-warnings"]')?.textContent?.trim() === String(w),
      [errors, warnings],
      { timeout: 20000 },
    );
    return Date.now() - start;
  }

  /** Waits until the simulated host has been idle (no new sync) for a moment. */
  async function settle(): Promise<void> {
    let last = -1;
    for (;;) {
      const now = await syncCount();
      if (now === last) return;
      last = now;
      await page.waitForTimeout(150);
    }
  }

  test('校验, list, marks, select, 修正, 清除标记 on a sheet full of mistakes', async () => {
    const scenario = mistakesScenario();
    const errors = scenario.findings.filter((f) => f.severity === 'error').length;
    const warnings = scenario.findings.length - errors;
    await open('?api=1.18', scenario);
    const before = await snapshot();

    // 校验: one pass, counted.
    const syncsBefore = await syncCount();
    await validate(errors, warnings);
    await settle();
    const passSyncs = (await syncCount()) - syncsBefore;
    figures.push(
      `validation pass on the ${scenario.grid.length}-row mistakes sheet: ${passSyncs} context.sync() calls`,
    );
    await page.screenshot({ path: join(SHOTS, 'pane-validated.png'), fullPage: true });

    // The list is the core's findings, cell by cell.
    const listed = await items();
    const expected = scenario.findings.map((f) => ({
      cell: f.cell,
      code: f.code,
      severity: f.severity,
    }));
    expect(
      listed
        .filter((i) => i.code !== null && /^[EW]_/.test(i.code))
        .map(({ cell, code, severity }) => ({ cell, code, severity })),
    ).toEqual(expected);
    // The 150余 warning offers its suggestion; the markup is text, not an element.
    expect(listed.find((i) => i.cell === 'AC6')?.fixable).toBe(true);
    expect(listed.find((i) => i.cell === 'N10')?.text).toContain(XSS);
    expect(await page.locator('[data-testid="findings"] img').count()).toBe(0);

    // Marks: each finding's cell is filled, errors and warnings differently, with a note carrying the message.
    const marked = await snapshot();
    const fillAt = (s: FakeSnapshot, a1: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return s.fills[Number(m[2]) - 1]![col]!;
    };
    for (const f of scenario.findings)
      expect(fillAt(marked, f.cell!)).not.toEqual(fillAt(before, f.cell!));
    expect(fillAt(marked, 'M8')).not.toEqual(fillAt(marked, 'AC6'));
    expect(fillAt(marked, 'M8')).toEqual(fillAt(marked, 'B9'));
    expect(marked.values).toEqual(before.values);
    const noteCells = Object.keys(marked.notes).filter((k) => !(k in before.notes));
    expect(noteCells.sort()).toEqual(
      scenario.findings
        .map((f) => `${SHEET}!${f.cell}`)
        .filter((k) => !(k in before.comments))
        .sort(),
    );
    expect(marked.notes[`${SHEET}!C5`]).toBe('新任主席');
    for (const cell of noteCells) expect(marked.notes[cell]).toMatch(/^【校验】/);
    expect(marked.notes[`${SHEET}!N10`]).toContain(XSS);
    expect(marked.comments).toEqual(before.comments);

    // The filter shows one severity at a time.
    const visible = () =>
      page
        .locator('[data-testid="finding"]')
        .evaluateAll((nodes) =>
          nodes
            .filter((n) => (n as HTMLElement).offsetParent !== null)
            .map((n) => n.getAttribute('data-severity')),
        );
    await page.locator('[data-testid="filter"]').selectOption('warning');
    expect(await visible()).toEqual(['warning']);
    await page.locator('[data-testid="filter"]').selectOption('all');
    expect(await visible()).toHaveLength(scenario.findings.length);

    // Clicking a finding selects its cell.
    await page.locator('[data-testid="finding"][data-cell="B9"]').click();
    await settle();
    expect((await snapshot()).selection).toBe(`${SHEET}!B9`);

    // 修正: tick the 150余 suggestion and the full-width ６０, confirm the old → new list; only those cells change.
    expect(
      await page
        .locator('[data-testid="normalized"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-cell'))),
    ).toEqual(scenario.normalized.map((n) => n.cell));
    await page
      .locator('[data-testid="finding"][data-cell="AC6"] [data-testid="fix-select"]')
      .check();
    await page
      .locator('[data-testid="normalized"][data-cell="M5"] [data-testid="fix-select"]')
      .check();
    await page.locator('[data-testid="fix"]').click();
    await page.locator('[data-testid="fix-confirm"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'pane-fix-confirm.png'), fullPage: true });
    const confirmText = await page.locator('body').innerText();
    expect(confirmText).toContain('150余');
    expect(confirmText).toContain('６０');
    await page.locator('[data-testid="fix-confirm"]').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="finding"][data-cell="AC6"]') === null,
      undefined,
      { timeout: 10000 },
    );
    await settle();
    const fixed = await snapshot();
    expect(fixed.values[5]![28]).toBe(150);
    expect(fixed.values[4]![12]).toBe(60);
    const expectedValues = before.values.map((row) => [...row]);
    expectedValues[5]![28] = 150;
    expectedValues[4]![12] = 60;
    expect(fixed.values).toEqual(expectedValues);

    // 清除标记: the sheet is as before, cell for cell (fills with their pattern, notes, comments).
    await page.locator('[data-testid="clear"]').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="finding"]').length === 0,
      undefined,
      { timeout: 10000 },
    );
    await settle();
    const cleared = await snapshot();
    expect(cleared.values).toEqual(expectedValues);
    expect(cleared.fills).toEqual(before.fills);
    expect(cleared.notes).toEqual(before.notes);
    expect(cleared.comments).toEqual(before.comments);
    expect(cleared.customXml.join('')).not.toContain('<mark ');
    expect(cleared.enableEvents).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'pane-cleared.png'), fullPage: true });
  });

  test('a 2,000-row sheet validates with the same number of syncs', async () => {
    const small = mistakesScenario();
    await open('?api=1.18', small);
    let syncs0 = await syncCount();
    await validate(
      small.findings.filter((f) => f.severity === 'error').length,
      small.findings.filter((f) => f.severity === 'warning').length,
    );
    await settle();
    const smallSyncs = (await syncCount()) - syncs0;

    const large = largeScenario(2000);
    await page.evaluate(
      (s) => (window as unknown as Win).__fakeExcel.load(s.grid, s.fills, { sheetName: '统计表' }),
      large,
    );
    syncs0 = await syncCount();
    const ms = await validate(
      large.findings.filter((f) => f.severity === 'error').length,
      large.findings.filter((f) => f.severity === 'warning').length,
    );
    await settle();
    const largeSyncs = (await syncCount()) - syncs0;
    const runs = await page.evaluate(() => (window as unknown as Win).__fakeExcel.runs);
    // load() reset the host's log: these are the 2,000-row pass's runs only.
    const runMs = runs.reduce((t, r) => t + (r.end - r.start), 0);
    const hostMs = runs.reduce((t, r) => t + r.hostMs, 0);
    figures.push(
      `2,000-row sheet (${large.findings.length} findings): click → counts shown in ${ms} ms; ` +
        `Excel.run ${runMs.toFixed(0)} ms, of which ${hostMs.toFixed(0)} ms inside the simulated host; ` +
        `${largeSyncs} syncs (${small.grid.length}-row sheet: ${smallSyncs})`,
    );
    expect(largeSyncs).toBe(smallSyncs);
    expect(await page.locator('[data-testid="finding"]').count()).toBeGreaterThanOrEqual(
      large.findings.length,
    );
    await page.screenshot({ path: join(SHOTS, 'pane-2000-rows.png') });
  });

  /** Waits until the error count shows `n`. */
  async function errorsShown(n: number): Promise<void> {
    await page.waitForFunction(
      (e) =>
        document.querySelector('[data-testid="count-errors"]')?.textContent?.trim() === String(e),
      n,
      { timeout: 10000 },
    );
  }

  test('自动校验 re-validates after a user edit and a paste, never after its own writes', async () => {
    const scenario = mistakesScenario();
    await open('?api=1.18', scenario);
    const before = await snapshot();
    await page.locator('[data-testid="auto-toggle"]').check();
    await errorsShown(3);
    await settle();

    // A single-cell edit: 培训期数 2 in row 8 ends the attendance-without-events error.
    await page.evaluate(() => (window as unknown as Win).__fakeExcel.fireChanged('L8', [[2]]));
    await errorsShown(2);
    await settle();
    // A paste over two rows (no per-cell details) renames the duplicate village.
    await page.evaluate(() =>
      (window as unknown as Win).__fakeExcel.fireChanged('A9:B10', [
        [5, '新村'],
        [6, '西溪村'],
      ]),
    );
    await errorsShown(1);
    await settle();
    const after = await snapshot();
    expect(
      await page
        .locator('[data-testid="finding"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-cell'))),
    ).toEqual(['AC6', 'N10']);
    // Cells whose findings went away have their own fills back (white stays white, stripes stay stripes).
    const fill = (s: FakeSnapshot, row: number, col: number) => s.fills[row - 1]![col - 1]!;
    expect(fill(after, 8, 13)).toEqual(fill(before, 8, 13));
    expect(fill(after, 9, 2)).toEqual(fill(before, 9, 2));

    // The pane's own writes ran with events off: no event came from them, and nothing loops.
    const seen = await page.evaluate(() => {
      const f = (window as unknown as Win).__fakeExcel;
      return { events: f.events, runs: f.runs.length };
    });
    expect(seen.events.map((e) => [e.address, e.details, e.byAddin])).toEqual([
      ['L8', true, false],
      ['A9:B10', false, false],
    ]);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as Win).__fakeExcel.runs.length)).toBe(
      seen.runs,
    );
    await page.screenshot({ path: join(SHOTS, 'pane-auto.png'), fullPage: true });
  });

  test('in English on ExcelApi 1.10 (comments, no notes): marks carry comments; clearing removes only ours', async () => {
    const scenario = { ...mistakesScenario(), notes: {} };
    await open('?api=1.10&lang=en-US', scenario);
    const before = await snapshot();
    await validate(3, 1);
    await settle();
    expect(await page.locator('[data-testid="validate"]').innerText()).toMatch(/^[A-Za-z ]+$/);
    expect(await page.locator('[data-testid="finding"][data-cell="N10"]').innerText()).toContain(
      XSS,
    );
    const marked = await snapshot();
    // A comment on each marked cell, except AC6 where the user's own comment stays alone.
    const added = Object.keys(marked.comments).filter((k) => !(k in before.comments));
    expect(added.sort()).toEqual([`${SHEET}!B9`, `${SHEET}!M8`, `${SHEET}!N10`]);
    expect(marked.comments[`${SHEET}!AC6`]).toBe(before.comments[`${SHEET}!AC6`]);
    expect(marked.notes).toEqual({});
    await page.screenshot({ path: join(SHOTS, 'pane-english.png'), fullPage: true });
    await page.locator('[data-testid="clear"]').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="finding"]').length === 0,
      undefined,
      { timeout: 10000 },
    );
    await settle();
    const cleared = await snapshot();
    expect(cleared.comments).toEqual(before.comments);
    expect(cleared.fills).toEqual(before.fills);
    expect(cleared.values).toEqual(before.values);
  });

  test('新建填报表 from a registry CSV: the template sheet, pre-filled, then validated like the core does', async () => {
    await open('?api=1.18', null);
    const csv =
      '\uFEFF乡镇,村（社区）,乡镇别名\r\n青石镇,青石村,青石乡\r\n青石镇,黎明村,\r\n黎岭镇,黎岭村,\r\n';
    await page.locator('[data-testid="registry-file"]').setInputFiles({
      name: '名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="township"] option').length === 3,
      undefined,
      { timeout: 10000 },
    );
    await page.locator('[data-testid="township"]').selectOption('青石镇');
    await page.locator('[data-testid="year"]').fill('2025');
    await page.locator('[data-testid="new-sheet"]').click();
    await page.waitForFunction(
      () => (window as unknown as Win).__fakeExcel.snapshot().sheets.length === 2,
      undefined,
      { timeout: 10000 },
    );
    await settle();
    const book = await snapshot();
    const name = book.sheets[1]!;
    expect(book.activeSheet).toBe(name);
    const sheet = await page.evaluate(
      (n) => (window as unknown as Win).__fakeExcel.snapshot(n),
      name,
    );
    const layout = await page.evaluate(
      (n) => (window as unknown as Win).__fakeExcel.layout(n),
      name,
    );
    const schema = loadSchema();
    const headerRow = sheet.values.findIndex((row) => row[1] === schema.columns[1]!.header);
    expect(sheet.values[headerRow]!.slice(0, schema.columns.length)).toEqual(
      schema.columns.map((c) => c.header),
    );
    const villages = sheet.values.slice(headerRow + 1).map((row) => row[1]);
    expect(villages.slice(0, 2)).toEqual(['青石村', '黎明村']);
    expect(sheet.values.flat().join('|')).toContain('青石镇');
    expect(layout.frozenRows).toBe(headerRow + 1);
    const lists = layout.formats
      .map((f) => f.props.validation as { rule?: { list?: { source: string } } } | undefined)
      .filter((v) => v?.rule?.list);
    expect(lists.map((v) => v!.rule!.list!.source)).toContain('是,否');

    // 校验 on the new sheet lists what the core finds in it (blank cadre cells, as read back from the host).
    const grid: Cell[][] = sheet.values.map((row) => row.map((v) => (v === '' ? null : v)));
    const expected = validateGrid(grid, { schema }).findings.filter((f) => f.cell !== null);
    const errors = expected.filter((f) => f.severity === 'error').length;
    await validate(errors, expected.length - errors);
    await settle();
    expect((await items()).map(({ cell, code }) => ({ cell, code }))).toEqual(
      expected.map((f) => ({ cell: f.cell, code: f.code })),
    );
    await page.screenshot({ path: join(SHOTS, 'pane-new-sheet.png'), fullPage: true });
  });

  test('清除标记 after save and reopen, with the sheet marked twice in between', async () => {
    const scenario = mistakesScenario();
    await open('?api=1.18', scenario);
    const before = await snapshot();
    await validate(3, 1);
    await settle();
    // A second pass over the marked sheet must keep the first originals, not record the marks.
    await page.locator('[data-testid="validate"]').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="status"]')?.textContent?.includes('校验完成'),
    );
    await settle();
    const saved = await page.evaluate(() => (window as unknown as Win).__fakeExcel.save());
    expect(saved.parts).toHaveLength(1);

    // Reopen: a new page (no pane state), the saved workbook.
    await page.reload();
    await page.evaluate((doc) => (window as unknown as Win).__fakeExcel.reopen(doc), saved);
    await page.locator('[data-testid="clear"]').waitFor();
    expect(await page.locator('[data-testid="finding"]').count()).toBe(0);
    await page.locator('[data-testid="clear"]').click();
    await page.waitForFunction(
      () => (window as unknown as Win).__fakeExcel.snapshot().customXml.length === 0,
      undefined,
      {
        timeout: 10000,
      },
    );
    await settle();
    const cleared = await snapshot();
    expect(cleared.values).toEqual(before.values);
    expect(cleared.fills).toEqual(before.fills);
    expect(cleared.notes).toEqual(before.notes);
    expect(cleared.comments).toEqual(before.comments);
  });

  test('本表合计 shows the totals the county will see and how to save the CSV', async () => {
    const scenario = cleanScenario();
    expect(scenario.findings).toEqual([]);
    await open('?api=1.18', scenario);
    await page.locator('[data-testid="totals"]').click();
    await page.locator('[data-testid="totals-panel"]').waitFor({ state: 'visible' });
    const panel = await page.locator('[data-testid="totals-panel"]').innerText();
    // Three villages with 2 training sessions each (test/core/builders.ts).
    expect(panel).toMatch(/村（社区）数\s*3/);
    expect(panel).toMatch(/培训期数\s*6/);
    expect(panel).toContain('CSV');
    await page.screenshot({ path: join(SHOTS, 'pane-totals.png'), fullPage: true });
  });

  test('an Excel without ExcelApi 1.9 gets the explanation, not the tools', async () => {
    await open('?api=1.7', null);
    await page.locator('[data-testid="unsupported"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid="unsupported"]').innerText()).toContain(
      'county-rollup validate',
    );
    await page.screenshot({ path: join(SHOTS, 'pane-unsupported.png') });
  });
});
