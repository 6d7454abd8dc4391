/** Timers that can all be cut short at once, so stopping a deliverer never waits out a backoff. */
export class Sleeps {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; done: () => void }>();

  /** Resolves after ms, or earlier when cancelAll() is called. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const s = {
        timer: setTimeout(() => {
          this.pending.delete(s);
          resolve();
        }, ms),
        done: resolve,
      };
      this.pending.add(s);
    });
  }

  /** Ends every pending sleep now. */
  cancelAll(): void {
    for (const s of this.pending) {
      clearTimeout(s.timer);
      s.done();
    }
    this.pending.clear();
  }
}
