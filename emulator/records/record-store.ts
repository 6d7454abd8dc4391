// Call records appear a while after their call ends (the real service takes minutes; here
// EMULATOR_CALLRECORD_DELAY_MS on the emulator clock, so a clock advance or a flush brings them
// early). Listeners hear each record as it appears (the call-record subscriptions).
import type { Clock, ClockTimer } from '../clock';
import type { CallRecordRec } from './build-record';

interface Pending {
  id: string;
  dueAt: number;
  timer: ClockTimer;
  build: () => CallRecordRec;
}

export type RecordListener = (rec: CallRecordRec) => void;

/** How long Graph keeps a call record. */
export const RETENTION_MS = 30 * 24 * 3600_000;

/** Default delay before a record appears when the environment does not set one. */
export const DEFAULT_RECORD_DELAY_MS = 60_000;

/** Reads EMULATOR_CALLRECORD_DELAY_MS (ms, >= 0). */
export function recordDelayFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.EMULATOR_CALLRECORD_DELAY_MS;
  if (raw === undefined || raw === '') return DEFAULT_RECORD_DELAY_MS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`EMULATOR_CALLRECORD_DELAY_MS must be a number >= 0, got "${raw}"`);
  return n;
}

/** Pending and published call records. */
export class RecordStore {
  private readonly pending = new Map<string, Pending>();
  private readonly records = new Map<string, CallRecordRec>();
  private readonly listeners = new Set<RecordListener>();

  constructor(
    private readonly clock: Clock,
    private readonly delayMs: number,
  ) {}

  onRecord(listener: RecordListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Schedules a record; it is built when it appears (so it reflects the finished call). */
  schedule(id: string, build: () => CallRecordRec): void {
    const timer = this.clock.setTimer(this.delayMs, () => this.publish(id));
    this.pending.set(id, { id, dueAt: this.clock.now() + this.delayMs, timer, build });
  }

  get(id: string): CallRecordRec | undefined {
    return this.records.get(id.toLowerCase());
  }

  /** Published records Graph still keeps (30 days after their end, on the emulator clock), oldest first. */
  retained(): CallRecordRec[] {
    const since = this.clock.now() - RETENTION_MS;
    return [...this.records.values()]
      .filter((r) => Date.parse(String(r.record.endDateTime)) >= since)
      .sort(
        (a, b) =>
          Date.parse(String(a.record.startDateTime)) - Date.parse(String(b.record.startDateTime)) ||
          String(a.record.id).localeCompare(String(b.record.id)),
      );
  }

  /** Publishes every pending record now; returns their ids. */
  flush(): string[] {
    const ids = [...this.pending.keys()];
    for (const id of ids) this.publish(id);
    return ids;
  }

  /** Records still to appear and those already there. */
  summary(): { pending: { id: string; dueAt: string }[]; available: string[] } {
    return {
      pending: [...this.pending.values()].map((p) => ({ id: p.id, dueAt: new Date(p.dueAt).toISOString() })),
      available: [...this.records.values()].map((r) => String(r.record.id)),
    };
  }

  /** Drops everything (reset). */
  reset(): void {
    for (const p of this.pending.values()) this.clock.clearTimer(p.timer);
    this.pending.clear();
    this.records.clear();
  }

  private publish(id: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.clock.clearTimer(p.timer);
    const rec = p.build();
    this.records.set(id.toLowerCase(), rec);
    for (const listener of [...this.listeners]) listener(rec);
  }
}
