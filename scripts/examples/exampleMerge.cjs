// The one example-county run: `merge` on examples/townships with the example registry and last year's
// summary. `npm start` (scripts/start.mjs), the golden test and the privacy test all run it from here.
// CommonJS so that both start.mjs (ESM) and jest (CommonJS) load it as it is.
'use strict';

/** The CLI arguments of the example run, writing to `out`; `extra` (e.g. `--no-charts`) come last. */
function exampleMergeArgv(out, extra = []) {
  return [
    'merge',
    'examples/townships',
    '--registry',
    'examples/registry.csv',
    '--previous',
    'examples/previous/summary.json',
    '--out',
    out,
    ...extra,
  ];
}

module.exports = { exampleMergeArgv };
