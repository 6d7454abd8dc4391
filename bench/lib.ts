import autocannon from 'autocannon';

export interface Target {
  readonly name: string;
  readonly options: autocannon.Options;
  /**
   * Waits, after each run of this target, until work it left behind (processing after a 202) is done, and
   * returns how long that took in ms. The wait is outside every measured round, so that work cannot eat
   * into the next target's round, and it is reported.
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
  readonly non2xx: number;
  readonly errors: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs the targets in interleaved rounds (A B C A B C ...) so drift on a noisy machine hits all alike. */
export async function interleaved(
  targets: readonly Target[],
  rounds: number,
  seconds: number,
): Promise<Measured[]> {
  const results = new Map<
    string,
    { rps: number[]; ok: number[]; settleMs: number[]; non2xx: number; errors: number }
  >();
  for (const t of targets) results.set(t.name, { rps: [], ok: [], settleMs: [], non2xx: 0, errors: 0 });
  for (const t of targets) {
    await autocannon({ ...t.options, duration: 1 }); // warm-up
    await t.settle?.();
  }
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) {
      const res = await autocannon({ ...t.options, duration: seconds });
      const acc = results.get(t.name)!;
      acc.rps.push(res.requests.average);
      acc.ok.push(res['2xx']);
      acc.settleMs.push(t.settle ? await t.settle() : 0);
      acc.non2xx += res.non2xx;
      acc.errors += res.errors;
    }
  }
  return targets.map((t) => {
    const { rps, ok, settleMs, non2xx, errors } = results.get(t.name)!;
    return { name: t.name, rounds: rps, median: median(rps), ok, settleMs, non2xx, errors };
  });
}
