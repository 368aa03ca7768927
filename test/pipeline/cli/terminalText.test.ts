/**
 * Issue 13.10: control characters (C0, ESC sequences, C1, bidi overrides) in file names and values
 * never reach the terminal: stripped from text, escaped in JSON (the same data, read the same).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sheetCsv, village } from '../intake/townshipFixture';
import { bundleCli, type CliBundle, runCli } from '../e2e/cliProcess';

// ESC [2J clears the screen, ESC ]0; sets the window title, U+009B is the C1 CSI, U+202E reverses text.
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202egpj.\u0008\r';
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/* eslint-enable no-control-regex */

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(strings);
}

describe('nothing printed carries control characters', () => {
  let bundle: CliBundle;
  let root: string;
  let input: string;
  beforeAll(async () => {
    bundle = await bundleCli();
    root = mkdtempSync(join(tmpdir(), 'terminal-'));
    input = join(root, 'in');
    mkdirSync(input);
    writeFileSync(
      join(input, `黎岭镇${HOSTILE}.csv`),
      sheetCsv({
        township: '黎岭镇',
        villages: [village(`一村${HOSTILE}`, { trainingSessions: `3${HOSTILE}`, notes: HOSTILE })],
      }),
    );
  }, 120_000);
  afterAll(() => {
    bundle?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('validate: the report names the file and the value without them', () => {
    const r = runCli(bundle.cli, ['validate', input]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('黎岭镇');
    expect(r.stdout).toContain('[2J');
    expect(CONTROL.exec(r.stdout)).toBeNull();
    expect(CONTROL.exec(r.stderr)).toBeNull();
  });

  test('validate --json and merge --json: escaped, and the JSON still holds the text as written', () => {
    for (const args of [
      ['validate', input, '--json'],
      ['merge', input, '--out', join(root, 'out'), '--no-charts', '--json'],
    ]) {
      const r = runCli(bundle.cli, args);
      expect(CONTROL.exec(r.stdout)).toBeNull();
      expect(CONTROL.exec(r.stderr)).toBeNull();
      expect(strings(JSON.parse(r.stdout)).some((t) => t.includes(HOSTILE))).toBe(true);
      expect(r.stdout).toContain('\\u202e');
    }
  });
});
