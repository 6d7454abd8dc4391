// The loop every scheduled feature needs: claim the due jobs of some kinds, run each, put a failed one
// back for later, and poll again. One instance per claim, through Jobs.claimDue.
import type { ClaimedJob, Jobs } from './jobs';

export interface JobPollerOptions {
  readonly jobs: Jobs;
  /** This instance's claim owner. */
  readonly owner: string;
  readonly kinds: string[];
  readonly run: (job: ClaimedJob) => Promise<void>;
  /** When a job whose run threw is due again. */
  readonly retryAt: (job: ClaimedJob, err: unknown) => number;
  readonly pollMs: number;
  readonly now: () => number;
  readonly limit?: number;
  readonly leaseMs?: number;
  /** Run the claimed jobs of one poll side by side (default: one after another). */
  readonly parallel?: boolean;
  /** Told about a job that failed (before its retry) and about a poll that failed (no job). */
  readonly onError: (err: unknown, job?: ClaimedJob) => void;
}

export interface JobPoller {
  /** Starts polling (idempotent). */
  start(): void;
  /** Claims and runs due jobs once; returns how many were claimed. */
  tick(): Promise<number>;
  /** Stops polling and waits for the poll under way. */
  stop(): Promise<void>;
}

/** A poller over the job table; a job is claimed by exactly one instance at a time. */
export function createJobPoller(o: JobPollerOptions): JobPoller {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  async function runOne(job: ClaimedJob): Promise<void> {
    try {
      await o.run(job);
    } catch (err) {
      o.onError(err, job);
      await o.jobs.retry(
        job.id,
        o.owner,
        o.retryAt(job, err),
        err instanceof Error ? err.message : String(err),
      );
    }
  }

  async function tick(): Promise<number> {
    const claimed = await o.jobs.claimDue(o.owner, {
      kinds: o.kinds,
      limit: o.limit ?? 10,
      leaseMs: o.leaseMs ?? 60_000,
      now: o.now(),
    });
    if (o.parallel) await Promise.all(claimed.map(runOne));
    else for (const job of claimed) await runOne(job);
    return claimed.length;
  }

  function loop(): void {
    if (stopped) return;
    running = tick()
      .catch((err: unknown) => o.onError(err))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        timer = setTimeout(loop, o.pollMs);
        timer.unref();
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
