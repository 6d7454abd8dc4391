// The Teams host page: GET /host frames the tab and answers the host side of teams-js (initialize,
// getContext, getAuthToken, theme changes); POST /host/token mints the SSO token it hands out.
import fs from 'node:fs';
import path from 'node:path';
import type { HttpResponse, Route } from '../http';
import { mintForHost, type MintUserToken } from './token-route';

export type { MintUserToken, TokenFault } from './token-route';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

// The page frames a tab served from loopback or from the app's configured address, and talks only to
// the emulator it came from.
function contentSecurityPolicy(tabUrl: string): string {
  const loopback = 'http://localhost:* http://127.0.0.1:* https://localhost:* https://127.0.0.1:*';
  const tabOrigin = new URL(tabUrl).origin;
  return (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    `frame-src ${loopback} ${tabOrigin}; base-uri 'none'; form-action 'none'`
  );
}

/** What the page needs besides its files. */
export interface HostPageOptions {
  /** The tab framed when the page's URL names none; the emulator's EMULATOR_TAB_URL. */
  readonly tabUrl: string;
  /** The folder of the page's files (default: hostPageDir()). */
  readonly dir?: string;
}

/** The folder of the page's files, from source (emulator/host/page) or from the build. */
export function hostPageDir(): string {
  const candidates = [
    path.join(__dirname, 'page'),
    path.resolve(__dirname, '..', '..', '..', 'emulator', 'host', 'page'),
    path.resolve(process.cwd(), 'emulator', 'host', 'page'),
  ];
  return candidates.find((p) => fs.existsSync(path.join(p, 'index.html'))) ?? (candidates[0] as string);
}

function file(dir: string, name: string, csp: string): HttpResponse {
  const type = TYPES[path.extname(name)];
  const missing: HttpResponse = {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: `Nothing is served at /host/${name}.\n`,
  };
  // Plain names only: nothing outside the page's folder can be named.
  if (!/^[a-z0-9-]+\.[a-z]+$/.test(name) || !type) return missing;
  let body: Buffer;
  try {
    body = fs.readFileSync(path.join(dir, name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return missing;
    throw err;
  }
  return {
    status: 200,
    headers: { 'Content-Type': type, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
    body,
  };
}

/** The host page's routes; `mint` is the emulator Entra's mintUserToken. */
export function hostRoutes(mint: MintUserToken, opts: HostPageOptions): Route[] {
  const dir = opts.dir ?? hostPageDir();
  const csp = contentSecurityPolicy(opts.tabUrl);
  return [
    { method: 'GET', pattern: '/host', handle: () => file(dir, 'index.html', csp) },
    // The page asks which tab to frame, so that it follows the app's port and public URL.
    {
      method: 'GET',
      pattern: '/host/defaults',
      handle: () => ({ status: 200, body: { tabUrl: opts.tabUrl } }),
    },
    { method: 'POST', pattern: '/host/token', handle: (ctx) => mintForHost(ctx, mint) },
    { method: 'GET', pattern: '/host/:file', handle: (ctx) => file(dir, ctx.params.file ?? '', csp) },
  ];
}
