#!/usr/bin/env node
// Launcher: the CLI is bundled to dist/cli.js by `npm run build` (run on `npm ci` via `prepare`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('county-rollup: 未找到 dist/cli.js，请先运行 npm run build（npm ci 会自动构建）。\n');
  process.exit(2);
}
require(cli);
