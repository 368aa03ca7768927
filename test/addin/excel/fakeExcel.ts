/**
 * A small, typed, in-memory Excel for adapter tests — the part of Office.js that
 * addin/OFFICE_API.md lists, with the request/sync semantics that matter:
 * nothing happens until `context.sync()`, a property read before its load+sync throws,
 * a ClientResult's value and `isNullObject` throw before the sync, a failing operation
 * rejects the whole sync (earlier operations of the batch stay applied, as in Excel).
 * office-addin-mock cannot express getCellProperties/setCellProperties, custom XML parts,
 * notes or change events, hence this fake (see the test files).
 */

export interface FakeFill {
  color: string;
  pattern: string;
}

export interface FakeCell {
  /** What `values` reads (for a formula cell, its computed result). */
  value: string | number | boolean;
  /** The formula as typed ("=B2*2"), when the cell holds one; `formulas` reads it. */
  formula?: string;
  fill: FakeFill;
  numberFormat: string;
}

export interface FakeSheetState {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  widths: Map<number, number>;
  validations: { address: string; rule: unknown; prompt: unknown; errorAlert: unknown }[];
  merges: string[];
  freeze: string | null;
  bold: Set<string>;
  /** Worksheet custom properties (ExcelApi 1.12), persisted with the document. */
  customProperties: Map<string, string>;
  /** 1-based hidden rows (by the user, or by the autofilter when `filtered` lists them). */
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** An autofilter over this A1 range; `filteredRows` are the rows its criteria hide. */
  autoFilter: { range: string; filteredRows: Set<number> } | null;
}

/** The persisted part of a workbook: what survives save and reopen. */
export interface FakeDocument {
  sheets: {
    id: string;
    name: string;
    cells: [string, FakeCell][];
    customProperties?: [string, string][];
  }[];
  parts: string[];
  notes: [string, string][];
  comments: { sheet: string; cell: string; content: string }[];
}

export interface FakeChangeEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  triggerSource?: string;
  details?: unknown;
}

const NO_FILL: FakeFill = { color: '#FFFFFF', pattern: 'None' };

type Box = { top: number; left: number; rows: number; columns: number };

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Parses a local A1 address or range ("M7", "A1:B2", "C:C") to a 1-based box. */
export function parseBox(address: string): Box {
  const parts = address.replace(/\$/g, '').split(':');
  const one = (p: string): { row: number | null; col: number } => {
    const m = /^([A-Z]+)(\d*)$/i.exec(p);
    if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
    return { col: colNumber(m[1]!), row: m[2] ? Number(m[2]) : null };
  };
  const a = one(parts[0]!);
  const b = one(parts[1] ?? parts[0]!);
  const top = a.row ?? 1;
  const bottom = b.row ?? 1048576;
  return { top, left: a.col, rows: bottom - top + 1, columns: b.col - a.col + 1 };
}

function boxAddress(b: Box): string {
  const first = `${colLetters(b.left)}${b.top}`;
  if (b.rows === 1 && b.columns === 1) return first;
  return `${first}:${colLetters(b.left + b.columns - 1)}${b.top + b.rows - 1}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Sheet 1'!M7" into sheet name and local address. */
function splitQualified(address: string): { sheet: string | null; local: string } {
  const i = address.lastIndexOf('!');
  if (i < 0) return { sheet: null, local: address };
  let s = address.slice(0, i);
  if (s.startsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
  return { sheet: s, local: address.slice(i + 1) };
}

class NotLoaded extends Error {}

/** Base of every proxy: loaded values are readable only after the sync that fills them. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ex: FakeExcel) {}
  protected read<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new NotLoaded(`PropertyNotLoaded: ${name} (load it and sync first)`);
    return this.loaded.get(name) as T;
  }
}

class ClientResult<T> {
  private done = false;
  private v: T | undefined;
  resolve(v: T): void {
    this.v = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw new Error('ClientResult read before context.sync()');
    return this.v as T;
  }
}

/** A proxy that may turn out to be a null object. */
class Nullable extends Proxy {
  private nullState: boolean | undefined;
  protected setNull(v: boolean): void {
    this.nullState = v;
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new Error('isNullObject read before context.sync()');
    return this.nullState;
  }
}

class FakeFillProxy {
  constructor(private readonly range: FakeRange) {}
  set color(c: string) {
    this.range.queueEach((cell) => {
      cell.fill = { color: c, pattern: cell.fill.pattern === 'None' ? 'Solid' : cell.fill.pattern };
    });
  }
  set pattern(p: string) {
    this.range.queueEach((cell) => {
      cell.fill = { ...cell.fill, pattern: p };
    });
  }
  clear(): void {
    this.range.queueEach((cell) => {
      cell.fill = { ...NO_FILL };
    });
  }
}

class FakeFormat {
  readonly fill: FakeFillProxy;
  readonly font: { bold: boolean; size: number; color: string };
  constructor(private readonly range: FakeRange) {
    this.fill = new FakeFillProxy(range);
    const r = range;
    this.font = {
      set bold(v: boolean) {
        r.queueOp((s, b) => {
          if (v) s.bold.add(boxAddress(b));
        });
      },
      set size(_v: number) {
        r.queueOp(() => undefined);
      },
      set color(_v: string) {
        r.queueOp(() => undefined);
      },
    };
  }
  set columnWidth(w: number) {
    this.range.queueOp((s, b) => {
      for (let c = b.left; c < b.left + b.columns; c++) s.widths.set(c, w);
    });
  }
  set rowHeight(_h: number) {
    this.range.queueOp(() => undefined);
  }
  set horizontalAlignment(_v: string) {
    this.range.queueOp(() => undefined);
  }
  set wrapText(_v: boolean) {
    this.range.queueOp(() => undefined);
  }
}

class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}
  private entry(s: FakeSheetState, b: Box): FakeSheetState['validations'][number] {
    const address = boxAddress(b);
    let e = s.validations.find((v) => v.address === address);
    if (!e) {
      e = { address, rule: null, prompt: null, errorAlert: null };
      s.validations.push(e);
    }
    return e;
  }
  clear(): void {
    this.range.queueOp((s, b) => {
      s.validations = s.validations.filter((v) => v.address !== boxAddress(b));
    });
  }
  set rule(r: unknown) {
    this.range.queueOp((s, b) => {
      this.entry(s, b).rule = r;
    });
  }
  set prompt(p: unknown) {
    this.range.queueOp((s, b) => {
      this.entry(s, b).prompt = p;
    });
  }
  set errorAlert(a: unknown) {
    this.range.queueOp((s, b) => {
      this.entry(s, b).errorAlert = a;
    });
  }
}

export class FakeRange extends Nullable {
  readonly format: FakeFormat;
  readonly dataValidation: FakeDataValidation;
  /** Resolved at execution time (the used range depends on the state then). */
  constructor(
    ex: FakeExcel,
    private readonly sheetRef: () => FakeSheetState,
    private readonly locate: (s: FakeSheetState) => Box | null,
  ) {
    super(ex);
    this.format = new FakeFormat(this);
    this.dataValidation = new FakeDataValidation(this);
  }
  private resolve(): { s: FakeSheetState; b: Box } {
    const s = this.sheetRef();
    const b = this.locate(s);
    if (!b) throw new Error('InvalidReference: null range');
    return { s, b };
  }
  /** The local address, resolved now (inside an executing operation). */
  localAddress(): string {
    return boxAddress(this.resolve().b);
  }
  queueOp(fn: (s: FakeSheetState, b: Box) => void, bytes = 0, write = false): void {
    this.ex.queue(
      () => {
        const { s, b } = this.resolve();
        fn(s, b);
      },
      bytes,
      write,
    );
  }
  queueEach(fn: (cell: FakeCell) => void): void {
    this.queueOp(
      (s, b) => {
        for (let r = b.top; r < b.top + b.rows; r++)
          for (let c = b.left; c < b.left + b.columns; c++) fn(this.ex.cellFor(s, r, c));
      },
      40,
      true,
    );
  }
  load(props: string | string[]): this {
    const names = Array.isArray(props) ? props : props.split(',').map((p) => p.trim());
    this.ex.queue(() => {
      const s = this.sheetRef();
      const b = this.locate(s);
      this.setNull(b === null);
      if (!b) return;
      for (const n of names) {
        if (n === 'values') {
          this.loaded.set(
            'values',
            Array.from({ length: b.rows }, (_, r) =>
              Array.from(
                { length: b.columns },
                (_, c) => s.cells.get(`${b.top + r}:${b.left + c}`)?.value ?? '',
              ),
            ),
          );
        } else if (n === 'formulas') {
          this.loaded.set(
            'formulas',
            Array.from({ length: b.rows }, (_, r) =>
              Array.from({ length: b.columns }, (_, c) => {
                const cell = s.cells.get(`${b.top + r}:${b.left + c}`);
                return cell?.formula ?? cell?.value ?? '';
              }),
            ),
          );
        } else if (n === 'address')
          this.loaded.set('address', `${quoteSheet(s.name)}!${boxAddress(b)}`);
        else if (n === 'rowIndex') this.loaded.set(n, b.top - 1);
        else if (n === 'columnIndex') this.loaded.set(n, b.left - 1);
        else if (n === 'rowCount') this.loaded.set(n, b.rows);
        else if (n === 'columnCount') this.loaded.set(n, b.columns);
        else throw new Error(`fake: cannot load ${n}`);
      }
    });
    return this;
  }
  get values(): (string | number | boolean)[][] {
    return this.read('values');
  }
  get formulas(): (string | number | boolean)[][] {
    return this.read('formulas');
  }
  set values(v: (string | number | boolean)[][]) {
    this.queueOp(
      (s, b) => {
        if (v.length !== b.rows || v.some((row) => row.length !== b.columns))
          throw new Error('InvalidArgument: values size');
        for (let r = 0; r < b.rows; r++)
          for (let c = 0; c < b.columns; c++) {
            const cell = this.ex.cellFor(s, b.top + r, b.left + c);
            cell.value = v[r]![c]!;
            delete cell.formula;
          }
        this.ex.noteChange(s, boxAddress(b), b.rows * b.columns === 1);
      },
      JSON.stringify(v).length,
      true,
    );
  }
  set numberFormat(v: string[][]) {
    this.queueOp(
      (s, b) => {
        if (v.length !== b.rows || v.some((row) => row.length !== b.columns))
          throw new Error('InvalidArgument: numberFormat size');
        for (let r = 0; r < b.rows; r++)
          for (let c = 0; c < b.columns; c++)
            this.ex.cellFor(s, b.top + r, b.left + c).numberFormat = v[r]![c]!;
      },
      JSON.stringify(v).length,
      true,
    );
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  getCellProperties(opts: {
    format?: { fill?: { color?: boolean; pattern?: boolean } };
  }): ClientResult<unknown[][]> {
    const result = new ClientResult<unknown[][]>();
    const wantColor = opts.format?.fill?.color === true;
    const wantPattern = opts.format?.fill?.pattern === true;
    this.ex.queue(() => {
      const { s, b } = this.resolve();
      this.ex.cellPropertyReads += b.rows * b.columns;
      result.resolve(
        Array.from({ length: b.rows }, (_, r) =>
          Array.from({ length: b.columns }, (_, c) => {
            const f = s.cells.get(`${b.top + r}:${b.left + c}`)?.fill ?? NO_FILL;
            const fill: Record<string, string | null> = {};
            if (wantColor) fill.color = f.color;
            if (wantPattern) fill.pattern = this.ex.options.nullPatterns ? null : f.pattern;
            return { format: { fill } };
          }),
        ),
      );
    });
    return result;
  }
  setCellProperties(props: { format?: { fill?: { color?: string; pattern?: string } } }[][]): void {
    this.queueOp(
      (s, b) => {
        if (props.length !== b.rows || props.some((row) => row.length !== b.columns))
          throw new Error('InvalidArgument: cell properties size');
        for (let r = 0; r < b.rows; r++)
          for (let c = 0; c < b.columns; c++) {
            const fill = props[r]![c]!.format?.fill;
            if (!fill) continue;
            const cell = this.ex.cellFor(s, b.top + r, b.left + c);
            if (fill.color !== undefined)
              cell.fill = {
                color: fill.color,
                pattern: cell.fill.pattern === 'None' ? 'Solid' : cell.fill.pattern,
              };
            if (fill.pattern !== undefined) cell.fill = { ...cell.fill, pattern: fill.pattern };
          }
      },
      JSON.stringify(props).length,
      true,
    );
  }
  /** getRowProperties({ rowHidden: true }) (1.9): one entry per row of the range. */
  getRowProperties(_o: {
    rowHidden?: boolean;
  }): ClientResult<{ rowIndex: number; rowHidden: boolean }[]> {
    const result = new ClientResult<{ rowIndex: number; rowHidden: boolean }[]>();
    this.ex.queue(() => {
      const { s, b } = this.resolve();
      result.resolve(
        Array.from({ length: b.rows }, (_, i) => ({
          rowIndex: b.top - 1 + i,
          rowHidden:
            s.hiddenRows.has(b.top + i) || (s.autoFilter?.filteredRows.has(b.top + i) ?? false),
        })),
      );
    });
    return result;
  }
  /** getColumnProperties({ columnHidden: true }) (1.9). */
  getColumnProperties(_o: {
    columnHidden?: boolean;
  }): ClientResult<{ columnIndex: number; columnHidden: boolean }[]> {
    const result = new ClientResult<{ columnIndex: number; columnHidden: boolean }[]>();
    this.ex.queue(() => {
      const { s, b } = this.resolve();
      result.resolve(
        Array.from({ length: b.columns }, (_, i) => ({
          columnIndex: b.left - 1 + i,
          columnHidden: s.hiddenColumns.has(b.left + i),
        })),
      );
    });
    return result;
  }
  /** getMergedAreasOrNullObject (1.13): a RangeAreas whose `address` lists the merged areas. */
  getMergedAreasOrNullObject(): unknown {
    const ex = this.ex;
    if (!ex.options.mergedAreas)
      throw new Error('ApiNotFound: getMergedAreasOrNullObject needs 1.13');
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const range = this;
    return new (class extends Nullable {
      load(_p: string): this {
        ex.queue(() => {
          const { s, b } = range.resolveBox();
          const inside = s.merges.filter((m) => {
            const mb = parseBox(m);
            return (
              mb.top >= b.top &&
              mb.left >= b.left &&
              mb.top + mb.rows <= b.top + b.rows &&
              mb.left + mb.columns <= b.left + b.columns
            );
          });
          if (inside.length > 512)
            throw Object.assign(new Error('more than 512 merged areas'), {
              code: 'GeneralException',
            });
          this.setNull(inside.length === 0);
          this.loaded.set('address', inside.map((m) => `${quoteSheet(s.name)}!${m}`).join(', '));
        });
        return this;
      }
      get address(): string {
        return this.read('address');
      }
    })(ex);
  }
  locateBox(s: FakeSheetState): Box | null {
    return this.locate(s);
  }
  resolveBox(): { s: FakeSheetState; b: Box } {
    return this.resolve();
  }
  select(): void {
    this.queueOp((s, b) => {
      this.ex.selection = `${quoteSheet(s.name)}!${boxAddress(b)}`;
    });
  }
  merge(_across: boolean): void {
    this.queueOp((s, b) => {
      s.merges.push(boxAddress(b));
    });
  }
}

class FakeWorksheet extends Nullable {
  readonly freezePanes: {
    freezeAt: (r: FakeRange | string) => void;
    freezeRows: (n: number) => void;
  };
  readonly onChanged: { add: (h: (e: FakeChangeEvent) => Promise<void>) => { remove: () => void } };
  constructor(
    ex: FakeExcel,
    private readonly find: () => FakeSheetState | null,
  ) {
    super(ex);
    this.freezePanes = {
      freezeAt: (r) => {
        ex.queue(() => {
          // Freezing acts on the window showing the sheet: on an inactive sheet it is lost here.
          if (ex.activeSheetId !== this.state().id) return;
          this.state().freeze = typeof r === 'string' ? r : r.localAddress();
        });
      },
      freezeRows: (n) =>
        ex.queue(() => {
          this.state().freeze = `rows:${n}`;
        }),
    };
    this.onChanged = {
      add: (h) => {
        ex.queue(() => {
          ex.handlers.push({ sheetId: this.state().id, handler: h });
        });
        return {
          remove: () =>
            ex.queue(() => {
              ex.handlers = ex.handlers.filter((x) => x.handler !== h);
            }),
        };
      },
    };
  }
  state(): FakeSheetState {
    const s = this.find();
    if (!s) throw new Error('ItemNotFound: worksheet');
    return s;
  }
  /** Worksheet custom properties (ExcelApi 1.12): getItemOrNullObject(key) + load('value'), add(key, value). */
  get customProperties(): unknown {
    const ex = this.ex;
    if (!ex.options.sheetKeys) throw new Error('ApiNotFound: customProperties need ExcelApi 1.12');
    const state = (): FakeSheetState => this.state();
    return {
      getItemOrNullObject: (key: string) =>
        new (class extends Nullable {
          load(_p: string): this {
            ex.queue(() => {
              const found = [...state().customProperties].find(
                ([k]) => k.toLowerCase() === key.toLowerCase(),
              );
              this.setNull(found === undefined);
              if (found) this.loaded.set('value', found[1]);
            });
            return this;
          }
          get value(): string {
            return this.read('value');
          }
        })(ex),
      add: (key: string, value: string) =>
        ex.queue(
          () => {
            const props = state().customProperties;
            for (const k of props.keys())
              if (k.toLowerCase() === key.toLowerCase()) props.delete(k);
            props.set(key, value);
          },
          key.length + value.length,
          true,
        ),
    };
  }
  /** worksheet.autoFilter (1.9): enabled, isDataFiltered, getRangeOrNullObject(). */
  private filterProxy: unknown;
  get autoFilter(): unknown {
    this.filterProxy ??= this.makeAutoFilter();
    return this.filterProxy;
  }
  private makeAutoFilter(): unknown {
    const ex = this.ex;
    const state = (): FakeSheetState => this.state();
    const loaded = new Map<string, unknown>();
    return {
      load: (props: string[]) => {
        ex.queue(() => {
          const f = state().autoFilter;
          for (const p of props)
            loaded.set(p, p === 'enabled' ? f !== null : f !== null && f.filteredRows.size > 0);
        });
      },
      get enabled(): boolean {
        if (!loaded.has('enabled')) throw new Error('PropertyNotLoaded: enabled');
        return loaded.get('enabled') as boolean;
      },
      get isDataFiltered(): boolean {
        if (!loaded.has('isDataFiltered')) throw new Error('PropertyNotLoaded: isDataFiltered');
        return loaded.get('isDataFiltered') as boolean;
      },
      getRangeOrNullObject: () =>
        new FakeRange(ex, state, (st) => (st.autoFilter ? parseBox(st.autoFilter.range) : null)),
    };
  }
  /** Loads name and id at once (an item of a collection loaded inside the running sync). */
  fillNow(): void {
    const s = this.state();
    this.setNull(false);
    this.loaded.set('name', s.name);
    this.loaded.set('id', s.id);
  }
  resolveNow(): void {
    this.ex.queue(() => this.setNull(this.find() === null));
  }
  load(props: string | string[]): this {
    const names = Array.isArray(props) ? props : props.split(',').map((p) => p.trim());
    this.ex.queue(() => {
      const s = this.find();
      this.setNull(s === null);
      if (!s) return;
      for (const n of names)
        this.loaded.set(n, n === 'name' ? s.name : n === 'id' ? s.id : undefined);
    });
    return this;
  }
  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  activate(): void {
    this.ex.queue(() => {
      this.ex.activeSheetId = this.state().id;
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(
      this.ex,
      () => this.state(),
      () => parseBox(address),
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(
      this.ex,
      () => this.state(),
      () => ({ top: row + 1, left: col + 1, rows, columns: cols }),
    );
  }
  /** Like getUsedRangeOrNullObject, but A1 on a blank sheet (Worksheet.getUsedRange docs). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const inner = this.getUsedRangeOrNullObject(valuesOnly) as unknown as {
      locateBox: (s: FakeSheetState) => Box | null;
    };
    return new FakeRange(
      this.ex,
      () => this.state(),
      (s) => inner.locateBox(s) ?? { top: 1, left: 1, rows: 1, columns: 1 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ex,
      () => this.state(),
      (s) => {
        const keys = [...s.cells.entries()]
          .filter(([, c]) => (valuesOnly ? c.value !== '' : true))
          .map(([k]) => k.split(':').map(Number));
        if (keys.length === 0) return null;
        const rows = keys.map((k) => k[0]!);
        const cols = keys.map((k) => k[1]!);
        const top = rows.reduce((a, b) => Math.min(a, b));
        const left = cols.reduce((a, b) => Math.min(a, b));
        return {
          top,
          left,
          rows: rows.reduce((a, b) => Math.max(a, b)) - top + 1,
          columns: cols.reduce((a, b) => Math.max(a, b)) - left + 1,
        };
      },
    );
  }
}

class FakeNote extends Nullable {
  constructor(
    ex: FakeExcel,
    private readonly key: string,
  ) {
    super(ex);
  }
  load(_p: string): this {
    this.ex.queue(() => {
      const c = this.ex.notes.get(this.key);
      this.setNull(c === undefined);
      if (c !== undefined) this.loaded.set('content', c);
    });
    return this;
  }
  get content(): string {
    return this.read('content');
  }
  delete(): void {
    this.ex.queue(
      () => {
        if (!this.ex.notes.delete(this.key)) throw new Error('ItemNotFound: note');
      },
      0,
      true,
    );
  }
}

class FakeComment extends Proxy {
  constructor(
    ex: FakeExcel,
    readonly cid: string,
  ) {
    super(ex);
  }
  fill(content: string): void {
    this.loaded.set('content', content);
  }
  get content(): string {
    return this.read('content');
  }
  getLocation(): FakeRange {
    const where = (): { s: FakeSheetState; box: Box } => {
      const c = this.ex.comments.get(this.cid);
      if (!c) throw new Error('ItemNotFound: comment');
      const s = this.ex.sheetByName(c.sheet);
      if (!s) throw new Error('ItemNotFound: sheet');
      return { s, box: parseBox(c.cell) };
    };
    return new FakeRange(
      this.ex,
      () => where().s,
      () => where().box,
    );
  }
  delete(): void {
    this.ex.queue(
      () => {
        if (!this.ex.comments.delete(this.cid)) throw new Error('ItemNotFound: comment');
      },
      0,
      true,
    );
  }
}

/** Options of the fake host. */
export interface FakeOptions {
  /** The host reports ExcelApi 1.18 (notes). */
  notes?: boolean;
  comments?: boolean;
  /** Worksheet custom properties (ExcelApi 1.12). */
  sheetKeys?: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas?: boolean;
  /**
   * The notes API object is missing although the host reports 1.18 (a self-hosted npm
   * office.js has no NoteCollection): `workbook.notes` is undefined.
   */
  notesObjectMissing?: boolean;
  /** getCellProperties gives `pattern: null` (office-js #6218, #4900). */
  nullPatterns?: boolean;
  /** setXml/add refuse an XML declaration (default true; our text never has one). */
  rejectXmlDeclaration?: boolean;
  /** A request (one sync) above this many bytes fails with RequestPayloadSizeLimitExceeded. */
  maxRequestBytes?: number;
  /** Change events of a batch's writes arrive later (a task after the sync), not during it. */
  lateEvents?: boolean;
}

export class FakeExcel {
  sheets: FakeSheetState[] = [];
  activeSheetId = '';
  parts: { id: string; xml: string }[] = [];
  notes = new Map<string, string>();
  comments = new Map<string, { sheet: string; cell: string; content: string }>();
  enableEvents = true;
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
  private mergeUndo = false;
  private undoInRun = false;
  private pendingBytes = 0;
  private pendingWrites = 0;
  handlers: { sheetId: string; handler: (e: FakeChangeEvent) => Promise<void> }[] = [];
  /** Events raised in the current batch, dispatched after it. */
  private raised: FakeChangeEvent[] = [];
  private pending: (() => void)[] = [];
  private seq = 0;
  readonly context: Excel.RequestContext;

  constructor(readonly options: FakeOptions = {}) {
    this.context = this.makeContext() as Excel.RequestContext;
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
      parts: this.parts.map((p) => p.xml),
      notes: [...this.notes.entries()],
      comments: [...this.comments.values()].map((c) => ({ ...c })),
    };
  }

  addSheet(name: string, id = `{sheet-${++this.seq}}`): FakeSheetState {
    const s: FakeSheetState = {
      id,
      name,
      cells: new Map(),
      widths: new Map(),
      validations: [],
      merges: [],
      freeze: null,
      bold: new Set(),
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

  sheetByName(name: string): FakeSheetState | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  /** Puts a grid (row 1 = grid[0]) into a sheet, with optional fills by A1 cell. */
  setGrid(
    sheet: FakeSheetState,
    grid: readonly (readonly (string | number | boolean | null)[])[],
    fills: Record<string, FakeFill> = {},
  ): void {
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== '') this.cellFor(sheet, r + 1, c + 1).value = v;
      }),
    );
    for (const [addr, f] of Object.entries(fills)) {
      const b = parseBox(addr);
      this.cellFor(sheet, b.top, b.left).fill = { ...f };
    }
  }

  cellFor(s: FakeSheetState, row: number, col: number): FakeCell {
    const k = `${row}:${col}`;
    let c = s.cells.get(k);
    if (!c) {
      c = { value: '', fill: { ...NO_FILL }, numberFormat: 'General' };
      s.cells.set(k, c);
    }
    return c;
  }

  fillOf(sheet: FakeSheetState, address: string): FakeFill {
    const b = parseBox(address);
    return { ...(sheet.cells.get(`${b.top}:${b.left}`)?.fill ?? NO_FILL) };
  }

  valueOf(sheet: FakeSheetState, address: string): string | number | boolean {
    const b = parseBox(address);
    return sheet.cells.get(`${b.top}:${b.left}`)?.value ?? '';
  }

  /** Every cell's value and fill, for before/after comparisons. */
  snapshot(
    sheet: FakeSheetState,
  ): Record<string, { value: string | number | boolean; fill: FakeFill }> {
    const out: Record<string, { value: string | number | boolean; fill: FakeFill }> = {};
    for (const [k, c] of sheet.cells) {
      if (c.value === '' && c.fill.pattern === 'None' && c.fill.color === '#FFFFFF') continue;
      const [r, col] = k.split(':').map(Number);
      out[`${colLetters(col!)}${r}`] = { value: c.value, fill: { ...c.fill } };
    }
    return out;
  }

  /** A user edit (outside any batch): writes values and raises onChanged like Excel. */
  async userEdit(
    sheet: FakeSheetState,
    address: string,
    values: (string | number | boolean)[][],
    /** "Remote": a co-author's edit, as coauthoring delivers it. */
    source: 'Local' | 'Remote' = 'Local',
  ): Promise<void> {
    const b = parseBox(address);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = this.cellFor(sheet, b.top + r, b.left + c);
        cell.value = v;
        delete cell.formula;
      }),
    );
    if (!this.enableEvents) return;
    const single = b.rows * b.columns === 1;
    const event: FakeChangeEvent = {
      worksheetId: sheet.id,
      address,
      changeType: 'RangeEdited',
      source,
      triggerSource: 'Unknown',
      ...(single ? { details: { valueAfter: values[0]![0] } } : {}),
    };
    for (const h of this.handlers.filter((x) => x.sheetId === sheet.id)) await h.handler(event);
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
      else if (count > 0 || r >= at - count) moved.set(`${r + count}:${col}`, c);
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
   * Queues an operation; `bytes` estimates what its arguments add to the request (office.js
   * serialises every queued action with its arguments into one JSON request per sync).
   */
  queue(op: () => void, bytes = 0, write = false): void {
    this.pending.push(op);
    this.pendingBytes += 120 + bytes;
    if (write) {
      this.pendingWrites++;
      const fail = this.failWrites;
      if (fail)
        this.pending[this.pending.length - 1] = () => {
          throw Object.assign(new Error(fail.message), { code: fail.code });
        };
    }
  }

  /**
   * Excel.run as the pane calls it: `delayForCellEdit` waits for the user to leave cell-edit mode
   * (`leaveCellEdit()`); without it a batch fails with InvalidOperationInCellEditMode while the
   * user edits a cell. `mergeUndoGroup` makes the whole run one undo step (ExcelApi 1.20).
   */
  async run<T>(
    options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean },
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    if (this.cellEditMode && options.delayForCellEdit)
      await new Promise<void>((resolve) => this.cellEditWaiters.push(resolve));
    this.mergeUndo = options.mergeUndoGroup === true;
    this.undoInRun = false;
    try {
      return await batch(this.context);
    } finally {
      this.mergeUndo = false;
    }
  }

  private cellEditWaiters: (() => void)[] = [];

  /** The user presses Enter: batches waiting for the cell edit to end run now. */
  leaveCellEdit(): void {
    this.cellEditMode = false;
    for (const w of this.cellEditWaiters.splice(0)) w();
  }

  noteChange(s: FakeSheetState, address: string, single: boolean): void {
    if (!this.enableEvents) return;
    this.raised.push({
      worksheetId: s.id,
      address,
      changeType: 'RangeEdited',
      source: 'Local',
      triggerSource: 'ThisLocalAddin',
      ...(single ? { details: {} } : {}),
    });
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.pending;
    const bytes = this.pendingBytes;
    const writes = this.pendingWrites;
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingWrites = 0;
    this.raised = [];
    this.requestBytes.push(ops.length ? bytes : 0);
    if (ops.length > 0 && this.cellEditMode)
      throw Object.assign(
        new Error('The request cannot be processed while Excel is in cell-editing mode.'),
        { code: 'InvalidOperationInCellEditMode' },
      );
    const max = this.options.maxRequestBytes;
    if (max !== undefined && bytes > max)
      throw Object.assign(new Error('The request payload size has exceeded the limit.'), {
        code: 'RequestPayloadSizeLimitExceeded',
      });
    if (writes > 0) {
      if (!this.mergeUndo || !this.undoInRun) this.undoSteps++;
      this.undoInRun = true;
    }
    try {
      for (const op of ops) op();
    } finally {
      const events = this.raised;
      this.raised = [];
      const deliver = (): void => {
        for (const e of events)
          for (const h of this.handlers.filter((x) => x.sheetId === e.worksheetId))
            void h.handler(e);
      };
      if (this.options.lateEvents) setTimeout(deliver, 0);
      else deliver();
    }
    await Promise.resolve();
  }

  private sheetProxy(find: () => FakeSheetState | null): FakeWorksheet {
    return new FakeWorksheet(this, find);
  }

  private requireNotes(): void {
    if (!this.options.notes) throw new Error('ApiNotFound: notes need ExcelApi 1.18');
  }

  private requireComments(): void {
    if (!this.options.comments) throw new Error('ApiNotFound: comments need ExcelApi 1.10');
  }

  private cellOfQualified(address: string): { sheet: string; cell: string } {
    const { sheet, local } = splitQualified(address);
    if (sheet === null || !this.sheetByName(sheet)) throw new Error(`InvalidArgument: ${address}`);
    const b = parseBox(local);
    if (b.rows !== 1 || b.columns !== 1) throw new Error('InvalidCellAddress');
    return { sheet, cell: boxAddress(b) };
  }

  private makeContext(): unknown {
    // The literal's getters and methods below need the fake, not themselves.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const ex = this;
    const worksheets = {
      items: [] as FakeWorksheet[],
      /** `load('items/name,items/id')`: every sheet, resolved by this sync. */
      load: (_p: string) => {
        ex.queue(() => {
          worksheets.items = ex.sheets.map((st) => {
            const p = ex.sheetProxy(() => st);
            p.fillNow();
            return p;
          });
        });
      },
      getActiveWorksheet: () =>
        ex.sheetProxy(() => ex.sheets.find((s) => s.id === ex.activeSheetId) ?? null),
      getItem: (key: string) => {
        const p = ex.sheetProxy(
          () => ex.sheets.find((s) => s.id === key || s.name === key) ?? null,
        );
        ex.queue(() => {
          if (!ex.sheets.some((s) => s.id === key || s.name === key))
            throw Object.assign(new Error('ItemNotFound: worksheet'), { code: 'ItemNotFound' });
        });
        return p;
      },
      getItemOrNullObject: (key: string) => {
        const p = ex.sheetProxy(
          () => ex.sheets.find((s) => s.id === key || s.name === key) ?? null,
        );
        p.resolveNow();
        return p;
      },
      add: (name: string) => {
        let created: FakeSheetState | null = null;
        ex.queue(() => {
          if (ex.sheetByName(name)) throw new Error('ItemAlreadyExists: sheet');
          created = ex.addSheet(name);
        });
        return ex.sheetProxy(() => created);
      },
    };
    const checkXml = (xml: string): void => {
      if (ex.options.rejectXmlDeclaration !== false && /^\s*<\?xml/.test(xml))
        throw Object.assign(new Error('InvalidArgument: XML declaration in a custom XML part'), {
          code: 'InvalidArgument',
        });
    };
    const partProxy = (find: () => { id: string; xml: string } | null): unknown =>
      new (class extends Nullable {
        load(_p: string): this {
          ex.queue(() => {
            const p = find();
            this.setNull(p === null);
            if (p) this.loaded.set('id', p.id);
          });
          return this;
        }
        get id(): string {
          return this.read('id');
        }
        fillNow(p: { id: string }): this {
          this.setNull(false);
          this.loaded.set('id', p.id);
          return this;
        }
        getXml(): ClientResult<string> {
          const r = new ClientResult<string>();
          ex.queue(() => {
            const p = find();
            if (!p) throw new Error('ItemNotFound: part');
            r.resolve(p.xml);
          });
          return r;
        }
        setXml(xml: string): void {
          ex.queue(
            () => {
              checkXml(xml);
              const p = find();
              if (!p) throw new Error('ItemNotFound: part');
              p.xml = xml;
            },
            Buffer.byteLength(xml),
            true,
          );
        }
        delete(): void {
          ex.queue(
            () => {
              const p = find();
              if (!p) throw new Error('ItemNotFound: part');
              ex.parts = ex.parts.filter((x) => x !== p);
            },
            0,
            true,
          );
        }
      })(ex);
    const customXmlParts = {
      getByNamespace: (ns: string) => {
        const ofNs = (): { id: string; xml: string }[] =>
          ex.parts.filter((p) => p.xml.includes(`xmlns="${ns}"`));
        const scoped = {
          items: [] as unknown[],
          /** `load('items/id')`: every part of the namespace, resolved by this sync. */
          load: (_p: string) => {
            ex.queue(() => {
              scoped.items = ofNs().map((p) =>
                (
                  partProxy(() => ex.parts.find((x) => x.id === p.id) ?? null) as {
                    fillNow: (p: { id: string }) => unknown;
                  }
                ).fillNow(p),
              );
            });
            return scoped;
          },
          // Several parts: a null object, as Excel gives (issue 8 item 10).
          getOnlyItemOrNullObject: () =>
            partProxy(() => {
              const all = ofNs();
              return all.length === 1 ? all[0]! : null;
            }),
        };
        return scoped;
      },
      add: (xml: string) => {
        ex.queue(
          () => {
            checkXml(xml);
            ex.parts.push({ id: `part-${++ex.seq}`, xml });
          },
          Buffer.byteLength(xml),
          true,
        );
      },
    };
    const notes = {
      add: (address: string, content: string) => {
        ex.requireNotes();
        ex.queue(
          () => {
            const { sheet, cell } = ex.cellOfQualified(address);
            const key = `${sheet}!${cell}`;
            if (
              ex.notes.has(key) ||
              [...ex.comments.values()].some((c) => c.sheet === sheet && c.cell === cell)
            )
              throw new Error('InvalidOperation: the cell already has a note or comment');
            ex.notes.set(key, content);
          },
          content.length * 3,
          true,
        );
      },
      getItemOrNullObject: (address: string) => {
        ex.requireNotes();
        const { sheet, cell } = ex.cellOfQualified(address);
        return new FakeNote(ex, `${sheet}!${cell}`);
      },
    };
    const comments = {
      items: [] as FakeComment[],
      load: (_p: string) => {
        ex.requireComments();
        ex.queue(() => {
          comments.items = [...ex.comments.entries()].map(([id, c]) => {
            const fc = new FakeComment(ex, id);
            fc.fill(c.content);
            return fc;
          });
        });
      },
      add: (address: string, content: string) => {
        ex.requireComments();
        ex.queue(
          () => {
            const { sheet, cell } = ex.cellOfQualified(address);
            if (
              ex.notes.has(`${sheet}!${cell}`) ||
              [...ex.comments.values()].some((c) => c.sheet === sheet && c.cell === cell)
            )
              throw new Error('InvalidOperation: the cell already has a note or comment');
            ex.comments.set(`c${++ex.seq}`, { sheet, cell, content });
          },
          content.length * 3,
          true,
        );
      },
    };
    const runtime = {
      loadedEvents: undefined as boolean | undefined,
      load: (_p: string) => {
        ex.queue(() => {
          runtime.loadedEvents = ex.enableEvents;
        });
      },
      get enableEvents(): boolean {
        if (runtime.loadedEvents === undefined) throw new Error('PropertyNotLoaded: enableEvents');
        return runtime.loadedEvents;
      },
      set enableEvents(v: boolean) {
        ex.queue(() => {
          ex.enableEvents = v;
        });
      },
    };
    return {
      sync: () => ex.sync(),
      runtime,
      workbook: {
        worksheets,
        customXmlParts,
        get notes() {
          // A self-hosted npm office.js has no NoteCollection: the property is simply not there.
          if (ex.options.notesObjectMissing) return undefined;
          ex.requireNotes();
          return notes;
        },
        get comments() {
          ex.requireComments();
          return comments;
        },
      },
    };
  }
}
