// The tab under test: built with Vite into a temp folder, served by the real app (TAB_DIR) wired to the
// emulator process, and opened in the emulator's Teams host page in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startApp } from '../../helpers/app';
import type { TestApp } from '../../helpers/app';
import { launchBrowser } from '../../helpers/browser';
import type { RunningBrowser } from '../../helpers/browser';
import { startEmulator } from '../../helpers/emulator';
import type { RunningEmulator } from '../../helpers/emulator';
import { freePort } from '../../helpers/free-port';
import { emulatorAppEnv, routeCallsTo } from '../../helpers/stack';
import { forSuite } from '../../helpers/suite';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Builds teams-tab/web into a new temp folder and returns it. */
export async function buildTab(): Promise<string> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'switchboard-tab-'));
  const r = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'vite'),
    ['build', 'teams-tab/web', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

export interface TabWorld {
  emu: RunningEmulator;
  app: TestApp;
  browser: RunningBrowser;
  /** The host page URL for a context, theme, person and SSO fault. */
  hostUrl(opts: {
    context?: string;
    theme?: string;
    person?: string;
    meeting?: string;
    team?: string;
    channel?: string;
    fault?: string;
    /** `configure` frames the configuration page in the host's "add a tab" dialog. */
    stage?: string;
    /** The page to frame instead of the app's tab. */
    tab?: string;
  }): string;
  stop(): Promise<void>;
}

/** Starts the emulator, the app serving the freshly built tab, and Chromium. */
export async function startTabWorld(
  opts: { colorScheme?: 'light' | 'dark'; appEnv?: Record<string, string> } = {},
): Promise<TabWorld> {
  const tabDir = await buildTab();
  const emu = await startEmulator();
  const port = await freePort();
  const registration = (emu.tenant.apps as Array<{ appId: string; identifierUri?: string }>).find(
    (a) => a.appId === emu.appId,
  );
  await routeCallsTo(emu, port);
  const app = await startApp({
    ...emulatorAppEnv(emu, port),
    ...(registration?.identifierUri ? { TAB_API_AUDIENCE: registration.identifierUri } : {}),
    TAB_DIR: tabDir,
    ...opts.appEnv,
  });
  const browser = await launchBrowser({ colorScheme: opts.colorScheme ?? 'light' });
  // Nothing leaves loopback (teams-js asks a Microsoft CDN for host origins and falls back to its list).
  await browser.context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  return {
    emu,
    app,
    browser,
    hostUrl: (o) => {
      const q = new URLSearchParams({ tab: `${app.url}/tab/` });
      for (const [k, v] of Object.entries(o)) if (v) q.set(k, v);
      return `${emu.httpUrl}/host?${q}`;
    },
    async stop() {
      await browser.close();
      await app.stop();
      await emu.stop();
      await rm(tabDir, { recursive: true, force: true });
    },
  };
}

/** A suite's tab world and one page in it: started in before(), stopped in after(); page errors are printed
 * when a test fails. */
export function useTabWorld(
  opts: { colorScheme?: 'light' | 'dark'; appEnv?: Record<string, string> } = {},
): TabWorld & { readonly page: Page } {
  const world = forSuite(
    async () => {
      const w = await startTabWorld(opts);
      return Object.assign(w, { page: await w.browser.newPage() });
    },
    (w) => w.stop(),
  );
  afterEach(function () {
    if (this.currentTest?.state !== 'failed') return;
    if (world.browser.errors.length) console.log(`page errors:\n${world.browser.errors.join('\n')}`);
    // What the app warned about is usually why a page did not change in time.
    const warnings = world.app.logs.filter((l) => Number(l['level']) >= 40).slice(-30);
    if (warnings.length)
      console.log(`app warnings:\n${warnings.map((l) => JSON.stringify(l).slice(0, 800)).join('\n')}`);
  });
  return world;
}

/** Opens the host page and returns the tab's frame once the tab has shown its first data. */
export async function openTab(page: Page, url: string, ready = true): Promise<Frame> {
  await page.goto(url);
  const handle = await page.waitForSelector('iframe#tab');
  let frame: Frame | null = null;
  for (let i = 0; i < 100 && !frame?.url().includes('/tab/'); i++) {
    frame = await handle.contentFrame();
    if (!frame?.url().includes('/tab/')) await page.waitForTimeout(100);
  }
  if (!frame) throw new Error('the host page framed nothing');
  await frame.waitForSelector('html[data-boot="ready"]', { state: 'attached', timeout: 15_000 });
  if (ready) await frame.waitForSelector('html[data-ready]', { state: 'attached', timeout: 15_000 });
  return frame;
}

/** Polls check every 200 ms until it returns something other than undefined. */
export async function waitUntil<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
