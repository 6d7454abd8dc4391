// Calls per day and their total duration, for the history chart, from Graph call records. Days are UTC
// dates; a call counts on the day it started and lasts from its record's start to its end.

/** The part of a call record the history reads. */
export interface HistoryRecord {
  readonly startAt: number;
  readonly endAt: number;
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

/** Where the history of the last `days` UTC days ending today begins (midnight UTC). */
export function historyStart(days: number, nowMs: number): number {
  return (Math.floor(nowMs / DAY_MS) - days + 1) * DAY_MS;
}

/** The last `days` UTC days ending today, oldest first, every day present (zero when no call). */
export function summariseHistory(records: readonly HistoryRecord[], days: number, nowMs: number): History {
  const first = historyStart(days, nowMs) / DAY_MS;
  const buckets = Array.from({ length: days }, (_, i) => ({
    date: new Date((first + i) * DAY_MS).toISOString().slice(0, 10),
    calls: 0,
    totalSeconds: 0,
  }));
  for (const r of records) {
    const bucket = buckets[Math.floor(r.startAt / DAY_MS) - first];
    if (!bucket) continue;
    bucket.calls += 1;
    bucket.totalSeconds += Math.max(0, Math.round((r.endAt - r.startAt) / 1000));
  }
  const count = buckets.reduce((n, b) => n + b.calls, 0);
  const total = buckets.reduce((n, b) => n + b.totalSeconds, 0);
  return {
    days: buckets,
    totals: { calls: count, totalSeconds: total, averageSeconds: count ? Math.round(total / count) : 0 },
  };
}
