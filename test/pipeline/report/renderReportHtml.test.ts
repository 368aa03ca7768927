import { buildCharts } from '../../../pipeline/charts/buildCharts';
import { chartSize } from '../../../pipeline/charts/chartStyle';
import { renderSvg } from '../../../pipeline/charts/renderSvg';
import {
  esc,
  inlineSvg,
  renderReportHtml,
  type InlineChart,
} from '../../../pipeline/report/renderReportHtml';
import type { SummaryJson } from '../../../pipeline/aggregate/summaryTypes';
import { buildSummary } from './summaryBuilder';

const xss = '<img src=x onerror=alert(1)>';

function chartsOf(summary: SummaryJson): InlineChart[] {
  return buildCharts(summary, {
    lang: 'zh',
    fontFamily: "'WenQuanYi Micro Hei', sans-serif",
    year: '2025',
    previousYear: '2024',
  }).map((c) => ({
    name: c.name,
    title: c.title,
    svg: renderSvg(c.option, chartSize),
  }));
}

/** A summary with a hostile file name, planted personal data in finding values, and a previous year. */
function hostileSummary(): SummaryJson {
  const s = buildSummary({ previous: true });
  s.townships.rejected.push({ file: `${xss}.csv`, township: null, errors: 1 });
  s.findings.push({
    ...s.findings[0]!,
    file: `${xss}.csv`,
    township: null,
    code: 'E_UNKNOWN_TOWNSHIP',
    message_zh: `无法识别乡镇：${xss}`,
    value: '王秀英',
    suggestion: '13800138000',
  });
  return s;
}

describe('renderReportHtml', () => {
  const summary = hostileSummary();
  const html = renderReportHtml(summary, chartsOf(summary), 'zh');

  it('is one Chinese page with inline SVG charts and print CSS', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<title>示例县妇联2025年度工作统计报告</title>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/section\.page \{ break-before: page;/);
    expect(html.match(/<svg /g)).toHaveLength(7);
    expect(html).toContain('2025年各乡镇培训妇女人次');
  });

  it('makes no external request: no http(s) URL, no src/href except data: or #, no @import or url()', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    // attributes inside real tags only (escaped text has no "<")
    const links = [
      ...html.matchAll(/<[^>]*\s(?:src|href|xlink:href|action|poster)\s*=\s*["']?([^"'\s>]*)/gi),
    ].map((m) => m[1]);
    for (const link of links) expect(link).toMatch(/^(data:|#)/);
    expect(html).not.toMatch(/@import|url\(|<link|<script/i);
  });

  it('escapes every text from the inputs', () => {
    expect(html).not.toContain(xss);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
    expect(html).toContain('无法识别乡镇：&lt;img src=x onerror=alert(1)&gt;');
    expect(esc(`a&b<"'>`)).toBe('a&amp;b&lt;&quot;&#39;&gt;');
  });

  it('shows headline figures with change arrows, the ranked table, rejected and missing townships', () => {
    expect(html).toContain(
      '<div class="label">培训人次</div><div class="value">10,800</div><div class="chg up">▲ 1,080 (11.1%)</div>',
    );
    expect(html).toContain(
      '<div class="label">进村两委比例</div><div class="value">87.5%</div><div class="chg down">▼ 1.3个百分点</div>',
    );
    expect(html).toContain('<td class="num">1</td><td>双龙镇</td>');
    expect(html).toContain('<li>第 7 行“培训人次”不是数字：abc。请填写整数。</li>');
    expect(html).toContain('<h3>未报送（1）</h3>\n<p class="missing">未报镇</p>');
    expect(html).toContain('共发现错误 3 条、提醒 1 条');
    expect(html).toContain(
      '<td>错误</td><td class="num">1</td><td>坏文件镇：第 7 行“培训人次”不是数字：abc。请填写整数。</td>',
    );
    // Finding codes are for machines (summary.json, findings.csv): none on the page people read.
    expect(html).not.toMatch(/\b[EW]_[A-Z_]+\b/);
  });

  it('carries no personal data planted in finding values', () => {
    expect(html).not.toContain('王秀英');
    expect(html).not.toContain('13800138000');
  });

  it('has no arrows without a previous year and writes English with lang en', () => {
    const plain = renderReportHtml(buildSummary(), [], 'en');
    expect(plain.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(plain).not.toContain('class="chg');
    expect(plain).toContain(
      '<div class="label">Training attendances</div><div class="value">10,800</div>',
    );
    expect(plain).not.toContain('<svg');
  });
});

describe('inlineSvg', () => {
  it('drops namespace URLs and prefixes zrender ids per chart', () => {
    const svg =
      '<svg width="1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><path class="zr3-cls-0"/></svg>';
    expect(inlineSvg(svg, 2)).toBe('<svg role="img" width="1"><path class="c2-zr3-cls-0"/></svg>');
  });
});

describe('renderReportHtml: fair comparisons and the townships left out', () => {
  const date = { year: 2026, month: 1, day: 15 };
  function comparableSummary(): SummaryJson {
    const s = buildSummary({ previous: true });
    s.previous!.comparable = {
      townships: 29,
      villages: { current: s.villages, previous: s.villages },
      onlyLastYear: ['旧乡'],
      onlyThisYear: [],
      previous: { totals: { trainingAttendance: 10000 }, rates: {} },
      change: { totals: { trainingAttendance: 800 }, rates: { committeeRate: 0.047 } },
    };
    return s;
  }

  it('arrows compare like with like, and the note says over how many townships and which are left out', () => {
    const html = renderReportHtml(comparableSummary(), [], 'zh', date);
    expect(html).toContain(
      '<div class="label">培训人次</div><div class="value">10,800</div><div class="chg up">▲ 800 (8.0%)</div>',
    );
    expect(html).toContain('▲ 4.7个百分点');
    expect(html).toContain(
      '按两年都纳入统计的29个乡镇（街道）同口径比较（旧乡上年纳入统计、本年未纳入）；比率的变化以“个百分点”计。',
    );
    expect(html).toContain('<h3>上年纳入统计、本年未纳入的乡镇（1）</h3><p>旧乡</p>');
    expect(html).toContain('生成日期：2026年1月15日');
  });

  it('puts the likely misnamed file beside a missing township only when summary.json has it', () => {
    const plain = renderReportHtml(buildSummary(), [], 'zh', date);
    expect(plain).toContain('<p class="missing">未报镇</p>');
    const s = buildSummary();
    s.townships.misnamed = [{ township: '未报镇', file: '未抱镇统计表.csv', written: '未抱镇' }];
    expect(renderReportHtml(s, [], 'zh', date)).toContain(
      '<p class="missing">未报镇（可能是文件《未抱镇统计表.csv》，名称有误）</p>',
    );
  });
});
