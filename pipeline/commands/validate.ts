/** `county-rollup validate <file-or-dir>...`: findings per file, in plain words or as JSON; no output files. */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSchema } from '../../core';
import type { RenderedFinding, Schema } from '../../core/types';
import { validatedFile, type CheckOptions, type ValidatedFile } from '../../intake/checkFile';
import type { CliIO } from '../cli/args';
import { argProblemText, parseArgs, parseYear, usageError } from '../cli/args';
import { listInputs } from '../io/listInputs';
import type { FilePath } from '../io/filePath';
import { layoutFields } from '../../intake/compactSheet';
import { decideIntake } from '../../intake/decideIntake';
import { intakeFile } from '../intake/intakeFiles';
import { message } from '../cli/messages';
import { loadRegistryOption } from './registryOption';
import { freeFileName, realPathOf, writeFileAtomic } from '../write/writeFileAtomic';
import { markWorkbook, type MarkSource } from '../../workbook/markWorkbook';

/**
 * Reads and decides one township file exactly as merge does (the one intake path: intakeFile, then
 * decideIntake on the file alone), so validate's verdict is merge's verdict for that file — and the
 * offline check page's (intake/checkFile.checkBytes, the same functions after reading).
 */
export async function checkTownshipFile(
  path: FilePath,
  options: CheckOptions,
): Promise<ValidatedFile> {
  return (await checkWithSource(path, options, false)).file;
}

/** checkTownshipFile, and (when `keepSource`) what the file's 标注版 is made from (null when it could not be read). */
async function checkWithSource(
  path: FilePath,
  options: CheckOptions,
  keepSource: boolean,
): Promise<{ file: ValidatedFile; source: MarkSource | null }> {
  const { schema, registry, year } = options;
  const layout = options.layout ?? layoutFields(schema);
  const outcome = await intakeFile(path, { schema, layout, registry, year, keepSource });
  return {
    file: validatedFile(decideIntake([outcome], { schema, registry, year }).files[0]!, schema),
    source: outcome.source ?? null,
  };
}

/** Runs `validate`; returns the exit status: 0 no error, 1 some file has an error, 2 could not run. */
export async function runValidate(argv: string[], io: CliIO): Promise<number> {
  const say = (
    key: Parameters<typeof message>[1],
    params: Record<string, string | number> = {},
  ): string => message(io.lang, key, params);
  const args = parseArgs(argv, {
    flags: ['--json'],
    options: ['--registry', '--year', '--mark'],
  });
  if (!args.ok) {
    io.stderr(`${argProblemText(io.lang, args.error)}\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    io.stderr(`${usageError(io.lang, 'missingPaths')}\n`);
    return 2;
  }
  const yearText = args.options.get('--year');
  const year = yearText === undefined ? null : parseYear(yearText);
  if (yearText !== undefined && year === null) {
    io.stderr(`${say('badYear', { value: yearText })}\n`);
    return 2;
  }

  const schema = loadSchema();
  const registry = await loadRegistryOption(args.options.get('--registry'), schema, io);
  if (registry === 'failed') return 2;

  const inputs = await collectInputs(args.positionals, io);
  if (inputs === null) return 2;

  const markDir = args.options.get('--mark');
  const marks = markDir === undefined ? null : await prepareMarkDir(markDir, inputs, io);
  if (marks === 'failed') return 2;

  // Streamed file by file: a folder of large sheets never becomes one huge string.
  const json = args.flags.has('--json');
  const layout = layoutFields(schema);
  let rejected = 0;
  if (json) io.stdout('{\n  "files": [\n');
  for (const [i, path] of inputs.entries()) {
    const checked = await checkWithSource(path, { schema, registry, year, layout }, marks !== null);
    const entry = checked.file;
    let note: string | null = null;
    if (marks !== null && entry.findings.length > 0) {
      if (checked.source === null) note = message(io.lang, 'markUnavailable');
      else {
        const written = await writeMark(marks, checked.source, entry.findings, schema, io);
        if (written === null) return 2;
        entry.marked = written;
        note = message(io.lang, 'markWritten', { path: written });
      }
    }
    if (entry.status === 'rejected') rejected++;
    if (json) io.stdout(`${i > 0 ? ',\n' : ''}${indent(JSON.stringify(entry, null, 2), '    ')}`);
    else io.stdout(formatFile(entry, io.lang, note));
  }
  if (json) io.stdout('\n  ]\n}\n');
  else io.stdout(totalLine(inputs.length, rejected, io.lang));
  return rejected > 0 ? 1 : 0;
}

/** Where --mark writes: the folder, the names taken in this run, and the inputs' real paths (never written over). */
interface MarkDir {
  dir: string;
  taken: Set<string>;
  inputs: Set<string>;
}

/** Creates the --mark folder when missing; 'failed' after printing why it cannot be used. */
async function prepareMarkDir(
  dir: string,
  inputs: readonly FilePath[],
  io: CliIO,
): Promise<MarkDir | 'failed'> {
  const real = new Set(inputs.map((p) => realPathOf(displayPathOf(p))));
  if (real.has(realPathOf(dir))) {
    io.stderr(`${message(io.lang, 'markDirIsInput', { path: dir })}\n`);
    return 'failed';
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    io.stderr(`${message(io.lang, 'markDirFailed', { path: dir, reason: reasonOf(error) })}\n`);
    return 'failed';
  }
  return { dir, taken: new Set(), inputs: real };
}

/** A path to compare: the string as given (a name that is not UTF-8 is compared by its bytes as Latin-1, never equal to ours). */
function displayPathOf(path: FilePath): string {
  return typeof path === 'string' ? path : path.toString('latin1');
}

/** Writes one 标注版 into the --mark folder (a distinct name per file, never an input's); its path, or null after printing why not. */
async function writeMark(
  marks: MarkDir,
  source: MarkSource,
  findings: readonly RenderedFinding[],
  schema: Schema,
  io: CliIO,
): Promise<string | null> {
  const copy = await markWorkbook(source, findings, { schema, lang: io.lang });
  const path = join(marks.dir, freeFileName(marks.dir, copy.fileName, marks.taken, marks.inputs));
  try {
    writeFileAtomic(path, copy.bytes);
  } catch (error) {
    io.stderr(`${message(io.lang, 'markWriteFailed', { path, reason: reasonOf(error) })}\n`);
    return null;
  }
  return path;
}

/** A short reason from an error (its code when it has one, e.g. EACCES). */
function reasonOf(error: unknown): string {
  if (error instanceof Error)
    return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}

function indent(text: string, by: string): string {
  return text.replace(/^/gmu, by);
}

/** The files named on the command line, folders expanded (entry-sheet §7.9); null after printing why when nothing can be read. */
async function collectInputs(paths: string[], io: CliIO): Promise<FilePath[] | null> {
  const files: FilePath[] = [];
  const ignored: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) {
      io.stderr(`${message(io.lang, 'pathNotFound', { path })}\n`);
      return null;
    }
    if (!info.isDirectory()) {
      // A FIFO or device would block or never end: only regular files are read.
      if (!info.isFile()) {
        io.stderr(`${message(io.lang, 'notRegularFile', { path })}\n`);
        return null;
      }
      files.push(path);
      continue;
    }
    try {
      const listing = await listInputs(path);
      files.push(...listing.files);
      ignored.push(...listing.ignored);
    } catch (error) {
      io.stderr(
        `${message(io.lang, 'dirUnreadable', { path, reason: error instanceof Error ? error.message : String(error) })}\n`,
      );
      return null;
    }
  }
  if (ignored.length > 0)
    io.stderr(
      `${message(io.lang, 'ignoredEntries', { names: ignored.join(message(io.lang, 'listSeparator')) })}\n`,
    );
  if (files.length === 0) {
    io.stderr(`${message(io.lang, 'noInputFiles', { paths: paths.join(' ') })}\n`);
    return null;
  }
  return files;
}

/** The plain-language report: per file a heading, its verdict and one line per finding, then a total line. */
export function formatReport(files: readonly ValidatedFile[], lang: 'zh' | 'en'): string {
  const rejected = files.filter((f) => f.status === 'rejected').length;
  return files.map((f) => formatFile(f, lang)).join('') + totalLine(files.length, rejected, lang);
}

/** One file of the report: its heading, its verdict, one line per finding, a `note` (the 标注版 written), and a blank line. */
export function formatFile(
  f: ValidatedFile,
  lang: 'zh' | 'en',
  note: string | null = null,
): string {
  const lines: string[] = [];
  const unknown = message(lang, 'unknownValue');
  const errors = f.findings.filter((x) => x.severity === 'error').length;
  const warnings = f.findings.length - errors;
  // A file rejected before its grid was read (format, encoding) has no encoding to show.
  const details = [message(lang, 'headingTownship', { township: f.township ?? unknown })];
  if (f.encoding !== null) details.push(message(lang, 'headingEncoding', { encoding: f.encoding }));
  lines.push(
    message(lang, 'fileHeading', {
      file: f.file,
      details: details.join(message(lang, 'headingSeparator')),
    }),
  );
  if (f.status === 'rejected')
    lines.push(message(lang, 'fileRejected', { errors: Math.max(errors, 1), warnings }));
  else
    lines.push(
      warnings > 0
        ? message(lang, 'filePassedWithWarnings', { warnings })
        : message(lang, 'filePassed'),
    );
  for (const finding of f.findings) {
    lines.push(
      message(lang, 'findingLine', {
        severity: message(lang, finding.severity === 'error' ? 'severityError' : 'severityWarning'),
        message: lang === 'zh' ? finding.message_zh : finding.message_en,
      }),
    );
  }
  if (note !== null) lines.push(note);
  lines.push('');
  return `${lines.join('\n')}\n`;
}

/** The report's last line: files checked, passed, rejected. */
function totalLine(files: number, rejected: number, lang: 'zh' | 'en'): string {
  return `${message(lang, 'totalLine', { files, passed: files - rejected, rejected })}\n`;
}
