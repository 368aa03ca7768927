/**
 * The check page's engine: core, readers (exceljs, SheetJS), intake and workbook writers. Bundled
 * apart from the page's UI and kept in the HTML as inert text, it is evaluated only when a file is
 * picked or a template asked for, so the page opens at once (scripts/build-page.mjs).
 */
import { buildTemplateLayout, loadSchema, renderFinding, summarizeSheet, valueOf } from '../core';
import type { Registry, RenderedFinding, Schema, SheetSummary } from '../core';
import { checkBytes, type ValidatedFile } from '../intake/checkFile';
import { failureFinding, extensionOf } from '../intake/readBytes';
import { readRegistryBytes } from '../intake/readRegistryBytes';
import { markWorkbook, type MarkSource } from '../workbook/markWorkbook';
import { templateWorkbook } from '../workbook/templateWorkbook';

/** What the page shows of one checked file. */
export interface CheckView {
  id: number;
  verdict: ValidatedFile;
  year: number | null;
  county: string | null;
  /** The worksheet read, when the workbook has more than one. */
  sheetName: string | null;
  /** Village name by 1-based row, for the row headings. */
  villages: Record<number, string>;
  /** 本表合计 of the sheet read (null when the file could not be read). */
  summary: SheetSummary | null;
  /** Whether a 标注版 can be made (the file was read and has findings). */
  markable: boolean;
}

/** A registry picked on the page, or why it cannot be used (messages in both languages). */
export type RegistryView =
  | { ok: true; townships: { name: string; villages: string[] }[] }
  | { ok: false; messages: { zh: string; en: string }[] };

/** A file to download. */
export interface Download {
  bytes: Uint8Array;
  fileName: string;
}

/** The engine's API on `window.CountyRollupEngine`. */
export interface Engine {
  schema: Schema;
  check(bytes: Uint8Array, fileName: string): Promise<CheckView>;
  setRegistry(bytes: Uint8Array | null, fileName: string): Promise<RegistryView>;
  mark(id: number, lang: 'zh' | 'en'): Promise<Download>;
  template(options: { township: string | null; year: number | null }): Promise<Download>;
}

const schema = loadSchema();
let registry: Registry | null = null;
const checked = new Map<number, { source: MarkSource; findings: RenderedFinding[] }>();
let nextId = 1;

function markFormat(extension: string, format: 'text' | 'xlsx' | 'xls'): MarkSource['format'] {
  if (format === 'xlsx' || format === 'xls') return format;
  return extension === '.txt' ? 'txt' : 'csv';
}

const engine: Engine = {
  schema,

  async check(bytes, fileName) {
    const result = await checkBytes(bytes, fileName, { schema, registry, year: null });
    const id = nextId++;
    const choice = result.choice;
    const workbook = result.workbook;
    const villages: Record<number, string> = {};
    let summary: SheetSummary | null = null;
    if (choice !== null && workbook !== null) {
      for (const v of choice.parsed.villages) {
        const name = valueOf(v, 'village');
        if (typeof name === 'string') villages[v.row] = name;
      }
      summary = summarizeSheet(choice.parsed, schema);
      const sheet = workbook.sheets[choice.index]!;
      checked.set(id, {
        source: {
          bytes,
          fileName,
          format: markFormat(extensionOf(fileName), workbook.format),
          sheetName: sheet.name,
          grid: sheet.grid,
        },
        findings: result.verdict.findings,
      });
    }
    return {
      id,
      verdict: result.verdict,
      year: result.decided.year,
      county: result.decided.county,
      sheetName: result.decided.sheetName,
      villages,
      summary,
      markable: checked.has(id) && result.verdict.findings.length > 0,
    };
  },

  async setRegistry(bytes, fileName) {
    if (bytes === null) {
      registry = null;
      return { ok: true, townships: [] };
    }
    // As the CLI's --registry (the same intake function): any other extension is read as text.
    const read = await readRegistryBytes(bytes, fileName, schema);
    if (read.ok) {
      registry = read.registry;
      return {
        ok: true,
        townships: read.registry.townships.map((t) => ({ name: t.name, villages: t.villages })),
      };
    }
    if (read.reason === 'unreadable') {
      const f = renderFinding(failureFinding(schema, read.failure), schema);
      return { ok: false, messages: [{ zh: f.message_zh, en: f.message_en }] };
    }
    // The core's registry messages name their row themselves.
    return {
      ok: false,
      messages: read.errors.map((e) => ({ zh: e.message_zh, en: e.message_en })),
    };
  },

  async mark(id, lang) {
    const entry = checked.get(id);
    if (entry === undefined) throw new Error(`no checked file ${id}`);
    return markWorkbook(entry.source, entry.findings, { schema, lang });
  },

  async template({ township, year }) {
    const villages = registry?.townships.find((t) => t.name === township)?.villages ?? [];
    const layout = buildTemplateLayout(schema, { township, year, county: null, villages });
    const bytes = await templateWorkbook(layout);
    const parts = [township, year === null ? null : `${year}年`].filter((p) => p !== null);
    return { bytes, fileName: `${parts.join('')}妇联工作统计表.xlsx` };
  },
};

(globalThis as unknown as { CountyRollupEngine: Engine }).CountyRollupEngine = engine;
