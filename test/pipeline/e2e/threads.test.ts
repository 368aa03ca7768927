/**
 * End to end: merge on worker threads (dist/intakeWorker.js through piscina) gives byte for byte the
 * outputs of a merge on the main thread, whatever the scheduling — outcomes are kept in input order.
 */
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBatch } from '../../../bench/batch';
import { bundleCli, type CliBundle, runCli } from './cliProcess';

describe('merge on worker threads', () => {
  let bundle: CliBundle;
  let input: string;

  beforeAll(async () => {
    bundle = await bundleCli();
    input = join(bundle.dir, 'in');
    // Unique names in the encoding/layout mix, plus a file that cannot be read and a duplicate township.
    await makeBatch(input, 160);
    writeFileSync(join(input, '坏文件镇.csv'), Buffer.from([0, 1, 2, 0xff]));
    const first = readdirSync(input).find((f) => f.endsWith('.csv') && !f.startsWith('坏'))!;
    copyFileSync(join(input, first), join(input, `副本-${first}`));
  }, 120_000);
  afterAll(() => bundle.dispose());

  const merge = (threads: string, out: string) => {
    const previous = process.env.COUNTY_ROLLUP_THREADS;
    process.env.COUNTY_ROLLUP_THREADS = threads;
    try {
      return runCli(bundle.launcher, ['merge', input, '--out', out, '--no-charts'], bundle.dir);
    } finally {
      if (previous === undefined) delete process.env.COUNTY_ROLLUP_THREADS;
      else process.env.COUNTY_ROLLUP_THREADS = previous;
    }
  };

  it('summary.json and the CSVs are byte-identical to a single-threaded run', () => {
    const one = merge('1', join(bundle.dir, 'out-1'));
    const two = merge('2', join(bundle.dir, 'out-2'));
    expect(one.status).toBe(1);
    expect(two.status).toBe(one.status);
    expect(two.stdout).toBe(one.stdout);
    for (const file of ['summary.json', 'findings.csv', 'townships.csv', 'villages.csv']) {
      const a = readFileSync(join(bundle.dir, 'out-1', file));
      const b = readFileSync(join(bundle.dir, 'out-2', file));
      expect({ file, same: a.equals(b) }).toEqual({ file, same: true });
    }
    const summary = JSON.parse(readFileSync(join(bundle.dir, 'out-2', 'summary.json'), 'utf8'));
    expect(JSON.stringify(summary)).toContain('坏文件镇');
  }, 240_000);

  it('COUNTY_ROLLUP_THREADS=2 really runs the intake on the workers', () => {
    const worker = join(bundle.dir, 'dist', 'intakeWorker.js');
    const saved = readFileSync(worker);
    writeFileSync(worker, 'throw new Error("worker loaded");');
    try {
      const broken = merge('2', join(bundle.dir, 'out-broken'));
      expect(broken.status).toBe(2);
      expect(broken.stderr).toContain('worker loaded');
      // COUNTY_ROLLUP_THREADS=1 never starts one.
      expect(merge('1', join(bundle.dir, 'out-main')).status).toBe(1);
    } finally {
      writeFileSync(worker, saved);
    }
  }, 240_000);
});
