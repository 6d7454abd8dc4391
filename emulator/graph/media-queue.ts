// The per-call media queue: playPrompt and recordResponse operations run one at a time in the order
// they were requested (a barge-in recording goes first); cancelMediaProcessing fails them all.

/** One queued media operation. */
export interface MediaJob {
  readonly opId: string;
  /** Starts the job; it calls the queue's `done` when it finishes on its own. */
  start(): void;
  /** Stops the job's timers; the queue reports the cancellation. */
  stop(): void;
  /** A key pressed by the person while this job runs (stop tones). */
  onKey?(key: string): void;
  /** Words the person says now; true when the job heard them (a recording listening). */
  onSay?(said: { durationMs: number; text?: string }): boolean;
}

/** The media queue of one call. */
export class MediaQueue {
  private readonly waiting: MediaJob[] = [];
  private running: MediaJob | undefined;

  /** Adds a job; a barge-in job interrupts the running one (returned so it can be reported cancelled). */
  enqueue(job: MediaJob, bargeIn = false): MediaJob | undefined {
    let interrupted: MediaJob | undefined;
    if (bargeIn) {
      this.waiting.unshift(job);
      if (this.running) {
        interrupted = this.running;
        this.running.stop();
        this.running = undefined;
      }
    } else this.waiting.push(job);
    this.pump();
    return interrupted;
  }

  /** Called by a job when it has finished; the next one starts. */
  done(job: MediaJob): void {
    if (this.running !== job) return;
    this.running = undefined;
    this.pump();
  }

  /** Stops the running job and empties the queue; returns the jobs that were cancelled, running first. */
  cancelAll(): MediaJob[] {
    const cancelled = [...(this.running ? [this.running] : []), ...this.waiting.splice(0)];
    this.running?.stop();
    this.running = undefined;
    return cancelled;
  }

  /** Passes a key press to the running job. */
  key(key: string): void {
    this.running?.onKey?.(key);
  }

  /** Passes speech to the running job; true when it was heard. */
  say(said: { durationMs: number; text?: string }): boolean {
    return this.running?.onSay?.(said) ?? false;
  }

  current(): MediaJob | undefined {
    return this.running;
  }

  queued(): number {
    return this.waiting.length;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.running = next;
    next.start();
  }
}
