// The two pages of the tab bench, built in the same run: the real tab (teams-tab/web) and a blank Vite
// page, served side by side by one static server (no-store, so every load parses and runs afresh).
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..');
const VITE = path.join(ROOT, 'node_modules', '.bin', 'vite');

/** Runs `vite build` for a project folder into outDir with the given base path. */
export function viteBuild(projectDir: string, outDir: string, base: string): void {
  const r = spawnSync(
    VITE,
    ['build', projectDir, '--outDir', outDir, '--base', base, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error(`vite build ${projectDir} failed (exit ${r.status ?? r.signal})`);
}

/**
 * Writes the control: a Vite page whose one module marks the page as booted exactly as the tab does
 * (data-boot="waiting" on <html>) and paints a line of text.
 */
export async function writeBlankProject(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>' +
      '<body><div id="root"></div><script type="module" src="./main.js"></script></body></html>\n',
  );
  await writeFile(
    path.join(dir, 'main.js'),
    "document.getElementById('root').textContent = 'Waiting for the host';\n" +
      "document.documentElement.dataset.boot = 'waiting';\n",
  );
}

export interface JsSize {
  files: number;
  /** Bytes of every .js file in the build. */
  rawBytes: number;
  /** Sum of each .js file gzipped at level 9 (what a server sending gzip would put on the wire). */
  gzipBytes: number;
  /** The part loaded up front: index.html's module scripts and modulepreloads. */
  initialGzipBytes: number;
}

/** Measures the JavaScript of a build folder. */
export async function jsSize(distDir: string): Promise<JsSize> {
  const assets = path.join(distDir, 'assets');
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="[^"]*\/assets\/([^"]+\.js)"/g)].map((m) => m[1]));
  const size: JsSize = { files: 0, rawBytes: 0, gzipBytes: 0, initialGzipBytes: 0 };
  for (const name of await readdir(assets)) {
    if (!name.endsWith('.js')) continue;
    const body = await readFile(path.join(assets, name));
    const gz = gzipSync(body, { level: 9 }).length;
    size.files += 1;
    size.rawBytes += body.length;
    size.gzipBytes += gz;
    if (initial.has(name)) size.initialGzipBytes += gz;
  }
  return size;
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404);
  res.end();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves each folder of mounts under its prefix (e.g. { '/tab/': dir }) on 127.0.0.1:0. */
export async function serveStatic(
  mounts: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = Object.keys(mounts).find((p) => url.pathname.startsWith(p));
    const root = prefix ? mounts[prefix] : undefined;
    if (!prefix || !root) return notFound(res);
    const rel = url.pathname.slice(prefix.length) || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) return notFound(res);
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => notFound(res),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
