import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { writeDocuments } from '../../../pipeline/report/writeDocuments';
import type { FontProbe } from '../../../pipeline/fonts/findCjkFont';
import { decodePng, pixelSpread } from '../charts/decodePng';
import { ALL_CHART_NAMES, buildSummary } from './summaryBuilder';

const noFonts: FontProbe = { readable: () => false, fcList: () => null, familyOf: () => null };
const chartNames = ALL_CHART_NAMES;

describe('writeDocuments', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'write-documents-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the SVG and PNG charts, report.html and summary-draft.docx', async () => {
    const lines: string[] = [];
    const result = await writeDocuments(buildSummary({ previous: true }), dir, {
      charts: true,
      lang: 'zh',
      stderr: (s) => lines.push(s),
    });
    expect(result).toEqual({
      charts: chartNames.flatMap((n) => [`charts/${n}.svg`, `charts/${n}.png`]),
      warnings: [],
    });
    expect(lines).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['charts', 'report.html', 'summary-draft.docx']);
    const png = decodePng(readFileSync(join(dir, 'charts/training-attendance.png')));
    expect([png.width, png.height]).toEqual([1600, 900]);
    expect(pixelSpread(png)).toBeGreaterThan(20);
    expect(readFileSync(join(dir, 'charts/training-attendance.svg'), 'utf8')).toContain(
      '2025年各乡镇培训妇女人次',
    );
    expect(readFileSync(join(dir, 'report.html'), 'utf8').match(/<svg /g)).toHaveLength(7);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'summary-draft.docx')));
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(7);
  });

  it('without a CJK font still writes the PNGs and warns once in Chinese and English', async () => {
    const lines: string[] = [];
    const result = await writeDocuments(buildSummary(), dir, {
      charts: true,
      lang: 'zh',
      stderr: (s) => lines.push(s),
      fontProbe: noFonts,
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/未找到中文字体.*No CJK font found.*\n$/s);
    expect(result.warnings).toEqual([lines[0]!.trimEnd()]);
    expect(result.charts.filter((f) => f.endsWith('.png'))).toHaveLength(6);
    expect(decodePng(readFileSync(join(dir, 'charts/disputes.png'))).width).toBe(1600);
  });

  it('with charts off writes only the two documents, without pictures', async () => {
    const result = await writeDocuments(buildSummary(), dir, {
      charts: false,
      lang: 'en',
      stderr: () => undefined,
    });
    expect(result).toEqual({ charts: [], warnings: [] });
    expect(existsSync(join(dir, 'charts'))).toBe(false);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<html lang="en">');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'summary-draft.docx')));
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(false);
  });

  it.each(['zh', 'en'] as const)(
    'copes with no accepted township and no county or year (%s)',
    async (lang) => {
      const summary = buildSummary({ townships: 0, county: null, year: null, previous: true });
      const result = await writeDocuments(summary, dir, {
        charts: true,
        lang,
        stderr: () => undefined,
      });
      expect(result.charts).toEqual([]);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      expect(html).toContain(lang === 'zh' ? 'XX县妇联20XX年度工作统计报告' : 'XX County');
      const zip = await JSZip.loadAsync(readFileSync(join(dir, 'summary-draft.docx')));
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain(
        lang === 'zh' ? 'XX县妇联20XX年度工作总结（初稿）' : 'Work Summary 20XX (Draft)',
      );
    },
  );
});
