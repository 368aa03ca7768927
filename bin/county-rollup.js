#!/usr/bin/env node
// Launcher: the CLI is bundled to dist/cli.js by `npm run build` (run on `npm ci` via `prepare`).
//
// It runs the CLI in a Node with a 1 GiB heap cap unless one was set (NODE_OPTIONS or node flags):
// V8's default limit on a large machine is ~4 GiB and it collects garbage late, so a nation-sized
// merge (40,000 files, 600,000 rows) peaked at 1.5 GB RSS; capped it peaks under 1 GB at the same
// speed (bench/merge.ts). Raise it with NODE_OPTIONS=--max-old-space-size=<MiB> for larger batches.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'county-rollup: 未找到 dist/cli.js，请先运行 npm run build（npm ci 会自动构建）。\n',
  );
  process.exit(2);
}
// --help and --version are answered here from the small dist/quick.js, without starting the CLI's
// Node: a second Node start would double the start-up time (bench: `county-rollup --help`).
const quickFile = path.join(__dirname, '..', 'dist', 'quick.js');
const quick = fs.existsSync(quickFile)
  ? require(quickFile).quickAnswer(process.argv.slice(2))
  : null;
const HEAP_FLAG = '--max-old-space-size';
const capped =
  process.execArgv.some((a) => a.startsWith(HEAP_FLAG)) ||
  (process.env.NODE_OPTIONS ?? '').includes(HEAP_FLAG);
if (quick !== null) {
  process.stderr.write(quick.stderr);
  process.stdout.on('error', () => process.exit(2));
  process.stdout.write(quick.stdout, () => process.exit(quick.status));
} else if (capped) {
  require(cli);
} else {
  // An IPC channel as fd 3: the child sees it close when this process dies, even by SIGKILL, and
  // stops (pipeline/cli/cli.ts); signals sent to this process are passed on, and its exit status is the child's.
  const child = spawn(process.execPath, [`${HEAP_FLAG}=1024`, cli, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const forward = (signal) => child.kill(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`county-rollup: ${error.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    process.exit(code ?? 2);
  });
}
