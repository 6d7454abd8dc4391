// The runtime's in-process timers: one per call and timer name. Their due times are also in the saved
// flow, so a restart re-arms them (see FlowRuntime.start).

/** Timers keyed by call and name; setting a name again replaces the pending one. */
export class LocalTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Fires `fire` at `at` (epoch ms; at once when past). */
  set(callId: string, name: string, at: number, now: number, fire: () => void): void {
    const key = `${callId}|${name}`;
    clearTimeout(this.timers.get(key));
    const handle = setTimeout(
      () => {
        this.timers.delete(key);
        fire();
      },
      Math.max(0, at - now),
    );
    this.timers.set(key, handle);
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
