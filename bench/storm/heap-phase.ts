// What the app keeps per live call, measured apart from any burst: callers dial a few at a time and
// stay in the main menu (a `*` every 2.5-3.5 s, so no key ends the call and the menu never times out);
// at `low` and then `high` live calls the app writes a heap snapshot (V8 collects garbage first, so it
// holds only what is retained), and the difference is divided by the calls added. The app must run with
// heapSnapshotArgs(dir). bench/storm-heap.ts prints the table; the call storm reports the figure.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { summarise, type HeapSummary } from './heap-summary';
import { pool } from './round';
import type { Stack } from './stack';

export interface HeapPhaseOptions {
  readonly low: number;
  readonly high: number;
  readonly settleMs: number;
  /** Where the app writes its snapshots (the folder given to heapSnapshotArgs). */
  readonly snapshots: string;
}

export interface HeapRow {
  readonly name: string;
  /** Added objects of this kind per added live call. */
  readonly count: number;
  /** Added bytes (self size) per added live call. */
  readonly bytes: number;
}

export interface HeapPhaseResult {
  readonly liveLow: number;
  readonly liveHigh: number;
  /** Growth of the whole heap after collection, per added live call. */
  readonly heapBytesPerCall: number;
  /** The same without V8's compiled code and its metadata, which grow as code warms up, not per call. */
  readonly objectBytesPerCall: number;
  /** Largest growth first. */
  readonly rows: readonly HeapRow[];
}

/** Node options that let the benchmark ask the app for heap snapshots (SIGUSR2) into `dir`. */
export const heapSnapshotArgs = (dir: string): string[] => [
  '--heapsnapshot-signal=SIGUSR2',
  `--diagnostic-dir=${dir}`,
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Compiled code, feedback and shapes: the app's code warming up, whatever the number of calls.
const isCode = (name: string) => name.startsWith('code ') || name === '(object shape)';

/** The i-th caller's script: answers, then a `*` every 2.5-3.5 s for ten minutes. */
export function idleScript(i: number): {
  onRing: 'answer';
  keys: { afterMs: number; tones: string }[];
  hangUpAfterMs: number;
} {
  const every = 2500 + ((i * 97) % 1000);
  const keys = Array.from({ length: 200 }, (_, k) => ({ afterMs: 5000 + k * every, tones: '*' }));
  return { onRing: 'answer', keys, hangUpAfterMs: 600_000 };
}

/** Runs the phase with `people` (at least `high` of them, none in a call); hangs them up after. */
export async function heapPhase(
  stack: Stack,
  people: readonly string[],
  o: HeapPhaseOptions,
  say: (s: string) => void,
): Promise<HeapPhaseResult> {
  if (people.length < o.high) throw new Error(`the heap phase needs ${o.high} callers`);
  const appPid = stack.appPids[0];
  if (appPid === undefined) throw new Error('no app to measure');
  const callers = people.slice(0, o.high);
  await pool(callers, 32, (id, i) => stack.control('PUT', `/emulator/people/${id}/script`, idleScript(i)));
  const liveNow = async () =>
    (await stack.control<{ live: Record<string, number> }>('GET', '/emulator/reactions/counts')).body.live[
      stack.appId
    ] ?? 0;
  // A few at a time, so that the app answers each call well within Graph's 15 s.
  const dial = (ids: readonly string[]) =>
    pool(ids, 4, (id) =>
      stack.control('POST', `/emulator/people/${id}/call`, { to: 'app', appId: stack.appId }),
    );
  // Answering lags dialling: wait until the calls are live (or their number stops growing), then settle.
  const reach = async (want: number) => {
    let last = -1;
    for (let still = 0; still < 20;) {
      await sleep(1000);
      const now = await liveNow();
      if (now >= want) return;
      still = now === last ? still + 1 : 0;
      last = now;
    }
  };
  const snapshot = async (label: string): Promise<HeapSummary & { live: number }> => {
    const before = new Set(safeList(o.snapshots));
    const live = await liveNow();
    process.kill(appPid, 'SIGUSR2');
    for (let waited = 0; waited <= 120_000; waited += 500) {
      await sleep(500);
      const file = safeList(o.snapshots).find(
        (f) => !before.has(f) && f.endsWith('.heapsnapshot') && f.includes(String(appPid)),
      );
      if (!file) continue;
      // V8 writes the file in place, with pauses: it is complete once it parses.
      for (let tries = 0; ; tries++) {
        await sleep(2000);
        try {
          const summary = summarise(path.join(o.snapshots, file));
          say(`heap phase, ${label}: snapshot with ${live} live calls`);
          return { ...summary, live };
        } catch (err) {
          if (!(err instanceof SyntaxError) || tries > 60) throw err;
        }
      }
    }
    throw new Error('no heap snapshot of the app within 2 minutes');
  };
  try {
    await dial(callers.slice(0, o.low));
    await reach(o.low);
    await sleep(o.settleMs);
    const a = await snapshot('low');
    await dial(callers.slice(o.low));
    await reach(o.high);
    await sleep(o.settleMs);
    const b = await snapshot('high');
    const added = Math.max(1, b.live - a.live);
    const rows = [...new Set([...a.byName.keys(), ...b.byName.keys()])]
      .map((name) => {
        const x = a.byName.get(name) ?? { count: 0, size: 0 };
        const y = b.byName.get(name) ?? { count: 0, size: 0 };
        return { name, count: (y.count - x.count) / added, bytes: (y.size - x.size) / added };
      })
      .sort((p, q) => q.bytes - p.bytes);
    const code = rows.filter((r) => isCode(r.name)).reduce((sum, r) => sum + r.bytes, 0);
    const heapBytesPerCall = (b.total - a.total) / added;
    return {
      liveLow: a.live,
      liveHigh: b.live,
      heapBytesPerCall,
      objectBytesPerCall: heapBytesPerCall - code,
      rows,
    };
  } finally {
    const calls = (
      await stack.control<{ value: { id: string; state: string }[] }>('GET', '/emulator/calls')
    ).body.value.filter((c) => c.state !== 'terminated');
    await pool(calls, 32, (c) => stack.control('POST', `/emulator/calls/${c.id}/hangup`, {}));
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
