/**
 * Host probe: run once in each Excel the county has (365 Windows, 2021 LTSC, Mac, web). It checks,
 * in the real host, each assumption the pane makes (issue 8) on a scratch sheet it deletes again,
 * and shows a JSON report to copy. Every check catches its own failure: a failure is a finding.
 * (The probe reads ClientResults right after their sync and tries three request sizes in turn,
 * which the office-addins lint rules cannot see as correct.)
 */
/* eslint-disable office-addins/load-object-before-read, office-addins/no-context-sync-in-loop */

/** One check's outcome. */
interface Check {
  name: string;
  ok: boolean;
  detail: unknown;
}

const SCRATCH = 'probe-临时';
const NS = 'urn:county-rollup:probe:v1';
const KEY = 'CountyRollupProbe';

function errorInfo(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : '',
    message: typeof e?.message === 'string' ? e.message : String(error),
  };
}

async function check(checks: Check[], name: string, fn: () => unknown): Promise<void> {
  try {
    const detail = await fn();
    checks.push({ name, ok: true, detail });
  } catch (error) {
    checks.push({ name, ok: false, detail: errorInfo(error) });
  }
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs every check; returns the report. */
export async function probe(): Promise<{ probe: string; at: string; checks: Check[] }> {
  const checks: Check[] = [];
  const sets = [
    '1.9',
    '1.10',
    '1.11',
    '1.12',
    '1.13',
    '1.14',
    '1.15',
    '1.16',
    '1.17',
    '1.18',
    '1.19',
    '1.20',
  ];
  await check(checks, 'host', () => {
    const diagnostics = (Office.context as unknown as { diagnostics?: Record<string, unknown> })
      .diagnostics;
    return {
      host: diagnostics?.host ?? null,
      version: diagnostics?.version ?? null,
      platform: diagnostics?.platform ?? null,
      displayLanguage: Office.context.displayLanguage,
      userAgent: navigator.userAgent,
      excelApi: Object.fromEntries(
        sets.map((v) => [v, Office.context.requirements.isSetSupported('ExcelApi', v)]),
      ),
    };
  });
  // Item 2: the API objects themselves, not only the requirement sets.
  await check(checks, 'apiObjects', () => {
    const x = Excel as unknown as Record<string, { prototype?: object } | undefined>;
    const has = (cls: string, member: string): boolean | null =>
      x[cls]?.prototype ? member in x[cls].prototype : null;
    return {
      workbookNotes: has('Workbook', 'notes'),
      workbookComments: has('Workbook', 'comments'),
      worksheetCustomProperties: has('Worksheet', 'customProperties'),
      rangeGetMergedAreas: has('Range', 'getMergedAreasOrNullObject'),
    };
  });
  // Item 1: the active sheet's id against the one seen last time (save, close, reopen, run again).
  await check(checks, 'worksheetIdAcrossSessions', () =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load(['name', 'id']);
      await context.sync();
      const seenKey = `probe:${sheet.name}`;
      const before = localStorage.getItem(seenKey);
      localStorage.setItem(seenKey, sheet.id);
      let keyProperty: string | null = null;
      if (Office.context.requirements.isSetSupported('ExcelApi', '1.12')) {
        const prop = sheet.customProperties.getItemOrNullObject(KEY);
        prop.load('value');
        await context.sync();
        keyProperty = prop.isNullObject ? null : String(prop.value);
        if (prop.isNullObject) sheet.customProperties.add(KEY, `probe-${Date.now()}`);
        await context.sync();
      }
      return {
        sheet: sheet.name,
        idNow: sheet.id,
        idLastRun: before,
        idChanged: before === null ? 'first run' : before !== sheet.id,
        customPropertyFromLastRun: keyProperty,
      };
    }),
  );
  // Items 4 and 6: the run options.
  await check(checks, 'runOptions', () =>
    Excel.run(
      { delayForCellEdit: true, mergeUndoGroup: true } as Excel.RunOptions,
      async (context) => {
        const active = context.workbook.worksheets.getActiveWorksheet();
        active.load('name');
        await context.sync();
        return 'Excel.run({ delayForCellEdit, mergeUndoGroup }) accepted';
      },
    ),
  );
  await check(checks, 'scratchSheet', () =>
    Excel.run(async (context) => {
      const old = context.workbook.worksheets.getItemOrNullObject(SCRATCH);
      await context.sync();
      if (!old.isNullObject) old.delete();
      context.workbook.worksheets.add(SCRATCH);
      await context.sync();
      return SCRATCH;
    }),
  );
  // Item 9: how fills read back.
  await check(checks, 'fillReadBack', () =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SCRATCH);
      sheet.getRange('A2').format.fill.color = '#FFFFFF';
      sheet.getRange('A3').format.fill.color = '#FFEB9C';
      sheet.getRange('A3').format.fill.pattern = 'LightUp';
      sheet.getRange('A4').format.fill.color = '#FFC7CE';
      await context.sync();
      const props = sheet.getRange('A1:A4').getCellProperties({
        format: { fill: { color: true, pattern: true, tintAndShade: true } },
      });
      await context.sync();
      return {
        'A1 no fill': props.value[0]?.[0]?.format?.fill,
        'A2 white': props.value[1]?.[0]?.format?.fill,
        'A3 warning mark': props.value[2]?.[0]?.format?.fill,
        'A4 error mark': props.value[3]?.[0]?.format?.fill,
      };
    }),
  );
  // Items 10 and 13: custom XML parts.
  await check(checks, 'customXmlParts', () =>
    Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts;
      const out: Record<string, unknown> = {};
      parts.add(`<probe xmlns="${NS}" n="1"/>`);
      await context.sync();
      try {
        parts.add(`<?xml version="1.0" encoding="UTF-8"?>\n<probe xmlns="${NS}" n="2"/>`);
        await context.sync();
        out.declarationAccepted = true;
      } catch (error) {
        out.declarationAccepted = errorInfo(error);
      }
      parts.add(`<probe xmlns="${NS}" n="3"/>`);
      await context.sync();
      const scoped = parts.getByNamespace(NS);
      scoped.load('items/id');
      const only = scoped.getOnlyItemOrNullObject();
      await context.sync();
      out.partsOfNamespace = scoped.items.length;
      out.getOnlyItemOrNullObjectIsNull = only.isNullObject;
      for (const p of scoped.items) p.delete();
      await context.sync();
      return out;
    }),
  );
  // Issue 7: hidden rows, used range of a blank sheet, merged areas.
  await check(checks, 'rowsAndMerges', () =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SCRATCH);
      const blank = sheet.getUsedRange(true);
      blank.load('address');
      await context.sync();
      sheet.getRange('B1:B5').values = [['a'], ['b'], ['c'], ['d'], ['e']];
      sheet.getRange('B3').rowHidden = true;
      sheet.getRange('C1:D1').merge(false);
      await context.sync();
      const used = sheet.getUsedRange(true);
      const rows = used.getRowProperties({ rowHidden: true });
      const merged = Office.context.requirements.isSetSupported('ExcelApi', '1.13')
        ? used.getMergedAreasOrNullObject()
        : null;
      merged?.load('address');
      await context.sync();
      return {
        blankUsedRange: blank.address,
        rowHidden: rows.value.map((r) => [r.rowIndex, r.rowHidden]),
        merged: merged ? (merged.isNullObject ? null : merged.address) : 'no ExcelApi 1.13',
      };
    }),
  );
  // Items 5 and 11: what change events carry, and enableEvents = false.
  await check(checks, 'changeEvents', async () => {
    const events: unknown[] = [];
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SCRATCH);
      sheet.onChanged.add((e) => {
        events.push({
          address: e.address,
          source: e.source,
          changeType: e.changeType,
          triggerSource: (e as { triggerSource?: string }).triggerSource ?? null,
          details: e.details ?? null,
          worksheetId: e.worksheetId,
        });
        return Promise.resolve();
      });
      await context.sync();
      sheet.getRange('E1').values = [[1]];
      await context.sync();
      context.runtime.enableEvents = false;
      sheet.getRange('E2').values = [[2]];
      context.runtime.enableEvents = true;
      await context.sync();
      sheet.getRange('E3').format.fill.color = '#FFC7CE';
      await context.sync();
    });
    await wait(1500);
    return { note: 'E1 written with events on, E2 with events off, E3 fill only', events };
  });
  // Items 2 and 8: notes, comments, and a large request.
  await check(checks, 'annotations', () =>
    Excel.run(async (context) => {
      const out: Record<string, unknown> = {};
      const wb = context.workbook as unknown as { notes?: Excel.NoteCollection };
      try {
        if (!wb.notes) throw new Error('workbook.notes is undefined');
        wb.notes.add(`'${SCRATCH}'!F1`, 'probe note');
        await context.sync();
        out.notes = true;
      } catch (error) {
        out.notes = errorInfo(error);
      }
      try {
        context.workbook.comments.add(`'${SCRATCH}'!F2`, 'probe comment');
        await context.sync();
        out.comments = true;
      } catch (error) {
        out.comments = errorInfo(error);
      }
      return out;
    }),
  );
  await check(checks, 'requestSize', async () => {
    const out: Record<string, unknown> = {};
    for (const mb of [1, 3, 6]) {
      try {
        await Excel.run(async (context) => {
          const text = 'x'.repeat(mb * 1024 * 1024);
          context.workbook.worksheets.getItem(SCRATCH).getRange('G1').values = [
            [text.slice(0, 32000)],
          ];
          context.workbook.customXmlParts.add(`<probe xmlns="${NS}">${text}</probe>`);
          await context.sync();
          const scoped = context.workbook.customXmlParts.getByNamespace(NS);
          scoped.load('items');
          await context.sync();
          for (const p of scoped.items) p.delete();
          await context.sync();
        });
        out[`${mb} MB`] = true;
      } catch (error) {
        out[`${mb} MB`] = errorInfo(error);
      }
    }
    return out;
  });
  await check(checks, 'cleanUp', () =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(SCRATCH);
      await context.sync();
      if (!sheet.isNullObject) sheet.delete();
      await context.sync();
      return 'scratch sheet deleted';
    }),
  );
  return { probe: 'county-rollup host probe v1', at: new Date().toISOString(), checks };
}

function start(): void {
  const run = document.querySelector<HTMLButtonElement>('[data-testid="probe-run"]')!;
  const copy = document.querySelector<HTMLButtonElement>('[data-testid="probe-copy"]')!;
  const report = document.querySelector<HTMLElement>('[data-testid="probe-report"]')!;
  const status = document.querySelector<HTMLElement>('[data-testid="probe-status"]')!;
  run.addEventListener('click', () => {
    run.disabled = true;
    status.textContent = '检测中……';
    void probe()
      .then((r) => {
        report.textContent = JSON.stringify(r, null, 2);
        const failed = r.checks.filter((c) => !c.ok).length;
        status.textContent = failed ? `完成，${failed} 项失败（见结果）` : '完成';
      })
      .catch((error: unknown) => {
        status.textContent = `检测没有完成：${errorInfo(error).message}`;
      })
      .finally(() => (run.disabled = false));
  });
  copy.addEventListener('click', () => {
    const text = report.textContent ?? '';
    const fallback = (): void => {
      const range = document.createRange();
      range.selectNodeContents(report);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      status.textContent = '已选中结果，请按 Ctrl+C 复制';
    };
    if (navigator.clipboard?.writeText)
      navigator.clipboard.writeText(text).then(() => (status.textContent = '已复制'), fallback);
    else fallback();
  });
}

if (typeof Office === 'undefined') {
  document.addEventListener('DOMContentLoaded', () => {
    const status = document.querySelector('[data-testid="probe-status"]');
    if (status) status.textContent = '没有加载到 office.js：请在 Excel 里通过检测清单打开本页。';
  });
} else void Office.onReady(() => start());
