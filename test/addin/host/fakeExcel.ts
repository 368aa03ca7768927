/**
 * The simulated Excel host of every add-in test, one source for jest and the browser: jest drives
 * `new FakeExcel(options)` through its `context` or `run`; the browser tests load it bundled
 * (host/browser.ts) in place of office.js. It implements the surface of addin/OFFICE_API.md with
 * office.js's batching (proxies.ts): nothing happens until `context.sync()` (one round trip,
 * counted), a property reads only after load + sync, `isNullObject` and a ClientResult only after
 * a sync, a failing operation rejects the whole sync (earlier ones stay applied), proxies die with
 * their Excel.run, APIs above the host's ExcelApi version fail with ApiNotFound and anything else
 * throws FakeHostUnsupported. And what Excel is documented (or was seen) to do: cell-edit mode
 * (RunOptions.delayForCellEdit), failing writes, the request payload limit, worksheet ids new on
 * reopen while custom properties stay, one note or comment per cell, custom XML parts, hidden rows,
 * autofilters, merged areas, change events (late, with triggerSource), undo steps.
 */
import {
  boxAddress,
  cellKey,
  colLetters,
  parseBox,
  quoteSheet,
  splitQualified,
  type Box,
} from './address';
import { FakeOfficeError } from './errors';
import { FakeRequestContext, type Op } from './proxies';

export { FakeOfficeError } from './errors';
export { parseBox } from './address';

export type Scalar = string | number | boolean;

/** A cell's fill as Excel reports it: colour plus pattern ("None" = no fill, whatever the colour). */
export interface FakeFill {
  color: string;
  pattern: string;
}

export interface FakeCell {
  /** What `values` reads (for a formula cell: its result, unless the formula is a SUM we compute). */
  value: Scalar;
  /** The formula as typed ("=B2*2"), when the cell holds one; `formulas` reads it. */
  formula?: string;
  fill: FakeFill;
  numberFormat: string;
}

export interface FakeSheetState {
  id: string;
  name: string;
  /** Cells by "row:column", 1-based. */
  cells: Map<string, FakeCell>;
  /** Column widths by 1-based column. */
  widths: Map<number, number>;
  validations: { address: string; rule: unknown; prompt: unknown; errorAlert: unknown }[];
  /** Every format written, by range and in order (widths, fonts, alignment, validation …). */
  formats: { range: string; props: Record<string, unknown> }[];
  merges: string[];
  /** freezeAt's range ("A1:B4"), or "rows:n" after freezeRows(n). */
  freeze: string | null;
  /** Worksheet custom properties (ExcelApi 1.12), persisted with the document. */
  customProperties: Map<string, string>;
  /** 1-based hidden rows and columns (by the user). */
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** An autofilter over this A1 range; `filteredRows` are the rows its criteria hide. */
  autoFilter: { range: string; filteredRows: Set<number> } | null;
}

/** The persisted part of a workbook: what survives save and reopen (no ids, no add-in state). */
export interface FakeDocument {
  sheets: {
    id: string;
    name: string;
    cells: [string, FakeCell][];
    customProperties?: [string, string][];
  }[];
  /** The active sheet's name. */
  active?: string;
  parts: string[];
  notes: [string, string][];
  comments: { sheet: string; cell: string; content: string }[];
}

/** Excel.WorksheetChangedEventArgs as the host delivers them. */
export interface FakeChangeEvent {
  type?: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  /** 1.14: "ThisLocalAddin" for this add-in's writes. */
  triggerSource?: string;
  /** A single-cell change only. */
  details?: unknown;
}

/** One delivered onChanged event, for the tests. */
export interface FakeEventRecord {
  address: string;
  source: string;
  byAddin: boolean;
  details: boolean;
}

/** One Excel.run: start/end (ms), its syncs, time inside the simulated host, success. */
export interface FakeRun {
  start: number;
  end: number;
  syncs: number;
  hostMs: number;
  ok: boolean;
}

/** Excel.RunOptions. */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** Options of the host. */
export interface FakeOptions {
  /**
   * The ExcelApi version the host reports ("1.9" … "1.20"): each optional API below defaults to
   * it. Without it: the 1.9–1.14 basics, with each optional API off unless its own flag is on.
   */
  api?: string;
  /** Notes (ExcelApi 1.18). */
  notes?: boolean;
  /** Modern comments (ExcelApi 1.10). */
  comments?: boolean;
  /** Worksheet custom properties (ExcelApi 1.12). */
  sheetKeys?: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas?: boolean;
  /** Change events carry triggerSource (ExcelApi 1.14); default on without `api`. */
  triggerSource?: boolean;
  /** A self-hosted npm office.js has no NoteCollection: `workbook.notes` is undefined. */
  notesObjectMissing?: boolean;
  /** getCellProperties gives `pattern: null` (office-js #6218, #4900). */
  nullPatterns?: boolean;
  /** setXml/add refuse an XML declaration (default true; our text never has one). */
  rejectXmlDeclaration?: boolean;
  /** A request (one sync) above this many bytes fails with RequestPayloadSizeLimitExceeded. */
  maxRequestBytes?: number;
  /** Change events arrive a task after the sync that raised them (as in Excel), not during it. */
  lateEvents?: boolean;
  /** A sync is a real round trip: the queued operations run in a later task (the browser host). */
  roundTrip?: boolean;
}

const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: 'None' };

/** The ExcelApi version each optional API needs. */
const FEATURE_API = {
  notes: '1.18',
  comments: '1.10',
  sheetKeys: '1.12',
  mergedAreas: '1.13',
  triggerSource: '1.14',
} as const;
type Feature = keyof typeof FEATURE_API;

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

function typeName(value: Scalar): string {
  if (value === '') return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

export class FakeExcel {
  sheets: FakeSheetState[] = [];
  activeSheetId = '';
  parts: { id: string; xml: string }[] = [];
  /** Notes by "sheet name!A1". */
  notes = new Map<string, string>();
  /** Comments by id. */
  comments = new Map<string, { sheet: string; cell: string; content: string }>();
  enableEvents = true;
  /** The selected range, e.g. "统计表!M5". */
  selection: string | null = null;
  syncCount = 0;
  cellPropertyReads = 0;
  /** Estimated bytes of each sync's request, in order (see `queue`). */
  requestBytes: number[] = [];
  /** The user is editing a cell: a batch run without delayForCellEdit fails (RunOptions docs). */
  cellEditMode = false;
  /** Every write of the next sync fails with this error (a protected sheet, a host failure …). */
  failWrites: { code: string; message: string } | null = null;
  /** Undo steps the batches left (one per sync with writes; one per run with mergeUndoGroup). */
  undoSteps = 0;
  handlers: { sheetId: string; handler: (e: FakeChangeEvent) => unknown }[] = [];
  /** Each Excel.run, and the options it was given. */
  runs: FakeRun[] = [];
  runOptions: FakeRunOptions[] = [];
  /** onChanged events delivered, and what the handlers threw. */
  events: FakeEventRecord[] = [];
  errors: string[] = [];
  /** The ExcelApi version reported (see FakeOptions.api). */
  api: string;
  /** Events raised by the operations of the running sync. */
  raised: { sheet: FakeSheetState; event: FakeChangeEvent }[] = [];
  private cellEditWaiters: (() => void)[] = [];
  seq = 0;
  private readonly defaultContext: FakeRequestContext;
  /** A context outside any Excel.run, for adapter tests. */
  readonly context: Excel.RequestContext;

  constructor(readonly options: FakeOptions = {}) {
    this.api = options.api ?? '1.14';
    this.defaultContext = new FakeRequestContext(this);
    this.context = this.defaultContext as unknown as Excel.RequestContext;
  }

  /** Whether the host has an optional API (its flag, else the reported version). */
  has(feature: Feature): boolean {
    const flag = this.options[feature];
    if (flag !== undefined) return flag;
    if (this.options.api === undefined) return feature === 'triggerSource';
    return versionAtLeast(this.api, FEATURE_API[feature]);
  }

  /** Throws ApiNotFound when the host is below `version` or lacks `feature` (inside an operation). */
  requireApi(version: string, what: string, feature?: Feature): void {
    const ok = feature ? this.has(feature) : versionAtLeast(this.api, version);
    if (!ok)
      throw new FakeOfficeError(
        'ApiNotFound',
        `The API you are trying to use could not be found (${what} needs ExcelApi ${version}; this host has ${this.api}).`,
      );
  }

  /**
   * A workbook as reopened from a saved file: only the persisted document, no add-in state. The
   * worksheet ids are new, as in Excel ("constant within a single session but will change between
   * sessions", office-js-docs #297): like Excel's, they follow the tab order, so a sheet may get an
   * id another sheet had before.
   */
  static reopen(doc: FakeDocument, options: FakeOptions = {}): FakeExcel {
    const ex = new FakeExcel(options);
    doc.sheets.forEach((s, i) => {
      const id = `{00000000-000${(i + 1).toString(16).toUpperCase()}-0000-0000-000000000000}`;
      const st = ex.addSheet(s.name, id);
      for (const [k, c] of s.cells) st.cells.set(k, { ...c, fill: { ...c.fill } });
      st.customProperties = new Map(s.customProperties ?? []);
    });
    const active = doc.active === undefined ? undefined : ex.sheetByName(doc.active);
    if (active) ex.activeSheetId = active.id;
    ex.parts = doc.parts.map((xml) => ({ id: `part-${++ex.seq}`, xml }));
    ex.notes = new Map(doc.notes);
    for (const c of doc.comments) ex.comments.set(`c${++ex.seq}`, { ...c });
    return ex;
  }

  /** What a save writes. */
  save(): FakeDocument {
    return {
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        cells: [...s.cells.entries()].map(([k, c]) => [k, { ...c, fill: { ...c.fill } }]),
        customProperties: [...s.customProperties.entries()],
      })),
      active: this.sheets.find((s) => s.id === this.activeSheetId)?.name,
      parts: this.parts.map((p) => p.xml),
      notes: [...this.notes.entries()],
      comments: [...this.comments.values()].map((c) => ({ ...c })),
    };
  }

  addSheet(name: string, id = `{sheet-${++this.seq}}`): FakeSheetState {
    if (this.sheetByName(name))
      throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named "${name}" already exists.`);
    const s: FakeSheetState = {
      id,
      name,
      cells: new Map(),
      widths: new Map(),
      validations: [],
      formats: [],
      merges: [],
      freeze: null,
      customProperties: new Map(),
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      autoFilter: null,
    };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = id;
    return s;
  }

  /** The user copies a sheet (Move or Copy → Create a copy): cells and custom properties go along. */
  copySheet(from: FakeSheetState, name: string): FakeSheetState {
    const s = this.addSheet(name);
    for (const [k, c] of from.cells) s.cells.set(k, { ...c, fill: { ...c.fill } });
    s.customProperties = new Map(from.customProperties);
    return s;
  }

  /** A sheet by name (case-insensitive, as Excel compares sheet names). */
  sheetByName(name: string): FakeSheetState | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  /** worksheets.getItem*(key): a sheet's id or its name. */
  sheetByKey(key: string): FakeSheetState | null {
    return this.sheets.find((s) => s.id === key) ?? this.sheetByName(key);
  }

  activeSheet(): FakeSheetState {
    const s = this.sheets.find((x) => x.id === this.activeSheetId);
    if (!s) throw new FakeOfficeError('ItemNotFound', 'no active worksheet');
    return s;
  }

  /** Puts a grid (row 1 = grid[0]) into a sheet, with optional fills by A1 cell or range. */
  setGrid(
    sheet: FakeSheetState,
    grid: readonly (readonly (Scalar | null | undefined)[])[],
    fills: Record<string, Partial<FakeFill>> = {},
  ): void {
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') this.cellFor(sheet, r + 1, c + 1).value = v;
      }),
    );
    for (const [addr, f] of Object.entries(fills)) {
      const b = parseBox(addr);
      for (let r = b.top; r < b.top + b.rows; r++)
        for (let c = b.left; c < b.left + b.columns; c++)
          this.cellFor(sheet, r, c).fill = {
            color: f.color ?? '#FFFFFF',
            pattern: f.pattern ?? 'Solid',
          };
    }
  }

  cellFor(s: FakeSheetState, row: number, col: number): FakeCell {
    const k = cellKey(row, col);
    let c = s.cells.get(k);
    if (!c) {
      c = { value: '', fill: { ...NO_FILL }, numberFormat: 'General' };
      s.cells.set(k, c);
    }
    return c;
  }

  fillOf(sheet: FakeSheetState, address: string): FakeFill {
    const b = parseBox(address);
    return { ...(sheet.cells.get(cellKey(b.top, b.left))?.fill ?? NO_FILL) };
  }

  valueOf(sheet: FakeSheetState, address: string): Scalar {
    const b = parseBox(address);
    const cell = sheet.cells.get(cellKey(b.top, b.left));
    return cell ? this.shown(sheet, cell) : '';
  }

  /** The formula of a cell as typed ("=SUM(I5:I10)"), or null. */
  formulaOf(sheet: FakeSheetState, address: string): string | null {
    const b = parseBox(address);
    return sheet.cells.get(cellKey(b.top, b.left))?.formula ?? null;
  }

  /**
   * What `values` reads: a formula's result. `=SUM(A1:B2)` is computed (the template's 合计 row);
   * another formula reads as its stored result, or #NAME? when none was given.
   */
  shown(sheet: FakeSheetState, cell: FakeCell): Scalar {
    if (cell.formula === undefined) return cell.value;
    const m = /^=SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/i.exec(cell.formula.trim());
    if (!m) return cell.value === '' ? '#NAME?' : cell.value;
    const b = parseBox(m[1]!);
    let sum = 0;
    for (let r = b.top; r < b.top + b.rows; r++)
      for (let c = b.left; c < b.left + b.columns; c++) {
        const v = sheet.cells.get(cellKey(r, c))?.value;
        if (typeof v === 'number') sum += v;
      }
    return sum;
  }

  /** Bounding box of the cells holding a value (valuesOnly) or also a fill or number format. */
  usedBox(sheet: FakeSheetState, valuesOnly: boolean): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of sheet.cells) {
      const used =
        cell.value !== '' ||
        cell.formula !== undefined ||
        (!valuesOnly && (cell.fill.pattern !== 'None' || cell.numberFormat !== 'General'));
      if (!used) continue;
      const [r, c] = k.split(':').map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Every cell's value and fill, for before/after comparisons. */
  snapshot(sheet: FakeSheetState): Record<string, { value: Scalar; fill: FakeFill }> {
    const out: Record<string, { value: Scalar; fill: FakeFill }> = {};
    for (const [k, c] of sheet.cells) {
      if (c.value === '' && c.fill.pattern === 'None' && c.fill.color === '#FFFFFF') continue;
      const [r, col] = k.split(':').map(Number);
      out[`${colLetters(col!)}${r}`] = { value: c.value, fill: { ...c.fill } };
    }
    return out;
  }

  /**
   * A user edit (outside any batch): writes `values` (null: none, the event only) and raises
   * onChanged like Excel (nothing while an add-in left events off). `deliver` "await" runs the
   * handlers before returning; "later" delivers them a task later, as Excel does.
   */
  async userEdit(
    sheet: FakeSheetState,
    address: string,
    values: Scalar[][] | null,
    /** "Remote": a co-author's edit, as coauthoring delivers it. */
    source: 'Local' | 'Remote' = 'Local',
    deliver: 'await' | 'later' = 'await',
  ): Promise<void> {
    const b = parseBox(address);
    const first = sheet.cells.get(cellKey(b.top, b.left));
    const before = first ? this.shown(sheet, first) : '';
    values?.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = this.cellFor(sheet, b.top + r, b.left + c);
        cell.value = v;
        delete cell.formula;
      }),
    );
    if (!this.enableEvents) return;
    const event = this.changeEvent(sheet, b, before, source, false);
    if (deliver === 'later') {
      this.deliver([{ sheet, event }], true);
      return;
    }
    const handlers = this.handlers.filter((x) => x.sheetId === sheet.id);
    if (handlers.length > 0) this.record(event, false);
    for (const h of handlers) await h.handler(event);
  }

  /** A change event as Excel builds it (details for one cell; triggerSource on 1.14 hosts). */
  changeEvent(
    sheet: FakeSheetState,
    box: Box,
    before: Scalar,
    source: string,
    byAddin: boolean,
  ): FakeChangeEvent {
    const event: FakeChangeEvent = {
      type: 'WorksheetChanged',
      worksheetId: sheet.id,
      address: boxAddress(box),
      changeType: 'RangeEdited',
      source,
    };
    if (this.has('triggerSource')) event.triggerSource = byAddin ? 'ThisLocalAddin' : 'Unknown';
    if (box.rows * box.columns === 1) {
      const cell = sheet.cells.get(cellKey(box.top, box.left));
      const after = cell ? this.shown(sheet, cell) : '';
      event.details = {
        valueBefore: before,
        valueAfter: after,
        valueTypeBefore: typeName(before),
        valueTypeAfter: typeName(after),
      };
    }
    return event;
  }

  /** Called by a values write while its sync runs: the event goes out after the sync. */
  noteChange(sheet: FakeSheetState, box: Box, before: Scalar): void {
    if (!this.enableEvents) return;
    this.raised.push({ sheet, event: this.changeEvent(sheet, box, before, 'Local', true) });
  }

  private record(event: FakeChangeEvent, byAddin: boolean): void {
    this.events.push({
      address: event.address,
      source: event.source,
      byAddin,
      details: event.details !== undefined,
    });
  }

  /** Hands events to the handlers of their sheet, now or a task later; handler failures are kept. */
  deliver(events: { sheet: FakeSheetState; event: FakeChangeEvent }[], later: boolean): void {
    for (const { sheet, event } of events) {
      const handlers = this.handlers.filter((x) => x.sheetId === sheet.id);
      if (handlers.length > 0) this.record(event, event.triggerSource === 'ThisLocalAddin');
      for (const h of handlers) {
        const call = (): void => {
          Promise.resolve()
            .then(() => h.handler(event))
            .catch((err: unknown) =>
              this.errors.push(
                `onChanged handler: ${err instanceof Error ? err.message : String(err)}`,
              ),
            );
        };
        if (later) setTimeout(call, 0);
        else call();
      }
    }
  }

  /**
   * A user inserts (`count` > 0) or deletes (`count` < 0) whole rows at 1-based row `at`: cells,
   * notes and comments below move with their rows, as in Excel; custom XML parts do not.
   */
  shiftRows(sheet: FakeSheetState, at: number, count: number): void {
    const moved = new Map<string, FakeCell>();
    for (const [k, c] of sheet.cells) {
      const [r, col] = k.split(':').map(Number) as [number, number];
      if (r < at) moved.set(k, c);
      else if (count > 0 || r >= at - count) moved.set(cellKey(r + count, col), c);
    }
    sheet.cells = moved;
    const shift = (cell: string): string | null => {
      const b = parseBox(cell);
      if (b.top < at) return cell;
      if (count < 0 && b.top < at - count) return null;
      return `${colLetters(b.left)}${b.top + count}`;
    };
    const notes = new Map<string, string>();
    for (const [k, v] of this.notes) {
      const { sheet: name, local } = splitQualified(k);
      if (name !== sheet.name) notes.set(k, v);
      else {
        const to = shift(local);
        if (to) notes.set(`${name}!${to}`, v);
      }
    }
    this.notes = notes;
    for (const [id, c] of [...this.comments]) {
      if (c.sheet !== sheet.name) continue;
      const to = shift(c.cell);
      if (to) c.cell = to;
      else this.comments.delete(id);
    }
  }

  /**
   * Queues an operation on `context` (default: `this.context`); `bytes` estimates what its
   * arguments add to the request (office.js serialises every queued action with its arguments
   * into one JSON request per sync). A `write` fails while `failWrites` is set.
   */
  queue(op: Op, bytes = 0, write = false, context = this.defaultContext): void {
    context.pending.push(op);
    context.pendingBytes += 120 + bytes;
    if (write) {
      context.pendingWrites++;
      const fail = this.failWrites;
      if (fail)
        context.pending[context.pending.length - 1] = () => {
          throw new FakeOfficeError(fail.code, fail.message, true);
        };
    }
  }

  /**
   * Excel.run as the pane calls it: one context per run, a last sync for anything still queued,
   * proxies dead afterwards. `delayForCellEdit` waits for the user to leave cell-edit mode
   * (`leaveCellEdit()`); without it a batch fails with InvalidOperationInCellEditMode while the
   * user edits a cell. `mergeUndoGroup` makes the whole run one undo step (ExcelApi 1.20).
   */
  async run<T>(
    options: FakeRunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    this.runOptions.push({ ...options });
    if (this.cellEditMode && options.delayForCellEdit)
      await new Promise<void>((resolve) => this.cellEditWaiters.push(resolve));
    const context = new FakeRequestContext(this);
    context.mergeUndo = options.mergeUndoGroup === true;
    const start = now();
    let ok = false;
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending.length > 0) await context.sync();
      ok = true;
      return result;
    } finally {
      context.closed = true;
      this.runs.push({ start, end: now(), syncs: context.syncs, hostMs: context.hostMs, ok });
    }
  }

  /** The user presses Enter: batches waiting for the cell edit to end run now. */
  leaveCellEdit(): void {
    this.cellEditMode = false;
    for (const w of this.cellEditWaiters.splice(0)) w();
  }

  /** One round trip: the context's queued operations, in order; its events after them. */
  async sync(context: FakeRequestContext): Promise<void> {
    this.syncCount++;
    context.syncs++;
    const ops = context.pending;
    const bytes = context.pendingBytes;
    const writes = context.pendingWrites;
    context.pending = [];
    context.pendingBytes = 0;
    context.pendingWrites = 0;
    this.requestBytes.push(ops.length ? bytes : 0);
    // A real round trip: the add-in's code after `await sync()` runs in a later task.
    if (this.options.roundTrip) await new Promise((r) => setTimeout(r, 0));
    if (ops.length > 0 && this.cellEditMode)
      throw new FakeOfficeError(
        'InvalidOperationInCellEditMode',
        'The request cannot be processed while Excel is in cell-editing mode.',
        true,
      );
    const max = this.options.maxRequestBytes;
    if (max !== undefined && bytes > max)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
        true,
      );
    if (writes > 0) {
      if (!context.mergeUndo || !context.undoCounted) this.undoSteps++;
      context.undoCounted = true;
    }
    this.raised = [];
    const t0 = now();
    try {
      for (const op of ops) op();
    } finally {
      context.hostMs += now() - t0;
      const events = this.raised;
      this.raised = [];
      this.deliver(events, this.options.lateEvents === true);
    }
    if (!this.options.roundTrip) await Promise.resolve();
  }

  /** A sheet's frozen rows and columns, from its freeze. */
  frozen(sheet: FakeSheetState): { rows: number; columns: number } {
    if (!sheet.freeze) return { rows: 0, columns: 0 };
    if (sheet.freeze.startsWith('rows:'))
      return { rows: Number(sheet.freeze.slice(5)), columns: 0 };
    const b = parseBox(splitQualified(sheet.freeze).local);
    return { rows: b.top + b.rows - 1, columns: b.left + b.columns - 1 };
  }

  /** "Sheet!A1" (or "A1" on the active sheet) of one cell, for notes and comments. */
  cellOf(address: string): { sheet: FakeSheetState; cell: string } {
    const { sheet: name, local } = splitQualified(address);
    const sheet = name === null ? this.activeSheet() : this.sheetByName(name);
    if (!sheet) throw new FakeOfficeError('InvalidArgument', `no sheet in ${address}`);
    const b = parseBox(local);
    if (b.rows !== 1 || b.columns !== 1)
      throw new FakeOfficeError('InvalidArgument', `"${address}" is not a single cell`);
    return { sheet, cell: boxAddress(b) };
  }

  /** Where an annotation may go: a cell holds one note or one comment, never both (Excel). */
  annotationFree(sheet: string, cell: string): boolean {
    return (
      !this.notes.has(`${sheet}!${cell}`) &&
      ![...this.comments.values()].some((c) => c.sheet === sheet && c.cell === cell)
    );
  }

  /** The selection of `sheet`'s `box`, written as Excel writes addresses. */
  select(sheet: FakeSheetState, box: Box): void {
    this.activeSheetId = sheet.id;
    this.selection = `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
  }
}
