/** Runs the real county-rollup CLI as a child process: pipeline/cli.ts bundled by esbuild like `npm run build`. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** The nearest folder at or above `start` with a package.json (works from jest and from a run-ts bundle alike). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('node_modules')) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** The project root. */
export const ROOT = findRoot(__dirname);

/** A bundled CLI and the way to remove it. */
export interface CliBundle {
  /** Path of the bundled cli.js. */
  cli: string;
  dispose(): void;
}

/**
 * Bundles pipeline/cli.ts into a fresh folder at the project root (the depth of dist/, so that
 * node_modules resolve the same way), with the same externals as scripts/build.mjs.
 */
export async function bundleCli(): Promise<CliBundle> {
  const dir = mkdtempSync(join(ROOT, '.tmp-cli-'));
  const cli = join(dir, 'cli.js');
  await build({
    entryPoints: [join(ROOT, 'pipeline', 'cli.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: cli,
    external: [
      'exceljs',
      'echarts',
      '@resvg/resvg-js',
      'docx',
      'iconv-lite',
      'papaparse',
      'opencc-js',
    ],
    logLevel: 'error',
  });
  return { cli, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a CLI run gave. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI with arguments, from the project root, without a TTY. */
export function runCli(cli: string, args: readonly string[], cwd: string = ROOT): CliRun {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
