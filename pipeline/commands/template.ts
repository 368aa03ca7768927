/** `county-rollup template`: writes the entry workbook a township fills in (issue 2 item 5). */
import { existsSync, statSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadSchema, renderFinding, resolveTownship } from '../../core';
import { buildTemplateLayout } from '../../core/templateLayout';
import type { Registry } from '../../core/types';
import type { CliIO } from '../args';
import { parseArgs, parseYear } from '../args';
import { readRegistry } from '../io/readRegistry';
import { writeTemplate } from '../io/writeTemplate';
import type { Lang } from '../messages';
import { message } from '../messages';

/**
 * This command's texts, in the CLI's zh/en form. They belong in pipeline/messages.ts (requested
 * from its owner); kept here meanwhile so the command is complete on its own.
 */
const TEMPLATE_MESSAGES = {
  missingOut: {
    zh: '请用 --out 指定要生成的 .xlsx 文件，如 --out 黎岭镇.xlsx。',
    en: 'Give the .xlsx file to write with --out, e.g. --out township.xlsx.',
  },
  outNotXlsx: {
    zh: '--out 应为 .xlsx 文件，现为“{path}”。',
    en: '--out must be an .xlsx file, found “{path}”.',
  },
  outExists: {
    zh: '“{path}”已存在，未覆盖（可能是已填报的表）。请换一个文件名，或加 --force 覆盖。',
    en: '“{path}” already exists and was left alone (it may be a filled-in sheet). Choose another name or add --force to overwrite.',
  },
  outIsDir: {
    zh: '“{path}”是文件夹，请给出 .xlsx 文件名。',
    en: '“{path}” is a folder; give an .xlsx file name.',
  },
  outDirMissing: {
    zh: '文件夹“{dir}”不存在，请先创建或换一个位置。',
    en: 'The folder “{dir}” does not exist; create it or choose another place.',
  },
  writeFailed: { zh: '无法写入“{path}”（{reason}）。', en: 'Cannot write “{path}” ({reason}).' },
  registryNeedsTownship: {
    zh: '给了 --registry 时请用 --township 指定乡镇，模板会预填该乡镇的村（社区）。',
    en: 'With --registry, name the township with --township; its villages are pre-filled.',
  },
  unexpectedArgument: { zh: '多余的参数“{value}”。', en: 'Unexpected argument “{value}”.' },
  written: {
    zh: '已生成统计表模板：{path}（乡镇：{township}；年度：{year}；预填 {villages} 个村（社区））',
    en: 'Wrote the entry-sheet template {path} (township: {township}; year: {year}; {villages} villages pre-filled)',
  },
  unknownPart: { zh: '未指定', en: 'not set' },
} as const;

type TemplateMessageKey = keyof typeof TEMPLATE_MESSAGES;

function say(
  lang: Lang,
  key: TemplateMessageKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return TEMPLATE_MESSAGES[key][lang].replace(/\{(\w+)\}/gu, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

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
  if (!args.ok) return fail(`${args.error[io.lang]}\n${message(io.lang, 'helpHint')}`);
  if (args.positionals.length > 0) {
    return fail(
      `${say(io.lang, 'unexpectedArgument', { value: args.positionals[0] ?? '' })}\n${message(io.lang, 'helpHint')}`,
    );
  }
  const out = args.options.get('--out');
  if (out === undefined) return fail(say(io.lang, 'missingOut'));
  if (!/\.xlsx$/iu.test(out)) return fail(say(io.lang, 'outNotXlsx', { path: out }));
  const yearText = args.options.get('--year');
  const year = yearText === undefined ? null : parseYear(yearText);
  if (yearText !== undefined && year === null)
    return fail(message(io.lang, 'badYear', { value: yearText }));
  const registryPath = args.options.get('--registry');
  const townshipText = args.options.get('--township');
  if (registryPath !== undefined && townshipText === undefined)
    return fail(say(io.lang, 'registryNeedsTownship'));

  const outProblem = checkOut(out, args.flags.has('--force'), io.lang);
  if (outProblem !== null) return fail(outProblem);

  const schema = loadSchema();
  let registry: Registry | null = null;
  if (registryPath !== undefined) {
    const read = await readRegistry(registryPath, schema);
    if (!read.ok) {
      const lines = read.errors.map((e) =>
        e.row === null
          ? message(io.lang, 'registryUnreadable', {
              path: registryPath,
              reason: io.lang === 'zh' ? e.message_zh : e.message_en,
            })
          : message(io.lang, 'registryInvalid', {
              path: registryPath,
              row: e.row,
              message: io.lang === 'zh' ? e.message_zh : e.message_en,
            }),
      );
      return fail(`${lines.join('\n')}\n${message(io.lang, 'registryFix')}`);
    }
    registry = read.registry;
  }

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
  const written = await writeAtomically(out, bytes);
  if (written !== null) return fail(say(io.lang, 'writeFailed', { path: out, reason: written }));

  const unknown = say(io.lang, 'unknownPart');
  io.stderr(
    `${say(io.lang, 'written', { path: out, township: township ?? unknown, year: year ?? unknown, villages: villages.length })}\n`,
  );
  return 0;
}

/** Why `out` cannot be written, or null. An existing file is kept unless --force: it may be a filled-in sheet. */
function checkOut(out: string, force: boolean, lang: Lang): string | null {
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return say(lang, 'outDirMissing', { dir });
  if (!existsSync(out)) return null;
  if (statSync(out).isDirectory()) return say(lang, 'outIsDir', { path: out });
  return force ? null : say(lang, 'outExists', { path: out });
}

/** Writes to a temporary file beside the target, then renames it into place; returns the error text or null. */
async function writeAtomically(out: string, bytes: Buffer): Promise<string | null> {
  // A dot-file beside the target: same file system (rename stays atomic), and merge skips hidden files.
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, out);
    return null;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    return error instanceof Error ? error.message : String(error);
  }
}
