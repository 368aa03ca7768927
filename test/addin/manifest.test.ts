/**
 * The add-in manifest, offline: parsed with office-addin-manifest (reading only — its online
 * `validate` is never called and its validate module is not even loaded), https everywhere, every
 * icon present with its size, the intranet build retargeted with no localhost left, and — when the
 * schemas are next to the repository and xmllint is installed — valid against Microsoft's XSD.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest/lib/manifestInfo';

const ROOT = resolve(__dirname, '../..');
const MANIFEST = join(ROOT, 'manifest.xml');
const DEV_BASE = 'https://localhost:3000';
const INTRANET = 'https://intranet.example/addin';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const XSD = resolve(ROOT, '../shared/office-manifest-xsd/OfficeAppManifestV1_1.xsd');

/** Every URL in the manifest's values (namespace declarations and comments left out). */
function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
  return [...body.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^"'<>\s]+/gi)].map((m) => m[0]);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * OfficeAddinManifest.readManifestFile in a child Node process: the package pulls in an ES-module-only
 * dependency (strip-bom, via @microsoft/app-manifest) that Node 20 loads but jest's CommonJS runtime
 * cannot. Only the reading half is loaded (lib/main would also load validate.js, the online validator).
 */
function readManifestInfo(file: string): ManifestInfo {
  const script =
    "require('office-addin-manifest/lib/manifestOperations').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((m) => process.stdout.write(JSON.stringify(m)), (e) => { console.error(e); process.exit(1); })';
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' }),
  ) as ManifestInfo;
}

function runBuild(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['scripts/build-addin.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** xmllint's exit code for `file` against the schema (0 valid, 3 invalid, 5 schema error). */
function validateWithXsd(file: string): { status: number | null; output: string } {
  const result = spawnSync('xmllint', ['--nonet', '--noout', '--schema', XSD, file], {
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('manifest.xml', () => {
  const xml = readFileSync(MANIFEST, 'utf8');

  test('office-addin-manifest reads it as an Excel task-pane add-in in zh-CN', () => {
    const info = readManifestInfo(MANIFEST);
    expect(info).toEqual({
      id: '4a68763e-f5c8-42ea-b67c-92a97f1a1e6d',
      appDomains: [],
      defaultLocale: 'zh-CN',
      description:
        '在 Excel 里直接校验乡镇妇联工作统计表：标出错误和提醒，一键修正常见写法，清除标记后恢复原样。',
      displayName: '妇联统计表校验',
      highResolutionIconUrl: `${DEV_BASE}/assets/icon-64.png`,
      hosts: ['Workbook'],
      iconUrl: `${DEV_BASE}/assets/icon-32.png`,
      officeAppType: 'TaskPaneApp',
      permissions: 'ReadWriteDocument',
      providerName: '县妇联',
      version: '0.1.0.0',
      manifestType: 'xml',
      defaultSettings: { sourceLocation: `${DEV_BASE}/taskpane.html` },
    });
  });

  test('requires ExcelApi 1.9 for the ribbon command only, English overrides and a ribbon button that opens the pane', () => {
    // Only the ribbon command (VersionOverrides) needs 1.9: a base <Requirements> would keep
    // Office 2016/2019 from activating the add-in, and its "too old" message would never show.
    expect(xml.match(/<(?:bt:)?Set Name="ExcelApi" MinVersion="1\.9"\/>/g)).toHaveLength(1);
    expect(xml).not.toMatch(/<Requirements>\s*<Sets/);
    expect(xml).toContain('<bt:Sets DefaultMinVersion="1.9">');
    // DisplayName and Description, and every ribbon string, have an English form.
    expect(xml).toMatch(
      /<DisplayName DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/,
    );
    expect(xml).toMatch(
      /<Description DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/,
    );
    const strings = [
      ...xml.matchAll(
        /<bt:String id="[^"]+" DefaultValue="[^"]+">\s*<bt:Override Locale="en-US" Value="[^"]+"\/>/g,
      ),
    ];
    expect(strings).toHaveLength([...xml.matchAll(/<bt:String /g)].length);
    expect(strings).toHaveLength(4);
    expect(xml).toMatch(
      /<OfficeTab id="TabHome">[\s\S]*<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/,
    );
  });

  test('every URL is https and on the development server; the namespaces are the only http', () => {
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(`${DEV_BASE}/`))).toEqual([]);
  });

  test('every referenced icon exists in addin/assets with the size its name says', () => {
    const icons = [...new Set(manifestUrls(xml).filter((u) => u.endsWith('.png')))].sort();
    expect(icons).toEqual([16, 32, 64, 80].map((n) => `${DEV_BASE}/assets/icon-${n}.png`));
    for (const url of icons) {
      const file = join(ROOT, 'addin', url.slice(DEV_BASE.length + 1));
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(pngSize(file)).toEqual([size, size]);
    }
  });
});

describe('npm run build:addin', () => {
  let out: string;
  let selfHosted: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'addin-build-'));
    selfHosted = mkdtempSync(join(tmpdir(), 'addin-build-office-'));
    const a = runBuild(['--base-url', `${INTRANET}/`, '--out-dir', out]);
    if (a.status !== 0 || !existsSync(join(out, 'taskpane.js')))
      throw new Error(`build failed (is addin/taskpane/main.ts there?):\n${a.output}`);
    const b = runBuild(['--base-url', INTRANET, '--self-host-office', '--out-dir', selfHosted]);
    if (b.status !== 0) throw new Error(`self-hosted build failed:\n${b.output}`);
  });

  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(selfHosted, { recursive: true, force: true });
  });

  test('the built manifest points at --base-url only, and every file it names is in the output', () => {
    const built = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(built).not.toContain('localhost');
    const urls = manifestUrls(built);
    expect(urls.filter((u) => !u.startsWith(`${INTRANET}/`))).toEqual([]);
    for (const url of new Set(urls))
      expect(existsSync(join(out, url.slice(INTRANET.length + 1)))).toBe(true);
    expect(
      built.replace(new RegExp(INTRANET.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), DEV_BASE),
    ).toBe(readFileSync(MANIFEST, 'utf8'));
  });

  test('the page loads office.js from Microsoft by default and its own files from the output', () => {
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    expect(html).toContain(`src="${OFFICE_CDN}"`);
    const local = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((u) => !/^[a-z]+:/i.test(u));
    expect(local.length).toBeGreaterThan(0);
    for (const file of local) expect(existsSync(join(out, file.replace(/^\.?\//, '')))).toBe(true);
    // An external source map: written next to the bundle, not advertised in it.
    expect(existsSync(join(out, 'taskpane.js.map'))).toBe(true);
    expect(readFileSync(join(out, 'taskpane.js'), 'utf8').includes('sourceMappingURL')).toBe(false);
  });

  test('--self-host-office copies office.js and points the page at it', () => {
    const html = readFileSync(join(selfHosted, 'taskpane.html'), 'utf8');
    expect(html).not.toContain('appsforoffice.microsoft.com');
    expect(html).toContain('src="office-js/office.js"');
    expect(existsSync(join(selfHosted, 'office-js', 'office.js'))).toBe(true);
    expect(existsSync(join(selfHosted, 'office-js', 'excel-win32-16.01.js'))).toBe(true);
  });

  test('the host probe: its own manifest (own id, opens probe.html), retargeted, with its page and script', () => {
    const probe = readFileSync(join(out, 'probe-manifest.xml'), 'utf8');
    expect(probe).not.toContain('localhost');
    expect(probe).toContain(`<SourceLocation DefaultValue="${INTRANET}/probe.html"/>`);
    expect(probe).not.toContain('taskpane.html');
    expect(/<Id>([^<]+)<\/Id>/.exec(probe)?.[1]).not.toBe(
      /<Id>([^<]+)<\/Id>/.exec(readFileSync(MANIFEST, 'utf8'))?.[1],
    );
    expect(existsSync(join(out, 'probe.html'))).toBe(true);
    expect(existsSync(join(out, 'probe.js'))).toBe(true);
    expect(readFileSync(join(selfHosted, 'probe.html'), 'utf8')).toContain(
      'src="office-js/office.js"',
    );
  });

  test('an http or malformed --base-url is refused', () => {
    for (const bad of [
      'http://intranet.example/addin',
      'intranet.example/addin',
      'https://intranet.example/addin?x=1',
    ]) {
      const result = runBuild(['--base-url', bad, '--out-dir', join(out, 'refused')]);
      expect(result.status).toBe(1);
      expect(result.output).toContain('--base-url');
    }
    expect(existsSync(join(out, 'refused'))).toBe(false);
  });

  test('XSD: manifest.xml and the built manifest validate (when ../shared/office-manifest-xsd is there)', () => {
    if (!existsSync(XSD)) {
      // CI checks the repository out next to ../shared: a missing schema there is a broken setup.
      if (process.env.CI === 'true')
        throw new Error(`the manifest XSDs are required in CI (expected at ${XSD})`);
      console.log(`no schemas at ${XSD}: XSD validation not run`);
      return;
    }
    if (!xmllintAvailable()) {
      if (process.env.CI === 'true')
        throw new Error(
          'xmllint is required in CI to validate the manifest (apt-get install libxml2-utils)',
        );
      console.log('xmllint not installed: XSD validation not run');
      return;
    }
    expect(validateWithXsd(MANIFEST)).toEqual({ status: 0, output: `${MANIFEST} validates\n` });
    const built = join(out, 'manifest.xml');
    expect(validateWithXsd(built)).toEqual({ status: 0, output: `${built} validates\n` });
    const probe = join(out, 'probe-manifest.xml');
    expect(validateWithXsd(probe)).toEqual({ status: 0, output: `${probe} validates\n` });
    // The check has teeth: a wrong Permissions value is rejected.
    const broken = join(out, 'broken.xml');
    writeFileSync(broken, readFileSync(MANIFEST, 'utf8').replace('ReadWriteDocument', 'ReadWrite'));
    expect(validateWithXsd(broken).status).toBe(3);
    expect(
      execFileSync('sh', ['scripts/check-manifest.sh', MANIFEST, built], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ).toBe('');
  });
});
