// What the app keeps per live call: the storm's stack, --low callers dialled and walking the menu, a heap
// snapshot of the app (V8 collects garbage first, so it holds what is retained), then --high callers
// in all and a second snapshot; prints the growth per added live call by constructor, largest first.
// Run: npx tsx bench/storm-heap.ts [--low 50] [--high 200] [--settle-seconds 10] [--top 25]
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarise, type HeapSummary } from './storm/heap-summary';
import { pool } from './storm/round';
import { startStack } from './storm/stack';
import { stormScripts } from './storm/walk';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1] ?? fallback) : fallback;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  const [low, high, settleMs, top] = [
    arg('low', 50),
    arg('high', 200),
    arg('settle-seconds', 10) * 1000,
    arg('top', 25),
  ];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-heap-'));
  const snapshots = path.join(dir, 'snapshots');
  // V8 writes into the folder but does not create it.
  mkdirSync(snapshots);
  const stack = await startStack({
    dir,
    instances: 1,
    db: 'sqlite',
    calls: high,
    logLevel: 'warn',
    nodeArgs: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`],
  });
  try {
    const people = (
      await stack.control<{ value: { id: string }[] }>('POST', '/emulator/people', {
        count: high,
        namePrefix: 'Heap caller',
      })
    ).body.value.map((p) => p.id);
    // Nobody hangs up early and nobody presses a key that ends the call: the calls stay live throughout.
    const scripts = stormScripts(1, 0, high, { durationMs: 600_000, earlyHangUps: 0 }).map((s) => ({
      ...s,
      keys: s.keys.filter((k) => !['0', '1', '2'].includes(k.tones)),
    }));
    await pool(people, 32, (id, i) => stack.control('PUT', `/emulator/people/${id}/script`, scripts[i]));
    const appPid = stack.appPids[0]!;
    const snapshot = async (label: string): Promise<HeapSummary & { live: number }> => {
      const before = new Set(safeList(snapshots));
      process.kill(appPid, 'SIGUSR2');
      for (let waited = 0; ; waited += 500) {
        if (waited > 120_000) throw new Error(`no heap snapshot of the app within 2 minutes`);
        await sleep(500);
        const added = safeList(snapshots).filter((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
        if (added.length > 0 && added[0]!.includes(String(appPid))) {
          const file = path.join(snapshots, added[0]!);
          // V8 writes the file in place, with pauses: it is complete once it parses.
          let summary: HeapSummary | undefined;
          for (let tries = 0; !summary; tries++) {
            await sleep(2000);
            try {
              summary = summarise(file);
            } catch (err) {
              if (!(err instanceof SyntaxError) || tries > 60) throw err;
            }
          }
          const live = (
            await stack.control<{ live: Record<string, number> }>('GET', '/emulator/reactions/counts')
          ).body.live[stack.appId];
          say(`${label}: snapshot with ${live ?? 0} live calls`);
          return { ...summary, live: live ?? 0 };
        }
      }
    };
    const dial = (ids: readonly string[]) =>
      pool(ids, 32, (id) =>
        stack.control('POST', `/emulator/people/${id}/call`, { to: 'app', appId: stack.appId }),
      );
    await dial(people.slice(0, low));
    await sleep(settleMs);
    const a = await snapshot('low');
    await dial(people.slice(low));
    await sleep(settleMs);
    const b = await snapshot('high');
    const added = b.live - a.live;
    say(
      `heap used: ${(a.total / 1024).toFixed(0)} KB -> ${(b.total / 1024).toFixed(0)} KB, ` +
        `${((b.total - a.total) / 1024 / added).toFixed(1)} KB per added live call`,
    );
    const rows = [...new Set([...a.byName.keys(), ...b.byName.keys()])]
      .map((name) => {
        const x = a.byName.get(name) ?? { count: 0, size: 0 };
        const y = b.byName.get(name) ?? { count: 0, size: 0 };
        return { name, count: (y.count - x.count) / added, bytes: (y.size - x.size) / added };
      })
      .sort((p, q) => q.bytes - p.bytes)
      .slice(0, top);
    for (const r of rows)
      say(`${r.bytes.toFixed(0).padStart(8)} B ${r.count.toFixed(1).padStart(7)} x  ${r.name}`);
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `storm heap failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
