/**
 * returns/ of a merge: what the county sends back. Per rejected file its 标注版 and a short
 * 退回说明-<乡镇>.txt (plain Chinese, short enough to paste into a chat message), and one
 * 退回清单.csv with a line per rejected file and per missing township. Written into the version
 * folder writeOutDir gives, so it appears with the rest of the output, atomically.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Schema } from '../../core/types';
import { markWorkbook, type MarkSource } from '../../workbook/markWorkbook';
import { fillText } from '../../core/text/fillText';
import { phrasesFor, type Phrases } from '../presentation/phrases';
import type { SummaryFinding, SummaryJson } from '../aggregate/summaryTypes';
import type { OutputTable } from './outputTable';
import { writeCsv } from './writeCsv';
import { freeFileName } from './writeFileAtomic';

/** The folder inside --out. */
export const RETURNS_DIR = 'returns';

/** Error lines of a 退回说明 before "另有 N 处": with the head, the attachment line and the tail about 20 lines. */
const NOTE_ERROR_LINES = 15;

/** Reasons in 退回清单.csv's 主要问题. */
const LIST_REASONS = 3;

/** One rejected file's returns, names relative to returns/. */
export interface ReturnedFile {
  file: string;
  township: string | null;
  errors: number;
  /** The 标注版, null when the file could not be read (no grid to mark). */
  marked: string | null;
  note: string;
}

/** What returns/ holds (the report links to it); null from writeReturns when nothing was returned. */
export interface ReturnsIndex {
  dir: string;
  list: string;
  files: ReturnedFile[];
}

/** Options of writeReturns. */
export interface ReturnsOptions {
  schema: Schema;
  /** The 标注版's source of a rejected file (its base name), read again: the merge keeps no grids. Null when it cannot be read. */
  loadSource: (file: string) => Promise<MarkSource | null>;
}

/** Characters no file name may hold (Windows' set, and control characters). */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\\/:*?"<>|\u0000-\u001f]/gu;

/** The file name stem (马鞍乡2025年统计表.csv → 马鞍乡2025年统计表). */
function stem(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/**
 * Writes returns/ into `outDir` when some file was rejected or some township is missing; returns
 * what it wrote (null: nothing to return, no folder). The files are written in Chinese whatever
 * the run's language: they go to the townships.
 */
export async function writeReturns(
  outDir: string,
  summary: SummaryJson,
  options: ReturnsOptions,
): Promise<ReturnsIndex | null> {
  const { rejected, missing } = summary.townships;
  if (rejected.length === 0 && missing.length === 0) return null;
  const p = phrasesFor('zh');
  const r = p.returns;
  const dir = join(outDir, RETURNS_DIR);
  mkdirSync(dir, { recursive: true });
  const taken = new Set<string>([r.listFile.toLowerCase()]);
  const byFile = groupFindings(summary.findings);

  const files: ReturnedFile[] = [];
  for (const entry of rejected) {
    const findings = byFile.get(entry.file) ?? [];
    const source = await options.loadSource(entry.file);
    let marked: string | null = null;
    if (source !== null) {
      const copy = await markWorkbook(source, findings, { schema: options.schema, lang: 'zh' });
      marked = freeFileName(dir, safeName(copy.fileName), taken);
      writeFileSync(join(dir, marked), copy.bytes);
    }
    const who = entry.township ?? stem(entry.file);
    const note = freeFileName(dir, safeName(fillText(r.noteFile, { township: who })), taken);
    writeFileSync(join(dir, note), returnNote({ ...entry, marked }, findings, p));
    files.push({ ...entry, marked, note });
  }
  writeCsv(join(dir, r.listFile), returnsTable(files, byFile, summary, p));
  return { dir: RETURNS_DIR, list: r.listFile, files };
}

/** A name safe on every file system the county uses (Windows' forbidden characters replaced). */
function safeName(name: string): string {
  return name.replace(UNSAFE_NAME, '_');
}

/** The findings of each file, in summary order. */
function groupFindings(findings: readonly SummaryFinding[]): Map<string, SummaryFinding[]> {
  const byFile = new Map<string, SummaryFinding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return byFile;
}

/** A message's problem and what to do: split before its first "请…" clause; the cell address in front dropped. */
export function splitMessage(
  finding: SummaryFinding,
  p: Phrases,
): { problem: string; fix: string } {
  let text = finding.message_zh.trim();
  if (finding.cell !== null && text.startsWith(finding.cell))
    text = text.slice(finding.cell.length);
  const at = /[，。；]请/u.exec(text);
  const trim = (s: string): string => s.replace(/[，。；\s]+$/u, '').trim();
  const problem = trim(at === null ? text : text.slice(0, at.index));
  let fix = at === null ? p.returns.noteFixDefault : trim(text.slice(at.index + 1));
  if (finding.suggestion !== null)
    fix += fillText(p.returns.noteSuggestion, { suggestion: finding.suggestion });
  return { problem, fix };
}

/** Where a finding is: its cell, else its row, else the whole file. */
function placeOf(finding: SummaryFinding, p: Phrases): string {
  if (finding.cell !== null) return finding.cell;
  if (finding.row !== null) return fillText(p.returns.noteRow, { row: String(finding.row) });
  return p.returns.noteWholeFile;
}

/**
 * The 退回说明 text: who and how many errors, the attachment, one line per error
 * (单元格 — 问题 — 怎么改) up to NOTE_ERROR_LINES, then how many more and the warnings. Only the
 * file's own findings (already redacted), never a finding code.
 */
export function returnNote(
  entry: { file: string; township: string | null; errors: number; marked: string | null },
  findings: readonly SummaryFinding[],
  p: Phrases,
): string {
  const r = p.returns;
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.length - errors.length;
  const lines = [
    fillText(r.noteHead, {
      township: entry.township ?? stem(entry.file),
      file: entry.file,
      errors: String(entry.errors),
    }),
  ];
  if (entry.marked !== null) lines.push(fillText(r.noteMarked, { marked: entry.marked }));
  errors.slice(0, NOTE_ERROR_LINES).forEach((f, i) => {
    const { problem, fix } = splitMessage(f, p);
    lines.push(fillText(r.noteLine, { n: String(i + 1), cell: placeOf(f, p), problem, fix }));
  });
  // entry.errors counts the errors the per-file cap left out of the findings too.
  const more = entry.errors - Math.min(errors.length, NOTE_ERROR_LINES);
  if (more > 0)
    lines.push(
      fillText(entry.marked === null ? r.noteMoreNoCopy : r.noteMore, { n: String(more) }),
    );
  if (warnings > 0 && entry.marked !== null)
    lines.push(fillText(r.noteWarnings, { n: String(warnings) }));
  // CRLF: the note is opened in Notepad on the township's PC as often as pasted into a chat.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** 退回清单.csv: a line per rejected file, then a line per missing township (未报送; a misnamed one names the file). */
function returnsTable(
  files: readonly ReturnedFile[],
  byFile: ReadonlyMap<string, SummaryFinding[]>,
  summary: SummaryJson,
  p: Phrases,
): OutputTable {
  const r = p.returns;
  const misnamed = new Map((summary.townships.misnamed ?? []).map((m) => [m.township, m]));
  return {
    sheet: r.listFile,
    columns: [
      { label: r.township, kind: 'text', width: 12 },
      { label: r.file, kind: 'text', width: 30 },
      { label: r.errors, kind: 'count', width: 8 },
      { label: r.reasons, kind: 'text', width: 60 },
      { label: r.marked, kind: 'text', width: 30 },
      { label: r.note, kind: 'text', width: 30 },
    ],
    rows: function* () {
      for (const f of files) {
        const reasons = (byFile.get(f.file) ?? [])
          .filter((x) => x.severity === 'error')
          .slice(0, LIST_REASONS)
          .map((x) => x.message_zh)
          .join(r.reasonSeparator);
        yield [f.township ?? r.unknownTownship, f.file, f.errors, reasons, f.marked, f.note];
      }
      for (const township of summary.townships.missing) {
        const m = misnamed.get(township);
        const why =
          m === undefined ? r.missing : fillText(r.misnamed, { file: m.file, written: m.written });
        yield [township, null, null, why, null, null];
      }
    },
  };
}
