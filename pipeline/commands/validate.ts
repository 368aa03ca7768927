/** `county-rollup validate <file-or-dir>...`: findings per file, in plain words or as JSON; no output files. */
import { stat } from 'node:fs/promises';
import { loadSchema, redactFinding, renderFinding, validateGrid } from '../../core';
import type { ParsedSheet, Registry, RenderedFinding, Schema } from '../../core/types';
import type { CliIO } from '../args';
import { parseArgs, parseYear } from '../args';
import { listInputs } from '../io/listInputs';
import { loadRegistryOption } from '../io/readRegistry';
import { readTownshipFile } from '../io/readTownshipFile';
import { message } from '../messages';
import type { Encoding } from '../summaryTypes';

/** One file of `validate --json` (pipeline-contract.md); `status` is what merge would do with the file on its own. */
export interface ValidatedFile {
  file: string;
  encoding: Encoding | null;
  township: string | null;
  status: 'accepted' | 'rejected';
  findings: RenderedFinding[];
}

/** What checkTownshipFile returns: the report entry, plus the parsed sheet and file hash for callers that go on (merge). */
export interface CheckedFile extends ValidatedFile {
  sha256: string;
  sheet: ParsedSheet | null;
}

/** Options of checkTownshipFile. */
export interface CheckOptions {
  schema: Schema;
  registry: Registry | null;
  year: number | null;
}

/** Reads and validates one township file: read findings (encoding, format) or the core's findings on its grid. */
export async function checkTownshipFile(path: string, options: CheckOptions): Promise<CheckedFile> {
  const read = await readTownshipFile(path, options.schema);
  const sheet =
    read.grid === null
      ? null
      : validateGrid(read.grid, {
          schema: options.schema,
          registry: options.registry,
          fileName: read.file,
          year: options.year,
        });
  const findings = [...read.findings, ...(sheet?.findings ?? [])].map((f) =>
    renderFinding(redactFinding(f, options.schema), options.schema),
  );
  return {
    file: read.file,
    encoding: read.encoding,
    township: sheet?.township ?? null,
    status: findings.some((f) => f.severity === 'error') ? 'rejected' : 'accepted',
    findings,
    sha256: read.sha256,
    sheet,
  };
}

/** Runs `validate`; returns the exit status: 0 no error, 1 some file has an error, 2 could not run. */
export async function runValidate(argv: string[], io: CliIO): Promise<number> {
  const say = (
    key: Parameters<typeof message>[1],
    params: Record<string, string | number> = {},
  ): string => message(io.lang, key, params);
  const args = parseArgs(argv, { flags: ['--json'], options: ['--registry', '--year'] });
  if (!args.ok) {
    io.stderr(`${args.error[io.lang]}\n${say('helpHint')}\n`);
    return 2;
  }
  if (args.positionals.length === 0) {
    io.stderr(`${say('missingPaths')}\n${say('helpHint')}\n`);
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

  const files: ValidatedFile[] = [];
  for (const path of inputs) {
    const {
      sha256: _sha256,
      sheet: _sheet,
      ...entry
    } = await checkTownshipFile(path, { schema, registry, year });
    files.push(entry);
  }

  if (args.flags.has('--json')) io.stdout(`${JSON.stringify({ files }, null, 2)}\n`);
  else io.stdout(formatReport(files, io.lang));
  return files.some((f) => f.status === 'rejected') ? 1 : 0;
}

/** The files named on the command line, folders expanded (entry-sheet §7.9); null after printing why when nothing can be read. */
async function collectInputs(paths: string[], io: CliIO): Promise<string[] | null> {
  const files: string[] = [];
  const ignored: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) {
      io.stderr(`${message(io.lang, 'pathNotFound', { path })}\n`);
      return null;
    }
    if (!info.isDirectory()) {
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
      `${message(io.lang, 'ignoredEntries', { names: ignored.join(io.lang === 'zh' ? '、' : ', ') })}\n`,
    );
  if (files.length === 0) {
    io.stderr(`${message(io.lang, 'noInputFiles', { paths: paths.join(' ') })}\n`);
    return null;
  }
  return files;
}

/** The plain-language report: per file a heading, its verdict and one line per finding, then a total line. */
export function formatReport(files: readonly ValidatedFile[], lang: 'zh' | 'en'): string {
  const lines: string[] = [];
  const unknown = message(lang, 'unknownValue');
  for (const f of files) {
    const errors = f.findings.filter((x) => x.severity === 'error').length;
    const warnings = f.findings.length - errors;
    // A file rejected before its grid was read (format, encoding) has no encoding to show.
    const details = [message(lang, 'headingTownship', { township: f.township ?? unknown })];
    if (f.encoding !== null)
      details.push(message(lang, 'headingEncoding', { encoding: f.encoding }));
    lines.push(
      message(lang, 'fileHeading', {
        file: f.file,
        details: details.join(message(lang, 'headingSeparator')),
      }),
    );
    if (errors > 0) lines.push(message(lang, 'fileRejected', { errors, warnings }));
    else
      lines.push(
        warnings > 0
          ? message(lang, 'filePassedWithWarnings', { warnings })
          : message(lang, 'filePassed'),
      );
    for (const finding of f.findings) {
      lines.push(
        message(lang, 'findingLine', {
          severity: message(
            lang,
            finding.severity === 'error' ? 'severityError' : 'severityWarning',
          ),
          message: lang === 'zh' ? finding.message_zh : finding.message_en,
        }),
      );
    }
    lines.push('');
  }
  const rejected = files.filter((f) => f.status === 'rejected').length;
  lines.push(
    message(lang, 'totalLine', { files: files.length, passed: files.length - rejected, rejected }),
  );
  return `${lines.join('\n')}\n`;
}
