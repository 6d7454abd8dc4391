// The emulator's clock: real time plus an offset the control API can advance, so that rules measured
// in tens of minutes (keepAlive) can be exercised in seconds. Timers run on this clock: advancing it
// fires every timer that has become due, in due order.

/** A pending timer on the emulated clock. */
export interface ClockTimer {
  readonly id: number;
  readonly dueAt: number;
}

/** Emulated time and timers that honour advances. */
export interface Clock {
  /** Emulated epoch milliseconds. */
  now(): number;
  /** Milliseconds added to real time so far. */
  offsetMs(): number;
  /** Moves emulated time forward and fires the timers that became due. */
  advance(ms: number): void;
  /** Calls fn once ms of emulated time have passed. */
  setTimer(ms: number, fn: () => void): ClockTimer;
  clearTimer(timer: ClockTimer | undefined): void;
  /** Number of timers still pending. */
  pending(): number;
  /** Drops every timer and the offset. */
  reset(): void;
}

interface Entry {
  id: number;
  dueAt: number;
  fn: () => void;
  handle?: NodeJS.Timeout;
}

// Node caps setTimeout at about 24.8 days; a longer wait is re-armed when the first one fires.
const MAX_DELAY = 2_147_000_000;

/** Creates a clock; realNow is injectable for tests. */
export function createClock(realNow: () => number = Date.now, onError?: (err: unknown) => void): Clock {
  let offset = 0;
  let nextId = 1;
  const entries = new Map<number, Entry>();
  const now = (): number => realNow() + offset;

  const fire = (entry: Entry): void => {
    if (!entries.delete(entry.id)) return;
    if (entry.handle) clearTimeout(entry.handle);
    try {
      entry.fn();
    } catch (err) {
      if (onError) onError(err);
      else throw err;
    }
  };

  const arm = (entry: Entry): void => {
    if (entry.handle) clearTimeout(entry.handle);
    const delay = Math.max(0, entry.dueAt - now());
    entry.handle = setTimeout(
      () => {
        if (entry.dueAt <= now()) fire(entry);
        else arm(entry);
      },
      Math.min(delay, MAX_DELAY),
    );
  };

  return {
    now,
    offsetMs: () => offset,
    advance(ms: number): void {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
      offset += ms;
      // Timers set by fired timers may already be due too: keep going until none is.
      for (;;) {
        const due = [...entries.values()]
          .filter((e) => e.dueAt <= now())
          .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
        if (due.length === 0) break;
        for (const entry of due) fire(entry);
      }
      for (const entry of entries.values()) arm(entry);
    },
    setTimer(ms: number, fn: () => void): ClockTimer {
      const entry: Entry = { id: nextId++, dueAt: now() + Math.max(0, ms), fn };
      entries.set(entry.id, entry);
      arm(entry);
      return { id: entry.id, dueAt: entry.dueAt };
    },
    clearTimer(timer: ClockTimer | undefined): void {
      if (!timer) return;
      const entry = entries.get(timer.id);
      if (!entry) return;
      if (entry.handle) clearTimeout(entry.handle);
      entries.delete(timer.id);
    },
    pending: () => entries.size,
    reset(): void {
      for (const entry of entries.values()) if (entry.handle) clearTimeout(entry.handle);
      entries.clear();
      offset = 0;
    },
  };
}
