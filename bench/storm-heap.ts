// What the app keeps per live call: the storm's stack, --low callers dialled a few at a time and kept in
// the main menu, a heap snapshot of the app (V8 collects garbage first, so it holds what is retained),
// then --high callers in all and a second snapshot; prints the growth per added live call by
// constructor, largest first (bench/storm/heap-phase.ts).
// Run: npx tsx bench/storm-heap.ts [--low 50] [--high 200] [--settle-seconds 10] [--top 25]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heapPhase, heapSnapshotArgs } from './storm/heap-phase';
import { startStack } from './storm/stack';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1] ?? fallback) : fallback;
};
const say = (s: string) => process.stdout.write(`${s}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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
    nodeArgs: heapSnapshotArgs(snapshots),
  });
  try {
    const people = (
      await stack.control<{ value: { id: string }[] }>('POST', '/emulator/people', {
        count: high,
        namePrefix: 'Heap caller',
      })
    ).body.value.map((p) => p.id);
    const r = await heapPhase(stack, people, { low, high, settleMs, snapshots }, say);
    say(
      `${r.liveLow} -> ${r.liveHigh} live calls: heap ${kb(r.heapBytesPerCall)} per added live call, ` +
        `${kb(r.objectBytesPerCall)} without compiled code`,
    );
    for (const row of r.rows.slice(0, top))
      say(`${row.bytes.toFixed(0).padStart(8)} B ${row.count.toFixed(1).padStart(7)} x  ${row.name}`);
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `storm heap failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
