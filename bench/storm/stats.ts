// The storm's arithmetic: percentiles of reaction times, and the slope of memory over live calls.

export interface Percentiles {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles (NaN for no samples), in the samples' unit. */
export function percentiles(values: readonly number[]): Percentiles {
  const s = [...values].sort((a, b) => a - b);
  const rank = (p: number): number =>
    s.length ? (s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number) : NaN;
  return {
    n: s.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    max: s.length ? (s.at(-1) as number) : NaN,
  };
}

/** Least-squares slope of y over x; NaN with fewer than two distinct x. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  return sxx === 0 ? NaN : sxy / sxx;
}

/** The median of the values (NaN for none). */
export function median(values: readonly number[]): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Integral of live calls over time in call-minutes (trapezoids between samples taken at `at` ms). */
export function callMinutes(samples: readonly { at: number; live: number }[]): number {
  let sum = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    sum += ((a.live + b.live) / 2) * (b.at - a.at);
  }
  return sum / 60_000;
}
