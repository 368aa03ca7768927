/**
 * Request sizes measured with office.js's own serializer (issue 8, item 8): Excel on the web
 * refuses a request over 5 MB, and the adapters budget their writes by estimates
 * (FILL_WRITE_BYTES, ACTION_OVERHEAD_BYTES). These tests hold the estimates to what the real
 * office.js puts on the wire, and a worst-case pass to the ~3 MB the write stage promises.
 */
import { queueAnnotation } from '../../../addin/excel/annotations';
import { FILL_WRITE_BYTES, fillWrites, type Fill } from '../../../addin/excel/fills';
import {
  ACTION_OVERHEAD_BYTES,
  WRITE_REQUEST_BUDGET_BYTES,
  runWrites,
  utf8Bytes,
  type Write,
} from '../../../addin/excel/writeBatch';
import { loadRealOfficeJs } from './realOfficeJs';

const ERROR_FILL: Fill = { color: '#FFC7CE', pattern: 'Solid' };
const WARNING_FILL: Fill = { color: '#FFEB9C', pattern: 'LightUp' };
const MESSAGE =
  'M5000「培训人次」应填数字，现为“一百五十余人（含外村）”。请改为数字（没有请填 0）。';
/** Excel on the web's request limit, and what the write stage promises to stay under. */
const HOST_LIMIT_BYTES = 5 * 1024 * 1024;
const PROMISED_BYTES = 3_000_000;

/** `count` cells no two of which are adjacent in a column: every one is its own fill write. */
function scatteredCells(count: number): { row: number; column: number; fill: Fill }[] {
  const cells = [];
  for (let k = 0; k < count; k++)
    cells.push({
      row: 5 + 2 * Math.floor(k / 10),
      column: 3 + (k % 10),
      fill: k % 3 === 0 ? WARNING_FILL : ERROR_FILL,
    });
  return cells;
}

test('a fill write costs no more on the wire than FILL_WRITE_BYTES budgets', async () => {
  const office = loadRealOfficeJs();
  const context = office.context();
  const sheet = context.workbook.worksheets.getItem('统计表');
  const writes = fillWrites(sheet, scatteredCells(10_000));
  expect(writes).toHaveLength(10_000);
  for (const write of writes) write();
  await context.sync();
  const perWrite = office.requests[0]!.bytes / writes.length;
  expect(perWrite).toBeGreaterThan(100); // the measurement itself is real
  expect(perWrite).toBeLessThanOrEqual(FILL_WRITE_BYTES);
});

test('a comment costs no more than its text plus ACTION_OVERHEAD_BYTES', async () => {
  const office = loadRealOfficeJs();
  const context = office.context();
  const n = 500;
  for (let k = 0; k < n; k++) queueAnnotation(context, 'comment', '统计表', `M${5 + k}`, MESSAGE);
  await context.sync();
  const perComment = office.requests[0]!.bytes / n;
  expect(perComment).toBeLessThanOrEqual(utf8Bytes(`【校验】${MESSAGE}`) + ACTION_OVERHEAD_BYTES);
});

test('a worst-case pass (25,000 scattered marks, 500 comments) never sends a request over ~3 MB', async () => {
  const office = loadRealOfficeJs();
  const context = office.context();
  const sheet = context.workbook.worksheets.getItem('统计表');
  const writes: Write[] = fillWrites(sheet, scatteredCells(25_000)).map((run) => ({
    bytes: FILL_WRITE_BYTES,
    run,
  }));
  for (let k = 0; k < 500; k++)
    writes.push({
      bytes: utf8Bytes(MESSAGE) + ACTION_OVERHEAD_BYTES,
      run: () => queueAnnotation(context, 'comment', '统计表', `C${5 + 2 * k}`, MESSAGE),
      annotation: true,
    });
  const outcome = await runWrites(context, writes, { eventsOff: true, eventsWereOn: true });
  const sizes = office.requests.map((r) => r.bytes);
  expect(outcome.requests).toBeGreaterThan(1); // the budget split the writes
  expect(Math.max(...sizes)).toBeLessThanOrEqual(PROMISED_BYTES);
  expect(Math.max(...sizes)).toBeLessThan(HOST_LIMIT_BYTES);
  expect(WRITE_REQUEST_BUDGET_BYTES).toBeLessThanOrEqual(PROMISED_BYTES);
});
