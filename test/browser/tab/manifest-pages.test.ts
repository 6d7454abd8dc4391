// Every page of the tab that the Teams manifest points at (the tab itself, its configuration page, the
// privacy and terms pages Teams links to from the app's details) is in the tab's build and is served by
// the app at that address, and each page opens in Chromium with a heading or the tab's root.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startApp, type TestApp } from '../../helpers/app';
import { launchBrowser, type RunningBrowser } from '../../helpers/browser';
import { buildTab } from './tab-harness';

const MANIFEST = path.resolve(__dirname, '../../../manifest/appPackage/manifest.json');

/** The paths under /tab/ that the manifest template names (without query strings). */
function tabPagesOfManifest(): string[] {
  const text = readFileSync(MANIFEST, 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(/\$\{\{PUBLIC_URL\}\}\/tab(\/[^"?#]*)?/g)) found.add(m[1] ?? '/');
  return [...found].sort();
}

describe('the pages the manifest names', function () {
  this.timeout(120_000);
  let dir: string;
  let app: TestApp;
  let browser: RunningBrowser;

  before(async () => {
    dir = await buildTab();
    app = await startApp({ SWITCHBOARD_MODE: 'local', TAB_DIR: dir, LOG_LEVEL: 'warn' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('includes the tab, its configuration page, and the privacy and terms pages', () => {
    const pages = tabPagesOfManifest();
    for (const p of ['/', '/config.html', '/privacy.html', '/terms.html']) assert.ok(pages.includes(p), p);
  });

  it('each one is built and served as HTML that opens with content', async () => {
    for (const p of tabPagesOfManifest()) {
      const file = path.join(dir, p === '/' ? 'index.html' : p);
      assert.ok(existsSync(file), `${p} is in the tab build`);
      const res = await fetch(`${app.url}/tab${p}`);
      assert.equal(res.status, 200, `GET /tab${p}`);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      const page = await browser.newPage();
      try {
        await page.goto(`${app.url}/tab${p}`);
        const heading = (await page.locator('h1').count()) > 0;
        const root = (await page.locator('#root').count()) > 0;
        const shows = heading || root;
        assert.ok(shows, `${p} shows a heading or the tab's root`);
      } finally {
        await page.close();
      }
    }
  });
});
