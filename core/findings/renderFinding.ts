/** Renders findings to their zh/en messages from the schema's templates. */
import { fillText, placeholderNames } from '../text/fillText';
import type { Finding, Lang, RenderedFinding, Schema } from '../types';

export type { Lang };

/** The message of `code` in `lang` with `params` filled in; a param `<name>_<lang>` (reason_en) wins over `<name>`, and a param the finding lacks (or holds as null) is empty text. Throws on an unknown code (a bug). */
export function formatMessage(
  schema: Schema,
  code: string,
  params: Readonly<Record<string, string | number | null | undefined>>,
  lang: Lang,
): string {
  const spec = schema.findings[code];
  if (!spec) throw new Error(`formatMessage: unknown finding code ${code}`);
  // A finding's params are optional by design (the worksheet only when the reader names it): absent ones are empty.
  const values: Record<string, string | number> = {};
  for (const name of placeholderNames(spec[lang]))
    values[name] = params[`${name}_${lang}`] ?? params[name] ?? '';
  return fillText(spec[lang], values);
}

/** The placeholders a finding offers its template: its fields, its params, `header` of its field, and `suggestionText`. Column headers (`header`, `…Header` params) follow the message's language: English gives the `en` label with the sheet's Chinese header in brackets. */
function messageParams(
  finding: Finding,
  schema: Schema,
  lang: Lang,
): Record<string, string | number | null> {
  const column =
    finding.field === null ? undefined : schema.columns.find((c) => c.id === finding.field);
  const { params, ...fields } = finding;
  // English names the column in English and keeps the sheet's Chinese header, which is what the user sees.
  const english = (zh: string, en: string | undefined): string => (en ? `${en} [${zh}]` : zh);
  const headerIn = (zh: string): string =>
    lang === 'en' ? english(zh, schema.columns.find((c) => c.header === zh)?.en) : zh;
  const localParams: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params))
    localParams[name] = /Header$/.test(name) && typeof value === 'string' ? headerIn(value) : value;
  return {
    header: column ? headerIn(column.header) : (finding.field ?? ''),
    ...fields,
    ...localParams,
    suggestionText:
      finding.suggestion === null
        ? ''
        : fillText(schema.suggestionText[lang], { suggestion: finding.suggestion }),
  };
}

/** The finding with `message_zh` and `message_en` (params dropped), as in summary.json. */
export function renderFinding(finding: Finding, schema: Schema): RenderedFinding {
  const { params: _params, ...rest } = finding;
  return {
    ...rest,
    message_zh: formatMessage(schema, finding.code, messageParams(finding, schema, 'zh'), 'zh'),
    message_en: formatMessage(schema, finding.code, messageParams(finding, schema, 'en'), 'en'),
  };
}
