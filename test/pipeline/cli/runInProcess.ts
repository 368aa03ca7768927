/** Runs the CLI in-process (pipeline/cli/cli.ts main) and captures what it prints; for the CLI tests. */
import { main } from '../../../pipeline/cli/cli';

/** What one in-process CLI run returned and printed. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `county-rollup <argv>` in this process, stdout and stderr captured, not a TTY. */
export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
  });
  return { code, stdout, stderr };
}
