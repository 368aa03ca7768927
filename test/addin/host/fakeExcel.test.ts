/**
 * The simulated host itself, in jest: the office.js strictness the adapters' tests rely on (the
 * same source runs in Chromium, pinned there by browser/fakeExcel.test.ts through the globals).
 * If the host were laxer than office.js, a test against it would prove nothing.
 */
import { FakeExcel, type FakeChangeEvent } from './fakeExcel';

const code = (e: unknown): string => (e as { code?: string }).code ?? String(e);

function book(options: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const ex = new FakeExcel(options);
  const sheet = ex.addSheet('统计表', '{S1}');
  ex.setGrid(sheet, [
    ['a', 1],
    ['b', 2],
  ]);
  return { ex, sheet, ws: () => ex.context.workbook.worksheets.getItem('{S1}') };
}

describe('the simulated host', () => {
  it('reads only after load + sync; null objects and results only after a sync', async () => {
    const { ex, ws } = book();
    const range = ws().getRange('A1:B2');
    range.load('values');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    const missing = ex.context.workbook.worksheets.getItemOrNullObject('没有');
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
    await ex.context.sync();
    expect(range.values).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(missing.isNullObject).toBe(true);
    ex.context.workbook.worksheets.getItem('没有');
    expect(code(await ex.context.sync().catch((e: unknown) => e))).toBe('ItemNotFound');
  });

  it('proxies die with their Excel.run; the run syncs what is still queued', async () => {
    const { ex, sheet } = book();
    let kept: Excel.Range | null = null;
    await ex.run({}, (context) => {
      kept = context.workbook.worksheets.getItem('{S1}').getRange('C1');
      kept.values = [['late']];
      return Promise.resolve();
    });
    expect(ex.valueOf(sheet, 'C1')).toBe('late');
    expect(() => kept!.load('values')).toThrow(
      expect.objectContaining({ code: 'InvalidObjectPath' }),
    );
    expect(ex.runs.map((r) => [r.syncs, r.ok])).toEqual([[1, true]]);
  });

  it('writes as Excel stores them: number text typed, "@" kept, SUM computed, null left alone', async () => {
    const { ex, sheet, ws } = book();
    const w = ws();
    w.getRange('C1').numberFormat = [['@']];
    w.getRange('C1:D1').values = [['3', '3']];
    w.getRange('E1:E2').values = [['１２'], ['=SUM(B1:B2)']];
    w.getRange('A1:B1').values = [[null, 'x']];
    const shown = w.getRange('E2');
    shown.load(['values', 'formulas']);
    await ex.context.sync();
    expect([ex.valueOf(sheet, 'C1'), ex.valueOf(sheet, 'D1'), ex.valueOf(sheet, 'E1')]).toEqual([
      '3',
      3,
      '１２',
    ]);
    // The batch wrote text into B1 before the read: the SUM counts B2 only.
    expect([shown.values, shown.formulas]).toEqual([[[2]], [['=SUM(B1:B2)']]]);
    expect([ex.valueOf(sheet, 'A1'), ex.valueOf(sheet, 'B1')]).toEqual(['a', 'x']);
    w.getRange('A1:B1').values = [['only one']];
    expect(code(await ex.context.sync().catch((e: unknown) => e))).toBe('InvalidArgument');
  });

  it('an API above the reported ExcelApi version fails with ApiNotFound at the sync', async () => {
    const { ex } = book({ api: '1.9' });
    ex.context.workbook.comments.add('统计表!A1', 'x');
    expect(code(await ex.context.sync().catch((e: unknown) => e))).toBe('ApiNotFound');
    ex.api = '1.10';
    expect(ex.has('comments')).toBe(true);
    expect(ex.has('notes')).toBe(false);
    ex.context.workbook.comments.add('统计表!A1', 'x');
    await ex.context.sync();
    // One note or comment per cell.
    ex.api = '1.18';
    ex.context.workbook.notes.add('统计表!A1', 'y');
    expect(code(await ex.context.sync().catch((e: unknown) => e))).toBe('InvalidOperation');
    const merged = ex.context.workbook.worksheets
      .getItem('{S1}')
      .getRange('A1:B2')
      .getMergedAreasOrNullObject();
    merged.load('address');
    await ex.context.sync();
    expect(merged.isNullObject).toBe(true);
    ex.api = '1.12';
    ex.context.workbook.worksheets
      .getItem('{S1}')
      .getRange('A1')
      .getMergedAreasOrNullObject()
      .load('address');
    expect(code(await ex.context.sync().catch((e: unknown) => e))).toBe('ApiNotFound');
  });

  it('custom XML parts: malformed XML and a declaration are refused; found by root namespace', async () => {
    const { ex } = book();
    const parts = ex.context.workbook.customXmlParts;
    parts.add('<m xmlns="urn:a"><x></m>');
    expect(code(await ex.context.sync().catch((e: unknown) => e))).toBe('InvalidArgument');
    parts.add('<?xml version="1.0"?><m xmlns="urn:a"/>');
    expect(code(await ex.context.sync().catch((e: unknown) => e))).toBe('InvalidArgument');
    parts.add('<m xmlns="urn:a"><x a="1"/></m>');
    parts.add('<n xmlns="urn:b"/>');
    const only = parts.getByNamespace('urn:a').getOnlyItemOrNullObject();
    const xml = only.getXml();
    await ex.context.sync();
    expect(xml.value).toBe('<m xmlns="urn:a"><x a="1"/></m>');
  });

  it('change events: details for one cell, triggerSource from 1.14, a task late when asked', async () => {
    for (const api of ['1.9', '1.14']) {
      const { ex, ws } = book({ api, lateEvents: true });
      const seen: FakeChangeEvent[] = [];
      ws().onChanged.add((e) => {
        seen.push(e);
        return Promise.resolve();
      });
      await ex.context.sync();
      ws().getRange('B1').values = [[5]];
      await ex.context.sync();
      expect(seen).toEqual([]);
      await new Promise((r) => setTimeout(r, 0));
      expect(seen).toEqual([
        expect.objectContaining({
          address: 'B1',
          source: 'Local',
          details: expect.objectContaining({ valueBefore: 1, valueAfter: 5 }),
          ...(api === '1.14' ? { triggerSource: 'ThisLocalAddin' } : {}),
        }),
      ]);
      expect('triggerSource' in seen[0]!).toBe(api === '1.14');
    }
  });

  it('reopen: the document as saved, new worksheet ids, custom properties kept', () => {
    const { ex, sheet } = book({ sheetKeys: true });
    sheet.customProperties.set('Key', 'k1');
    const again = FakeExcel.reopen(ex.save(), { sheetKeys: true });
    const reopened = again.sheetByName('统计表')!;
    expect(reopened.id).not.toBe(sheet.id);
    expect([...reopened.customProperties]).toEqual([['Key', 'k1']]);
    expect(again.valueOf(reopened, 'B2')).toBe(2);
  });
});
