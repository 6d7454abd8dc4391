// The routes that serve the softphone's files: the page, its assets with their types, nothing else.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findRoute } from '../../../../emulator/http';
import type { HttpResponse, RequestContext } from '../../../../emulator/http';
import { pageRoutes, softphoneDir } from '../../../../emulator/pages';

describe('emulator pages: softphone routes', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'softphone-pages-'));
  const dir = path.join(root, 'softphone');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(dir, 'app.js'), 'export {};');
  writeFileSync(path.join(dir, 'notes.txt'), 'not served');
  writeFileSync(path.join(root, 'outside.js'), 'secret');
  const routes = pageRoutes(dir);
  after(() => rmSync(root, { recursive: true, force: true }));

  async function get(p: string): Promise<HttpResponse | undefined> {
    const segments = p.split('/').filter(Boolean).map(decodeURIComponent);
    const match = findRoute(routes, 'GET', segments);
    if (match.kind !== 'found') return undefined;
    const ctx = { method: 'GET', path: p, segments, params: match.params } as unknown as RequestContext;
    return match.route.handle(ctx);
  }

  it('serves the page and its scripts with their types and a same-origin CSP', async () => {
    const page = await get('/softphone');
    assert.equal(page?.status, 200);
    assert.equal(page?.headers?.['Content-Type'], 'text/html; charset=utf-8');
    assert.match(String(page?.headers?.['Content-Security-Policy']), /connect-src 'self'/);
    // Prompt audio comes from the emulator itself (its control API), and from nowhere else.
    assert.match(String(page?.headers?.['Content-Security-Policy']), /media-src 'self'/);
    const script = await get('/softphone/app.js');
    assert.equal(script?.headers?.['Content-Type'], 'text/javascript; charset=utf-8');
    assert.equal(String(script?.body), 'export {};');
  });

  it('sends / to the softphone', async () => {
    const home = await get('/');
    assert.deepEqual([home?.status, home?.headers?.Location], [302, '/softphone']);
  });

  it('refuses unknown types, missing files and names that leave the folder', async () => {
    assert.equal((await get('/softphone/notes.txt'))?.status, 404);
    assert.equal((await get('/softphone/missing.js'))?.status, 404);
    assert.equal((await get('/softphone/..%2Foutside.js'))?.status, 404);
    assert.equal((await get('/softphone/.hidden.js'))?.status, 404);
    assert.equal(await get('/softphone/a/b.js'), undefined, 'no route for nested paths');
  });

  it('finds the real page folder from the source tree', () => {
    assert.equal(path.basename(softphoneDir()), 'softphone');
    assert.ok(softphoneDir().includes(path.join('emulator', 'pages')));
  });
});
