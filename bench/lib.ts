import autocannon from 'autocannon';

export interface Target {
  readonly name: string;
  readonly options: autocannon.Options;
}

export interface Measured {
  readonly name: string;
  /** Requests per second of each round. */
  readonly rounds: number[];
  readonly median: number;
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
  const results = new Map<string, { rps: number[]; non2xx: number; errors: number }>();
  for (const t of targets) results.set(t.name, { rps: [], non2xx: 0, errors: 0 });
  for (const t of targets) await autocannon({ ...t.options, duration: 1 }); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) {
      const res = await autocannon({ ...t.options, duration: seconds });
      const acc = results.get(t.name)!;
      acc.rps.push(res.requests.average);
      acc.non2xx += res.non2xx;
      acc.errors += res.errors;
    }
  }
  return targets.map((t) => {
    const acc = results.get(t.name)!;
    return { name: t.name, rounds: acc.rps, median: median(acc.rps), non2xx: acc.non2xx, errors: acc.errors };
  });
}
