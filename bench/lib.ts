import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Target {
  readonly name: string;
  readonly options: autocannon.Options;
  /** The server process's pid: its CPU time per request is measured too (Linux /proc). */
  readonly pid?: number;
  /**
   * Waits, after each run of this target, until work it left behind (processing after a 202) is done, and
   * returns how long that took in ms. The wait is outside every measured round, so that work cannot eat
   * into the next target's round, and it is reported (and its CPU time is charged to this target).
   */
  readonly settle?: () => Promise<number>;
}

export interface Measured {
  readonly name: string;
  /** Requests per second of each round. */
  readonly rounds: number[];
  readonly median: number;
  /** 2xx answers of each round. */
  readonly ok: number[];
  /** Time spent in settle() after each round (0 when the target has none). */
  readonly settleMs: number[];
  /** Server CPU time (user + system) per request of each round, in microseconds; empty without a pid. */
  readonly cpuUsPerRequest: number[];
  readonly non2xx: number;
  readonly errors: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

// utime + stime of a process in clock ticks (fields 14 and 15 of /proc/<pid>/stat; the name may hold spaces).
const TICK_US = 10_000;
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Runs the targets in interleaved rounds (A B C A B C ...) so drift on a noisy machine hits all alike.
 * Besides throughput, each server's CPU time per request is taken from the kernel: on a machine shared
 * with other work it says what a request costs even when the scheduler starves one round.
 */
export async function interleaved(
  targets: readonly Target[],
  rounds: number,
  seconds: number,
): Promise<Measured[]> {
  const results = new Map<
    string,
    { rps: number[]; ok: number[]; settleMs: number[]; cpu: number[]; non2xx: number; errors: number }
  >();
  for (const t of targets)
    results.set(t.name, { rps: [], ok: [], settleMs: [], cpu: [], non2xx: 0, errors: 0 });
  for (const t of targets) {
    await autocannon({ ...t.options, duration: 1 }); // warm-up
    await t.settle?.();
  }
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) {
      const before = t.pid === undefined ? 0 : cpuTicks(t.pid);
      const res = await autocannon({ ...t.options, duration: seconds });
      const acc = results.get(t.name)!;
      acc.settleMs.push(t.settle ? await t.settle() : 0);
      if (t.pid !== undefined && res.requests.total > 0) {
        acc.cpu.push(((cpuTicks(t.pid) - before) * TICK_US) / res.requests.total);
      }
      acc.rps.push(res.requests.average);
      acc.ok.push(res['2xx']);
      acc.non2xx += res.non2xx;
      acc.errors += res.errors;
    }
  }
  return targets.map((t) => {
    const { rps, ok, settleMs, cpu, non2xx, errors } = results.get(t.name)!;
    return {
      name: t.name,
      rounds: rps,
      median: median(rps),
      ok,
      settleMs,
      cpuUsPerRequest: cpu,
      non2xx,
      errors,
    };
  });
}
