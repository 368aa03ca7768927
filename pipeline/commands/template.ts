/** `county-rollup template`: writes the entry workbook a township fills in (issue 2 item 5). */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadSchema, renderFinding, resolveTownship } from '../../core';
import { buildTemplateLayout } from '../../core/template/buildTemplateLayout';
import type { CliIO } from '../cli/args';
import { argProblemText, parseArgs, parseYear, usageError } from '../cli/args';
import { writeFileAtomic } from '../write/writeFileAtomic';
import { writeTemplate } from '../write/writeTemplate';
import type { Lang } from '../cli/messages';
import { message } from '../cli/messages';
import { loadRegistryOption } from './registryOption';

/**
 * Runs `template --out x.xlsx [--township 名称] [--year 2025] [--registry registry.csv] [--county 名称] [--force]`.
 * Returns 0 when written, 2 when nothing could be done (nothing is written then).
 */
export async function runTemplate(argv: string[], io: CliIO): Promise<number> {
  const fail = (text: string): number => {
    io.stderr(`${text}\n`);
    return 2;
  };
  const args = parseArgs(argv, {
    flags: ['--force'],
    options: ['--out', '--township', '--year', '--registry', '--county'],
  });
  if (!args.ok) return fail(argProblemText(io.lang, args.error));
  if (args.positionals.length > 0)
    return fail(usageError(io.lang, 'templateUnexpectedArgument', { value: args.positionals[0]! }));
  const out = args.options.get('--out');
  if (out === undefined) return fail(message(io.lang, 'templateMissingOut'));
  if (!/\.xlsx$/iu.test(out)) return fail(message(io.lang, 'templateOutNotXlsx', { path: out }));
  const yearText = args.options.get('--year');
  const year = yearText === undefined ? null : parseYear(yearText);
  if (yearText !== undefined && year === null)
    return fail(message(io.lang, 'badYear', { value: yearText }));
  const registryPath = args.options.get('--registry');
  const townshipText = args.options.get('--township');
  if (registryPath !== undefined && townshipText === undefined)
    return fail(message(io.lang, 'templateRegistryNeedsTownship'));

  const outProblem = checkOut(out, args.flags.has('--force'), io.lang);
  if (outProblem !== null) return fail(outProblem);

  const schema = loadSchema();
  const registry = await loadRegistryOption(registryPath, schema, io);
  if (registry === 'failed') return 2;

  // Without a registry the name is only tidied (Traditional → Simplified, spaces, a trailing 妇联).
  let township: string | null = null;
  if (townshipText !== undefined) {
    const resolved = resolveTownship(townshipText, null, registry, schema);
    if (resolved.finding !== null) {
      const rendered = renderFinding(resolved.finding, schema);
      return fail(io.lang === 'zh' ? rendered.message_zh : rendered.message_en);
    }
    township = resolved.township;
  }
  const villages = registry?.townships.find((t) => t.name === township)?.villages ?? [];
  const county = args.options.get('--county')?.trim() || null;

  const layout = buildTemplateLayout(schema, { township, year, county, villages });
  const bytes = await writeTemplate(layout);
  const written = writeOut(out, bytes);
  if (written !== null)
    return fail(message(io.lang, 'templateWriteFailed', { path: out, reason: written }));

  const unknown = message(io.lang, 'templateUnknownPart');
  io.stderr(
    `${message(io.lang, 'templateWritten', { path: out, township: township ?? unknown, year: year ?? unknown, villages: villages.length })}\n`,
  );
  return 0;
}

/** Why `out` cannot be written, or null. An existing file is kept unless --force: it may be a filled-in sheet. */
function checkOut(out: string, force: boolean, lang: Lang): string | null {
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return message(lang, 'templateOutDirMissing', { dir });
  if (!existsSync(out)) return null;
  if (statSync(out).isDirectory()) return message(lang, 'templateOutIsDir', { path: out });
  return force ? null : message(lang, 'templateOutExists', { path: out });
}

/** Writes `bytes` to `out` through a temporary sibling and one rename; returns the error text or null. */
function writeOut(out: string, bytes: Uint8Array): string | null {
  try {
    writeFileAtomic(out, bytes);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
