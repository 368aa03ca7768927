/**
 * A simulated Excel host for the headless-browser test of the task pane. Bundled for the browser and
 * loaded before taskpane.js, it defines `window.Office`, `window.Excel` (and a minimal
 * `OfficeExtension.Error`) implementing exactly the surface listed in addin/OFFICE_API.md, with the
 * batching semantics of office.js: proxies queue operations, `context.sync()` applies them in order
 * (one round trip, counted), a property is readable only after `load` + `sync` (else it throws
 * PropertyNotLoaded, like office.js), `isNullObject` only after a sync, a ClientResult's `value` only
 * after a sync, and APIs above the configured ExcelApi version fail with ApiNotFound.
 * Anything outside the list throws, so an adapter that uses more is caught here first.
 * `window.__fakeExcel` gives the test a way to load a sheet and read the document back.
 * Page query options: `?api=1.9` (highest ExcelApi version supported, default 1.18), `?lang=en-US`.
 */

export type Scalar = string | number | boolean;

/** A cell's fill as Excel reports it: colour plus pattern ("None" = no fill, whatever the colour). */
export interface FakeFill {
  color: string;
  pattern: string;
}

/** What `__fakeExcel.snapshot()` returns: the document state the test compares. */
/** Layout written to a sheet (for 新建填报表): merges, frozen panes, format and validation ranges. */
export interface FakeLayout {
  merges: string[];
  frozenRows: number;
  frozenColumns: number;
  formats: Array<{ range: string; props: Record<string, unknown> }>;
}

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

/** One Excel.run: start/end (performance.now ms), its syncs, time inside the simulated host, success. */
export interface FakeRun {
  start: number;
  end: number;
  syncs: number;
  hostMs: number;
  ok: boolean;
}

/** A saved document, as `__fakeExcel.save()` gives it and `reopen()` takes it. */
export interface SavedWorkbook {
  sheets: Array<{ id: string; name: string; cells: CellModel[]; props?: Array<[string, string]> }>;
  activeId: string;
  customXml: Array<{ id: string; ns: string; xml: string }>;
  comments: Annotation[];
  notes: Annotation[];
}

/** One delivered onChanged event, for the test's inspection. */
export interface FakeEventRecord {
  address: string;
  source: string;
  byAddin: boolean;
  details: boolean;
}

/** Options of `__fakeExcel.load`. */
export interface FakeLoadOptions {
  sheetName?: string;
  comments?: Record<string, string>;
  notes?: Record<string, string>;
}

interface FormatProps {
  columnWidth?: number;
  rowHeight?: number;
  horizontalAlignment?: string;
  wrapText?: boolean;
  bold?: boolean;
  size?: number;
  fontColor?: string;
  numberFormat?: string;
  validation?: Record<string, unknown>;
}

interface CellModel {
  row: number;
  col: number;
  value: Scalar;
  fill: FakeFill;
  numberFormat: string;
}

interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

interface SheetModel {
  id: string;
  name: string;
  cells: Map<string, CellModel>;
  formats: Array<{ rect: Rect; props: FormatProps }>;
  merges: Rect[];
  frozenRows: number;
  frozenCols: number;
  handlers: Array<(args: unknown) => unknown>;
  /** Worksheet custom properties (ExcelApi 1.12); kept by save and reopen. */
  props?: Map<string, string>;
}

interface RangeTarget extends Rect {
  sheet: SheetModel;
}

interface Annotation {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: 'None' };

/* ------------------------------------------------------------------ errors */

/** The error office.js raises (OfficeExtension.Error): a code, a message and debug info. */
class FakeOfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

function propertyNotLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function notSynced(what: string): FakeOfficeError {
  return new FakeOfficeError(
    'ValueNotLoaded',
    `${what}: the value is not available. Before reading it, call "context.sync()" on the associated request context.`,
  );
}

/** A fake-host limitation or an API outside OFFICE_API.md: fail loudly so it is noticed. */
function unsupported(what: string): FakeOfficeError {
  return new FakeOfficeError(
    'FakeHostUnsupported',
    `The simulated Excel host does not implement ${what} (not in addin/OFFICE_API.md).`,
  );
}

/* ------------------------------------------------------------------ addresses */

function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

function rectA1(rect: Rect): string {
  const first = cellA1(rect.r0, rect.c0);
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${cellA1(rect.r0 + rect.rows - 1, rect.c0 + rect.cols - 1)}`;
}

function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses a local A1 reference: "M7", "A1:B2", "$A$1", whole columns "A:C" and whole rows "3:5". */
function parseLocal(local: string): Rect {
  const part = (p: string): { row: number | null; col: number | null } => {
    const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(p.trim());
    if (!m || (m[1] === '' && m[2] === ''))
      throw new FakeOfficeError(
        'InvalidArgument',
        `The argument is invalid or missing: address "${local}"`,
      );
    return { col: m[1] ? lettersToColumn(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const [a, b] = local.split(':');
  const p = part(a ?? '');
  const q = b === undefined ? p : part(b);
  const r0 = p.row ?? 0;
  const r1 = q.row ?? MAX_ROWS - 1;
  const c0 = p.col ?? 0;
  const c1 = q.col ?? MAX_COLS - 1;
  return {
    r0: Math.min(r0, r1),
    c0: Math.min(c0, c1),
    rows: Math.abs(r1 - r0) + 1,
    cols: Math.abs(c1 - c0) + 1,
  };
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/* ------------------------------------------------------------------ the document */

const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);

/** The host's document and counters; everything the proxies act on at sync time. */
class HostState {
  excelApi = params.get('api') ?? '1.18';
  displayLanguage = params.get('lang') ?? 'zh-CN';
  sheets: SheetModel[] = [];
  activeId = '';
  selection: { sheetId: string; rect: Rect } | null = null;
  customXml: Array<{ id: string; ns: string; xml: string }> = [];
  comments: Annotation[] = [];
  notes: Annotation[] = [];
  enableEvents = true;
  syncCount = 0;
  runs: FakeRun[] = [];
  events: FakeEventRecord[] = [];
  errors: string[] = [];
  /** The RunOptions of each Excel.run(options, batch). */
  runOptions: Array<{ delayForCellEdit?: boolean; mergeUndoGroup?: boolean }> = [];
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  reset(): void {
    this.sheets = [];
    this.selection = null;
    this.customXml = [];
    this.comments = [];
    this.notes = [];
    this.enableEvents = true;
    this.syncCount = 0;
    this.runs = [];
    this.events = [];
    this.errors = [];
    this.activeId = this.addSheet('Sheet1').id;
  }

  addSheet(name: string): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named "${name}" already exists.`);
    }
    const sheet: SheetModel = {
      id: this.newId('{sheet-'),
      name,
      cells: new Map(),
      formats: [],
      merges: [],
      frozenRows: 0,
      frozenCols: 0,
      handlers: [],
    };
    sheet.id += '}';
    this.sheets.push(sheet);
    return sheet;
  }

  /** worksheets.getItem*(key): the key is a sheet's name (case-insensitive) or its id, as in Excel. */
  sheetByName(key: string): SheetModel | undefined {
    return (
      this.sheets.find((s) => s.id === key) ??
      this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase())
    );
  }

  active(): SheetModel {
    const sheet = this.sheets.find((s) => s.id === this.activeId);
    if (!sheet) throw new Error('fake host: no active sheet');
    return sheet;
  }

  requireApi(version: string, what: string): void {
    if (!versionAtLeast(this.excelApi, version)) {
      throw new FakeOfficeError(
        'ApiNotFound',
        `The API you are trying to use could not be found (${what} needs ExcelApi ${version}; this host has ${this.excelApi}).`,
      );
    }
  }

  cell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** The cell, created on first write. */
  cellForWrite(sheet: SheetModel, row: number, col: number): CellModel {
    let cell = sheet.cells.get(key(row, col));
    if (!cell) {
      cell = { row, col, value: '', fill: { ...NO_FILL }, numberFormat: 'General' };
      sheet.cells.set(key(row, col), cell);
    }
    return cell;
  }

  /** Resolves "Sheet!A1" or "A1" (active sheet) to one cell; used by comments and notes. */
  resolveCell(address: string | FakeRange): { sheet: SheetModel; row: number; col: number } {
    if (address instanceof FakeRange) {
      const t = address.target();
      return { sheet: t.sheet, row: t.r0, col: t.c0 };
    }
    const { sheet: name, local } = splitSheet(address);
    const sheet = name === null ? this.active() : this.sheetByName(name);
    if (!sheet)
      throw new FakeOfficeError(
        'ItemNotFound',
        `The requested resource doesn't exist: sheet "${name}".`,
      );
    const rect = parseLocal(local);
    if (rect.rows !== 1 || rect.cols !== 1)
      throw new FakeOfficeError(
        'InvalidArgument',
        `The argument is invalid: "${address}" is not a single cell.`,
      );
    return { sheet, row: rect.r0, col: rect.c0 };
  }

  /** Bounding box of the cells that hold a value (valuesOnly) or also a fill; null when empty. */
  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const cell of sheet.cells.values()) {
      const used =
        cell.value !== '' ||
        (!valuesOnly && (cell.fill.pattern !== 'None' || cell.numberFormat !== 'General'));
      if (!used) continue;
      r0 = Math.min(r0, cell.row);
      c0 = Math.min(c0, cell.col);
      r1 = Math.max(r1, cell.row);
      c1 = Math.max(c1, cell.col);
    }
    return r1 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

const host = new HostState();
host.reset();

/* ------------------------------------------------------------------ proxies */

type LoadSpec =
  string | string[] | { select?: string; expand?: string } | Record<string, unknown> | undefined;

/** Turns the argument of `load` into property paths ("values", "format/fill/color", "items/id"). */
function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s));
  if (typeof spec.select === 'string') return loadPaths(spec.select);
  // Object form: { values: true, format: { fill: { color: true } } }
  const out: string[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (v === true) out.push(prefix + k);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
    }
  };
  walk(spec, '');
  return out;
}

/** Base of every proxy: queued loads, loaded-property store, null-object state. */
abstract class FakeClientObject {
  readonly context: FakeRequestContext;
  protected loaded = new Map<string, unknown>();
  /** undefined until the sync that resolves an *OrNullObject proxy. */
  protected isNull: boolean | undefined = false;

  constructor(context: FakeRequestContext, nullable = false) {
    this.context = context;
    if (nullable) this.isNull = undefined;
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw notSynced('isNullObject');
    return this.isNull;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue(() => this.applyLoad(paths));
    return this;
  }

  /** Applied at sync: reads each requested property from the document into this proxy. */
  applyLoad(paths: string[]): void {
    for (const path of paths) {
      const slash = path.indexOf('/');
      if (slash >= 0) {
        this.child(path.slice(0, slash)).applyLoad([path.slice(slash + 1)]);
      } else {
        this.loaded.set(path, this.isNull ? null : this.read(path));
      }
    }
  }

  protected read(name: string): unknown {
    throw unsupported(`loading '${name}' on ${this.constructor.name}`);
  }

  protected child(name: string): FakeClientObject {
    throw unsupported(`loading a path through '${name}' on ${this.constructor.name}`);
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** A setter: kept locally (office.js does the same) and queued for the document. */
  protected setProp(name: string, value: unknown, apply: () => void): void {
    this.loaded.set(name, value);
    this.context.enqueue(apply);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** OfficeExtension.ClientResult: `value` readable after the sync that fills it. */
class FakeClientResult<T> {
  private filled = false;
  private result: T | undefined;
  set(value: T): void {
    this.result = value;
    this.filled = true;
  }
  get value(): T {
    if (!this.filled) throw notSynced('ClientResult.value');
    return this.result as T;
  }
}

/** Excel.RequestContext: the queue of operations and `sync()`. */
class FakeRequestContext {
  private queue: Array<() => void> = [];
  private pendingEvents: Array<{ sheet: SheetModel; rect: Rect; before: Scalar | undefined }> = [];
  closed = false;
  syncs = 0;
  /** Time spent applying queued operations (the simulated Excel's share of a run). */
  hostMs = 0;
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;

  constructor() {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(op: () => void): void {
    if (this.closed) {
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The object path is not valid: the proxy belongs to an Excel.run batch that has already finished.',
      );
    }
    this.queue.push(op);
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Records a values write so that onChanged fires after the sync (when events are on). */
  noteValuesWritten(sheet: SheetModel, rect: Rect, before: Scalar | undefined): void {
    this.pendingEvents.push({ sheet, rect, before });
  }

  async sync(): Promise<void> {
    if (this.closed)
      throw new FakeOfficeError('InvalidObjectPath', 'context.sync() after Excel.run finished.');
    host.syncCount++;
    this.syncs++;
    const ops = this.queue.splice(0);
    // A real round trip: the add-in's code after `await sync()` runs in a later task.
    await new Promise((r) => setTimeout(r, 0));
    try {
      const t0 = performance.now();
      try {
        for (const op of ops) op();
      } finally {
        this.hostMs += performance.now() - t0;
      }
    } finally {
      const events = this.pendingEvents.splice(0);
      for (const e of events) scheduleChanged(e.sheet, e.rect, true, e.before, undefined);
    }
  }
}

/** context.runtime: only `enableEvents` (1.8). */
class FakeRuntime extends FakeClientObject {
  get enableEvents(): boolean {
    return this.prop<boolean>('enableEvents');
  }
  set enableEvents(on: boolean) {
    this.setProp('enableEvents', on, () => {
      host.requireApi('1.8', 'runtime.enableEvents');
      host.enableEvents = on;
    });
  }
  protected override read(name: string): unknown {
    if (name === 'enableEvents') return host.enableEvents;
    return super.read(name);
  }
}

/** context.workbook */
class FakeWorkbook extends FakeClientObject {
  readonly worksheets: FakeWorksheets;
  readonly customXmlParts: FakeCustomXmlParts;
  readonly comments: FakeAnnotations;
  readonly notes: FakeAnnotations;
  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheets(context);
    this.customXmlParts = new FakeCustomXmlParts(context);
    this.comments = new FakeAnnotations(context, 'comments');
    this.notes = (
      npmOfficeJs ? undefined : new FakeAnnotations(context, 'notes')
    ) as FakeAnnotations;
  }
}

/** workbook.worksheets */
class FakeWorksheets extends FakeClientObject {
  private itemProxies: FakeWorksheet[] | undefined;
  /** `worksheets.load('items/name,items/id')` (1.1): every sheet, in tab order. */
  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }
  override applyLoad(paths: string[]): void {
    const itemPaths = paths
      .filter((p) => p === 'items' || p.startsWith('items/'))
      .map((p) => (p === 'items' ? 'name' : p.slice('items/'.length)));
    if (itemPaths.length !== paths.length) throw unsupported('loading worksheets other than items');
    this.itemProxies = host.sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.context, () => sheet, false, true);
      proxy.applyLoad(itemPaths);
      return proxy;
    });
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => host.active(), false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => host.sheetByName(name) ?? null, true);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => host.sheetByName(name) ?? null, false);
  }
  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => host.addSheet(name ?? `Sheet${host.sheets.length + 1}`),
      false,
    );
  }
}

/** worksheet.customProperties (keys case-insensitive). */
class FakeCustomProperties extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  private props(): Map<string, string> {
    const model = this.sheet.model();
    model.props ??= new Map();
    return model.props;
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, () => {
      host.requireApi('1.12', 'worksheet.customProperties');
      const found = [...this.props()].find(([k]) => k.toLowerCase() === key.toLowerCase());
      return found ? found[1] : null;
    });
  }
  add(key: string, value: string): void {
    this.context.enqueue(() => {
      host.requireApi('1.12', 'worksheet.customProperties');
      const props = this.props();
      for (const k of [...props.keys()]) if (k.toLowerCase() === key.toLowerCase()) props.delete(k);
      props.set(key, value);
    });
  }
}

class FakeCustomProperty extends FakeClientObject {
  private current: string | null = null;
  constructor(context: FakeRequestContext, locate: () => string | null) {
    super(context, true);
    context.enqueue(() => {
      this.current = locate();
      this.isNull = this.current === null;
    });
  }
  get value(): string {
    return this.prop<string>('value');
  }
  protected override read(name: string): unknown {
    if (name === 'value') return this.current;
    return super.read(name);
  }
}

/** worksheet.autoFilter: enabled / isDataFiltered false, no range. */
class FakeAutoFilter extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  get enabled(): boolean {
    return this.prop<boolean>('enabled');
  }
  get isDataFiltered(): boolean {
    return this.prop<boolean>('isDataFiltered');
  }
  protected override read(name: string): unknown {
    if (name === 'enabled' || name === 'isDataFiltered') return false;
    return super.read(name);
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        this.sheet.model();
        return null;
      },
      true,
    );
  }
}

/** A worksheet proxy; its sheet is resolved in order with the other queued operations. */
class FakeWorksheet extends FakeClientObject {
  private sheetModel: SheetModel | null | undefined;
  readonly freezePanes: FakeFreezePanes;
  readonly onChanged: FakeEvent;

  constructor(
    context: FakeRequestContext,
    locate: () => SheetModel | null,
    nullable: boolean,
    /** An item of a collection being loaded right now (inside a sync): resolved at once. */
    resolvedNow = false,
  ) {
    super(context, nullable);
    if (resolvedNow) this.sheetModel = locate();
    else
      context.enqueue(() => {
        this.sheetModel = locate();
        if (nullable) this.isNull = this.sheetModel === null;
        else if (this.sheetModel === null)
          throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.");
      });
    this.freezePanes = new FakeFreezePanes(context, this);
    this.onChanged = new FakeEvent(context, this);
  }

  /** The sheet, at sync time; a null object cannot be acted on. */
  model(): SheetModel {
    if (!this.sheetModel)
      throw new FakeOfficeError(
        'ItemNotFound',
        "The requested resource doesn't exist (null worksheet).",
      );
    return this.sheetModel;
  }

  get name(): string {
    return this.prop<string>('name');
  }
  get id(): string {
    return this.prop<string>('id');
  }
  protected override read(name: string): unknown {
    if (name === 'name') return this.model().name;
    if (name === 'id') return this.model().id;
    return super.read(name);
  }

  activate(): void {
    this.context.enqueue(() => {
      host.activeId = this.model().id;
    });
  }

  /** Like getUsedRangeOrNullObject, but A1 on a blank sheet (Worksheet.getUsedRange docs). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.model();
        const rect = host.usedRect(sheet, valuesOnly === true) ?? {
          r0: 1,
          c0: 1,
          rows: 1,
          cols: 1,
        };
        return { sheet, ...rect };
      },
      false,
    );
  }

  /** worksheet.customProperties (1.12): getItemOrNullObject(key) + load('value'), add(key, value). */
  get customProperties(): FakeCustomProperties {
    return new FakeCustomProperties(this.context, this);
  }

  private filterProxy: FakeAutoFilter | undefined;
  /** worksheet.autoFilter (1.9): never filtering in this host. */
  get autoFilter(): FakeAutoFilter {
    this.filterProxy ??= new FakeAutoFilter(this.context, this);
    return this.filterProxy;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.model();
        const rect = host.usedRect(sheet, valuesOnly === true);
        return rect ? { sheet, ...rect } : null;
      },
      true,
    );
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) throw unsupported('worksheet.getRange() without an address');
    return new FakeRange(
      this.context,
      () => {
        const { sheet: name, local } = splitSheet(address);
        if (name !== null && name.toLowerCase() !== this.model().name.toLowerCase()) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `The address "${address}" names another sheet.`,
          );
        }
        return { sheet: this.model(), ...parseLocal(local) };
      },
      false,
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}): invalid argument.`,
          );
        }
        return {
          sheet: this.model(),
          r0: startRow,
          c0: startColumn,
          rows: rowCount,
          cols: columnCount,
        };
      },
      false,
    );
  }
}

/** sheet.freezePanes (1.7) */
class FakeFreezePanes extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  freezeRows(count?: number): void {
    this.context.enqueue(() => {
      const s = this.sheet.model();
      s.frozenRows = count ?? 1;
      s.frozenCols = 0;
    });
  }
  freezeAt(range: FakeRange | string): void {
    this.context.enqueue(() => {
      const s = this.sheet.model();
      const rect = typeof range === 'string' ? parseLocal(splitSheet(range).local) : range.target();
      s.frozenRows = rect.r0 + rect.rows;
      s.frozenCols = rect.c0 + rect.cols;
    });
  }
}

/** sheet.onChanged: handlers registered at sync, `remove()` queued like office.js. */
class FakeEvent {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {}
  add(handler: (args: unknown) => unknown): { context: FakeRequestContext; remove: () => void } {
    const context = this.context;
    context.enqueue(() => {
      host.requireApi('1.7', 'worksheet.onChanged');
      this.sheet.model().handlers.push(handler);
    });
    const sheet = this.sheet;
    return {
      context,
      remove: () => {
        context.enqueue(() => {
          const list = sheet.model().handlers;
          const i = list.indexOf(handler);
          if (i >= 0) list.splice(i, 1);
        });
      },
    };
  }
}

/** Delivers onChanged to the sheet's handlers later (events are asynchronous in Excel too). */
function scheduleChanged(
  sheet: SheetModel,
  rect: Rect,
  byAddin: boolean,
  before: Scalar | undefined,
  after: Scalar | undefined,
): void {
  if ((!byAddin && !host.enableEvents) || sheet.handlers.length === 0) return;
  const single = rect.rows === 1 && rect.cols === 1;
  const address = rectA1(rect);
  const valueAfter = after ?? host.cell(sheet, rect.r0, rect.c0)?.value ?? '';
  const args: Record<string, unknown> = {
    type: 'WorksheetChanged',
    worksheetId: sheet.id,
    address,
    changeType: 'RangeEdited',
    source: 'Local',
  };
  if (single && versionAtLeast(host.excelApi, '1.9')) {
    args.details = {
      valueBefore: before ?? '',
      valueAfter,
      valueTypeBefore: typeName(before ?? ''),
      valueTypeAfter: typeName(valueAfter),
    };
  }
  if (versionAtLeast(host.excelApi, '1.14'))
    args.triggerSource = byAddin ? 'ThisLocalAddin' : 'Unknown';
  host.events.push({ address, source: 'Local', byAddin, details: 'details' in args });
  for (const handler of [...sheet.handlers]) {
    setTimeout(() => {
      Promise.resolve()
        .then(() => handler(args))
        .catch((err: unknown) =>
          host.errors.push(
            `onChanged handler: ${err instanceof Error ? err.message : String(err)}`,
          ),
        );
    }, 0);
  }
}

function typeName(value: Scalar): string {
  if (value === '') return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

/** A range proxy. */
class FakeRange extends FakeClientObject {
  private resolved: RangeTarget | null | undefined;
  private formatProxy: FakeRangeFormat | undefined;
  private validationProxy: FakeDataValidation | undefined;

  constructor(context: FakeRequestContext, locate: () => RangeTarget | null, nullable: boolean) {
    super(context, nullable);
    context.enqueue(() => {
      this.resolved = locate();
      if (nullable) this.isNull = this.resolved === null;
      else if (this.resolved === null)
        throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.");
    });
  }

  /** The range, at sync time; a null object cannot be acted on. */
  target(): RangeTarget {
    if (!this.resolved)
      throw new FakeOfficeError(
        'ItemNotFound',
        "The requested resource doesn't exist (null range).",
      );
    return this.resolved;
  }

  /** The formulas as typed (read-only here: the adapters never write through `formulas`). */
  get formulas(): Scalar[][] {
    return this.prop<Scalar[][]>('formulas');
  }
  get values(): Scalar[][] {
    return this.prop<Scalar[][]>('values');
  }
  set values(values: Scalar[][]) {
    this.setProp('values', values, () => {
      const t = this.target();
      const grid = this.shaped(values, 'values');
      const before = host.cell(t.sheet, t.r0, t.c0)?.value;
      for (let r = 0; r < t.rows; r++) {
        for (let c = 0; c < t.cols; c++) {
          const v = grid(r, c);
          if (v === null || v === undefined) continue; // null leaves the cell as it is, like office.js
          const cell = host.cellForWrite(t.sheet, t.r0 + r, t.c0 + c);
          cell.value = coerceTyped(v, cell.numberFormat);
        }
      }
      // Excel raises the event at write time: with events off then, none is delivered.
      if (host.enableEvents) this.context.noteValuesWritten(t.sheet, t, before);
    });
  }

  get numberFormat(): string[][] {
    return this.prop<string[][]>('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.setProp('numberFormat', formats, () => {
      const t = this.target();
      const grid = this.shaped(formats, 'numberFormat');
      this.guardSize(t, 'numberFormat');
      for (let r = 0; r < t.rows; r++) {
        for (let c = 0; c < t.cols; c++) {
          const v = grid(r, c);
          if (typeof v === 'string')
            host.cellForWrite(t.sheet, t.r0 + r, t.c0 + c).numberFormat = v;
        }
      }
    });
  }

  get address(): string {
    return this.prop<string>('address');
  }
  get rowIndex(): number {
    return this.prop<number>('rowIndex');
  }
  get columnIndex(): number {
    return this.prop<number>('columnIndex');
  }
  get rowCount(): number {
    return this.prop<number>('rowCount');
  }
  get columnCount(): number {
    return this.prop<number>('columnCount');
  }

  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(this.context, this);
    return this.formatProxy;
  }

  get dataValidation(): FakeDataValidation {
    this.validationProxy ??= new FakeDataValidation(this.context, this);
    return this.validationProxy;
  }

  protected override child(name: string): FakeClientObject {
    if (name === 'format') return this.format;
    return super.child(name);
  }

  protected override read(name: string): unknown {
    const t = this.target();
    switch (name) {
      case 'values': {
        this.guardSize(t, 'values');
        return Array.from({ length: t.rows }, (_, r) =>
          Array.from({ length: t.cols }, (_, c) =>
            computed(t.sheet, host.cell(t.sheet, t.r0 + r, t.c0 + c)?.value ?? ''),
          ),
        );
      }
      case 'formulas': {
        // The stored value: a formula as typed ("=SUM(L5:L12)"), any other value as is.
        this.guardSize(t, 'formulas');
        return Array.from({ length: t.rows }, (_, r) =>
          Array.from(
            { length: t.cols },
            (_, c) => host.cell(t.sheet, t.r0 + r, t.c0 + c)?.value ?? '',
          ),
        );
      }
      case 'numberFormat':
        this.guardSize(t, 'numberFormat');
        return Array.from({ length: t.rows }, (_, r) =>
          Array.from(
            { length: t.cols },
            (_, c) => host.cell(t.sheet, t.r0 + r, t.c0 + c)?.numberFormat ?? 'General',
          ),
        );
      case 'address':
        return `${quoteSheet(t.sheet.name)}!${rectA1(t)}`;
      case 'rowIndex':
        return t.r0;
      case 'columnIndex':
        return t.c0;
      case 'rowCount':
        return t.rows;
      case 'columnCount':
        return t.cols;
      default:
        return super.read(name);
    }
  }

  /** A 2-D argument must match the range's shape; a single value fills it (office.js rules). */
  private shaped<T>(values: T[][] | T, what: string): (r: number, c: number) => T | undefined {
    const t = this.target();
    if (!Array.isArray(values)) return () => values;
    if (
      values.length !== t.rows ||
      values.some((row) => !Array.isArray(row) || row.length !== t.cols)
    ) {
      throw new FakeOfficeError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} for ${rectA1(t)}: ${t.rows}×${t.cols}).`,
      );
    }
    return (r, c) => values[r]?.[c];
  }

  private guardSize(t: Rect, what: string): void {
    if (t.rows * t.cols > 5_000_000)
      throw unsupported(`${what} on ${rectA1(t)} (too many cells for the simulated host)`);
  }

  /** getRowProperties({ rowHidden: true }) (1.9); rows are never hidden in this host. */
  getRowProperties(_o: { rowHidden?: boolean }): FakeClientResult<Array<Record<string, unknown>>> {
    const result = new FakeClientResult<Array<Record<string, unknown>>>();
    this.context.enqueue(() => {
      host.requireApi('1.9', 'range.getRowProperties');
      const t = this.target();
      result.set(
        Array.from({ length: t.rows }, (_, i) => ({ rowIndex: t.r0 - 1 + i, rowHidden: false })),
      );
    });
    return result;
  }

  /** getColumnProperties({ columnHidden: true }) (1.9). */
  getColumnProperties(_o: {
    columnHidden?: boolean;
  }): FakeClientResult<Array<Record<string, unknown>>> {
    const result = new FakeClientResult<Array<Record<string, unknown>>>();
    this.context.enqueue(() => {
      host.requireApi('1.9', 'range.getColumnProperties');
      const t = this.target();
      result.set(
        Array.from({ length: t.cols }, (_, i) => ({
          columnIndex: t.c0 - 1 + i,
          columnHidden: false,
        })),
      );
    });
    return result;
  }

  getCellProperties(
    options: Record<string, unknown>,
  ): FakeClientResult<Array<Array<Record<string, unknown>>>> {
    const result = new FakeClientResult<Array<Array<Record<string, unknown>>>>();
    const paths = loadPaths(options);
    for (const p of paths) {
      if (!['format/fill/color', 'format/fill/pattern', 'address'].includes(p))
        throw unsupported(`getCellProperties('${p}')`);
    }
    this.context.enqueue(() => {
      host.requireApi('1.9', 'range.getCellProperties');
      const t = this.target();
      this.guardSize(t, 'getCellProperties');
      const rows: Array<Array<Record<string, unknown>>> = [];
      for (let r = 0; r < t.rows; r++) {
        const row: Array<Record<string, unknown>> = [];
        for (let c = 0; c < t.cols; c++) {
          const cell = host.cell(t.sheet, t.r0 + r, t.c0 + c);
          const fill = cell?.fill ?? NO_FILL;
          const props: Record<string, unknown> = {};
          const fillOut: Record<string, unknown> = {};
          if (paths.includes('format/fill/color')) fillOut.color = fill.color;
          if (paths.includes('format/fill/pattern')) fillOut.pattern = fill.pattern;
          if (Object.keys(fillOut).length > 0) props.format = { fill: fillOut };
          if (paths.includes('address'))
            props.address = `${quoteSheet(t.sheet.name)}!${cellA1(t.r0 + r, t.c0 + c)}`;
          row.push(props);
        }
        rows.push(row);
      }
      result.set(rows);
    });
    return result;
  }

  setCellProperties(
    cellProperties: Array<Array<{ format?: { fill?: { color?: string; pattern?: string } } }>>,
  ): void {
    this.context.enqueue(() => {
      host.requireApi('1.9', 'range.setCellProperties');
      const grid = this.shaped(cellProperties, 'setCellProperties');
      const t = this.target();
      for (let r = 0; r < t.rows; r++) {
        for (let c = 0; c < t.cols; c++) {
          const props = grid(r, c);
          if (!props) continue;
          for (const k of Object.keys(props))
            if (k !== 'format') throw unsupported(`setCellProperties '${k}'`);
          const fmt = props.format ?? {};
          for (const k of Object.keys(fmt))
            if (k !== 'fill') throw unsupported(`setCellProperties format.${k}`);
          const fill = fmt.fill;
          if (!fill) continue;
          for (const k of Object.keys(fill))
            if (k !== 'color' && k !== 'pattern')
              throw unsupported(`setCellProperties format.fill.${k}`);
          applyFill(host.cellForWrite(t.sheet, t.r0 + r, t.c0 + c), fill);
        }
      }
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const t = this.target();
      host.activeId = t.sheet.id;
      host.selection = {
        sheetId: t.sheet.id,
        rect: { r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols },
      };
    });
  }

  merge(across?: boolean): void {
    this.context.enqueue(() => {
      if (across) throw unsupported('range.merge(true)');
      const t = this.target();
      t.sheet.merges.push({ r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols });
    });
  }

  /** Applies a format property to the range (kept per rectangle; the fill is kept per cell). */
  setFormat(props: FormatProps): void {
    const t = this.target();
    t.sheet.formats.push({ rect: { r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols }, props });
  }

  /** The last value a format property was given over this range's first cell (Excel default otherwise). */
  readFormat<K extends keyof FormatProps>(name: K, fallback: FormatProps[K]): FormatProps[K] {
    const t = this.target();
    let value = fallback;
    for (const f of t.sheet.formats) {
      const inside =
        t.r0 >= f.rect.r0 &&
        t.r0 < f.rect.r0 + f.rect.rows &&
        t.c0 >= f.rect.c0 &&
        t.c0 < f.rect.c0 + f.rect.cols;
      if (inside && f.props[name] !== undefined) value = f.props[name];
    }
    return value;
  }
}

/**
 * What `values` reads for a stored value: a formula's result. Only `=SUM(A1:B2)` is computed (the
 * template's 合计 row); any other formula reads as #NAME? so that an unexpected one shows up.
 */
function computed(sheet: SheetModel, value: Scalar): Scalar {
  if (typeof value !== 'string' || !value.startsWith('=')) return value;
  const m = /^=SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/i.exec(value.trim());
  if (!m) return '#NAME?';
  const rect = parseLocal(m[1] ?? '');
  let sum = 0;
  for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
    for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
      const v = host.cell(sheet, r, c)?.value;
      if (typeof v === 'number') sum += v;
    }
  }
  return sum;
}

/**
 * What Excel stores when an add-in writes a value: like typing it, a plain ASCII number string
 * becomes a number unless the cell is formatted as text ("@").
 */
function coerceTyped(value: Scalar, numberFormat: string): Scalar {
  if (typeof value !== 'string' || numberFormat === '@') return value;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim()) ? Number(value) : value;
}

/** Sets a cell's fill the way Excel does: a colour makes a solid fill; pattern "None" removes it. */
function applyFill(cell: CellModel, fill: { color?: string; pattern?: string }): void {
  if (fill.color !== undefined) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(fill.color))
      throw new FakeOfficeError(
        'InvalidArgument',
        `The argument is invalid: fill colour "${fill.color}".`,
      );
    cell.fill.color = fill.color.toUpperCase();
    if (cell.fill.pattern === 'None') cell.fill.pattern = 'Solid';
  }
  if (fill.pattern !== undefined) {
    cell.fill.pattern = fill.pattern;
    if (fill.pattern === 'None') cell.fill.color = '#FFFFFF';
  }
}

/** range.format */
class FakeRangeFormat extends FakeClientObject {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
    this.fill = new FakeRangeFill(context, range);
    this.font = new FakeRangeFont(context, range);
  }
  get columnWidth(): number {
    return this.prop<number>('columnWidth');
  }
  set columnWidth(width: number) {
    this.setProp('columnWidth', width, () => this.range.setFormat({ columnWidth: width }));
  }
  get rowHeight(): number {
    return this.prop<number>('rowHeight');
  }
  set rowHeight(height: number) {
    this.setProp('rowHeight', height, () => this.range.setFormat({ rowHeight: height }));
  }
  get horizontalAlignment(): string {
    return this.prop<string>('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.setProp('horizontalAlignment', value, () =>
      this.range.setFormat({ horizontalAlignment: value }),
    );
  }
  get wrapText(): boolean {
    return this.prop<boolean>('wrapText');
  }
  set wrapText(value: boolean) {
    this.setProp('wrapText', value, () => this.range.setFormat({ wrapText: value }));
  }
  protected override child(name: string): FakeClientObject {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return super.child(name);
  }
  protected override read(name: string): unknown {
    if (name === 'columnWidth') return this.range.readFormat('columnWidth', 48);
    if (name === 'rowHeight') return this.range.readFormat('rowHeight', 15);
    if (name === 'horizontalAlignment')
      return this.range.readFormat('horizontalAlignment', 'General');
    if (name === 'wrapText') return this.range.readFormat('wrapText', false);
    return super.read(name);
  }
}

/** range.format.fill: color, pattern (1.9), clear(). */
class FakeRangeFill extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  private each(fn: (cell: CellModel) => void): void {
    const t = this.range.target();
    if (t.rows * t.cols > 200_000)
      throw unsupported(`a fill on ${rectA1(t)} (too many cells for the simulated host)`);
    for (let r = 0; r < t.rows; r++)
      for (let c = 0; c < t.cols; c++) fn(host.cellForWrite(t.sheet, t.r0 + r, t.c0 + c));
  }
  get color(): string {
    return this.prop<string>('color');
  }
  set color(color: string) {
    this.setProp('color', color, () => this.each((cell) => applyFill(cell, { color })));
  }
  get pattern(): string {
    return this.prop<string>('pattern');
  }
  set pattern(pattern: string) {
    this.setProp('pattern', pattern, () => {
      host.requireApi('1.9', 'range.format.fill.pattern');
      this.each((cell) => applyFill(cell, { pattern }));
    });
  }
  clear(): void {
    this.context.enqueue(() => this.each((cell) => (cell.fill = { ...NO_FILL })));
  }
  protected override read(name: string): unknown {
    if (name !== 'color' && name !== 'pattern') return super.read(name);
    const t = this.range.target();
    let value: string | null | undefined;
    for (let r = 0; r < t.rows; r++) {
      for (let c = 0; c < t.cols; c++) {
        const fill = host.cell(t.sheet, t.r0 + r, t.c0 + c)?.fill ?? NO_FILL;
        const v = name === 'color' ? fill.color : fill.pattern;
        if (value === undefined) value = v;
        else if (value !== v) return null; // not uniform, as Excel reports it
      }
    }
    return value ?? null;
  }
}

/** range.format.font: bold, size, color (kept per rectangle). */
class FakeRangeFont extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  get bold(): boolean {
    return this.prop<boolean>('bold');
  }
  set bold(value: boolean) {
    this.setProp('bold', value, () => this.range.setFormat({ bold: value }));
  }
  get size(): number {
    return this.prop<number>('size');
  }
  set size(value: number) {
    this.setProp('size', value, () => this.range.setFormat({ size: value }));
  }
  get color(): string {
    return this.prop<string>('color');
  }
  set color(value: string) {
    this.setProp('color', value, () => this.range.setFormat({ fontColor: value }));
  }
  protected override read(name: string): unknown {
    if (name === 'bold') return this.range.readFormat('bold', false);
    if (name === 'size') return this.range.readFormat('size', 11);
    if (name === 'color') return this.range.readFormat('fontColor', '#000000');
    return super.read(name);
  }
}

/** range.dataValidation (1.8): clear(), rule, prompt, errorAlert (write-only here). */
class FakeDataValidation extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  private setPart(part: string, value: unknown): void {
    this.setProp(part, value, () => {
      host.requireApi('1.8', 'range.dataValidation');
      const current = this.range.readFormat('validation', {}) ?? {};
      this.range.setFormat({ validation: { ...current, [part]: value } });
    });
  }
  clear(): void {
    this.context.enqueue(() => {
      host.requireApi('1.8', 'range.dataValidation');
      this.range.setFormat({ validation: {} });
    });
  }
  get rule(): unknown {
    return this.prop('rule');
  }
  set rule(rule: unknown) {
    const keys = Object.keys(rule ?? {});
    if (
      keys.length !== 1 ||
      !['list', 'wholeNumber', 'decimal', 'textLength'].includes(keys[0] ?? '')
    )
      throw unsupported(`dataValidation.rule ${JSON.stringify(rule)}`);
    this.setPart('rule', rule);
  }
  get prompt(): unknown {
    return this.prop('prompt');
  }
  set prompt(prompt: unknown) {
    this.setPart('prompt', prompt);
  }
  get errorAlert(): unknown {
    return this.prop('errorAlert');
  }
  set errorAlert(alert: unknown) {
    this.setPart('errorAlert', alert);
  }
}

/** workbook.customXmlParts (1.5). */
class FakeCustomXmlParts extends FakeClientObject {
  getByNamespace(ns: string): FakeCustomXmlScoped {
    return new FakeCustomXmlScoped(this.context, ns);
  }
  add(xml: string): FakeCustomXmlPart {
    let id = '';
    this.context.enqueue(() => {
      host.requireApi('1.5', 'customXmlParts.add');
      id = host.newId('{xml-') + '}';
      host.customXml.push({ id, ns: rootNamespace(xml), xml });
    });
    return new FakeCustomXmlPart(
      this.context,
      () => host.customXml.find((p) => p.id === id) ?? null,
      false,
    );
  }
}

/** The namespace of an XML document's root element; malformed XML is rejected like Excel does. */
function rootNamespace(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0 || !doc.documentElement) {
    throw new FakeOfficeError(
      'InvalidArgument',
      'The argument is invalid: the custom XML part is not well-formed XML.',
    );
  }
  return doc.documentElement.namespaceURI ?? '';
}

/** customXmlParts.getByNamespace(ns) */
class FakeCustomXmlScoped extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly ns: string,
  ) {
    super(context);
  }
  private itemProxies: FakeCustomXmlPart[] | undefined;
  /** `load('items/id')`: every part of the namespace. */
  get items(): FakeCustomXmlPart[] {
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }
  override applyLoad(paths: string[]): void {
    if (!paths.every((p) => p === 'items' || p.startsWith('items/')))
      throw unsupported('loading custom XML parts other than items');
    this.itemProxies = host.customXml
      .filter((p) => p.ns === this.ns)
      .map((part) => {
        const proxy = new FakeCustomXmlPart(this.context, () => part, false, part);
        proxy.applyLoad(['id']);
        return proxy;
      });
  }
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => {
        const parts = host.customXml.filter((p) => p.ns === this.ns);
        return parts.length === 1 ? (parts[0] ?? null) : null;
      },
      true,
    );
  }
}

/** A custom XML part: getXml(), setXml(), delete(); id and namespaceUri loadable. */
class FakeCustomXmlPart extends FakeClientObject {
  private part: { id: string; ns: string; xml: string } | null | undefined;
  constructor(
    context: FakeRequestContext,
    locate: () => { id: string; ns: string; xml: string } | null,
    nullable: boolean,
    /** An item of a collection being loaded right now (inside a sync): resolved at once. */
    now?: { id: string; ns: string; xml: string },
  ) {
    super(context, nullable);
    if (now) {
      this.part = now;
      return;
    }
    context.enqueue(() => {
      this.part = locate();
      if (nullable) this.isNull = this.part === null;
      else if (this.part === null)
        throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.");
    });
  }
  private model(): { id: string; ns: string; xml: string } {
    if (!this.part)
      throw new FakeOfficeError(
        'ItemNotFound',
        "The requested resource doesn't exist (null custom XML part).",
      );
    return this.part;
  }
  get id(): string {
    return this.prop<string>('id');
  }
  get namespaceUri(): string {
    return this.prop<string>('namespaceUri');
  }
  protected override read(name: string): unknown {
    if (name === 'id') return this.model().id;
    if (name === 'namespaceUri') return this.model().ns;
    return super.read(name);
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => result.set(this.model().xml));
    return result;
  }
  setXml(xml: string): void {
    this.context.enqueue(() => {
      const part = this.model();
      part.ns = rootNamespace(xml);
      part.xml = xml;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const part = this.model();
      host.customXml = host.customXml.filter((p) => p !== part);
    });
  }
}

/** workbook.comments (1.10) and workbook.notes (1.18): one annotation per cell. */
class FakeAnnotations extends FakeClientObject {
  private itemProxies: FakeAnnotation[] | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly kind: 'comments' | 'notes',
  ) {
    super(context);
  }
  private need(): void {
    host.requireApi(this.kind === 'comments' ? '1.10' : '1.18', `workbook.${this.kind}`);
  }
  private list(): Annotation[] {
    return this.kind === 'comments' ? host.comments : host.notes;
  }
  get items(): FakeAnnotation[] {
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }
  override applyLoad(paths: string[]): void {
    this.need();
    const itemPaths = paths
      .filter((p) => p === 'items' || p.startsWith('items/'))
      .map((p) => (p === 'items' ? 'id' : p.slice('items/'.length)));
    const others = paths.filter((p) => p !== 'items' && !p.startsWith('items/'));
    if (others.length > 0)
      throw unsupported(`loading ${others.join(', ')} on workbook.${this.kind}`);
    this.itemProxies = this.list().map((a) => {
      const proxy = new FakeAnnotation(this.context, this.kind, () => a, false, true);
      proxy.applyLoad(itemPaths);
      return proxy;
    });
  }
  add(cellAddress: string | FakeRange, content: string): FakeAnnotation {
    let created: Annotation | null = null;
    this.context.enqueue(() => {
      this.need();
      if (typeof content !== 'string') throw unsupported(`${this.kind}.add with rich content`);
      const { sheet, row, col } = host.resolveCell(cellAddress);
      if (this.list().some((a) => a.sheetId === sheet.id && a.row === row && a.col === col)) {
        throw new FakeOfficeError(
          'InvalidOperation',
          `The cell ${cellA1(row, col)} already has a ${this.kind === 'comments' ? 'comment' : 'note'}.`,
        );
      }
      created = {
        id: host.newId(this.kind === 'comments' ? 'comment-' : 'note-'),
        sheetId: sheet.id,
        row,
        col,
        content,
      };
      this.list().push(created);
    });
    return new FakeAnnotation(this.context, this.kind, () => created, false);
  }
  getItemByCell(cellAddress: string | FakeRange): FakeAnnotation {
    if (this.kind !== 'comments') throw unsupported('notes.getItemByCell');
    return new FakeAnnotation(this.context, this.kind, () => this.byCell(cellAddress), false);
  }
  /** comments: by comment id (as office.js); notes: by cell address (as office.js). */
  getItemOrNullObject(keyOrId: string): FakeAnnotation {
    return new FakeAnnotation(
      this.context,
      this.kind,
      () =>
        this.kind === 'comments'
          ? (host.comments.find((a) => a.id === keyOrId) ?? null)
          : this.byCell(keyOrId),
      true,
    );
  }
  private byCell(cellAddress: string | FakeRange): Annotation | null {
    this.need();
    const { sheet, row, col } = host.resolveCell(cellAddress);
    return (
      this.list().find((a) => a.sheetId === sheet.id && a.row === row && a.col === col) ?? null
    );
  }
}

/** One comment or note: id, content; delete(). */
class FakeAnnotation extends FakeClientObject {
  private annotation: Annotation | null | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly kind: 'comments' | 'notes',
    locate: () => Annotation | null,
    nullable: boolean,
    immediate = false,
  ) {
    super(context, nullable);
    const resolve = (): void => {
      this.annotation = locate();
      if (nullable) this.isNull = this.annotation === null;
      else if (this.annotation === null)
        throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.");
    };
    if (immediate) resolve();
    else context.enqueue(resolve);
  }
  private model(): Annotation {
    if (!this.annotation)
      throw new FakeOfficeError(
        'ItemNotFound',
        `The requested resource doesn't exist (null ${this.kind === 'comments' ? 'comment' : 'note'}).`,
      );
    return this.annotation;
  }
  get id(): string {
    return this.prop<string>('id');
  }
  get content(): string {
    return this.prop<string>('content');
  }
  protected override read(name: string): unknown {
    if (name === 'id') return this.model().id;
    if (name === 'content') return this.model().content;
    return super.read(name);
  }
  /** comment.getLocation() (1.10): the comment's cell. */
  getLocation(): FakeRange {
    if (this.kind !== 'comments') throw unsupported('note.getLocation');
    return new FakeRange(
      this.context,
      () => {
        const a = this.model();
        const sheet = host.sheets.find((s) => s.id === a.sheetId);
        if (!sheet)
          throw new FakeOfficeError(
            'ItemNotFound',
            "The requested resource doesn't exist (comment's sheet).",
          );
        return { sheet, r0: a.row, c0: a.col, rows: 1, cols: 1 };
      },
      false,
    );
  }
  delete(): void {
    this.context.enqueue(() => {
      const a = this.model();
      if (this.kind === 'comments') host.comments = host.comments.filter((x) => x !== a);
      else host.notes = host.notes.filter((x) => x !== a);
    });
  }
}

/* ------------------------------------------------------------------ Office and Excel globals */

/**
 * Excel.run: one context per batch, a final sync for anything still queued, proxies dead
 * afterwards. `Excel.run(options, batch)` takes RunOptions (delayForCellEdit, mergeUndoGroup);
 * a RequestContext object as first argument is not supported.
 */
async function run<T>(
  first:
    | ((context: FakeRequestContext) => Promise<T>)
    | { delayForCellEdit?: boolean; mergeUndoGroup?: boolean },
  second?: (context: FakeRequestContext) => Promise<T>,
): Promise<T> {
  const batch = typeof first === 'function' ? first : second;
  if (typeof batch !== 'function' || (typeof first === 'object' && 'sync' in first))
    throw unsupported('Excel.run with a request context object');
  if (typeof first === 'object') host.runOptions.push({ ...first });
  const context = new FakeRequestContext();
  const start = performance.now();
  let ok = false;
  try {
    const result = await batch(context);
    if (context.hasPending) await context.sync();
    ok = true;
    return result;
  } finally {
    context.closed = true;
    host.runs.push({
      start,
      end: performance.now(),
      syncs: context.syncs,
      hostMs: context.hostMs,
      ok,
    });
  }
}

/**
 * `?officeJs=npm`: the classes of the npm @microsoft/office-js (self-hosted) — a Workbook without
 * `notes` although the host reports ExcelApi 1.18 (issue 8 item 2). Otherwise no classes are
 * exported, and the pane trusts the requirement sets.
 */
const npmOfficeJs = params.get('officeJs') === 'npm';
class NpmWorkbook {}
Object.defineProperty(NpmWorkbook.prototype, 'comments', { get: () => undefined });

const fakeExcel = {
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
  HostType: {
    Excel: 'Excel',
    Word: 'Word',
    PowerPoint: 'PowerPoint',
    Outlook: 'Outlook',
    OneNote: 'OneNote',
    Project: 'Project',
    Access: 'Access',
  },
  PlatformType: {
    PC: 'PC',
    OfficeOnline: 'OfficeOnline',
    Mac: 'Mac',
    iOS: 'iOS',
    Android: 'Android',
    Universal: 'Universal',
  },
  context: {
    get displayLanguage(): string {
      return host.displayLanguage;
    },
    requirements: {
      isSetSupported(name: string, version?: string): boolean {
        if (name !== 'ExcelApi') return false;
        return versionAtLeast(host.excelApi, version ?? '1.1');
      },
    },
  },
  onReady(
    callback?: (info: { host: string; platform: string }) => unknown,
  ): Promise<{ host: string; platform: string }> {
    const info = { host: 'Excel', platform: 'PC' };
    // `?readyDelay=ms`: a slow but supported start (issue 8 item 12).
    const delay = Number(params.get('readyDelay') ?? 0);
    return new Promise((resolve) => {
      setTimeout(() => {
        if (callback) callback(info);
        resolve(info);
      }, delay);
    });
  },
};

/* ------------------------------------------------------------------ test helpers */

function fillsOf(sheet: SheetModel, rect: Rect): FakeFill[][] {
  return Array.from({ length: rect.rows }, (_, r) =>
    Array.from({ length: rect.cols }, (_, c) => ({
      ...(host.cell(sheet, rect.r0 + r, rect.c0 + c)?.fill ?? NO_FILL),
    })),
  );
}

function annotationsOf(list: Annotation[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of [...list].sort((x, y) => x.row - y.row || x.col - y.col)) {
    const sheet = host.sheets.find((s) => s.id === a.sheetId);
    out[`${sheet?.name ?? '?'}!${cellA1(a.row, a.col)}`] = a.content;
  }
  return out;
}

/** `window.__fakeExcel`: the test's handle on the simulated document. */
const helpers = {
  /** Replaces the workbook with one sheet holding `grid` from A1, optional fills ("A1" → fill) and annotations. */
  load(
    grid: Array<Array<Scalar | null | undefined>>,
    fills?: Record<string, Partial<FakeFill>>,
    options?: FakeLoadOptions,
  ): void {
    host.reset();
    const sheet = host.active();
    if (options?.sheetName) sheet.name = options.sheetName;
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') host.cellForWrite(sheet, r, c).value = v;
      }),
    );
    for (const [address, fill] of Object.entries(fills ?? {})) {
      const rect = parseLocal(address);
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.cols; c++) {
          host.cellForWrite(sheet, rect.r0 + r, rect.c0 + c).fill = {
            color: (fill.color ?? '#FFFFFF').toUpperCase(),
            pattern: fill.pattern ?? 'Solid',
          };
        }
      }
    }
    for (const [kind, list] of [
      ['comment', options?.comments],
      ['note', options?.notes],
    ] as const) {
      for (const [address, content] of Object.entries(list ?? {})) {
        const { row, col } = host.resolveCell(address);
        const target = kind === 'comment' ? host.comments : host.notes;
        target.push({ id: host.newId(`${kind}-`), sheetId: sheet.id, row, col, content });
      }
    }
  },
  /** The first sheet's values (as `values` reads them: formulas computed) and fills over everything in use (values, fills, annotations), and the rest of the document. */
  snapshot(sheetName?: string): FakeSnapshot {
    const sheet = sheetName ? host.sheetByName(sheetName) : host.sheets[0];
    if (!sheet) throw new Error(`fake host: no sheet ${sheetName ?? ''}`);
    const used = host.usedRect(sheet, false) ?? { r0: 0, c0: 0, rows: 0, cols: 0 };
    let rows = used.r0 + used.rows;
    let cols = used.c0 + used.cols;
    for (const a of [...host.comments, ...host.notes]) {
      if (a.sheetId !== sheet.id) continue;
      rows = Math.max(rows, a.row + 1);
      cols = Math.max(cols, a.col + 1);
    }
    const rect = { r0: 0, c0: 0, rows, cols };
    const selSheet = host.selection
      ? host.sheets.find((s) => s.id === host.selection?.sheetId)
      : undefined;
    return {
      sheet: sheet.name,
      values: Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) =>
          computed(sheet, host.cell(sheet, r, c)?.value ?? ''),
        ),
      ),
      fills: fillsOf(sheet, rect),
      comments: annotationsOf(host.comments),
      notes: annotationsOf(host.notes),
      selection:
        host.selection && selSheet ? `${selSheet.name}!${rectA1(host.selection.rect)}` : null,
      activeSheet: host.active().name,
      sheets: host.sheets.map((s) => s.name),
      customXml: host.customXml.map((p) => p.xml),
      enableEvents: host.enableEvents,
    };
  },
  /** What was written to a sheet's layout (merges, frozen panes, formats and validations by range). */
  layout(sheetName: string): FakeLayout {
    const sheet = host.sheetByName(sheetName);
    if (!sheet) throw new Error(`fake host: no sheet ${sheetName}`);
    return {
      merges: sheet.merges.map(rectA1),
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenCols,
      formats: sheet.formats.map((f) => ({ range: rectA1(f.rect), props: { ...f.props } })),
    };
  },
  /** One cell's value and fill, e.g. cell("M7"). */
  cell(address: string): { value: Scalar; fill: FakeFill } {
    const { sheet, row, col } = host.resolveCell(address);
    const cell = host.cell(sheet, row, col);
    return { value: cell?.value ?? '', fill: { ...(cell?.fill ?? NO_FILL) } };
  },
  /** Round trips so far (context.sync calls, including Excel.run's final one). */
  /** The RunOptions of every Excel.run(options, batch) so far. */
  get runOptions(): Array<{ delayForCellEdit?: boolean; mergeUndoGroup?: boolean }> {
    return host.runOptions;
  },
  get syncCount(): number {
    return host.syncCount;
  },
  /** Each Excel.run: start/end (ms, performance.now) and its syncs. */
  get runs(): FakeRun[] {
    return host.runs.map((r) => ({ ...r }));
  },
  /** onChanged events delivered to the pane. */
  get events(): FakeEventRecord[] {
    return host.events.map((e) => ({ ...e }));
  },
  /** Errors thrown by the pane's event handlers. */
  get errors(): string[] {
    return [...host.errors];
  },
  /** Highest ExcelApi version the host claims (e.g. "1.7" for an old Excel). */
  setApiVersion(version: string): void {
    host.excelApi = version;
  },
  /** "Save": the document as plain data (cells, fills, custom XML, comments, notes) — no add-in state. */
  save(): SavedWorkbook {
    return {
      sheets: host.sheets.map((sheet) => ({
        id: sheet.id,
        props: [...(sheet.props ?? new Map<string, string>())],
        name: sheet.name,
        cells: [...sheet.cells.values()].map((c) => ({ ...c, fill: { ...c.fill } })),
      })),
      activeId: host.activeId,
      customXml: host.customXml.map((p) => ({ ...p })),
      comments: host.comments.map((a) => ({ ...a })),
      notes: host.notes.map((a) => ({ ...a })),
    };
  },
  /** "Reopen" a saved document in a fresh page (after a reload): the workbook as saved, counters at zero. */
  reopen(saved: SavedWorkbook): void {
    host.reset();
    host.sheets = saved.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      cells: new Map(s.cells.map((c) => [key(c.row, c.col), { ...c, fill: { ...c.fill } }])),
      formats: [],
      merges: [],
      frozenRows: 0,
      frozenCols: 0,
      handlers: [],
      props: new Map(s.props ?? []),
    }));
    host.activeId = saved.activeId;
    host.customXml = saved.customXml.map((p) => ({ ...p }));
    host.comments = saved.comments.map((a) => ({ ...a }));
    host.notes = saved.notes.map((a) => ({ ...a }));
  },
  /** Empties the workbook and the counters. */
  reset(): void {
    host.reset();
  },
  /** Zeroes the sync counter and the run log, keeping the document. */
  resetCounters(): void {
    host.syncCount = 0;
    host.runs = [];
    host.events = [];
  },
  /** A user edit: writes `values` (optional, 2-D, from the address's top-left) then fires onChanged. */
  fireChanged(address: string, values?: Scalar[][]): void {
    const { sheet: name, local } = splitSheet(address);
    const sheet = name === null ? host.active() : host.sheetByName(name);
    if (!sheet) throw new Error(`fake host: no sheet ${name ?? ''}`);
    const rect = parseLocal(local);
    const before = host.cell(sheet, rect.r0, rect.c0)?.value;
    values?.forEach((row, r) =>
      row.forEach((v, c) => (host.cellForWrite(sheet, rect.r0 + r, rect.c0 + c).value = v)),
    );
    scheduleChanged(sheet, rect, false, before, undefined);
  },
};

/** The type of `window.__fakeExcel`, for the tests' `page.evaluate` code. */
export type FakeExcelHelpers = typeof helpers;

const g = globalThis as unknown as Record<string, unknown>;
g.Office = fakeOffice;
g.Excel = fakeExcel;
g.OfficeExtension = { Error: FakeOfficeError, ClientResult: FakeClientResult };
g.__fakeExcel = helpers;
