/**
 * The offline check page (issue 9 part 1) in headless Chromium, opened from file:// with every
 * other request aborted: for every file of the real-layout corpus, the readers' corpus and the
 * example county, the page's verdict (data-status, data-code/data-cell) equals `validate --json`
 * of the bundled CLI for the same file; the 标注版 and the blank template download and read back.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { columnLetters } from '../../core/a1';
import type { Cell } from '../../core/types';
import { describeInBrowser, launchChromium } from '../addin/browser/harness';
import { realLayouts } from '../core/realLayouts';
import { bundleCli, type CliBundle } from '../pipeline/e2e/cliProcess';
import { sheetCsv, village } from '../pipeline/intake/townshipFixture';
import {
  corpusXlsx,
  entryRows,
  hasSoffice,
  lyingZip,
  styledToXfd,
  threeVillages,
  toXls,
} from '../readers/corpus';

const ROOT = resolve(__dirname, '../..');
const EXAMPLES = join(ROOT, 'examples', 'townships');

interface JsonFile {
  file: string;
  township: string | null;
  status: string;
  findings: { code: string; cell: string | null; severity: string }[];
}

/** A CSV of a grid (RFC 4180 quoting), as a township would export it. */
function gridCsv(grid: readonly (readonly Cell[])[]): string {
  const quote = (c: Cell): string => {
    if (c === null) return '';
    const s = String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return grid.map((row) => row.map(quote).join(',')).join('\r\n');
}

/** The real layouts (issue 7) as real files: .xlsx with their merges and hidden rows, .csv for the CSV ones. */
async function writeRealLayouts(dir: string): Promise<void> {
  for (const layout of realLayouts()) {
    const base = `${layout.id}-${layout.fileName.replace(/\.[^.]+$/u, '')}`;
    if (layout.fileName.endsWith('.csv')) {
      writeFileSync(join(dir, `${base}.csv`), `\uFEFF${gridCsv(layout.grid)}`);
      continue;
    }
    const merges = (layout.sheet.merges ?? []).map(
      (m) => `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`,
    );
    const bytes = await corpusXlsx([
      {
        name: layout.sheet.name ?? '统计表',
        rows: layout.grid.map((r) => [...r]),
        merges,
        hiddenRows: [...(layout.sheet.hiddenRows ?? [])],
        hiddenColumns: [...(layout.sheet.hiddenColumns ?? [])],
      },
    ]);
    writeFileSync(join(dir, `${base}.xlsx`), bytes);
  }
}

/** The readers' corpus: several sheets, GBK CSV, an .xls, hostile files, a wrong format, an empty file. */
async function writeReaderCorpus(dir: string): Promise<void> {
  const y2025 = threeVillages('黎岭镇', 2025);
  y2025.villages[0]!.trainingAttendance = 100;
  writeFileSync(
    join(dir, '黎岭镇2025年统计表.xlsx'),
    await corpusXlsx(
      [
        { name: '说明', rows: [['填表说明：请填写本乡镇各村情况']] },
        { name: '2024年', rows: entryRows(threeVillages('黎岭镇', 2024)) },
        { name: '2025年', rows: entryRows(y2025) },
      ],
      1,
    ),
  );
  writeFileSync(
    join(dir, '白沙乡.csv'),
    iconv.encode(
      sheetCsv({
        township: '白沙乡',
        year: 2025,
        villages: [village('四村', { trainingSessions: 1, trainingAttendance: 900 })],
      }),
      'gb18030',
    ),
  );
  const bad = threeVillages('清水镇', 2025);
  bad.villages[1]!.trainingSessions = 0;
  writeFileSync(
    join(dir, '清水镇.xlsx'),
    await corpusXlsx([{ name: '统计表', rows: entryRows(bad) }]),
  );
  if (hasSoffice())
    writeFileSync(
      join(dir, '青石镇.xls'),
      toXls(await corpusXlsx([{ name: '统计表', rows: entryRows(threeVillages('青石镇', 2025)) }])),
    );
  writeFileSync(join(dir, '石门镇.xlsx'), await styledToXfd(3));
  writeFileSync(join(dir, '丰乐镇.xlsx'), await lyingZip(300 * 1024 * 1024));
  writeFileSync(join(dir, '松坪乡.txt'), '');
  writeFileSync(join(dir, '永安镇.xlsx'), 'not a zip at all');
  writeFileSync(join(dir, '杨柳镇.ods'), 'PK');
}

/** What the page shows per file: status and the findings as "CODE@CELL" (sorted). */
type Shown = Record<string, { status: string; findings: string[] }>;

async function checkOnPage(page: Page, files: string[]): Promise<Shown> {
  await page.evaluate(() => {
    const results = document.getElementById('results')!;
    results.replaceChildren();
    results.dataset.done = '0';
  });
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction(
    (n) => document.getElementById('results')!.dataset.done === String(n),
    files.length,
    { timeout: 120_000 },
  );
  expect(await page.$$eval('.failed', (els) => els.map((e) => e.textContent))).toEqual([]);
  return page.$$eval('[data-status]', (blocks) =>
    Object.fromEntries(
      blocks.map((b) => [
        (b as HTMLElement).dataset.file!,
        {
          status: (b as HTMLElement).dataset.status!,
          findings: [...b.querySelectorAll<HTMLElement>('[data-code]')]
            .map((f) => `${f.dataset.code}@${f.dataset.cell}`)
            .sort(),
        },
      ]),
    ),
  );
}

function validateJson(cli: string, args: string[]): Shown {
  const run = spawnSync(process.execPath, [cli, 'validate', ...args, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = (JSON.parse(run.stdout) as { files: JsonFile[] }).files;
  return Object.fromEntries(
    files.map((f) => [
      f.file,
      {
        status: f.status,
        findings: f.findings.map((x) => `${x.code}@${x.cell ?? ''}`).sort(),
      },
    ]),
  );
}

describeInBrowser('the offline check page (file://, no network)', () => {
  let dir: string;
  let cli: CliBundle;
  let browser: Browser;
  let page: Page;
  let pageUrl: string;
  const external: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'check-page-'));
    execFileSync(
      process.execPath,
      ['scripts/build-page.mjs', '--page-out-dir', join(dir, 'page')],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    pageUrl = pathToFileURL(join(dir, 'page', 'county-rollup-check.html')).href;
    cli = await bundleCli();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:'))
        await route.continue();
      else {
        external.push(url);
        await route.abort('internetdisconnected');
      }
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:'))
        external.push(url);
    });
    await page.goto(pageUrl);
  });

  afterAll(async () => {
    await browser?.close();
    cli?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is one file: no external script, stylesheet, font or image; says nothing is uploaded', async () => {
    const html = readFileSync(join(dir, 'page', 'county-rollup-check.html'), 'utf8');
    expect(html).not.toMatch(/<(?:script|link|img)\b[^>]*(?:src|href)=["']?(?:https?:)?\/\//iu);
    expect(html).not.toMatch(/@font-face|@import/u);
    expect(await page.locator('.privacy').textContent()).toContain('不会上传');
    expect(await page.title()).toBe('乡镇妇联工作统计表 · 自查');
  });

  it('the real-layout corpus and the readers corpus: the verdict of `validate --json`, file by file', async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    await writeRealLayouts(corpus);
    await writeReaderCorpus(corpus);
    const files = readdirSync(corpus).map((f) => join(corpus, f));
    const expected = validateJson(cli.cli, [corpus]);
    const shown = await checkOnPage(page, files);
    expect(Object.keys(shown).sort()).toEqual(Object.keys(expected).sort());
    expect(shown).toEqual(expected);
    // The corpus is not trivially clean: both verdicts and many codes occur.
    const statuses = new Set(Object.values(shown).map((s) => s.status));
    expect([...statuses].sort()).toEqual(['accepted', 'rejected']);
    const codes = new Set(
      Object.values(shown).flatMap((s) => s.findings.map((f) => f.split('@')[0])),
    );
    expect(codes.size).toBeGreaterThanOrEqual(8);
  });

  it('the example county, without and with its registry: the verdict of `validate --json`', async () => {
    const files = readdirSync(EXAMPLES).map((f) => join(EXAMPLES, f));
    expect(await checkOnPage(page, files)).toEqual(validateJson(cli.cli, [EXAMPLES]));

    await page.setInputFiles('#registry-input', join(ROOT, 'examples', 'registry.csv'));
    await page.waitForFunction(
      () => document.getElementById('registry-status')!.dataset.ready === 'true',
    );
    expect(await page.locator('#registry-status').getAttribute('class')).toContain('ok');
    const withRegistry = validateJson(cli.cli, [
      EXAMPLES,
      '--registry',
      join(ROOT, 'examples', 'registry.csv'),
    ]);
    const shown = await checkOnPage(page, files);
    expect(shown).toEqual(withRegistry);
    expect(shown['马鞍乡2025年统计表.csv']!.status).toBe('rejected');
  });

  it('shows township, year, the verdict in one sentence, findings by row and 本表合计', async () => {
    await checkOnPage(page, [join(EXAMPLES, '马鞍乡2025年统计表.csv')]);
    const block = page.locator('[data-file="马鞍乡2025年统计表.csv"]');
    expect(await block.locator('[data-field="township"]').textContent()).toBe('马鞍乡');
    expect(await block.locator('[data-field="year"]').textContent()).toBe('2025');
    expect(await block.locator('[data-verdict]').textContent()).toMatch(
      /^会被退回：有 2 处错误必须改正/u,
    );
    expect(await block.locator('h4').allTextContents()).toEqual([
      '第 7 行 · 茶冲村',
      '第 10 行 · 五家村',
    ]);
    expect(await block.locator('[data-totals] [data-id="villages"] dd').textContent()).toBe('12');
    await page.screenshot({ path: join(tmpdir(), 'county-rollup-check-page.png'), fullPage: true });
  });

  it('下载标注版: an .xlsx copy with each finding cell filled and commented (csv and xlsx sources)', async () => {
    const source = join(dir, 'marked-src');
    mkdirSync(source);
    const bad = threeVillages('清水镇', 2025);
    bad.villages[1]!.trainingSessions = 0;
    writeFileSync(
      join(source, '清水镇.xlsx'),
      await corpusXlsx([{ name: '统计表', rows: entryRows(bad) }]),
    );
    copyFileSync(join(EXAMPLES, '马鞍乡2025年统计表.csv'), join(source, '马鞍乡2025年统计表.csv'));
    for (const name of ['清水镇.xlsx', '马鞍乡2025年统计表.csv']) {
      await checkOnPage(page, [join(source, name)]);
      const block = page.locator(`[data-file="${name}"]`);
      const findings = await block.locator('[data-code]').evaluateAll((els) =>
        els.map((e) => ({
          cell: (e as HTMLElement).dataset.cell!,
          severity: (e as HTMLElement).dataset.severity!,
        })),
      );
      expect(findings.length).toBeGreaterThan(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        block.locator('[data-action="mark"]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/-标注版\.xlsx$/u);
      const saved = join(dir, download.suggestedFilename());
      await download.saveAs(saved);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      expect(wb.worksheets.map((w) => w.name)).toContain('问题清单');
      const sheet = wb.worksheets.find((w) => w.name !== '问题清单')!;
      for (const f of findings.filter((x) => x.cell !== '')) {
        const cell = sheet.getCell(f.cell);
        const fill = cell.fill as ExcelJS.FillPattern;
        // Errors solid pink; warnings the add-in's yellow background with amber stripes (ui.markFills).
        if (f.severity === 'error') expect(fill.fgColor?.argb).toBe('FFFFC7CE');
        else expect(fill.bgColor?.argb).toBe('FFFFEB9C');
        expect(cell.note).toBeTruthy();
      }
      if (name.endsWith('.xlsx')) {
        // Every other cell of her sheet keeps its value, formula and number format.
        const original = new ExcelJS.Workbook();
        await original.xlsx.readFile(join(source, name));
        const marked = new Set(findings.map((f) => f.cell));
        let compared = 0;
        original.worksheets[0]!.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            if (marked.has(cell.address)) return;
            const copy = sheet.getCell(cell.address);
            expect([cell.address, copy.value, copy.numFmt]).toEqual([
              cell.address,
              cell.value,
              cell.numFmt,
            ]);
            compared++;
          }),
        );
        expect(compared).toBeGreaterThan(50);
      }
    }
    // Her original file is untouched.
    expect(readFileSync(join(source, '马鞍乡2025年统计表.csv'))).toEqual(
      readFileSync(join(EXAMPLES, '马鞍乡2025年统计表.csv')),
    );
  });

  it('in English when the browser is English', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('blob:')) await route.continue();
      else {
        external.push(url);
        await route.abort('internetdisconnected');
      }
    });
    const english = await context.newPage();
    english.on('pageerror', (e) => errors.push(e.message));
    await english.goto(pageUrl);
    expect(await english.title()).toBe('Township entry sheet · self-check');
    await english.setInputFiles('#file-input', join(EXAMPLES, '马鞍乡2025年统计表.csv'));
    await english.waitForFunction(() => document.getElementById('results')!.dataset.done === '1');
    expect(await english.locator('[data-verdict]').textContent()).toMatch(
      /^Would be sent back: 2 errors must be fixed; the first: U7 /u,
    );
    await context.close();
  });

  it('下载空白填报表: the template, pre-filled with the villages of the registry township chosen', async () => {
    await page.setInputFiles('#registry-input', join(ROOT, 'examples', 'registry.csv'));
    await page.waitForFunction(
      () => document.getElementById('registry-status')!.dataset.ready === 'true',
    );
    await page.selectOption('#template-township', '马鞍乡');
    await page.fill('#template-year', '2025');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#template-button'),
    ]);
    expect(download.suggestedFilename()).toBe('马鞍乡2025年妇联工作统计表.xlsx');
    const saved = join(dir, 'template.xlsx');
    await download.saveAs(saved);
    const expected = validateJson(cli.cli, [saved]);
    expect(expected['template.xlsx']!.status).toBe('rejected'); // blank figures: not a filled sheet
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    // The example registry is a GBK CSV, as Excel saves it on a Chinese Windows.
    const registry = iconv.decode(readFileSync(join(ROOT, 'examples', 'registry.csv')), 'gb18030');
    const villages = registry
      .split(/\r?\n/u)
      .filter((l) => l.startsWith('马鞍乡,'))
      .map((l) => l.split(',')[1]);
    const text = wb.worksheets[0]!.getSheetValues().flat().map(String);
    for (const v of villages) expect(text).toContain(v);
    expect(villages.length).toBeGreaterThan(0);
  });

  it('a registry with errors: each core message once (it names its row), as `validate --registry` words it', async () => {
    const bad = join(dir, 'bad-registry.csv');
    writeFileSync(bad, '乡镇,村（社区）\r\n黎岭镇,东山村\r\n黎岭镇,东山村\r\n');
    await page.setInputFiles('#registry-input', bad);
    await page.waitForFunction(
      () => document.getElementById('registry-status')!.dataset.ready === 'true',
    );
    expect(await page.locator('#registry-status').getAttribute('class')).toContain('bad');
    const message = '名单第 3 行：“东山村”在“黎岭镇”中重复（第 2 行已有），请删去一行。';
    expect(await page.locator('#registry-status li').allTextContents()).toEqual([message]);
    const run = spawnSync(process.execPath, [cli.cli, 'validate', bad, '--registry', bad], {
      encoding: 'utf8',
    });
    expect(run.stderr).toContain(`有误：${message}\n`);
  });
});
