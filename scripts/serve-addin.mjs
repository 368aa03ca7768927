// Development server for the Excel add-in: builds dist/addin (manifest kept on https://localhost:3000),
// serves it over HTTPS on localhost:3000 with the Office developer certificate from
// office-addin-dev-certs (generated and trusted locally, offline), and prints how to sideload.
//
//   npm run addin                      # serve until Ctrl+C
//   npm run addin -- --self-host-office
//   npm run addin -- --check           # build, start, fetch taskpane.html once over https, stop (smoke test)
import { existsSync, readFileSync } from 'node:fs';
import { createServer, get } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { buildAddin } from './build-addin.mjs';

const PORT = 3000;
const ROOT = resolve('dist/addin');
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};

/** The certificate options: office-addin-dev-certs installs its CA when it can; where it cannot
 * (no admin rights, a container), its generated files are still used and the browser will warn. */
async function httpsOptions() {
  const { getHttpsServerOptions } = await import('office-addin-dev-certs');
  try {
    return await getHttpsServerOptions();
  } catch (err) {
    const dir = join(homedir(), '.office-addin-dev-certs');
    const files = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => join(dir, f));
    if (!files.every((f) => existsSync(f))) throw err;
    console.warn(
      `[addin] 未能把开发证书设为受信任（${err instanceof Error ? err.message.split('\n')[0] : String(err)}）。` +
        `\n        仍使用 ${dir} 中的证书；请以管理员身份运行 npx office-addin-dev-certs install，否则 Excel 会拒绝加载。` +
        `\n        / could not trust the dev certificate; serving with it anyway — run "npx office-addin-dev-certs install" as admin.`,
    );
    const [ca, cert, key] = files.map((f) => readFileSync(f));
    return { ca, cert, key };
  }
}

/** Serves files under ROOT only. */
function handle(req, res) {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
  const file = normalize(join(ROOT, path === '/' ? 'taskpane.html' : path));
  if (!file.startsWith(ROOT + sep) || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  res.end(readFileSync(file));
}

function printSideloadHelp() {
  const manifest = join(ROOT, 'manifest.xml');
  console.log(`
县妇联统计表校验加载项已在 https://localhost:${PORT}/taskpane.html 运行（按 Ctrl+C 停止）。
清单文件：${manifest}

在 Excel 中加载（旁加载，仅本机开发测试用）：

【Windows 版 Excel（桌面）— 共享文件夹目录】
  1. 新建一个文件夹（如 C:\\addin-catalog），右键 → 属性 → 共享，把它共享出来，记下网络路径（如 \\\\电脑名\\addin-catalog）。
  2. 把上面的 manifest.xml 复制到这个共享文件夹。
  3. 打开 Excel：文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，
     在“目录 URL”填入网络路径，点“添加目录”，勾选“显示在菜单中”，确定后重启 Excel。
  4. 插入 → 我的加载项（加载项）→ 共享文件夹 → 选“妇联统计表校验”→ 添加。
     之后在“开始”选项卡右侧点“统计表校验”打开窗格。

【网页版 Excel（Excel 网页版 / Microsoft 365）】
  1. 在浏览器中打开一个工作簿。
  2. 插入 → 加载项 → 更多加载项（或“获取加载项”）→ 我的加载项 → 上传我的加载项，
     选择上面的 manifest.xml → 上传。
  3. 在“开始”选项卡点“统计表校验”。

主机检测页（每种 Excel 各跑一次，把结果发给维护人员）：
  旁加载 ${join(ROOT, 'probe-manifest.xml')}（“妇联统计表校验·主机检测”），打开后点“开始检测”，再点“复制结果”。
  地址：https://localhost:${PORT}/probe.html

注意：本机必须信任开发证书（npx office-addin-dev-certs install）；
正式给乡镇使用时，请用 npm run build:addin -- --base-url https://县里的服务器/addin 生成清单并放到县内网服务器上。
`);
}

/** Fetches taskpane.html once from the running server, trusting the dev CA. */
function fetchOnce(ca) {
  return new Promise((ok, fail) => {
    get({ host: 'localhost', port: PORT, path: '/taskpane.html', ca }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? ok(res.statusCode) : fail(new Error(`HTTP ${res.statusCode}`)),
      );
    }).on('error', fail);
  });
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  if (args.some((a) => a.startsWith('--base-url'))) {
    throw new Error(
      '开发服务器只用 https://localhost:3000；给内网服务器打包请用 npm run build:addin -- --base-url … / use build:addin for --base-url',
    );
  }
  const built = await buildAddin(args.includes('--self-host-office') ? ['--self-host-office'] : []);
  if (built.skipped) {
    console.error(
      '[addin] 任务窗格还没有写好（缺 addin/taskpane/main.ts），无法启动 / the pane entry is missing',
    );
    process.exit(1);
  }
  const options = await httpsOptions();
  const server = createServer(options, handle);
  await new Promise((ok, fail) => {
    server.once('error', (err) =>
      fail(
        err.code === 'EADDRINUSE'
          ? new Error(`端口 ${PORT} 已被占用，请先关闭占用它的程序 / port ${PORT} is in use`)
          : err,
      ),
    );
    server.listen(PORT, 'localhost', ok);
  });
  if (check) {
    try {
      await fetchOnce(options.ca);
      console.log(
        `[addin] 自检通过：https://localhost:${PORT}/taskpane.html 返回 200 / self-check OK`,
      );
    } finally {
      server.close();
    }
    return;
  }
  printSideloadHelp();
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`[addin] 启动失败 / failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
