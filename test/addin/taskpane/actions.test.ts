/**
 * The pane's actions (actions.ts, autoCheck.ts) on an in-memory port and a recording view: no
 * DOM, no simulated Excel. The port answers with what the real core finds in an entry grid.
 */
import type { ChangeEvent } from '../../../addin/excel/autoValidate';
import type { PassResult } from '../../../addin/excel/validateSheet';
import { WriteError } from '../../../addin/excel/writeBatch';
import { textsOf } from '../../../addin/taskpane/views/dom';
import { createActions, createPaneState, type PaneView } from '../../../addin/taskpane/actions';
import { createAutoCheck } from '../../../addin/taskpane/autoCheck';
import type { ExcelPort } from '../../../addin/taskpane/excelPort';
import { renderFinding, validateGrid } from '../../../core';
import type { Cell, Finding, ParsedSheet } from '../../../core/types';
import { entryGrid, schema } from '../excel/entryGrid';

const text = textsOf('zh');
const SHEET = { name: '统计表', id: '{S1}' };

function setup(port: Partial<ExcelPort> = {}) {
  const state = createPaneState();
  const check = (sheet: { grid: Cell[][] }): ParsedSheet =>
    validateGrid(sheet.grid, { schema, registry: state.registry, fileName: null });
  const messageOf = (f: Finding): string => renderFinding(f, schema).message_zh;
  const calls: string[] = [];
  const shown: { [K in keyof PaneView]?: Parameters<PaneView[K]>[0][] } = {};
  const record =
    <K extends keyof PaneView>(key: K) =>
    (value: Parameters<PaneView[K]>[0]): void => {
      ((shown[key] ??= []) as unknown[]).push(value);
    };
  const view: PaneView = {
    findings: record('findings'),
    filter: record('filter'),
    fixDialog: record('fixDialog'),
    totals: record('totals'),
    townships: record('townships'),
    status: record('status'),
    busy: record('busy'),
  };
  // Full-width digits in 培训人次 of the first village (M5): a silent normalization offered as a fix.
  const grid = entryGrid(6);
  grid[4]![12] = '６０';
  const full: ExcelPort = {
    validate: (sheetId) => {
      calls.push(`validate ${sheetId}`);
      const outcome = check({ grid });
      const pass: PassResult<ParsedSheet> = {
        sheet: { ...SHEET, grid, rowIndex: 0, columnIndex: 0, address: null, info: null as never },
        outcome,
        marks: {
          marked: 0,
          remarked: 0,
          unmarked: 0,
          total: outcome.findings.length,
          annotationsFailed: false,
          annotationsCapped: 0,
        },
      };
      return Promise.resolve(pass);
    },
    clear: () => Promise.resolve({ restored: 2, orphaned: 0, kept: 1, record: 'ok' }),
    fix: (sheet, fixes) => {
      calls.push(`fix ${sheet.id} ${JSON.stringify(fixes)}`);
      return Promise.resolve({ written: fixes.map((f) => f.cell), skipped: [], formulas: [] });
    },
    select: (sheet, cell) => {
      calls.push(`select ${sheet.id} ${cell}`);
      return Promise.resolve();
    },
    read: () => Promise.reject(new Error('not used')),
    create: () => Promise.resolve('统计表 (2)'),
    listen: () => {
      calls.push('listen');
      return Promise.resolve(SHEET.id);
    },
    ...port,
  };
  const actions = createActions({
    schema,
    lang: 'zh',
    text,
    support: { notes: true, comments: true },
    state,
    port: full,
    view,
    check,
    messageOf,
  });
  const lastStatus = () => shown.status?.at(-1);
  return { actions, state, shown, calls, lastStatus };
}

describe('pane actions', () => {
  it('校验 shows the findings and the counts; 修正 confirms the ticked offers and writes numbers', async () => {
    const { actions, state, shown, calls, lastStatus } = setup();
    actions.offerFixes(['f0']);
    expect(lastStatus()).toEqual({ message: text('fixNone'), kind: 'info' });

    await actions.validate();
    expect(shown.busy).toEqual([true, false]);
    const listed = shown.findings?.at(-1);
    const errors = state.last!.parsed.findings.filter((f) => f.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(listed?.findings).toBe(state.last!.parsed.findings);
    expect(lastStatus()?.message).toContain(String(errors));

    const offer = state.last!.offers.find((o) => o.cell === 'M5');
    expect(offer).toMatchObject({ key: 'n0', oldValue: '６０', suggestion: '60' });
    actions.offerFixes([offer!.key]);
    expect(shown.fixDialog?.at(-1)).toEqual([{ cell: 'M5', oldValue: '６０', newValue: '60' }]);
    await actions.confirmFixes();
    expect(state.pendingFixes).toBeNull();
    // A count column: the number 60 is written, not the text "60"; then the sheet is checked again.
    expect(calls.slice(-2)).toEqual([
      `fix ${SHEET.id} [{"cell":"M5","oldValue":"６０","newValue":60}]`,
      'validate null',
    ]);
    expect(lastStatus()).toEqual({ message: text('fixed', { count: 1 }), kind: 'info' });
    // Confirming again (a double click) writes nothing more.
    await actions.confirmFixes();
    expect(calls.filter((c) => c.startsWith('fix'))).toHaveLength(1);
  });

  it('a finding clicked selects its cell in the pass sheet; 清除标记 empties the list', async () => {
    const { actions, shown, calls, lastStatus } = setup();
    await actions.select('M5', 'x');
    expect(calls).toEqual([]);
    await actions.validate();
    await actions.select('M5', '培训人次不是数字');
    expect(calls.at(-1)).toBe(`select ${SHEET.id} M5`);
    expect(lastStatus()?.message).toBe('M5：培训人次不是数字');
    await actions.clear();
    expect(shown.findings?.at(-1)).toBeNull();
    expect(lastStatus()?.message).toBe(
      `${text('cleared', { count: 2 })} ${text('clearKept', { count: 1 })}`,
    );
  });

  it('a failed write says why and what to do; the pane is not left busy', async () => {
    const { actions, shown, lastStatus } = setup({
      clear: () => Promise.reject(new WriteError('protected', 'AccessDenied', 'protected sheet')),
    });
    await actions.clear();
    expect(lastStatus()).toEqual({ message: text('writeProtected'), kind: 'error' });
    expect(shown.busy).toEqual([true, false]);
  });

  it('自动校验 listens when switched on, and a click on 校验 then listens to that sheet too', async () => {
    const { actions, calls, lastStatus } = setup();
    await actions.validate();
    expect(calls).toEqual(['validate null']);
    await actions.setAuto(true);
    expect(calls).toEqual(['validate null', 'listen', 'validate null']);
    expect(lastStatus()?.message).toBe(text('autoOn'));
    await actions.validate();
    expect(calls.slice(3)).toEqual(['listen', 'validate null']);
    await actions.setAuto(false);
    expect(lastStatus()?.message).toBe(text('autoOff'));
  });

  it('a registry file: unreadable bytes, then a valid CSV fills the township picker', async () => {
    const { actions, state, shown, lastStatus } = setup();
    await actions.loadRegistry({ arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) });
    expect(lastStatus()?.kind).toBe('error');
    const csv = new TextEncoder().encode('乡镇,村（社区）\r\n黎岭镇,东村\r\n黎岭镇,西村\r\n');
    await actions.loadRegistry({ arrayBuffer: () => Promise.resolve(csv.buffer) });
    expect(shown.townships).toEqual([['黎岭镇']]);
    expect(state.registry?.townships[0]?.villages).toHaveLength(2);
    expect(lastStatus()?.message).toBe(text('registryLoaded', { townships: 1, villages: 2 }));
    await actions.newSheet('黎岭镇', '2025');
    expect(lastStatus()?.message).toBe(text('newSheetDone', { name: '统计表 (2)' }));
  });
});

describe('autoCheck', () => {
  const edit = (source: string, triggerSource?: string): ChangeEvent => ({
    worksheetId: '{S2}',
    address: 'A1',
    changeType: 'RangeEdited',
    source,
    triggerSource,
  });

  it("a local edit runs a pass over the edited sheet; a co-author's or our own does not; off drops it", async () => {
    const passes: (string | null)[] = [];
    let handler: ((e: ChangeEvent) => Promise<void>) | null = null;
    let pending: (() => void) | null = null;
    const auto = createAutoCheck({
      port: {
        listen: (h, isListening) => {
          if (!isListening('{S2}')) handler = h;
          return Promise.resolve('{S2}');
        },
      },
      hasTriggerSource: true,
      pass: (id) => passes.push(id),
      debounce: (run) => ({
        trigger: () => (pending = run),
        cancel: () => (pending = null),
        pending: () => pending !== null,
      }),
    });
    await auto.follow();
    expect(handler).toBeNull();
    await auto.set(true);
    expect(auto.on()).toBe(true);
    const h = handler as unknown as (e: ChangeEvent) => Promise<void>;
    handler = null;
    await auto.follow();
    expect(handler).toBeNull(); // the sheet is listened to once
    await h(edit('Remote'));
    await h(edit('Local', 'ThisLocalAddin'));
    expect(pending).toBeNull();
    await h(edit('Local'));
    (pending as unknown as () => void)();
    expect(passes).toEqual(['{S2}']);
    await h(edit('Local'));
    await auto.set(false);
    expect(pending).toBeNull();
    expect(passes).toEqual(['{S2}']);
  });
});
