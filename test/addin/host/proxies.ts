/**
 * The office.js proxies of the simulated host: each queues its operations on its request context
 * (FakeExcel.queue), resolves the object it stands for in order with them, and reads only what a
 * load + sync filled in. Errors are office.js's (codes of Excel.ErrorCodes).
 */
import {
  boxAddress,
  cellKey,
  inside,
  parseBox,
  quoteSheet,
  splitQualified,
  type Box,
} from './address';
import {
  FakeOfficeError,
  invalid,
  notFound,
  notSynced,
  propertyNotLoaded,
  unsupported,
} from './errors';
import type {
  FakeCell,
  FakeChangeEvent,
  FakeExcel,
  FakeFill,
  FakeSheetState,
  Scalar,
} from './fakeExcel';

/** A queued operation, run by the sync that sends it. */
export type Op = () => void;

type LoadSpec = string | string[] | Record<string, unknown> | undefined;

const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: 'None' };

/** Bytes of a text in the request (UTF-8). */
function utf8(text: string): number {
  return new TextEncoder().encode(text).length;
}

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

/** Excel.RequestContext: its queue of operations and `sync()`. */
export class FakeRequestContext {
  pending: Op[] = [];
  pendingBytes = 0;
  pendingWrites = 0;
  closed = false;
  syncs = 0;
  /** Time spent applying queued operations (the simulated Excel's share of a run). */
  hostMs = 0;
  mergeUndo = false;
  undoCounted = false;
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;

  constructor(readonly ex: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(op: Op, bytes = 0, write = false): void {
    if (this.closed)
      throw new FakeOfficeError(
        'InvalidObjectPath',
        'The object path is not valid: the proxy belongs to an Excel.run batch that has already finished.',
      );
    this.ex.queue(op, bytes, write, this);
  }

  sync(): Promise<void> {
    if (this.closed)
      return Promise.reject(
        new FakeOfficeError('InvalidObjectPath', 'context.sync() after Excel.run finished.'),
      );
    return this.ex.sync(this);
  }
}

/** Base of every proxy: queued loads, loaded-property store, null-object state. */
abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  /** undefined until the sync that resolves an *OrNullObject proxy. */
  protected isNull: boolean | undefined = false;

  constructor(
    readonly context: FakeRequestContext,
    nullable = false,
  ) {
    if (nullable) this.isNull = undefined;
  }

  protected get ex(): FakeExcel {
    return this.context.ex;
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
      if (slash >= 0) this.child(path.slice(0, slash)).applyLoad([path.slice(slash + 1)]);
      else this.loaded.set(path, this.isNull ? null : this.read(path));
    }
  }

  protected read(name: string): unknown {
    throw unsupported(`loading '${name}' on ${this.constructor.name}`);
  }

  protected child(name: string): ClientObject {
    throw unsupported(`loading a path through '${name}' on ${this.constructor.name}`);
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** A setter: kept locally (office.js does the same) and queued for the document. */
  protected setProp(name: string, value: unknown, apply: Op, bytes = 0, write = false): void {
    this.loaded.set(name, value);
    this.context.enqueue(apply, bytes, write);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/**
 * A proxy for one object of the document, found in order with the other queued operations (an
 * item of a collection loaded inside a sync is found at once: `now`).
 */
abstract class Located<T> extends ClientObject {
  protected target: T | null | undefined;
  constructor(
    context: FakeRequestContext,
    locate: () => T | null,
    nullable: boolean,
    private readonly what: string,
    now?: T,
  ) {
    super(context, nullable);
    if (now !== undefined) {
      this.target = now;
      this.isNull = false;
      return;
    }
    context.enqueue(() => {
      this.target = locate();
      if (nullable) this.isNull = this.target === null;
      else if (this.target === null) throw notFound(what);
    });
  }
  /** The object, at sync time; a null object cannot be acted on. */
  model(): T {
    if (!this.target) throw notFound(`null ${this.what}`);
    return this.target;
  }
}

/** OfficeExtension.ClientResult: `value` readable after the sync that fills it. */
export class FakeClientResult<T> {
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

/* ------------------------------------------------------------------ workbook */

/** context.runtime: `enableEvents` (1.8). */
class FakeRuntime extends ClientObject {
  get enableEvents(): boolean {
    return this.prop<boolean>('enableEvents');
  }
  set enableEvents(on: boolean) {
    this.setProp('enableEvents', on, () => {
      this.ex.requireApi('1.8', 'runtime.enableEvents');
      this.ex.enableEvents = on;
    });
  }
  protected override read(name: string): unknown {
    if (name === 'enableEvents') return this.ex.enableEvents;
    return super.read(name);
  }
}

/** context.workbook */
class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheets;
  readonly customXmlParts: FakeCustomXmlParts;
  private readonly noteProxy: FakeNotes;
  private readonly commentProxy: FakeComments;
  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheets(context);
    this.customXmlParts = new FakeCustomXmlParts(context);
    this.noteProxy = new FakeNotes(context);
    this.commentProxy = new FakeComments(context);
  }
  /** workbook.notes (1.18); a self-hosted npm office.js has no NoteCollection: undefined. */
  get notes(): FakeNotes | undefined {
    return this.ex.options.notesObjectMissing ? undefined : this.noteProxy;
  }
  /** workbook.comments (1.10). */
  get comments(): FakeComments {
    return this.commentProxy;
  }
}

/** workbook.worksheets */
class FakeWorksheets extends ClientObject {
  private itemProxies: FakeWorksheet[] | undefined;
  /** `load('items/name,items/id')` (1.1): every sheet, in tab order. */
  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }
  override applyLoad(paths: string[]): void {
    const itemPaths = paths
      .filter((p) => p === 'items' || p.startsWith('items/'))
      .map((p) => (p === 'items' ? 'name' : p.slice('items/'.length)));
    if (itemPaths.length !== paths.length) throw unsupported('loading worksheets other than items');
    this.itemProxies = this.ex.sheets.map((sheet) => {
      const proxy = new FakeWorksheet(this.context, () => sheet, false, sheet);
      proxy.applyLoad(itemPaths);
      return proxy;
    });
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.ex.activeSheet(), false);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.ex.sheetByKey(key), true);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.ex.sheetByKey(key), false);
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheetState | null = null;
    this.context.enqueue(
      () => {
        created = this.ex.addSheet(name ?? `Sheet${this.ex.sheets.length + 1}`);
      },
      0,
      true,
    );
    return new FakeWorksheet(this.context, () => created, false);
  }
}

/* ------------------------------------------------------------------ worksheet */

class FakeWorksheet extends Located<FakeSheetState> {
  readonly freezePanes: {
    freezeAt: (r: FakeRange | string) => void;
    freezeRows: (n?: number) => void;
  };
  readonly onChanged: {
    add: (h: (e: FakeChangeEvent) => unknown) => {
      context: FakeRequestContext;
      remove: () => void;
    };
  };
  private filterProxy: FakeAutoFilter | undefined;
  constructor(
    context: FakeRequestContext,
    locate: () => FakeSheetState | null,
    nullable: boolean,
    now?: FakeSheetState,
  ) {
    super(context, locate, nullable, 'worksheet', now);
    this.freezePanes = {
      freezeAt: (r) =>
        context.enqueue(() => {
          // Freezing acts on the window showing the sheet: on an inactive sheet it is lost here.
          if (this.ex.activeSheetId !== this.model().id) return;
          this.model().freeze = typeof r === 'string' ? r : r.localAddress();
        }),
      freezeRows: (n = 1) =>
        context.enqueue(() => {
          this.model().freeze = `rows:${n}`;
        }),
    };
    this.onChanged = {
      add: (handler) => {
        context.enqueue(() => {
          this.ex.requireApi('1.7', 'worksheet.onChanged');
          this.ex.handlers.push({ sheetId: this.model().id, handler });
        });
        return {
          context,
          remove: () =>
            context.enqueue(() => {
              this.ex.handlers = this.ex.handlers.filter((x) => x.handler !== handler);
            }),
        };
      },
    };
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
      this.ex.activeSheetId = this.model().id;
    });
  }
  delete(): void {
    this.context.enqueue(
      () => {
        const s = this.model();
        this.ex.sheets = this.ex.sheets.filter((x) => x !== s);
        if (this.ex.activeSheetId === s.id) this.ex.activeSheetId = this.ex.sheets[0]?.id ?? '';
      },
      0,
      true,
    );
  }
  /** worksheet.customProperties (1.12): getItemOrNullObject(key) + load('value'), add(key, value). */
  get customProperties(): FakeCustomProperties {
    return new FakeCustomProperties(this.context, this);
  }
  /** worksheet.autoFilter (1.9): enabled, isDataFiltered, getRangeOrNullObject(). */
  get autoFilter(): FakeAutoFilter {
    this.filterProxy ??= new FakeAutoFilter(this.context, this);
    return this.filterProxy;
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) throw unsupported('worksheet.getRange() without an address');
    return new FakeRange(this.context, () => {
      const { sheet, local } = splitQualified(address);
      const s = this.model();
      if (sheet !== null && sheet.toLowerCase() !== s.name.toLowerCase())
        throw invalid(`the address "${address}" names another sheet`);
      return { sheet: s, box: parseBox(local) };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => {
      if (row < 0 || col < 0 || rows < 1 || cols < 1)
        throw invalid(`getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
      return { sheet: this.model(), box: { top: row + 1, left: col + 1, rows, columns: cols } };
    });
  }
  /** Like getUsedRangeOrNullObject, but A1 on a blank sheet (Worksheet.getUsedRange docs). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.model();
      const box = this.ex.usedBox(sheet, valuesOnly === true);
      return { sheet, box: box ?? { top: 1, left: 1, rows: 1, columns: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.model();
        const box = this.ex.usedBox(sheet, valuesOnly === true);
        return box ? { sheet, box } : null;
      },
      true,
    );
  }
}

/** worksheet.customProperties (keys case-insensitive). */
class FakeCustomProperties extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  private find(key: string): [string, string] | undefined {
    this.ex.requireApi('1.12', 'worksheet.customProperties', 'sheetKeys');
    return [...this.sheet.model().customProperties].find(
      ([k]) => k.toLowerCase() === key.toLowerCase(),
    );
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, () => this.find(key) ?? null);
  }
  add(key: string, value: string): void {
    this.context.enqueue(
      () => {
        const old = this.find(key);
        const props = this.sheet.model().customProperties;
        if (old) props.delete(old[0]);
        props.set(key, value);
      },
      key.length + value.length,
      true,
    );
  }
}

class FakeCustomProperty extends Located<[string, string]> {
  constructor(context: FakeRequestContext, locate: () => [string, string] | null) {
    super(context, locate, true, 'custom property');
  }
  get value(): string {
    return this.prop<string>('value');
  }
  protected override read(name: string): unknown {
    if (name === 'value') return this.model()[1];
    if (name === 'key') return this.model()[0];
    return super.read(name);
  }
}

/** worksheet.autoFilter */
class FakeAutoFilter extends ClientObject {
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
    const f = this.sheet.model().autoFilter;
    if (name === 'enabled') return f !== null;
    if (name === 'isDataFiltered') return f !== null && f.filteredRows.size > 0;
    return super.read(name);
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.sheet.model();
        return s.autoFilter ? { sheet: s, box: parseBox(s.autoFilter.range) } : null;
      },
      true,
    );
  }
}

/* ------------------------------------------------------------------ range */

interface RangeTarget {
  sheet: FakeSheetState;
  box: Box;
}

type CellProps = { format?: { fill?: { color?: string; pattern?: string } } };

/** Sets a cell's fill the way Excel does: a colour makes a solid fill; pattern "None" removes it. */
function applyFill(cell: FakeCell, fill: { color?: string; pattern?: string }): void {
  if (fill.color !== undefined) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(fill.color)) throw invalid(`fill colour "${fill.color}"`);
    cell.fill = {
      color: fill.color.toUpperCase(),
      pattern: cell.fill.pattern === 'None' ? 'Solid' : cell.fill.pattern,
    };
  }
  if (fill.pattern !== undefined)
    cell.fill = {
      color: fill.pattern === 'None' ? '#FFFFFF' : cell.fill.color,
      pattern: fill.pattern,
    };
}

/**
 * What Excel stores when an add-in writes a value: like typing it, a plain ASCII number string
 * becomes a number unless the cell is formatted as text ("@").
 */
function coerceTyped(value: Scalar, numberFormat: string): Scalar {
  if (typeof value !== 'string' || numberFormat === '@') return value;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim()) ? Number(value) : value;
}

export class FakeRange extends Located<RangeTarget> {
  private formatProxy: FakeRangeFormat | undefined;
  private validationProxy: FakeDataValidation | undefined;

  constructor(context: FakeRequestContext, locate: () => RangeTarget | null, nullable = false) {
    super(context, locate, nullable, 'range');
  }

  /** The local address, at sync time. */
  localAddress(): string {
    return boxAddress(this.model().box);
  }

  /** Each cell of the range (created), for a write. */
  eachCell(fn: (cell: FakeCell) => void, limit = Infinity): void {
    const { sheet, box } = this.model();
    if (box.rows * box.columns > limit)
      throw unsupported(`writing ${boxAddress(box)} cell by cell (too many cells)`);
    for (let r = box.top; r < box.top + box.rows; r++)
      for (let c = box.left; c < box.left + box.columns; c++) fn(this.ex.cellFor(sheet, r, c));
  }

  /** A 2-D argument must match the range's shape; a single value fills it (office.js rules). */
  private shaped<T>(values: T[][] | T, what: string): (r: number, c: number) => T | undefined {
    const { box } = this.model();
    if (!Array.isArray(values)) return () => values;
    if (
      values.length !== box.rows ||
      values.some((row) => !Array.isArray(row) || row.length !== box.columns)
    )
      throw invalid(
        `the number of rows or columns in the input array doesn't match the range (${what} for ${boxAddress(box)})`,
      );
    return (r, c) => values[r]?.[c];
  }

  private grid<T>(
    fn: (cell: FakeCell | undefined, sheet: FakeSheetState) => T,
    what: string,
  ): T[][] {
    const { sheet, box } = this.model();
    if (box.rows * box.columns > 5_000_000)
      throw unsupported(`${what} on ${boxAddress(box)} (too many cells for the simulated host)`);
    return Array.from({ length: box.rows }, (_, r) =>
      Array.from({ length: box.columns }, (_, c) =>
        fn(sheet.cells.get(cellKey(box.top + r, box.left + c)), sheet),
      ),
    );
  }

  get values(): Scalar[][] {
    return this.prop<Scalar[][]>('values');
  }
  set values(values: Scalar[][]) {
    this.setProp(
      'values',
      values,
      () => {
        const { sheet, box } = this.model();
        const at = this.shaped<Scalar | null>(values, 'values');
        const first = sheet.cells.get(cellKey(box.top, box.left));
        const before = first ? this.ex.shown(sheet, first) : '';
        for (let r = 0; r < box.rows; r++)
          for (let c = 0; c < box.columns; c++) {
            const v = at(r, c);
            if (v === null || v === undefined) continue; // null leaves the cell as it is
            const cell = this.ex.cellFor(sheet, box.top + r, box.left + c);
            if (typeof v === 'string' && v.startsWith('=')) {
              cell.formula = v;
              cell.value = '';
            } else {
              delete cell.formula;
              cell.value = coerceTyped(v, cell.numberFormat);
            }
          }
        // Excel raises the event at write time: with events off then, none is delivered.
        this.ex.noteChange(sheet, box, before);
      },
      JSON.stringify(values).length,
      true,
    );
  }
  get formulas(): Scalar[][] {
    return this.prop<Scalar[][]>('formulas');
  }
  get numberFormat(): string[][] {
    return this.prop<string[][]>('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.setProp(
      'numberFormat',
      formats,
      () => {
        const { sheet, box } = this.model();
        const at = this.shaped(formats, 'numberFormat');
        for (let r = 0; r < box.rows; r++)
          for (let c = 0; c < box.columns; c++) {
            const v = at(r, c);
            if (typeof v === 'string')
              this.ex.cellFor(sheet, box.top + r, box.left + c).numberFormat = v;
          }
      },
      JSON.stringify(formats).length,
      true,
    );
  }
  /** rowHidden / columnHidden (1.2): hide or show the range's rows or columns. */
  set rowHidden(hidden: boolean) {
    this.setProp('rowHidden', hidden, () => {
      const { sheet, box } = this.model();
      for (let r = box.top; r < box.top + box.rows; r++)
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
    });
  }
  set columnHidden(hidden: boolean) {
    this.setProp('columnHidden', hidden, () => {
      const { sheet, box } = this.model();
      for (let c = box.left; c < box.left + box.columns; c++)
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
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
  protected override child(name: string): ClientObject {
    if (name === 'format') return this.format;
    return super.child(name);
  }
  protected override read(name: string): unknown {
    const { sheet, box } = this.model();
    switch (name) {
      case 'values':
        return this.grid((cell) => (cell ? this.ex.shown(sheet, cell) : ''), 'values');
      case 'formulas':
        // The stored value: a formula as typed ("=SUM(L5:L12)"), any other value as is.
        return this.grid((cell) => cell?.formula ?? cell?.value ?? '', 'formulas');
      case 'numberFormat':
        return this.grid((cell) => cell?.numberFormat ?? 'General', 'numberFormat');
      case 'address':
        return `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
      case 'rowIndex':
        return box.top - 1;
      case 'columnIndex':
        return box.left - 1;
      case 'rowCount':
        return box.rows;
      case 'columnCount':
        return box.columns;
      default:
        return super.read(name);
    }
  }

  getCellProperties(options: Record<string, unknown>): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>();
    const paths = loadPaths(options);
    for (const p of paths)
      if (!['format/fill/color', 'format/fill/pattern', 'address'].includes(p))
        throw unsupported(`getCellProperties('${p}')`);
    this.context.enqueue(() => {
      this.ex.requireApi('1.9', 'range.getCellProperties');
      const { sheet, box } = this.model();
      this.ex.cellPropertyReads += box.rows * box.columns;
      const rows: Record<string, unknown>[][] = [];
      for (let r = box.top; r < box.top + box.rows; r++) {
        const row: Record<string, unknown>[] = [];
        for (let c = box.left; c < box.left + box.columns; c++) {
          const f = sheet.cells.get(cellKey(r, c))?.fill ?? NO_FILL;
          const props: Record<string, unknown> = {};
          const fill: Record<string, string | null> = {};
          if (paths.includes('format/fill/color')) fill.color = f.color;
          if (paths.includes('format/fill/pattern'))
            fill.pattern = this.ex.options.nullPatterns ? null : f.pattern;
          if (Object.keys(fill).length > 0) props.format = { fill };
          if (paths.includes('address'))
            props.address = `${quoteSheet(sheet.name)}!${boxAddress({ top: r, left: c, rows: 1, columns: 1 })}`;
          row.push(props);
        }
        rows.push(row);
      }
      result.set(rows);
    });
    return result;
  }

  setCellProperties(props: CellProps[][]): void {
    this.context.enqueue(
      () => {
        this.ex.requireApi('1.9', 'range.setCellProperties');
        const { sheet, box } = this.model();
        const at = this.shaped(props, 'setCellProperties');
        for (let r = 0; r < box.rows; r++)
          for (let c = 0; c < box.columns; c++) {
            const p = at(r, c);
            if (!p) continue;
            for (const k of Object.keys(p))
              if (k !== 'format') throw unsupported(`setCellProperties '${k}'`);
            for (const k of Object.keys(p.format ?? {}))
              if (k !== 'fill') throw unsupported(`setCellProperties format.${k}`);
            const fill = p.format?.fill;
            if (!fill) continue;
            for (const k of Object.keys(fill))
              if (k !== 'color' && k !== 'pattern')
                throw unsupported(`setCellProperties format.fill.${k}`);
            applyFill(this.ex.cellFor(sheet, box.top + r, box.left + c), fill);
          }
      },
      JSON.stringify(props).length,
      true,
    );
  }

  /** getRowProperties({ rowHidden: true }) (1.9): one entry per row, hidden by the user or a filter. */
  getRowProperties(_o: {
    rowHidden?: boolean;
  }): FakeClientResult<{ rowIndex: number; rowHidden: boolean }[]> {
    const result = new FakeClientResult<{ rowIndex: number; rowHidden: boolean }[]>();
    this.context.enqueue(() => {
      this.ex.requireApi('1.9', 'range.getRowProperties');
      const { sheet, box } = this.model();
      result.set(
        Array.from({ length: box.rows }, (_, i) => ({
          rowIndex: box.top - 1 + i,
          rowHidden:
            sheet.hiddenRows.has(box.top + i) ||
            (sheet.autoFilter?.filteredRows.has(box.top + i) ?? false),
        })),
      );
    });
    return result;
  }

  /** getColumnProperties({ columnHidden: true }) (1.9). */
  getColumnProperties(_o: {
    columnHidden?: boolean;
  }): FakeClientResult<{ columnIndex: number; columnHidden: boolean }[]> {
    const result = new FakeClientResult<{ columnIndex: number; columnHidden: boolean }[]>();
    this.context.enqueue(() => {
      this.ex.requireApi('1.9', 'range.getColumnProperties');
      const { sheet, box } = this.model();
      result.set(
        Array.from({ length: box.columns }, (_, i) => ({
          columnIndex: box.left - 1 + i,
          columnHidden: sheet.hiddenColumns.has(box.left + i),
        })),
      );
    });
    return result;
  }

  /** getMergedAreasOrNullObject (1.13): its `address` lists the merged areas inside the range. */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.context, this);
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.model();
      this.ex.select(sheet, box);
    });
  }

  merge(across?: boolean): void {
    if (across) throw unsupported('range.merge(true)');
    this.context.enqueue(() => this.model().sheet.merges.push(this.localAddress()), 0, true);
  }

  /** Records a format written over the range (per rectangle; fills are kept per cell). */
  setFormat(props: Record<string, unknown>): void {
    const { sheet, box } = this.model();
    sheet.formats.push({ range: boxAddress(box), props });
  }

  /** The last value a format property was given over the range's first cell (else `fallback`). */
  readFormat(name: string, fallback: unknown): unknown {
    const { sheet, box } = this.model();
    let value = fallback;
    for (const f of sheet.formats)
      if (inside({ ...box, rows: 1, columns: 1 }, parseBox(f.range)) && f.props[name] !== undefined)
        value = f.props[name];
    return value;
  }
}

/** The RangeAreas of getMergedAreasOrNullObject: null without merges; more than 512 fail. */
class FakeMergedAreas extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context, true);
  }
  override applyLoad(paths: string[]): void {
    this.ex.requireApi('1.13', 'range.getMergedAreasOrNullObject', 'mergedAreas');
    const { sheet, box } = this.range.model();
    const within = sheet.merges.filter((m) => inside(parseBox(m), box));
    if (within.length > 512)
      throw new FakeOfficeError('GeneralException', 'more than 512 merged areas');
    this.isNull = within.length === 0;
    for (const p of paths) {
      if (p !== 'address') throw unsupported(`loading '${p}' on merged areas`);
      this.loaded.set(
        'address',
        this.isNull ? null : within.map((m) => `${quoteSheet(sheet.name)}!${m}`).join(', '),
      );
    }
  }
  get address(): string {
    return this.prop<string>('address');
  }
}

/** range.format: widths, heights, alignment, wrapping (per rectangle); fill and font. */
class FakeRangeFormat extends ClientObject {
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
  private set(name: string, value: unknown, also?: () => void): void {
    this.setProp(name, value, () => {
      this.range.setFormat({ [name]: value });
      also?.();
    });
  }
  get columnWidth(): number {
    return this.prop<number>('columnWidth');
  }
  set columnWidth(width: number) {
    this.set('columnWidth', width, () => {
      const { sheet, box } = this.range.model();
      for (let c = box.left; c < box.left + box.columns; c++) sheet.widths.set(c, width);
    });
  }
  get rowHeight(): number {
    return this.prop<number>('rowHeight');
  }
  set rowHeight(height: number) {
    this.set('rowHeight', height);
  }
  get horizontalAlignment(): string {
    return this.prop<string>('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.set('horizontalAlignment', value);
  }
  get wrapText(): boolean {
    return this.prop<boolean>('wrapText');
  }
  set wrapText(value: boolean) {
    this.set('wrapText', value);
  }
  protected override child(name: string): ClientObject {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return super.child(name);
  }
  protected override read(name: string): unknown {
    const defaults: Record<string, unknown> = {
      columnWidth: 48,
      rowHeight: 15,
      horizontalAlignment: 'General',
      wrapText: false,
    };
    if (name in defaults) return this.range.readFormat(name, defaults[name]);
    return super.read(name);
  }
}

/** range.format.fill: color, pattern (1.9), clear(); reads null where the range is not uniform. */
class FakeRangeFill extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  private each(fn: (cell: FakeCell) => void): void {
    this.range.eachCell(fn, 200_000);
  }
  get color(): string {
    return this.prop<string>('color');
  }
  set color(color: string) {
    this.setProp('color', color, () => this.each((cell) => applyFill(cell, { color })), 40, true);
  }
  get pattern(): string {
    return this.prop<string>('pattern');
  }
  set pattern(pattern: string) {
    this.setProp(
      'pattern',
      pattern,
      () => {
        this.ex.requireApi('1.9', 'range.format.fill.pattern');
        this.each((cell) => applyFill(cell, { pattern }));
      },
      40,
      true,
    );
  }
  clear(): void {
    this.context.enqueue(() => this.each((cell) => (cell.fill = { ...NO_FILL })), 40, true);
  }
  protected override read(name: string): unknown {
    if (name !== 'color' && name !== 'pattern') return super.read(name);
    const { sheet, box } = this.range.model();
    let value: string | undefined;
    for (let r = box.top; r < box.top + box.rows; r++)
      for (let c = box.left; c < box.left + box.columns; c++) {
        const fill = sheet.cells.get(cellKey(r, c))?.fill ?? NO_FILL;
        const v = name === 'color' ? fill.color : fill.pattern;
        if (value === undefined) value = v;
        else if (value !== v) return null; // not uniform, as Excel reports it
      }
    return value ?? null;
  }
}

/** range.format.font: bold, size, color (kept per rectangle). */
class FakeRangeFont extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  private static readonly KEYS: Record<string, [string, unknown]> = {
    bold: ['bold', false],
    size: ['size', 11],
    color: ['fontColor', '#000000'],
  };
  private set(name: string, value: unknown): void {
    this.setProp(name, value, () =>
      this.range.setFormat({ [FakeRangeFont.KEYS[name]![0]]: value }),
    );
  }
  get bold(): boolean {
    return this.prop<boolean>('bold');
  }
  set bold(value: boolean) {
    this.set('bold', value);
  }
  get size(): number {
    return this.prop<number>('size');
  }
  set size(value: number) {
    this.set('size', value);
  }
  get color(): string {
    return this.prop<string>('color');
  }
  set color(value: string) {
    this.set('color', value);
  }
  protected override read(name: string): unknown {
    const key = FakeRangeFont.KEYS[name];
    if (key) return this.range.readFormat(key[0], key[1]);
    return super.read(name);
  }
}

/** range.dataValidation (1.8): clear(), rule, prompt, errorAlert. */
class FakeDataValidation extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }
  private entry(): FakeSheetState['validations'][number] {
    const { sheet } = this.range.model();
    const address = this.range.localAddress();
    let e = sheet.validations.find((v) => v.address === address);
    if (!e) {
      e = { address, rule: null, prompt: null, errorAlert: null };
      sheet.validations.push(e);
    }
    return e;
  }
  private setPart(part: 'rule' | 'prompt' | 'errorAlert', value: unknown): void {
    this.setProp(part, value, () => {
      this.ex.requireApi('1.8', 'range.dataValidation');
      this.entry()[part] = value;
      const current = (this.range.readFormat('validation', {}) ?? {}) as Record<string, unknown>;
      this.range.setFormat({ validation: { ...current, [part]: value } });
    });
  }
  clear(): void {
    this.context.enqueue(() => {
      this.ex.requireApi('1.8', 'range.dataValidation');
      const { sheet } = this.range.model();
      const address = this.range.localAddress();
      sheet.validations = sheet.validations.filter((v) => v.address !== address);
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

/* ------------------------------------------------------------------ custom XML parts */

type Part = { id: string; xml: string };

/** The namespace of an XML document's root element (read leniently: a damaged part still has one). */
export function rootNamespace(xml: string): string {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<[\w:.-]+([^>]*)/.exec(xml);
  return /\sxmlns="([^"]*)"/.exec(root?.[1] ?? '')?.[1] ?? '';
}

/** Rejects what Excel refuses in a custom XML part: malformed XML, and (by default) a declaration. */
function checkXml(ex: FakeExcel, xml: string): void {
  if (ex.options.rejectXmlDeclaration !== false && /^\s*<\?xml/.test(xml))
    throw invalid('an XML declaration in a custom XML part');
  const stack: string[] = [];
  const body = xml.replace(/^\s*<\?xml[^>]*\?>/, '');
  const tags =
    /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|(<)/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = tags.exec(body))) {
    if (m[5] !== undefined) throw invalid('the custom XML part is not well-formed XML');
    if (m[2] === undefined) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) throw invalid('the custom XML part is not well-formed XML');
    } else {
      if (stack.length === 0) roots++;
      if (!m[4]) stack.push(m[2]);
    }
  }
  if (stack.length > 0 || roots !== 1) throw invalid('the custom XML part is not well-formed XML');
}

/** workbook.customXmlParts (1.5). */
class FakeCustomXmlParts extends ClientObject {
  getByNamespace(ns: string): FakeCustomXmlScoped {
    return new FakeCustomXmlScoped(this.context, ns);
  }
  add(xml: string): FakeCustomXmlPart {
    let created: Part | null = null;
    this.context.enqueue(
      () => {
        this.ex.requireApi('1.5', 'customXmlParts.add');
        checkXml(this.ex, xml);
        created = { id: `part-${++this.ex.seq}`, xml };
        this.ex.parts.push(created);
      },
      utf8(xml),
      true,
    );
    return new FakeCustomXmlPart(this.context, () => created, false);
  }
}

/** customXmlParts.getByNamespace(ns) */
class FakeCustomXmlScoped extends ClientObject {
  private itemProxies: FakeCustomXmlPart[] | undefined;
  constructor(
    context: FakeRequestContext,
    private readonly ns: string,
  ) {
    super(context);
  }
  private ofNs(): Part[] {
    return this.ex.parts.filter((p) => rootNamespace(p.xml) === this.ns);
  }
  /** `load('items/id')`: every part of the namespace. */
  get items(): FakeCustomXmlPart[] {
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }
  override applyLoad(paths: string[]): void {
    if (!paths.every((p) => p === 'items' || p.startsWith('items/')))
      throw unsupported('loading custom XML parts other than items');
    const itemPaths = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.itemProxies = this.ofNs().map((part) => {
      const proxy = new FakeCustomXmlPart(this.context, () => part, false, part);
      proxy.applyLoad(itemPaths.length ? itemPaths : ['id']);
      return proxy;
    });
  }
  /** Several parts: a null object, as Excel gives (issue 8 item 10). */
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(
      this.context,
      () => {
        const all = this.ofNs();
        return all.length === 1 ? all[0]! : null;
      },
      true,
    );
  }
}

/** A custom XML part: getXml(), setXml(), delete(); id and namespaceUri loadable. */
class FakeCustomXmlPart extends Located<Part> {
  constructor(
    context: FakeRequestContext,
    locate: () => Part | null,
    nullable: boolean,
    now?: Part,
  ) {
    super(context, locate, nullable, 'custom XML part', now);
  }
  get id(): string {
    return this.prop<string>('id');
  }
  get namespaceUri(): string {
    return this.prop<string>('namespaceUri');
  }
  protected override read(name: string): unknown {
    if (name === 'id') return this.model().id;
    if (name === 'namespaceUri') return rootNamespace(this.model().xml);
    return super.read(name);
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => result.set(this.model().xml));
    return result;
  }
  setXml(xml: string): void {
    this.context.enqueue(
      () => {
        checkXml(this.ex, xml);
        this.model().xml = xml;
      },
      utf8(xml),
      true,
    );
  }
  delete(): void {
    this.context.enqueue(
      () => {
        const part = this.model();
        this.ex.parts = this.ex.parts.filter((p) => p !== part);
      },
      0,
      true,
    );
  }
}

/* ------------------------------------------------------------------ notes and comments */

/** A cell given as an address ("Sheet!A1", or "A1" on the active sheet) or a range. */
type CellRef = string | FakeRange;

function cellOf(ex: FakeExcel, ref: CellRef): { sheet: string; cell: string } {
  if (typeof ref !== 'string') {
    const { sheet, box } = ref.model();
    return { sheet: sheet.name, cell: boxAddress({ ...box, rows: 1, columns: 1 }) };
  }
  const { sheet, cell } = ex.cellOf(ref);
  return { sheet: sheet.name, cell };
}

/** workbook.notes (1.18): by cell, one per cell. */
class FakeNotes extends ClientObject {
  private itemProxies: FakeNote[] | undefined;
  private need(): void {
    this.ex.requireApi('1.18', 'workbook.notes', 'notes');
  }
  get items(): FakeNote[] {
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }
  override applyLoad(paths: string[]): void {
    this.need();
    const itemPaths = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.itemProxies = [...this.ex.notes.keys()].map((key) => {
      const proxy = new FakeNote(this.context, () => key, false, key);
      proxy.applyLoad(itemPaths);
      return proxy;
    });
  }
  add(ref: CellRef, content: string): FakeNote {
    let key: string | null = null;
    this.context.enqueue(
      () => {
        this.need();
        if (typeof content !== 'string') throw unsupported('notes.add with rich content');
        const { sheet, cell } = cellOf(this.ex, ref);
        if (!this.ex.annotationFree(sheet, cell))
          throw new FakeOfficeError('InvalidOperation', `${cell} already has a note or comment`);
        key = `${sheet}!${cell}`;
        this.ex.notes.set(key, content);
      },
      content.length * 3,
      true,
    );
    return new FakeNote(this.context, () => key, false);
  }
  /** The note of a cell (notes are keyed by their cell, as in office.js). */
  getItemOrNullObject(ref: CellRef): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        this.need();
        const { sheet, cell } = cellOf(this.ex, ref);
        const key = `${sheet}!${cell}`;
        return this.ex.notes.has(key) ? key : null;
      },
      true,
    );
  }
}

class FakeNote extends Located<string> {
  constructor(
    context: FakeRequestContext,
    locate: () => string | null,
    nullable: boolean,
    now?: string,
  ) {
    super(context, locate, nullable, 'note', now);
  }
  get content(): string {
    return this.prop<string>('content');
  }
  protected override read(name: string): unknown {
    if (name === 'content') return this.ex.notes.get(this.model()) ?? '';
    return super.read(name);
  }
  delete(): void {
    this.context.enqueue(
      () => {
        if (!this.ex.notes.delete(this.model())) throw notFound('note');
      },
      0,
      true,
    );
  }
}

/** workbook.comments (1.10): by id; one comment or note per cell. */
class FakeComments extends ClientObject {
  private itemProxies: FakeComment[] | undefined;
  private need(): void {
    this.ex.requireApi('1.10', 'workbook.comments', 'comments');
  }
  get items(): FakeComment[] {
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }
  override applyLoad(paths: string[]): void {
    this.need();
    const others = paths.filter((p) => p !== 'items' && !p.startsWith('items/'));
    if (others.length > 0) throw unsupported(`loading ${others.join(', ')} on workbook.comments`);
    const itemPaths = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.itemProxies = [...this.ex.comments.keys()].map((id) => {
      const proxy = new FakeComment(this.context, () => id, false, id);
      proxy.applyLoad(itemPaths.length ? itemPaths : ['id']);
      return proxy;
    });
  }
  add(ref: CellRef, content: string): FakeComment {
    let id: string | null = null;
    this.context.enqueue(
      () => {
        this.need();
        if (typeof content !== 'string') throw unsupported('comments.add with rich content');
        const { sheet, cell } = cellOf(this.ex, ref);
        if (!this.ex.annotationFree(sheet, cell))
          throw new FakeOfficeError('InvalidOperation', `${cell} already has a note or comment`);
        id = `c${++this.ex.seq}`;
        this.ex.comments.set(id, { sheet, cell, content });
      },
      content.length * 3,
      true,
    );
    return new FakeComment(this.context, () => id, false);
  }
  getItemByCell(ref: CellRef): FakeComment {
    return new FakeComment(
      this.context,
      () => {
        this.need();
        const { sheet, cell } = cellOf(this.ex, ref);
        return (
          [...this.ex.comments].find(([, c]) => c.sheet === sheet && c.cell === cell)?.[0] ?? null
        );
      },
      false,
    );
  }
  getItemOrNullObject(id: string): FakeComment {
    return new FakeComment(this.context, () => (this.ex.comments.has(id) ? id : null), true);
  }
}

class FakeComment extends Located<string> {
  constructor(
    context: FakeRequestContext,
    locate: () => string | null,
    nullable: boolean,
    now?: string,
  ) {
    super(context, locate, nullable, 'comment', now);
  }
  private comment(): { sheet: string; cell: string; content: string } {
    const c = this.ex.comments.get(this.model());
    if (!c) throw notFound('comment');
    return c;
  }
  get id(): string {
    return this.prop<string>('id');
  }
  get content(): string {
    return this.prop<string>('content');
  }
  protected override read(name: string): unknown {
    if (name === 'id') return this.model();
    if (name === 'content') return this.comment().content;
    return super.read(name);
  }
  /** comment.getLocation() (1.10): the comment's cell. */
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const c = this.comment();
      const sheet = this.ex.sheetByName(c.sheet);
      if (!sheet) throw notFound("comment's sheet");
      return { sheet, box: parseBox(c.cell) };
    });
  }
  delete(): void {
    this.context.enqueue(
      () => {
        if (!this.ex.comments.delete(this.model())) throw notFound('comment');
      },
      0,
      true,
    );
  }
}
