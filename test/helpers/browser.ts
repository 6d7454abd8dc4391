// Debian's Chromium driven by playwright-core for the browser tests: one fresh profile per launch,
// screenshots kept under test-artifacts/screenshots/, everything closed afterwards.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** Where Debian installs Chromium (never downloaded by playwright). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The repository's test-artifacts/screenshots folder. */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningBrowser {
  context: BrowserContext;
  /** A new page (tab) in the browser. */
  newPage(): Promise<Page>;
  /** Messages the pages logged as errors, and uncaught page errors (for failure messages). */
  errors: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh --user-data-dir (removed on close). */
export async function launchBrowser(
  opts: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<RunningBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'switchboard-chromium-'));
  let context: BrowserContext;
  try {
    // A persistent context is how playwright passes --user-data-dir to Chromium.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      colorScheme: opts.colorScheme ?? 'light',
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      timeout: 60_000,
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }
  const errors: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  let closed = false;
  return {
    context,
    errors,
    newPage: () => context.newPage(),
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close().catch((err: Error) => errors.push(`close: ${err.message}`));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(name))
    throw new Error(`screenshot name "${name}" is not a plain file name`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
