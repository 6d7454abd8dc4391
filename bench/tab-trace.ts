// Where the tab's start-up time goes: builds the tab and the blank page as bench/tab-load.ts does, loads
// each several times under a Chromium performance trace (CDP Tracing, through playwright-core) and
// prints, per page, the medians of: the first contentful paint, when each script's response ended, the
// main-thread work by kind before that paint (module evaluation, the scheduler's render task as
// FunctionCall, layout, ...), and the long tasks after it. A diagnostic, not a budget: it writes no result file.
// Run: npx tsx bench/tab-trace.ts [--loads 5] [--dist <an already built tab dist>]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser';
import { median } from './lib';
import { serveStatic, viteBuild, writeBlankProject } from './tab-pages';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown> } & Record<string, unknown>;
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
].join(',');

/** One traced load: every trace event from navigation until 1.5 s after the boot marker. */
async function traceLoad(page: Page, url: string): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-boot]', { state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}

interface Summary {
  bootMs: number;
  scripts: Record<string, { responseEndMs: number; compileMs: number; evaluateMs: number }>;
  beforeBoot: Record<string, number>;
  longTasksAfterBoot: number[];
}

const shortName = (u: string): string =>
  u.replace(/^.*\/assets\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js');

/** Reduces one trace to the numbers above (ms from navigation start). */
function summarise(events: TraceEvent[]): Summary {
  const navStart = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
  if (!navStart) throw new Error('no navigationStart in the trace');
  const main = events.filter((e) => e.pid === navStart.pid && e.tid === navStart.tid);
  const t0 = navStart.ts;
  const ms = (ts: number) => Math.round((ts - t0) / 100) / 10;
  // The trace does not see the data-boot attribute; the first contentful paint stands for it (both pages
  // paint their line in the same task that marks it, give or take a frame).
  const scripts: Summary['scripts'] = {};
  const byUrl = (u: unknown) => {
    const key = shortName(String(u ?? ''));
    scripts[key] ??= { responseEndMs: 0, compileMs: 0, evaluateMs: 0 };
    return scripts[key];
  };
  const requests = new Map<string, string>();
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === 'ResourceSendRequest' && d?.url && String(d.url).endsWith('.js'))
      requests.set(String(d.requestId), String(d.url));
    if (e.name === 'ResourceFinish' && d && requests.has(String(d.requestId)))
      byUrl(requests.get(String(d.requestId))).responseEndMs = ms(e.ts);
  }
  for (const e of main) {
    const d = e.args?.data ?? (e.args as Record<string, unknown> | undefined);
    const url =
      (d as { url?: string; fileName?: string } | undefined)?.url ?? (d as { fileName?: string })?.fileName;
    if (!url || !String(url).includes('/assets/')) continue;
    if (e.name === 'v8.compileModule' || e.name === 'v8.compile') byUrl(url).compileMs += (e.dur ?? 0) / 1000;
    if (e.name === 'v8.evaluateModule' || e.name === 'EvaluateScript')
      byUrl(url).evaluateMs += (e.dur ?? 0) / 1000;
  }
  const paints = main.filter((e) => e.name === 'Paint' || e.name === 'PrePaint').map((e) => e.ts);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur !== undefined);
  const firstContentful = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === navStart.pid);
  const bootTs = firstContentful?.ts ?? Math.min(...paints);
  const beforeBoot: Record<string, number> = {};
  for (const e of main) {
    if (e.ph !== 'X' || e.dur === undefined || e.ts > bootTs) continue;
    if (
      [
        'ParseHTML',
        'FunctionCall',
        'EvaluateScript',
        'v8.evaluateModule',
        'v8.compileModule',
        'TimerFire',
        'EventDispatch',
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'RunMicrotasks',
        'HandlePostMessage',
      ].includes(e.name)
    )
      beforeBoot[e.name] = Math.round(((beforeBoot[e.name] ?? 0) + e.dur / 1000) * 10) / 10;
  }
  const longTasksAfterBoot = tasks
    .filter((t) => t.ts > bootTs && (t.dur ?? 0) >= 50_000)
    .map((t) => Math.round((t.dur ?? 0) / 100) / 10);
  for (const s of Object.values(scripts)) {
    s.compileMs = Math.round(s.compileMs * 10) / 10;
    s.evaluateMs = Math.round(s.evaluateMs * 10) / 10;
  }
  return { bootMs: ms(bootTs), scripts, beforeBoot, longTasksAfterBoot };
}

async function main(): Promise<void> {
  const loads = Number(arg('loads') ?? 5);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-tab-trace-'));
  const given = arg('dist');
  const tabDist = given ?? path.join(dir, 'tab');
  const blankDist = path.join(dir, 'blank');
  await writeBlankProject(path.join(dir, 'blank-src'));
  if (!given) viteBuild('teams-tab/web', tabDist, '/tab/');
  viteBuild(path.join(dir, 'blank-src'), blankDist, '/blank/');
  const server = await serveStatic({ '/tab/': tabDist, '/blank/': blankDist });
  const browser = await launchBrowser();
  const runs: Record<string, Summary[]> = { blank: [], tab: [] };
  try {
    await browser.context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    for (let i = -1; i < loads; i++) {
      for (const name of ['blank', 'tab']) {
        const page = await browser.newPage();
        const events = await traceLoad(page, `${server.url}/${name}/`);
        await page.close();
        if (i >= 0) runs[name]?.push(summarise(events));
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  for (const [name, list] of Object.entries(runs)) {
    console.log(
      `\n${name}: first contentful paint (median of ${list.length}) ${median(list.map((s) => s.bootMs))} ms`,
    );
    const names = [...new Set(list.flatMap((s) => Object.keys(s.scripts)))];
    for (const n of names) {
      const pick = (k: 'responseEndMs' | 'compileMs' | 'evaluateMs') =>
        median(list.map((s) => s.scripts[n]?.[k] ?? 0));
      console.log(
        `  ${n.padEnd(22)} response end ${pick('responseEndMs')} ms, compile ${pick('compileMs')} ms, evaluate ${pick('evaluateMs')} ms`,
      );
    }
    const kinds = [...new Set(list.flatMap((s) => Object.keys(s.beforeBoot)))];
    console.log(
      `  main thread before first paint: ${kinds.map((k) => `${k} ${median(list.map((s) => s.beforeBoot[k] ?? 0))}`).join(', ')}`,
    );
    console.log(
      `  long tasks after first paint (ms): ${list.map((s) => `[${s.longTasksAfterBoot.join(', ')}]`).join(' ')}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
