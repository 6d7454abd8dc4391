// Pages for people, served on the emulator's port over plain HTTP (no certificate warning) and HTTPS:
// the softphone at /softphone, its assets at /softphone/<file>, and / sends a browser there.
import fs from 'node:fs';
import path from 'node:path';
import type { HttpResponse, Route } from '../http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// The page only talks to the emulator it came from, and plays prompt audio only from it.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** The folder holding the softphone's files, from source (emulator/pages) or from the build (dist/). */
export function softphoneDir(): string {
  const candidates = [
    path.join(__dirname, 'softphone'),
    path.resolve(__dirname, '..', '..', '..', 'emulator', 'pages', 'softphone'),
    path.resolve(process.cwd(), 'emulator', 'pages', 'softphone'),
  ];
  return candidates.find((p) => fs.existsSync(path.join(p, 'index.html'))) ?? (candidates[0] as string);
}

const notFound = (what: string): HttpResponse => ({
  status: 404,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: `Nothing is served at ${what}.\n`,
});

function file(dir: string, name: string): HttpResponse {
  // Plain names only (no folders, no dot-files): nothing outside the page's folder can be named.
  const type = TYPES[path.extname(name)];
  if (!/^[a-z0-9-]+\.[a-z]+$/.test(name) || !type) return notFound(`/softphone/${name}`);
  let body: Buffer;
  try {
    body = fs.readFileSync(path.join(dir, name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return notFound(`/softphone/${name}`);
    throw err;
  }
  return {
    status: 200,
    headers: { 'Content-Type': type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
    body,
  };
}

/** The routes of the pages for people (plain GETs, no token). */
export function pageRoutes(dir: string = softphoneDir()): Route[] {
  return [
    { method: 'GET', pattern: '/', handle: () => ({ status: 302, headers: { Location: '/softphone' } }) },
    { method: 'GET', pattern: '/softphone', handle: () => file(dir, 'index.html') },
    { method: 'GET', pattern: '/softphone/:file', handle: (ctx) => file(dir, ctx.params.file ?? '') },
  ];
}
