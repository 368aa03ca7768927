/**
 * The pane's views (issue 12 item 5) on the real taskpane.html in headless Chromium, with plain
 * models: no Office.js, no simulated Excel. Each view renders what its model says, as text.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  describeInBrowser,
  launchChromium,
  openGuardedPage,
  serveFolder,
  type StaticServer,
} from '../browser/harness';
import type { Views } from './viewsPage';

type Win = Window & { __views: Views; __selected: string[] };

describeInBrowser('pane views without Excel', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'views-'));
    await build({
      entryPoints: [resolve(__dirname, 'viewsPage.ts')],
      bundle: true,
      platform: 'browser',
      target: 'es2020',
      format: 'iife',
      outfile: join(dir, 'views.js'),
      logLevel: 'warning',
    });
    const html = readFileSync(resolve(__dirname, '../../../addin/taskpane/taskpane.html'), 'utf8')
      .replace(/<script src="https:[^"]+"><\/script>/, '')
      .replace('taskpane.js', 'views.js');
    server = await serveFolder(dir, { '/views.html': html });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    ({ page } = await openGuardedPage(browser, server.origin));
    await page.goto(`${server.origin}/views.html`);
    await page.waitForFunction(() => '__views' in window);
  });
  afterEach(() => page.context().close());

  test('findings list: groups by row, counts, a checkbox per offer, select on click, filter', async () => {
    const out = await page.evaluate(() => {
      const w = window as unknown as Win;
      const v = w.__views;
      w.__selected = [];
      const findings = [
        {
          code: 'E_NOT_NUMBER',
          severity: 'error',
          row: 5,
          column: 13,
          cell: 'M5',
          value: '<b>abc</b>',
          params: {},
        },
        {
          code: 'W_MALE_CADRE',
          severity: 'warning',
          row: 7,
          column: 4,
          cell: 'D7',
          value: '男',
          params: {},
        },
      ] as never[];
      v.renderFindings(
        document,
        {
          findings,
          offers: [{ key: 'f0', cell: 'M5', oldValue: 'abc', suggestion: '12' }] as never[],
          messageOf: (f: { cell: string | null; value: string | null }) => `${f.cell} ${f.value}`,
          text: v.textsOf('zh'),
          filter: 'all',
        },
        { select: (cell: string) => w.__selected.push(cell) },
      );
      document.querySelector<HTMLElement>('[data-testid="finding"][data-cell="D7"]')!.click();
      const box = document.querySelector<HTMLInputElement>('[data-testid="fix-select"]')!;
      box.checked = true;
      v.applyFilter(document, 'warning');
      return {
        errors: document.querySelector('[data-testid="count-errors"]')!.textContent,
        warnings: document.querySelector('[data-testid="count-warnings"]')!.textContent,
        groups: [...document.querySelectorAll('h3.group-head')].map(
          (h) => h.firstChild!.textContent,
        ),
        markup: document.querySelectorAll('[data-testid="findings"] b').length,
        selected: w.__selected,
        ticked: v.tickedKeys(document),
        hidden: [...document.querySelectorAll<HTMLElement>('li.finding')].map((li) => li.hidden),
      };
    });
    expect(out).toEqual({
      errors: '1',
      warnings: '1',
      groups: ['第 5 行', '第 7 行'],
      markup: 0,
      selected: ['D7'],
      ticked: ['f0'],
      hidden: [true, false],
    });
  });

  test('fix dialog, totals panel and registry picker render their models and report their controls', async () => {
    const out = await page.evaluate(() => {
      const v = (window as unknown as Win).__views;
      const text = v.textsOf('zh');
      let confirmed = 0;
      v.renderFixDialog(document, [{ cell: 'M5', oldValue: '１２', newValue: '12' }], {
        confirm: () => confirmed++,
        cancel: () => undefined,
      });
      document.querySelector<HTMLButtonElement>('[data-testid="fix-confirm"]')!.click();
      const dialog = {
        shown: !document.querySelector<HTMLElement>('[data-testid="fix-dialog"]')!.hidden,
        line: document.querySelector('[data-testid="fix-list"] li')!.textContent,
        confirmed,
      };
      v.renderTotals(document, {
        totals: [{ label: '培训人次', value: '150' }],
        rates: [{ label: '覆盖率', value: '50.0%' }],
        errors: 2,
        text,
      });
      const picked: string[] = [];
      const on = {
        registryFile: (file: File | null) => picked.push(`file ${file?.name ?? 'none'}`),
        newSheet: (township: string, year: string) => picked.push(`new ${township} ${year}`),
      };
      v.renderRegistryPicker(document, { townships: ['清水镇', '<i>x</i>'], text }, on);
      // A second render (a new registry) replaces the options; the handlers stay attached once.
      v.renderRegistryPicker(document, { townships: ['清水镇', '<i>x</i>'], text }, on);
      document.querySelector<HTMLSelectElement>('[data-testid="township"]')!.value = '清水镇';
      document.querySelector<HTMLInputElement>('[data-testid="year"]')!.value = '2026';
      document.querySelector<HTMLButtonElement>('[data-testid="new-sheet"]')!.click();
      document.querySelector('[data-testid="registry-file"]')!.dispatchEvent(new Event('change'));
      return {
        picked,
        dialog,
        totals: document.querySelector('[data-testid="totals-panel"]')!.textContent,
        options: [...document.querySelectorAll('[data-testid="township"] option')].map(
          (o) => o.textContent,
        ),
      };
    });
    expect(out.dialog).toEqual({ shown: true, line: 'M5１２ → 12', confirmed: 1 });
    expect(out.totals).toContain('培训人次150');
    expect(out.totals).toContain('2');
    expect(out.options.slice(1)).toEqual(['清水镇', '<i>x</i>']);
    expect(out.picked).toEqual(['new 清水镇 2026', 'file none']);
  });

  test('static texts, controls, status line and busy state', async () => {
    const out = await page.evaluate(() => {
      const v = (window as unknown as Win).__views;
      const events: string[] = [];
      v.renderStaticTexts(document, 'en', v.textsOf('en'), 2031);
      const log =
        (name: string) =>
        (...args: unknown[]): void => {
          events.push([name, ...args.map((a) => JSON.stringify(a))].join(' '));
        };
      v.bindControls(document, {
        validate: log('validate'),
        filter: log('filter'),
        clear: log('clear'),
        fix: log('fix'),
        auto: log('auto'),
        totals: log('totals'),
      });
      const el = <T extends HTMLElement>(id: string): T =>
        document.querySelector<T>(`[data-testid="${id}"]`)!;
      el('validate').click();
      const select = el<HTMLSelectElement>('filter');
      select.value = 'warning';
      select.dispatchEvent(new Event('change'));
      const auto = el<HTMLInputElement>('auto-toggle');
      auto.checked = true;
      auto.dispatchEvent(new Event('change'));
      el('fix').click();
      v.renderStatus(document, { message: '<b>done</b>', kind: 'error' });
      v.renderBusy(document, true);
      const busy = {
        validate: el<HTMLButtonElement>('validate').disabled,
        confirm: el<HTMLButtonElement>('fix-confirm').disabled,
        cancel: el<HTMLButtonElement>('fix-cancel').disabled,
        body: document.body.classList.contains('busy'),
      };
      v.renderBusy(document, false);
      return {
        lang: document.documentElement.lang,
        validateLabel: el('validate').textContent,
        year: el<HTMLInputElement>('year').value,
        events,
        status: el('status').textContent,
        statusKind: el('status').dataset.kind,
        markup: el('status').querySelectorAll('b').length,
        busy,
        idle: el<HTMLButtonElement>('validate').disabled,
      };
    });
    expect(out).toEqual({
      lang: 'en',
      validateLabel: 'Check',
      year: '2031',
      events: ['validate', 'filter "warning"', 'auto true', 'fix []'],
      status: '<b>done</b>',
      statusKind: 'error',
      markup: 0,
      busy: { validate: true, confirm: true, cancel: false, body: true },
      idle: false,
    });
  });
});
