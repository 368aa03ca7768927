/**
 * The simulated host in a browser page, bundled by the harness and loaded before taskpane.js in
 * place of office.js: `window.Office`, `window.Excel` and `OfficeExtension` over one FakeExcel,
 * and `window.__fakeExcel` for the test to load a sheet and read the document back.
 * Page query options: `?api=1.9` (highest ExcelApi version, default 1.18), `?lang=en-US`,
 * `?officeJs=npm` (the self-hosted npm office.js: a Workbook class without notes),
 * `?readyDelay=ms` (a slow but supported start).
 */
import { boxAddress, cellKey, parseBox, splitQualified } from './address';
import { FakeOfficeError } from './errors';
import {
  FakeExcel,
  versionAtLeast,
  type FakeDocument,
  type FakeEventRecord,
  type FakeFill,
  type FakeOptions,
  type FakeRun,
  type FakeRunOptions,
  type FakeSheetState,
  type Scalar,
} from './fakeExcel';
import { FakeClientResult, FakeRequestContext } from './proxies';

export type { FakeFill, Scalar } from './fakeExcel';

/** What `__fakeExcel.snapshot()` returns: the document state the test compares. */
export interface FakeSnapshot {
  sheet: string;
  values: Scalar[][];
  fills: FakeFill[][];
  comments: Record<string, string>;
  notes: Record<string, string>;
  selection: string | null;
  activeSheet: string;
  sheets: string[];
  customXml: string[];
  enableEvents: boolean;
}

/** Layout written to a sheet (for 新建填报表): merges, frozen panes, formats and validations by range. */
export interface FakeLayout {
  merges: string[];
  frozenRows: number;
  frozenColumns: number;
  formats: Array<{ range: string; props: Record<string, unknown> }>;
}

/** Options of `__fakeExcel.load`. */
export interface FakeLoadOptions {
  sheetName?: string;
  comments?: Record<string, string>;
  notes?: Record<string, string>;
}

const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
const npmOfficeJs = params.get('officeJs') === 'npm';
const displayLanguage = params.get('lang') ?? 'zh-CN';
const hostOptions: FakeOptions = {
  api: params.get('api') ?? '1.18',
  notesObjectMissing: npmOfficeJs,
  roundTrip: true,
  lateEvents: true,
};

/** A fresh workbook with one empty sheet, as Excel opens a new one. */
function blankWorkbook(): FakeExcel {
  const ex = new FakeExcel({ ...hostOptions });
  ex.addSheet('Sheet1');
  return ex;
}

let ex = blankWorkbook();

/** Excel.run(batch) or Excel.run(options, batch); a RequestContext as first argument is not supported. */
function run<T>(
  first: ((context: Excel.RequestContext) => Promise<T>) | FakeRunOptions,
  second?: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  const batch = typeof first === 'function' ? first : second;
  if (typeof batch !== 'function' || (typeof first === 'object' && 'sync' in first))
    throw new FakeOfficeError('FakeHostUnsupported', 'Excel.run with a request context object');
  return ex.run(typeof first === 'object' ? first : {}, batch);
}

/** The classes of the npm office.js: a Workbook without `notes` (issue 8 item 2). */
class NpmWorkbook {}
Object.defineProperty(NpmWorkbook.prototype, 'comments', { get: () => undefined });

const fakeExcelGlobal = {
  run,
  RequestContext: FakeRequestContext,
  ...(npmOfficeJs ? { Workbook: NpmWorkbook } : {}),
  ErrorCodes: {
    apiNotFound: 'ApiNotFound',
    invalidArgument: 'InvalidArgument',
    invalidOperation: 'InvalidOperation',
    itemAlreadyExists: 'ItemAlreadyExists',
    itemNotFound: 'ItemNotFound',
  },
};

const fakeOffice = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
  context: {
    displayLanguage,
    requirements: {
      isSetSupported(name: string, version?: string): boolean {
        return name === 'ExcelApi' && versionAtLeast(ex.api, version ?? '1.1');
      },
    },
  },
  onReady(
    callback?: (info: { host: string; platform: string }) => unknown,
  ): Promise<{ host: string; platform: string }> {
    const info = { host: 'Excel', platform: 'PC' };
    const delay = Number(params.get('readyDelay') ?? 0);
    return new Promise((resolve) => {
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, delay);
    });
  },
};

function sheetNamed(name?: string): FakeSheetState {
  const sheet = name ? ex.sheetByName(name) : ex.sheets[0];
  if (!sheet) throw new Error(`fake host: no sheet ${name ?? ''}`);
  return sheet;
}

/** Annotations by "sheet!A1", in cell order. */
function annotations(
  list: Array<{ sheet: string; cell: string; content: string }>,
): Record<string, string> {
  const order = (a: { cell: string }): number => {
    const b = parseBox(a.cell);
    return b.top * 20000 + b.left;
  };
  return Object.fromEntries(
    [...list].sort((a, b) => order(a) - order(b)).map((a) => [`${a.sheet}!${a.cell}`, a.content]),
  );
}

/** `window.__fakeExcel`: the test's handle on the simulated document. */
const helpers = {
  /** Replaces the workbook with one sheet holding `grid` from A1, optional fills ("A1" → fill) and annotations. */
  load(
    grid: Array<Array<Scalar | null | undefined>>,
    fills?: Record<string, Partial<FakeFill>>,
    options?: FakeLoadOptions,
  ): void {
    ex = new FakeExcel({ ...hostOptions });
    const sheet = ex.addSheet(options?.sheetName ?? 'Sheet1');
    const upper = Object.fromEntries(
      Object.entries(fills ?? {}).map(([a, f]) => [a, { ...f, color: f.color?.toUpperCase() }]),
    );
    ex.setGrid(sheet, grid, upper);
    for (const [address, content] of Object.entries(options?.comments ?? {})) {
      const { cell } = ex.cellOf(address);
      ex.comments.set(`c${++ex.seq}`, { sheet: sheet.name, cell, content });
    }
    for (const [address, content] of Object.entries(options?.notes ?? {}))
      ex.notes.set(`${sheet.name}!${ex.cellOf(address).cell}`, content);
  },
  /** A sheet's values (formulas computed) and fills over everything in use, and the rest of the document. */
  snapshot(sheetName?: string): FakeSnapshot {
    const sheet = sheetNamed(sheetName);
    const used = ex.usedBox(sheet, false);
    let rows = used ? used.top + used.rows - 1 : 0;
    let cols = used ? used.left + used.columns - 1 : 0;
    const notes = [...ex.notes].map(([k, content]) => {
      const { sheet: s, local } = splitQualified(k);
      return { sheet: s ?? '', cell: local, content };
    });
    const all = [...notes, ...ex.comments.values()];
    for (const a of all.filter((x) => x.sheet === sheet.name)) {
      const b = parseBox(a.cell);
      rows = Math.max(rows, b.top);
      cols = Math.max(cols, b.left);
    }
    const grid = <T>(fn: (r: number, c: number) => T): T[][] =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => fn(r + 1, c + 1)),
      );
    return {
      sheet: sheet.name,
      values: grid((r, c) =>
        ex.valueOf(sheet, boxAddress({ top: r, left: c, rows: 1, columns: 1 })),
      ),
      fills: grid((r, c) => ({
        ...(sheet.cells.get(cellKey(r, c))?.fill ?? { color: '#FFFFFF', pattern: 'None' }),
      })),
      comments: annotations([...ex.comments.values()]),
      notes: annotations(notes),
      selection: ex.selection,
      activeSheet: ex.activeSheet().name,
      sheets: ex.sheets.map((s) => s.name),
      customXml: ex.parts.map((p) => p.xml),
      enableEvents: ex.enableEvents,
    };
  },
  /** What was written to a sheet's layout (merges, frozen panes, formats and validations by range). */
  layout(sheetName: string): FakeLayout {
    const sheet = sheetNamed(sheetName);
    const frozen = ex.frozen(sheet);
    return {
      merges: [...sheet.merges],
      frozenRows: frozen.rows,
      frozenColumns: frozen.columns,
      formats: sheet.formats.map((f) => ({ range: f.range, props: { ...f.props } })),
    };
  },
  /** One cell's value and fill, e.g. cell("M7") on the active sheet. */
  cell(address: string): { value: Scalar; fill: FakeFill } {
    const { sheet, cell } = ex.cellOf(address);
    return { value: ex.valueOf(sheet, cell), fill: ex.fillOf(sheet, cell) };
  },
  /** The RunOptions of every Excel.run(options, batch) so far. */
  get runOptions(): FakeRunOptions[] {
    return ex.runOptions.map((o) => ({ ...o }));
  },
  /** Round trips so far (context.sync calls, including Excel.run's last one). */
  get syncCount(): number {
    return ex.syncCount;
  },
  /** Each Excel.run: start/end (ms, performance.now), its syncs and time inside the host. */
  get runs(): FakeRun[] {
    return ex.runs.map((r) => ({ ...r }));
  },
  /** onChanged events delivered to the pane. */
  get events(): FakeEventRecord[] {
    return ex.events.map((e) => ({ ...e }));
  },
  /** Errors thrown by the pane's event handlers. */
  get errors(): string[] {
    return [...ex.errors];
  },
  /** Highest ExcelApi version the host claims (e.g. "1.7" for an old Excel). */
  setApiVersion(version: string): void {
    ex.api = version;
  },
  /** "Save": the document as plain data (cells, fills, custom XML, comments, notes) — no add-in state. */
  save(): FakeDocument {
    return ex.save();
  },
  /** "Reopen" a saved document (after a reload): the workbook as saved, new sheet ids, counters at zero. */
  reopen(saved: FakeDocument): void {
    ex = FakeExcel.reopen(saved, { ...hostOptions });
  },
  /** Empties the workbook and the counters. */
  reset(): void {
    ex = blankWorkbook();
  },
  /** Zeroes the sync counter, the run log and the event log, keeping the document. */
  resetCounters(): void {
    ex.syncCount = 0;
    ex.runs = [];
    ex.events = [];
  },
  /** A user edit: writes `values` (2-D, from the address's top-left; none: the event only) then fires onChanged. */
  fireChanged(address: string, values?: Scalar[][]): void {
    const { sheet: name, local } = splitQualified(address);
    const sheet = name === null ? ex.activeSheet() : sheetNamed(name);
    void ex.userEdit(sheet, local, values ?? null, 'Local', 'later');
  },
};

/** The type of `window.__fakeExcel`, for the tests' `page.evaluate` code. */
export type FakeExcelHelpers = typeof helpers;

const g = globalThis as unknown as Record<string, unknown>;
g.Office = fakeOffice;
g.Excel = fakeExcelGlobal;
g.OfficeExtension = { Error: FakeOfficeError, ClientResult: FakeClientResult };
g.__fakeExcel = helpers;
