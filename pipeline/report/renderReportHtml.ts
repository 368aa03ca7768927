/** report.html: one self-contained, printable page (inline CSS and SVG, no external requests) — pure string building. */
import type { SummaryFinding, SummaryJson } from '../aggregate/summaryTypes';
import layout from '../presentation/reportLayout.json';
import type { Lang } from '../../core/types';
import { fieldLabel, fieldName, isMoneyField } from '../presentation/fieldLabel';
import { fillText } from '../../core/text/fillText';
import {
  formatCount,
  formatMoney,
  formatPercent,
  formatPoints,
} from '../presentation/formatNumber';
import { phrasesFor, type Phrases } from '../presentation/phrases';
import { buildReportValues, formatTotal, type ReportValues } from './reportValues';
import { todayDate, type RunDate } from './runDate';
import { buildTownshipTable } from './townshipTable';
import type { ReturnsIndex } from '../write/writeReturns';

/** A rendered chart to inline: its caption and SVG text. */
export interface InlineChart {
  name: string;
  title: string;
  svg: string;
}

/** How many finding messages are listed per rejected file. */
const reasonsShown = 5;

/** The whole page as a string; every text from the summary is HTML-escaped. */
export function renderReportHtml(
  summary: SummaryJson,
  charts: readonly InlineChart[],
  lang: Lang,
  date: RunDate = todayDate(),
  returns: ReturnsIndex | null = null,
): string {
  const p = phrasesFor(lang);
  const h = p.html;
  const values = buildReportValues(summary, lang, date);
  const title = fillText(h.title, values.text);
  const previousLabel =
    summary.previous === null
      ? ''
      : summary.previous.year === null
        ? h.previousFallback
        : fillText(h.previousYear, { previousYear: String(summary.previous.year) });
  const parts = [
    `<!DOCTYPE html>`,
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(title)}</title>`,
    `<style>${css}</style></head>`,
    `<body>`,
    `<header><h1>${esc(title)}</h1><p class="sub">${esc(h.subtitle)}</p></header>`,
    overviewSection(summary, p),
    keyFiguresSection(summary, p, lang, previousLabel, values),
    townshipSection(summary, p, lang),
    chartsSection(charts, p),
    notIncludedSection(summary, p, lang, values, returns),
    findingsSection(summary.findings, p, lang),
    `<footer>${esc(fillText(h.generated, values.text))}</footer>`,
    `</body></html>`,
  ];
  return parts.join('\n') + '\n';
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Makes an ECharts SVG fit for inlining: no namespace URLs (HTML parses inline SVG without them), ids unique per chart. */
export function inlineSvg(svg: string, index: number): string {
  return svg
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\bzr(\d+)-/g, `c${index}-zr$1-`)
    .replace(/<svg /, '<svg role="img" ');
}

function overviewSection(summary: SummaryJson, p: Phrases): string {
  const h = p.html;
  const t = summary.townships;
  const cards = [
    card(
      h.townshipsAccepted,
      `${formatCount(t.accepted.length, p.number)} / ${formatCount(t.expected, p.number)}`,
      '',
    ),
    card(h.villages, formatCount(summary.villages, p.number), ''),
    card(h.rejected, formatCount(t.rejected.length, p.number), t.rejected.length > 0 ? 'warn' : ''),
    card(h.missing, formatCount(t.missing.length, p.number), t.missing.length > 0 ? 'warn' : ''),
  ];
  return `<section><h2>${esc(h.overview)}</h2><div class="cards">${cards.join('')}</div></section>`;
}

function keyFiguresSection(
  summary: SummaryJson,
  p: Phrases,
  lang: Lang,
  previousLabel: string,
  values: ReportValues,
): string {
  const h = p.html;
  // Like for like: over the townships present in both years when last year's summary has them.
  const comparable = summary.previous?.comparable;
  const change = comparable?.change ?? summary.previous?.change;
  const totals = layout.keyTotals.map((id) => {
    const value = summary.totals[id] ?? 0;
    const delta = change?.totals[id];
    const base = comparable ? comparable.previous.totals[id] : value - (delta ?? 0);
    return card(
      fieldName(id, lang),
      formatTotal(id, value, p),
      '',
      delta === undefined || base === undefined ? '' : totalArrow(id, base, delta, p),
    );
  });
  const rates = layout.keyRates.map((id) => {
    const delta = change?.rates[id];
    const arrow = delta === undefined || delta === null ? '' : rateArrow(delta, p);
    return card(
      fieldLabel(id, lang),
      formatPercent(summary.rates[id] ?? null, p.number, p.noValue),
      '',
      arrow,
    );
  });
  const basis =
    values.numbers.comparableDiffers === 1
      ? fillText(h.comparableBasis, values.text)
      : values.numbers.comparableUnknown === 1
        ? h.comparableUnknown
        : '';
  const note =
    previousLabel === ''
      ? ''
      : `<p class="note">${esc(previousLabel)}${basis === '' ? '' : `<br>${esc(basis)}`}</p>`;
  return [
    `<section><h2>${esc(h.keyTotals)}</h2>${note}<div class="cards">${totals.join('')}</div>`,
    `<h3>${esc(h.rates)}</h3><div class="cards">${rates.join('')}</div></section>`,
  ].join('\n');
}

function townshipSection(summary: SummaryJson, p: Phrases, lang: Lang): string {
  const table = buildTownshipTable(summary, lang);
  const cls = (i: number): string => (table.numeric[i] ? ' class="num"' : '');
  const row = (cells: string[], tag: 'td' | 'th'): string =>
    `<tr>${cells.map((c, i) => `<${tag}${cls(i)}>${esc(c)}</${tag}>`).join('')}</tr>`;
  return [
    `<section class="page"><h2>${esc(p.html.byTownship)}</h2><p class="note">${esc(table.caption)}</p>`,
    `<table class="towns"><thead>${row(table.header, 'th')}</thead><tbody>`,
    ...table.rows.map((r) => row(r, 'td')),
    `</tbody><tfoot>${row(table.total, 'td')}</tfoot></table>`,
    table.moreNote === '' ? '' : `<p class="note more">${esc(table.moreNote)}</p>`,
    `</section>`,
  ].join('\n');
}

function chartsSection(charts: readonly InlineChart[], p: Phrases): string {
  if (charts.length === 0) return '';
  const figures = charts.map((c, i) => {
    const caption = fillText(p.figureCaption, { n: String(i + 1), title: c.title });
    return `<figure id="chart-${esc(c.name)}">${inlineSvg(c.svg, i)}<figcaption>${esc(caption)}</figcaption></figure>`;
  });
  return `<section class="page"><h2>${esc(p.html.charts)}</h2>\n${figures.join('\n')}\n</section>`;
}

/** The note under a cut-off list: `template` with `{n}`, the count left out. */
function moreNote(template: string, n: number, p: Phrases): string {
  return `<p class="note more">${esc(fillText(template, { n: formatCount(n, p.number) }))}</p>`;
}

/** A relative link into returns/ (each path segment URL-encoded: the names are Chinese). */
function returnsLink(returns: ReturnsIndex, name: string, label: string): string {
  const href = [returns.dir, name].map(encodeURIComponent).join('/');
  return `<a href="${esc(href)}">${esc(label)}</a>`;
}

function notIncludedSection(
  summary: SummaryJson,
  p: Phrases,
  lang: Lang,
  values: ReportValues,
  returns: ReturnsIndex | null,
): string {
  const h = p.html;
  // The returned files by input file: the table links to each file's note and marked copy.
  const returned = new Map((returns?.files ?? []).map((f) => [f.file, f]));
  const returnCell = (file: string): string => {
    const f = returned.get(file);
    if (returns === null || f === undefined) return '';
    const links = [returnsLink(returns, f.note, h.returnNote)];
    if (f.marked !== null) links.push(returnsLink(returns, f.marked, h.returnMarked));
    return links.join(' ');
  };
  const returnsColumn = returns !== null;
  const t = summary.townships;
  const max = layout.listMaxRows;
  const shownRejected = t.rejected.slice(0, max);
  // One pass over the findings for the shown files only (not a scan per rejected file).
  const errorsByFile = new Map<string, SummaryFinding[]>(shownRejected.map((r) => [r.file, []]));
  for (const f of summary.findings) {
    if (f.severity === 'error') errorsByFile.get(f.file)?.push(f);
  }
  const moreRejected =
    t.rejected.length > max ? moreNote(h.moreRejected, t.rejected.length - max, p) : '';
  const rejected =
    t.rejected.length === 0
      ? `<p>${esc(h.noneRejected)}</p>`
      : [
          `<table><thead><tr><th>${esc(p.table.township)}</th><th>${esc(h.file)}</th><th class="num">${esc(h.errors)}</th><th>${esc(fillText(h.reasons, { n: String(reasonsShown) }))}</th>${returnsColumn ? `<th>${esc(h.returnFiles)}</th>` : ''}</tr></thead><tbody>`,
          ...shownRejected.map((r) => {
            const errors = errorsByFile.get(r.file) ?? [];
            const items = errors
              .slice(0, reasonsShown)
              .map((f) => `<li>${esc(message(f, lang))}</li>`);
            if (errors.length > reasonsShown)
              items.push(
                `<li class="more">${esc(fillText(h.moreReasons, { n: String(errors.length - reasonsShown) }))}</li>`,
              );
            return `<tr><td>${esc(r.township ?? h.unknownTownship)}</td><td>${esc(r.file)}</td><td class="num">${esc(formatCount(r.errors, p.number))}</td><td><ul>${items.join('')}</ul></td>${returnsColumn ? `<td class="returns">${returnCell(r.file)}</td>` : ''}</tr>`;
          }),
          `</tbody></table>`,
          moreRejected,
        ].join('\n');
  const moreMissing =
    t.missing.length > max ? moreNote(h.moreMissing, t.missing.length - max, p) : '';
  // A missing township that a rejected file probably meant gets that file beside its name.
  const misnamed = new Map((t.misnamed ?? []).map((m) => [m.township, m]));
  const missingName = (name: string): string => {
    const m = misnamed.get(name);
    return m === undefined
      ? name
      : fillText(p.lists.misnamed, { township: name, file: m.file, written: m.written });
  };
  const missing =
    t.missing.length === 0
      ? `<p>${esc(h.noneMissing)}</p>`
      : `<p class="missing">${t.missing.slice(0, max).map(missingName).map(esc).join(p.lists.separator)}</p>${moreMissing}`;
  const comparable = summary.previous?.comparable;
  const onlyLastYear =
    comparable !== undefined && comparable.onlyLastYear.length > 0
      ? `<h3>${esc(fillText(h.onlyLastYear, { n: formatCount(comparable.onlyLastYear.length, p.number) }))}</h3><p>${esc(values.text['comparable.onlyLastYear'] ?? '')}</p>`
      : '';
  return [
    `<section class="page"><h2>${esc(h.notIncluded)}</h2>`,
    `<h3>${esc(h.rejected + fillText(h.countInBrackets, { n: String(t.rejected.length) }))}</h3>`,
    rejected,
    `<h3>${esc(h.missing + fillText(h.countInBrackets, { n: String(t.missing.length) }))}</h3>`,
    missing,
    returns === null
      ? ''
      : `<p class="note returns">${fillText(esc(h.returnList), { link: returnsLink(returns, returns.list, returns.list) })}</p>`,
    onlyLastYear,
    `</section>`,
  ].join('\n');
}

function findingsSection(findings: readonly SummaryFinding[], p: Phrases, lang: Lang): string {
  const h = p.html;
  if (findings.length === 0)
    return `<section><h2>${esc(h.findings)}</h2><p>${esc(h.noFindings)}</p></section>`;
  const groups = new Map<
    string,
    { code: string; severity: string; count: number; example: string }
  >();
  let errors = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors += 1;
    const g = groups.get(f.code);
    if (g !== undefined) {
      g.count += 1;
      continue;
    }
    // The example is the first finding of its code; formatted once per code, not per finding.
    groups.set(f.code, {
      code: f.code,
      severity: f.severity,
      count: 1,
      example: fillText(h.exampleOf, {
        where: f.township ?? f.file,
        message: message(f, lang),
      }),
    });
  }
  const sorted = [...groups.values()].sort((a, b) =>
    a.severity === b.severity
      ? b.count - a.count || (a.code < b.code ? -1 : 1)
      : a.severity === 'error'
        ? -1
        : 1,
  );
  const max = layout.listMaxRows;
  const more =
    sorted.length > max
      ? moreNote(
          h.moreFindings,
          sorted.slice(max).reduce((n, g) => n + g.count, 0),
          p,
        )
      : '';
  return [
    `<section><h2>${esc(h.findings)}</h2>`,
    `<p>${esc(fillText(h.findingsIntro, { errors: formatCount(errors, p.number), warnings: formatCount(findings.length - errors, p.number) }))}</p>`,
    // Grouped by finding code, but the code is for machines (summary.json, findings.csv): people read the message.
    `<table><thead><tr><th>${esc(h.severity)}</th><th class="num">${esc(h.count)}</th><th>${esc(h.example)}</th></tr></thead><tbody>`,
    ...sorted
      .slice(0, max)
      .map(
        (g) =>
          `<tr class="${g.severity === 'error' ? 'err' : 'wrn'}"><td>${esc(g.severity === 'error' ? h.error : h.warning)}</td><td class="num">${esc(formatCount(g.count, p.number))}</td><td>${esc(g.example)}</td></tr>`,
      ),
    `</tbody></table>${more}</section>`,
  ].join('\n');
}

function card(label: string, value: string, cls: string, change = ''): string {
  return `<div class="card${cls === '' ? '' : ` ${cls}`}"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div>${change}</div>`;
}

/** ▲/▼ with the change and its percentage of `previous` (last year's value on the same basis). */
function totalArrow(id: string, previous: number, delta: number, p: Phrases): string {
  const size = isMoneyField(id)
    ? formatMoney(Math.abs(delta), p.number)
    : formatCount(Math.abs(delta), p.number);
  const pct =
    previous > 0 ? ` (${formatPercent(Math.abs(delta) / previous, p.number, p.noValue)})` : '';
  return arrow(delta, `${size}${pct}`, p);
}

function rateArrow(delta: number, p: Phrases): string {
  return arrow(delta, `${formatPoints(delta, p.number)}${p.html.percentPoints}`, p);
}

function arrow(delta: number, text: string, p: Phrases): string {
  const h = p.html;
  if (Math.abs(delta) < 1e-9) return `<div class="chg same">${esc(h.same)}</div>`;
  return delta > 0
    ? `<div class="chg up">${esc(h.up)} ${esc(text)}</div>`
    : `<div class="chg down">${esc(h.down)} ${esc(text)}</div>`;
}

function message(f: SummaryFinding, lang: Lang): string {
  return lang === 'en' ? f.message_en : f.message_zh;
}

// Only local fonts: the page must not fetch anything (no web fonts, no URLs).
const css = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --accent: #b03a2e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); line-height: 1.6;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimHei", sans-serif; }
h1 { font-size: 28px; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 22px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 18px; margin: 20px 0 8px; }
.sub, .note, footer { color: var(--muted); font-size: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; break-inside: avoid; }
.card .label { color: var(--muted); font-size: 14px; }
.card .value { font-size: 24px; font-weight: bold; }
.card.warn .value { color: var(--accent); }
.chg { font-size: 14px; }
.chg.up { color: #1a7f37; } .chg.down { color: #b03a2e; } .chg.same { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: bold; background: #fafafa; }
ul { margin: 0; padding-left: 18px; }
tr.err td:first-child { color: var(--accent); }
figure { margin: 16px 0 28px; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { text-align: center; color: var(--muted); font-size: 14px; }
footer { margin-top: 32px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 12pt; }
  section.page { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .card { border-color: #999; }
}
`;
