/** summary-draft.docx: the yearly summary draft (official-document layout), the per-township table and the charts. */
import {
  AlignmentType,
  Document,
  ImageRun,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { SummaryJson } from '../aggregate/summaryTypes';
import { fillProblems } from './fillProblems';
import { fillText } from '../../core/text/fillText';
import type { Lang } from '../../core/types';
import { phrasesFor, type Phrases } from '../presentation/phrases';
import { buildReportValues, fillSentences } from './reportValues';
import { todayDate, type RunDate } from './runDate';
import { buildTownshipTable } from './townshipTable';

/** A chart PNG to insert, with its caption and pixel size. */
export interface DocxChart {
  title: string;
  png: Buffer;
  width: number;
  height: number;
}

// Sizes in half-points (docx `size`) and twips, after the usual Chinese official-document layout:
// title 二号 (22 pt), headings and body 三号 (16 pt), fixed 28 pt lines, first line indented two characters.
const size = { title: 44, body: 32, note: 28, table: 21, caption: 24 };
const bodyLine = { line: 560, lineRule: LineRuleType.EXACT };
const firstLineIndent = 640;
const a4 = { width: 11906, height: 16838 };
const margins = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const landscapeMargins = { top: 1134, bottom: 1134, left: 1134, right: 1134 };
/** Picture width in px (docx converts at 96 dpi): fits landscape A4 inside 2 cm margins. */
const chartWidthPx = 900;

/** Builds the document and returns its bytes. */
export async function buildSummaryDocx(
  summary: SummaryJson,
  charts: readonly DocxChart[],
  lang: Lang,
  date: RunDate = todayDate(),
): Promise<Buffer> {
  const p = phrasesFor(lang);
  const values = buildReportValues(summary, lang, date);
  const run = runFactory(p);
  const body = (text: string): Paragraph =>
    new Paragraph({
      children: [run(text, 'body')],
      indent: { firstLine: firstLineIndent },
      spacing: bodyLine,
      alignment: AlignmentType.JUSTIFIED,
    });

  const main: Paragraph[] = [
    new Paragraph({
      children: [run(fillText(p.docx.title, values.text), 'title', { bold: true })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
    new Paragraph({
      children: [run(p.docx.draftNote, 'note')],
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
    }),
    body(fillSentences(p.docx.opening, values, p.sentenceSeparator)),
  ];
  p.docx.sections.forEach((section, i) => {
    const number = fillText(p.headingNumber, { n: p.numerals[i] ?? String(i + 1) });
    main.push(
      new Paragraph({
        children: [run(number + section.heading, 'heading')],
        indent: { firstLine: firstLineIndent },
        spacing: bodyLine,
        keepNext: true,
      }),
    );
    if (section.problems === true) main.push(body(fillProblems(values, p)));
    // A part the statistics cannot fill: the county's own text goes here, marked so it is not missed.
    if (section.placeholder !== undefined)
      main.push(
        new Paragraph({
          children: [run(section.placeholder, 'body', { highlight: 'yellow' })],
          indent: { firstLine: firstLineIndent },
          spacing: bodyLine,
          alignment: AlignmentType.JUSTIFIED,
        }),
      );
    const sentences = fillSentences(section.sentences, values, p.sentenceSeparator);
    if (sentences !== '') main.push(body(sentences));
  });
  // Signature and date line, right-aligned, the date under the name (official-document layout).
  main.push(
    new Paragraph({
      children: [run(fillText(p.docx.signature, values.text), 'body')],
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480, ...bodyLine },
    }),
    new Paragraph({
      children: [run(fillText(p.docx.dateLine, values.text), 'body')],
      alignment: AlignmentType.RIGHT,
      spacing: bodyLine,
    }),
  );

  const appendix: (Paragraph | Table)[] = [
    new Paragraph({ children: [run(p.docx.appendixHeading, 'heading')], spacing: { after: 120 } }),
    new Paragraph({
      children: [run(p.docx.tableHeading, 'heading')],
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
    }),
    ...townshipTable(summary, lang, run),
  ];
  if (charts.length > 0) {
    appendix.push(
      new Paragraph({
        children: [run(p.docx.chartsHeading, 'heading')],
        alignment: AlignmentType.CENTER,
        pageBreakBefore: true,
        spacing: { after: 120 },
      }),
    );
    charts.forEach((chart, i) => {
      const height = Math.round((chart.height / chart.width) * chartWidthPx);
      appendix.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: { width: chartWidthPx, height },
              altText: { name: chart.title, description: chart.title, title: chart.title },
            }),
          ],
          alignment: AlignmentType.CENTER,
          keepNext: true,
          pageBreakBefore: i > 0,
        }),
        new Paragraph({
          children: [
            // The picture carries the chart's title; the caption only numbers it (the title once).
            run(fillText(p.figureNumber, { n: String(i + 1) }), 'caption'),
          ],
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
        }),
      );
    });
  }

  const doc = new Document({
    creator: 'county-rollup',
    title: fillText(p.docx.title, values.text),
    styles: { default: { document: { run: { font: fontOf(p, 'body'), size: size.body } } } },
    sections: [
      {
        properties: {
          page: { size: { ...a4, orientation: PageOrientation.PORTRAIT }, margin: margins },
        },
        children: main,
      },
      {
        properties: {
          page: {
            size: { ...a4, orientation: PageOrientation.LANDSCAPE },
            margin: landscapeMargins,
          },
        },
        children: appendix,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

type RunKind = 'title' | 'heading' | 'body' | 'note' | 'table' | 'caption';
type RunFactory = (text: string, kind: RunKind, extra?: IRunOptions) => TextRun;

function runFactory(p: Phrases): RunFactory {
  const sizes: Record<RunKind, number> = {
    title: size.title,
    heading: size.body,
    body: size.body,
    note: size.note,
    table: size.table,
    caption: size.caption,
  };
  const fonts: Record<RunKind, keyof Phrases['docx']['fonts']> = {
    title: 'title',
    heading: 'heading',
    body: 'body',
    note: 'body',
    table: 'table',
    caption: 'table',
  };
  return (text, kind, extra = {}) =>
    new TextRun({ text, size: sizes[kind], font: fontOf(p, fonts[kind]), ...extra });
}

/** East Asian text in the Chinese font, Latin letters and digits in the Latin one (what Word and WPS expect). */
function fontOf(
  p: Phrases,
  kind: keyof Phrases['docx']['fonts'],
): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const f = p.docx.fonts;
  return { ascii: f.latin, hAnsi: f.latin, eastAsia: f[kind], cs: f.latin };
}

/** The table (top townships only) and, when some are left out, the line saying where they are. */
function townshipTable(summary: SummaryJson, lang: Lang, run: RunFactory): (Table | Paragraph)[] {
  const table = buildTownshipTable(summary, lang);
  // Fixed widths: rank narrow, township name wide enough for 4–5 characters, the figures share the rest.
  const usable = a4.height - landscapeMargins.left - landscapeMargins.right;
  const fixed = [800, 1900];
  const rest = Math.floor((usable - fixed[0]! - fixed[1]!) / (table.header.length - 2));
  const widths = table.header.map((_, i) => fixed[i] ?? rest);
  const cell = (text: string, i: number, bold: boolean, header: boolean): TableCell =>
    new TableCell({
      width: { size: widths[i] ?? rest, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [
        new Paragraph({
          children: [run(text, 'table', { bold })],
          alignment: header
            ? AlignmentType.CENTER
            : table.numeric[i]
              ? AlignmentType.RIGHT
              : AlignmentType.LEFT,
        }),
      ],
    });
  const row = (cells: string[], bold: boolean, header: boolean): TableRow =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c, i) => cell(c, i, bold, header)),
    });
  const grid = new Table({
    width: { size: usable, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      row(table.header, true, true),
      ...table.rows.map((r) => row(r, false, false)),
      row(table.total, true, false),
    ],
  });
  if (table.moreNote === '') return [grid];
  return [
    grid,
    new Paragraph({ children: [run(table.moreNote, 'caption')], spacing: { before: 120 } }),
  ];
}
