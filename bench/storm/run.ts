// One storm from start to end: the stack up, the callers added, a warm-up, then interleaved rounds
// (app, reflex, app, ...), the report and the stack down. bench/call-storm.ts is its command line; the
// e2e layer runs it small so that it cannot rot.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heapPhase, heapSnapshotArgs, type HeapPhaseResult } from './heap-phase';
import { machine } from './proc';
import { roundPairs, summarise, table, verdict, type TargetSummary } from './report';
import { runRound, type RoundResult } from './round';
import { REFLEX_APP_ID, startStack, type Stack } from './stack';
import { stormScripts } from './walk';

export interface StormOptions {
  readonly calls: number;
  readonly seconds: number;
  readonly instances: 1 | 2;
  readonly db: 'sqlite' | 'postgres';
  readonly seed: number;
  readonly rounds: number;
  readonly warmupSeconds: number;
  readonly logLevel: string;
  /** Node options for the emulator, the app instances and the reflex (e.g. --cpu-prof). */
  readonly nodeArgs?: readonly string[];
  /** Keep the processes' logs (their folder is printed). */
  readonly keep?: boolean;
  /**
   * After the rounds, the heap kept per live call between `low` and `high` live calls in the menu
   * (heap-phase.ts; one instance only, `high` at most `calls`). Absent: not measured.
   */
  readonly heap?: { readonly low: number; readonly high: number };
}

export interface StormResult {
  /** The one-line summary the command prints last. */
  readonly line: Record<string, unknown>;
  /** Everything bench/results/call-storm.json holds. */
  readonly full: Record<string, unknown>;
  readonly app: TargetSummary;
  readonly reflex: TargetSummary;
}

/** Runs the storm; `say` hears the progress and the table. */
export async function runStorm(o: StormOptions, say: (s: string) => void): Promise<StormResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-storm-'));
  const snapshots = path.join(dir, 'snapshots');
  const heap = o.heap && o.instances === 1 ? o.heap : undefined;
  if (o.heap && !heap) say('heap phase skipped: it measures one instance');
  let stack: Stack | undefined;
  try {
    // V8 writes heap snapshots into the folder but does not create it.
    if (heap) mkdirSync(snapshots);
    const nodeArgs = [...(o.nodeArgs ?? []), ...(heap ? heapSnapshotArgs(snapshots) : [])];
    stack = await startStack({
      dir,
      instances: o.instances,
      db: o.db,
      calls: o.calls,
      logLevel: o.logLevel,
      nodeArgs,
    });
    const s = stack;
    const added = await s.control<{ value: { id: string }[] }>('POST', '/emulator/people', {
      count: o.calls,
      namePrefix: 'Storm caller',
    });
    if (added.status !== 201) throw new Error(`could not add callers: ${JSON.stringify(added.body)}`);
    const people = added.body.value.map((p) => p.id);
    const targets = {
      app: { appId: s.appId, pids: s.appPids },
      reflex: { appId: REFLEX_APP_ID, pids: [s.reflexPid] },
    };
    const run = (target: 'app' | 'reflex', round: number, n: number, ms: number) =>
      runRound({
        stack: s,
        target,
        ...targets[target],
        people: people.slice(0, n),
        scripts: stormScripts(o.seed, round, n, { durationMs: ms }),
        durationMs: ms,
      });
    if (o.warmupSeconds > 0) {
      // Code paths compiled, prompts synthesized and connections opened before anything is measured.
      for (const t of ['app', 'reflex'] as const)
        await run(t, -1, Math.min(o.calls, 20), o.warmupSeconds * 1000);
      say('warm-up done');
    }
    const results: RoundResult[] = [];
    for (let i = 0; i < o.rounds; i++) {
      for (const t of ['app', 'reflex'] as const) {
        const r = await run(t, i, o.calls, o.seconds * 1000);
        results.push(r);
        say(
          `round ${i + 1} ${t}: answered ${r.answered}/${r.placed}, ${r.samples.length} reactions, ` +
            `peak ${r.peakLive} live, dialled in ${(r.dialMs / 1000).toFixed(1)} s, ${(r.wallMs / 1000).toFixed(0)} s`,
        );
      }
    }
    const app = summarise(results.filter((r) => r.target === 'app'));
    const reflex = summarise(results.filter((r) => r.target === 'reflex'));
    const pairs = roundPairs(results);
    say(table(app, reflex, pairs).trimEnd());
    let kept: HeapPhaseResult | undefined;
    if (heap) {
      const high = Math.min(heap.high, o.calls);
      const low = Math.min(heap.low, Math.floor(high / 4));
      kept = await heapPhase(s, people, { low, high, settleMs: 10_000, snapshots }, say);
      say(
        `heap kept per live call (${kept.liveLow} -> ${kept.liveHigh} live calls in the menu): ` +
          `${(kept.objectBytesPerCall / 1024).toFixed(1)} KB of objects, ` +
          `${(kept.heapBytesPerCall / 1024).toFixed(1)} KB with compiled code`,
      );
    }
    const { calls, seconds, instances, db, rounds, seed, warmupSeconds } = o;
    const line = {
      ...verdict(calls, app, reflex, { instances, db, seconds, rounds, seed }, pairs),
      ...(kept ? { heapPerCallKB: Math.round(kept.objectBytesPerCall / 102.4) / 10 } : {}),
    };
    const full = {
      bench: 'call-storm',
      date: new Date().toISOString(),
      machine: machine(),
      settings: { calls, seconds, instances, db, rounds, seed, warmupSeconds },
      summary: line,
      app,
      reflex,
      roundPairs: pairs,
      rounds: results.map(({ samples: _s, missed: _m, ...r }) => r),
      ...(kept ? { heap: { ...kept, rows: kept.rows.slice(0, 25) } } : {}),
      targets: { ratio: instances > 1 ? 3 : 2, rssPerCallKB: 16, heapPerCallKB: 16, duplicates: 0 },
    };
    return { line, full, app, reflex };
  } finally {
    await stack?.stop();
    if (o.keep) say(`logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
