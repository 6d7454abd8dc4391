// Calls per day and their total duration, for the history chart. Days are UTC dates; a call counts on
// the day it was created and lasts from creation to its end (a live call: until now).

export interface HistoryCall {
  readonly createdAt: number;
  readonly endedAt?: number;
}

export interface HistoryDay {
  readonly date: string;
  readonly calls: number;
  readonly totalSeconds: number;
}

export interface History {
  readonly days: HistoryDay[];
  readonly totals: { calls: number; totalSeconds: number; averageSeconds: number };
}

const DAY_MS = 24 * 3600_000;

/** The last `days` UTC days ending today, oldest first, every day present (zero when no call). */
export function summariseHistory(calls: readonly HistoryCall[], days: number, nowMs: number): History {
  const today = Math.floor(nowMs / DAY_MS);
  const first = today - days + 1;
  const buckets = Array.from({ length: days }, (_, i) => ({
    date: new Date((first + i) * DAY_MS).toISOString().slice(0, 10),
    calls: 0,
    totalSeconds: 0,
  }));
  for (const c of calls) {
    const bucket = buckets[Math.floor(c.createdAt / DAY_MS) - first];
    if (!bucket) continue;
    bucket.calls += 1;
    bucket.totalSeconds += Math.max(0, Math.round(((c.endedAt ?? nowMs) - c.createdAt) / 1000));
  }
  const count = buckets.reduce((n, b) => n + b.calls, 0);
  const total = buckets.reduce((n, b) => n + b.totalSeconds, 0);
  return {
    days: buckets,
    totals: { calls: count, totalSeconds: total, averageSeconds: count ? Math.round(total / count) : 0 },
  };
}
