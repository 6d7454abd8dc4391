// The runtime's in-process timers: one per call and timer name. Their due times are also in the saved
// flow, so a restart re-arms them (see FlowRuntime.start).

/** The longest wait setTimeout takes (2^31 - 1 ms, about 24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Timers keyed by call and name; setting a name again replaces the pending one. */
export class LocalTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Fires `fire` at `at` (epoch ms; at once when past). */
  set(callId: string, name: string, at: number, now: number, fire: () => void): void {
    const key = `${callId}|${name}`;
    clearTimeout(this.timers.get(key));
    // setTimeout fires at once when asked to wait past MAX_DELAY_MS: a longer wait is armed in legs.
    const arm = (delay: number) => {
      const handle = setTimeout(
        () => {
          if (delay > MAX_DELAY_MS) return arm(delay - MAX_DELAY_MS);
          this.timers.delete(key);
          fire();
        },
        Math.min(Math.max(0, delay), MAX_DELAY_MS),
      );
      this.timers.set(key, handle);
    };
    arm(at - now);
  }

  clear(callId: string, names: Iterable<string>): void {
    for (const name of names) {
      const key = `${callId}|${name}`;
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
    }
  }

  clearCall(callId: string): void {
    for (const key of [...this.timers.keys()]) {
      if (!key.startsWith(`${callId}|`)) continue;
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
    }
  }

  clearAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
