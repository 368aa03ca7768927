// Runs a build step when its file is the script node was started with (not when imported), and
// turns a thrown error into one "[name] 失败 / failed: …" line and exit status 1.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Calls `step(argv)` if `moduleUrl` (the caller's import.meta.url) is the started script. */
export async function runAsScript(moduleUrl, name, step) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(resolve(process.argv[1])).href) return;
  try {
    await step(process.argv.slice(2));
  } catch (err) {
    console.error(`[${name}] 失败 / failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
