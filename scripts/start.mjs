// `npm start`: the main job on the bundled example county, then where to look.
// The example has one township rejected on purpose, so merge exits 1 ("completed, something to fix");
// that is the expected demo result, not a failure of `npm start` (npm would print a wall of errors).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { exampleMergeArgv } from './examples/exampleMerge.cjs';

const out = resolve('out');
const run = spawnSync(
  process.execPath,
  ['bin/county-rollup.js', ...exampleMergeArgv(out, process.argv.slice(2))],
  { stdio: 'inherit' },
);
const code = run.status ?? 2;
if (code === 0 || code === 1) {
  console.error(`
请查看 · Look at:
  ${resolve(out, 'report.html')}        报告（浏览器打开、打印）· report
  ${resolve(out, 'summary-draft.docx')}  年度工作总结初稿（Word/WPS）· summary draft
  ${resolve(out, 'county-summary.xlsx')} 全县汇总表 · county workbook
  ${resolve(out, 'charts')}/             图表 PNG/SVG · charts
${code === 1 ? '示例县中“马鞍乡”的表有错误，按设计被退回（退出码 1），原因见报告的“未纳入统计的乡镇”。\nOne example township (马鞍乡) is rejected on purpose (exit status 1); the report says why.\n' : ''}`);
  process.exit(0);
}
process.exit(code);
