/**
 * The simulated Excel host itself, exercised in Chromium through the typed Office.js API: if it is
 * laxer than office.js (reads without load/sync, null objects, fills, events), the pane test proves
 * nothing, so its office.js-like strictness is pinned here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  bundleFakeExcel,
  describeInBrowser,
  launchChromium,
  openGuardedPage,
  serveFolder,
} from './harness';
import type { PageGuard, StaticServer } from './harness';
import type { FakeExcelHelpers } from '../host/browser';

type Win = Window & { __fakeExcel: FakeExcelHelpers };

describeInBrowser('simulated Excel host (host/, in Chromium)', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let guard: PageGuard;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fake-excel-'));
    await bundleFakeExcel(dir);
    server = await serveFolder(dir, {
      '/probe.html':
        '<!doctype html><meta charset="utf-8"><title>probe</title><script src="fakeExcel.js"></script><body>probe</body>',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(query = ''): Promise<void> {
    ({ page, guard } = await openGuardedPage(browser, server.origin));
    await page.goto(`${server.origin}/probe.html${query}`);
  }

  afterEach(async () => {
    expect(guard.external).toEqual([]);
    expect(guard.pageErrors).toEqual([]);
    await page.context().close();
  });

  test('reads need load + sync; used range, null objects, sync count', async () => {
    await open();
    const out = await page.evaluate(async () => {
      const fake = (window as unknown as Win).__fakeExcel;
      fake.load(
        [
          ['序号', '村（社区）名称'],
          [1, '东村'],
          [2, '西村'],
        ],
        undefined,
        { sheetName: '填报表' },
      );
      const errors: string[] = [];
      const result = await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load(['values', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
        try {
          void used.isNullObject;
        } catch (e) {
          errors.push((e as OfficeExtension.Error).code);
        }
        try {
          void used.values;
        } catch (e) {
          errors.push((e as OfficeExtension.Error).code);
        }
        const missing = context.workbook.worksheets.getItemOrNullObject('没有这张表');
        await context.sync();
        try {
          void sheet.name; // never loaded
        } catch (e) {
          errors.push((e as OfficeExtension.Error).code);
        }
        return {
          values: used.values,
          address: used.address,
          at: [used.rowIndex, used.columnIndex, used.rowCount, used.columnCount],
          missing: missing.isNullObject,
        };
      });
      return { ...result, errors, syncs: fake.syncCount };
    });
    expect(out).toEqual({
      values: [
        ['序号', '村（社区）名称'],
        [1, '东村'],
        [2, '西村'],
      ],
      address: '填报表!A1:B3',
      at: [0, 0, 3, 2],
      missing: true,
      errors: ['ValueNotLoaded', 'PropertyNotLoaded', 'PropertyNotLoaded'],
      syncs: 1,
    });
  });

  test('fills: no fill, white and colour are different; setCellProperties restores exactly', async () => {
    await open();
    const out = await page.evaluate(async () => {
      const fake = (window as unknown as Win).__fakeExcel;
      fake.load([['a', 'b', 'c', 'd']], {
        B1: { color: '#ffff00' },
        C1: { color: '#FFFFFF' },
        D1: { color: '#FF0000', pattern: 'LightUp' },
      });
      const before = fake.snapshot().fills;
      const read = await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:D1');
        const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
        await context.sync();
        range.format.fill.color = '#FFC7CE'; // mark
        await context.sync();
        const marked = fake.snapshot().fills;
        range.setCellProperties(props.value); // restore
        await context.sync();
        return { props: props.value, marked };
      });
      await Excel.run(async (context) => {
        const cell = context.workbook.worksheets.getActiveWorksheet().getRange('A1');
        cell.format.fill.color = '#00FF00';
        cell.format.fill.clear();
        await context.sync();
      });
      return { before, read, after: fake.snapshot().fills };
    });
    const none = { color: '#FFFFFF', pattern: 'None' };
    const original = [
      [
        none,
        { color: '#FFFF00', pattern: 'Solid' },
        { color: '#FFFFFF', pattern: 'Solid' },
        { color: '#FF0000', pattern: 'LightUp' },
      ],
    ];
    expect(out.before).toEqual(original);
    expect(out.read.props).toEqual(
      original.map((row) => row.map((fill) => ({ format: { fill } }))),
    );
    expect(out.read.marked).toEqual([
      [
        { color: '#FFC7CE', pattern: 'Solid' },
        { color: '#FFC7CE', pattern: 'Solid' },
        { color: '#FFC7CE', pattern: 'Solid' },
        { color: '#FFC7CE', pattern: 'LightUp' },
      ],
    ]);
    expect(out.after).toEqual(original);
  });

  test('writes: shape checked, proxies die with their Excel.run, selection and values', async () => {
    await open();
    const out = await page.evaluate(async () => {
      const fake = (window as unknown as Win).__fakeExcel;
      fake.load([
        ['x', 'y'],
        ['1', '2'],
      ]);
      const codes: string[] = [];
      let kept: Excel.Range | undefined;
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.getRangeByIndexes(1, 0, 1, 2).values = [['１２', '3']]; // Excel types '3' as a number, not full-width digits
        sheet.getRange('B2').select();
        kept = sheet.getRange('A1');
        await context.sync();
      });
      try {
        await Excel.run(async (context) => {
          context.workbook.worksheets.getActiveWorksheet().getRange('A1:B1').values = [
            ['only one'],
          ];
          await context.sync();
        });
      } catch (e) {
        codes.push((e as OfficeExtension.Error).code);
      }
      try {
        kept?.load('values');
      } catch (e) {
        codes.push((e as OfficeExtension.Error).code);
      }
      const snap = fake.snapshot();
      return {
        values: snap.values,
        selection: snap.selection,
        codes,
        runs: fake.runs.map((r) => [r.syncs, r.ok]),
      };
    });
    expect(out).toEqual({
      values: [
        ['x', 'y'],
        ['１２', 3],
      ],
      selection: 'Sheet1!B2',
      codes: ['InvalidArgument', 'InvalidObjectPath'],
      runs: [
        [1, true],
        [1, false],
      ],
    });
  });

  test('custom XML parts, comments and notes; APIs above the host version fail', async () => {
    await open('?api=1.18');
    const out = await page.evaluate(async () => {
      const fake = (window as unknown as Win).__fakeExcel;
      fake.load([['a', 'b']], undefined, { sheetName: '表' });
      const ns = 'urn:test:marks';
      const got = await Excel.run(async (context) => {
        const parts = context.workbook.customXmlParts;
        const none = parts.getByNamespace(ns).getOnlyItemOrNullObject();
        await context.sync();
        const wasNull = none.isNullObject;
        parts.add(`<marks xmlns="${ns}"><m cell="A1"/></marks>`);
        context.workbook.comments.add("'表'!A1", '错误：请填数字');
        context.workbook.notes.add('表!B1', '提醒');
        await context.sync();
        const part = parts.getByNamespace(ns).getOnlyItemOrNullObject();
        const xml = part.getXml();
        const comments = context.workbook.comments;
        comments.load('items/id, items/content');
        const note = context.workbook.notes.getItemOrNullObject('表!B1');
        note.load('content');
        await context.sync();
        part.setXml(`<marks xmlns="${ns}"/>`);
        await context.sync();
        const after = part.getXml();
        await context.sync();
        const afterXml = after.value;
        part.delete();
        context.workbook.comments.getItemByCell('表!A1').delete();
        note.delete();
        await context.sync();
        return {
          wasNull,
          xml: xml.value,
          afterXml,
          comments: comments.items.map((c) => c.content),
          note: note.content,
        };
      });
      const snap = fake.snapshot();
      fake.setApiVersion('1.9');
      let code = '';
      try {
        await Excel.run(async (context) => {
          context.workbook.comments.add('表!A1', 'x');
          await context.sync();
        });
      } catch (e) {
        code = (e as OfficeExtension.Error).code;
      }
      return {
        got,
        left: [snap.customXml, snap.comments, snap.notes],
        code,
        supported: [
          Office.context.requirements.isSetSupported('ExcelApi', '1.9'),
          Office.context.requirements.isSetSupported('ExcelApi', '1.10'),
        ],
      };
    });
    expect(out).toEqual({
      got: {
        wasNull: true,
        xml: '<marks xmlns="urn:test:marks"><m cell="A1"/></marks>',
        afterXml: '<marks xmlns="urn:test:marks"/>',
        comments: ['错误：请填数字'],
        note: '提醒',
      },
      left: [[], {}, {}],
      code: 'ApiNotFound',
      supported: [true, false],
    });
  });

  test('onChanged: user edits arrive with details; the add-in’s writes only while events are on', async () => {
    await open('?api=1.14');
    const out = await page.evaluate(async () => {
      const fake = (window as unknown as Win).__fakeExcel;
      fake.load([
        ['a', 'b'],
        ['1', '2'],
      ]);
      const seen: Array<{ address: string; details: boolean; trigger: string | undefined }> = [];
      await Excel.run(async (context) => {
        context.workbook.worksheets
          .getActiveWorksheet()
          .onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
            seen.push({
              address: args.address,
              details: args.details !== undefined,
              trigger: args.triggerSource,
            });
            return Promise.resolve();
          });
        await context.sync();
      });
      const tick = () => new Promise((r) => setTimeout(r, 20));
      fake.fireChanged('A2', [['9']]);
      fake.fireChanged('A1:B2');
      await tick();
      await Excel.run(async (context) => {
        context.runtime.enableEvents = false;
        context.workbook.worksheets.getActiveWorksheet().getRange('B2').values = [['quiet']];
        context.runtime.enableEvents = true;
        await context.sync();
      });
      await tick();
      await Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('B1').values = [['loud']];
        await context.sync();
      });
      await tick();
      return { seen, a2: fake.cell('A2').value };
    });
    expect(out).toEqual({
      seen: [
        { address: 'A2', details: true, trigger: 'Unknown' },
        { address: 'A1:B2', details: false, trigger: 'Unknown' },
        { address: 'B1', details: true, trigger: 'ThisLocalAddin' },
      ],
      a2: '9',
    });
  });
});
