import JSZip from 'jszip';
import { buildCharts } from '../../../pipeline/charts/buildCharts';
import type { ChartContext } from '../../../pipeline/charts/chartStyle';
import { buildSummaryDocx } from '../../../pipeline/report/buildSummaryDocx';
import { renderReportHtml } from '../../../pipeline/report/renderReportHtml';
import { buildTownshipTable } from '../../../pipeline/report/townshipTable';
import { addManyProblems, buildSummary, townshipTotals } from './summaryBuilder';

// A nation-sized summary: 5,000 townships, 501 rejected files (1,500 error findings), 401 missing, 253 finding codes.
const summary = addManyProblems(buildSummary({ townships: 5000, previous: true }), {
  rejected: 500,
  errorsEach: 3,
  missing: 400,
  codes: 250,
});

const ctx: ChartContext = {
  lang: 'zh',
  fontFamily: 'sans-serif',
  year: '2025',
  previousYear: '2024',
};

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

describe('documents of a 5,000-township summary', () => {
  it('ranks only the top 100 townships, with the ranks over all townships', () => {
    const table = buildTownshipTable(summary, 'zh');
    expect(table.rows).toHaveLength(100);
    expect(table.omitted).toBe(4900);
    expect(table.moreNote).toBe('其余 4,900 个乡镇（街道）见 county-summary.xlsx「分乡镇」表');
    expect(table.caption).toBe('按培训人次从高到低排列，列出前 100 名');
    const values = Array.from(
      { length: 5000 },
      (_, i) => townshipTotals(i + 1).trainingAttendance ?? 0,
    );
    const best = [...values].sort((a, b) => b - a);
    // Rank = 1 + the number of townships with a strictly larger value, over all 5,000.
    const expected = best.slice(0, 100).map((v) => String(1 + values.filter((x) => x > v).length));
    expect(table.rows.map((r) => r[0])).toEqual(expected);
    expect(buildTownshipTable(summary, 'en').moreNote).toBe(
      'The other 4,900 townships are in the 分乡镇 (by township) sheet of county-summary.xlsx',
    );
  });

  it('caps report.html: 100 township rows, 200 rejected files, 200 missing, 200 finding codes', () => {
    const html = renderReportHtml(summary, [], 'zh');
    const towns = /<table class="towns">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(count(towns, /<tbody>[\s\S]*<\/tbody>/g)).toBe(1);
    expect(count(/<tbody>[\s\S]*<\/tbody>/.exec(towns)?.[0] ?? '', /<tr>/g)).toBe(100);
    expect(html).toContain(
      '<p class="note more">其余 4,900 个乡镇（街道）见 county-summary.xlsx「分乡镇」表</p>',
    );
    expect(html).toContain('<p class="note more">另有 301 个退回的文件，见 findings.csv</p>');
    expect(html).toContain('<p class="note more">另有 201 个未报送的乡镇，见 summary.json</p>');
    expect(html).toContain('<p class="note more">另有 53 条，见 findings.csv</p>');
    expect(count(html, /<td>退回镇\d+\.csv<\/td>/g)).toBe(199);
    expect(count(html, /未报乡\d+/g)).toBe(199);
    expect(count(html, /<tr class="(err|wrn)">/g)).toBe(200);
    expect(html).toContain('共发现错误 1,502 条、提醒 251 条');
    expect(html.length).toBeLessThan(250_000);
  });

  it('caps the draft table at 100 townships and says where the others are', async () => {
    const docx = await buildSummaryDocx(summary, [], 'zh');
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    // Header, 100 townships, the county row.
    expect(count(xml, /<w:tr>/g)).toBe(102);
    expect(xml).toContain('其余 4,900 个乡镇（街道）见 county-summary.xlsx「分乡镇」表');
    expect(xml).not.toContain('乡镇4999');
    expect(docx.length).toBeLessThan(100_000);
  });

  it('draws the top 30 townships in the per-township bar charts, saying so in the title', () => {
    const charts = buildCharts(summary, ctx);
    const perTownship = ['training-attendance', 'cancer-screening', 'home-coverage', 'disputes'];
    expect(charts.filter((c) => perTownship.includes(c.name)).map((c) => c.title)).toEqual([
      '2025年各乡镇培训妇女人次（前30名）',
      '2025年各乡镇“两癌”筛查人数（前30名）',
      '各乡镇“妇女之家”“儿童之家”覆盖率（前30名）',
      '各乡镇调处与化解纠纷件数（前30名）',
    ]);
    for (const c of charts.filter((x) => perTownship.includes(x.name))) {
      const option = c.option as unknown as {
        title: { text: string };
        xAxis: { data: string[] };
        series: { data: unknown[] }[];
      };
      expect([c.name, option.title.text, option.xAxis.data.length]).toEqual([c.name, c.title, 30]);
      for (const s of option.series) expect(s.data).toHaveLength(30);
    }
    const en = buildCharts(summary, { ...ctx, lang: 'en' });
    expect(en[0]?.title).toBe('Women trained by township, 2025 (attendances) (top 30)');
  });

  it('keeps every township in the charts up to 60 and limits them from 61', () => {
    const bars = (n: number): [string, number] => {
      const c = buildCharts(buildSummary({ townships: n }), ctx)[0]!;
      return [c.title, (c.option as unknown as { xAxis: { data: string[] } }).xAxis.data.length];
    };
    expect(bars(60)).toEqual(['2025年各乡镇培训妇女人次', 60]);
    expect(bars(61)).toEqual(['2025年各乡镇培训妇女人次（前30名）', 30]);
  });
});
