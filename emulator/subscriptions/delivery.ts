// Delivering change and lifecycle notifications to subscribers: JSON POSTs without any token (Graph
// authenticates change notifications by clientState, not by a JWT), one ordered queue per
// subscription and URL, each POST answered 2xx within 3 s or retried with back-off (network errors,
// 429 and 5xx; other 4xx give up), and dropped once the subscription is gone.
import { post } from './http-post';

/** Graph expects an answer within this long (SPEC.md §8.3). */
export const ACK_TIMEOUT_MS = 3000;
const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];

export interface DeliveryStep {
  outcome: 'delivered' | 'retrying' | 'gave-up' | 'dropped';
  attempt: number;
  status?: number;
  error?: string;
}

interface Job {
  url: string;
  body: string;
  alive: () => boolean;
  report: (step: DeliveryStep) => void;
}

export interface QueueOptions {
  ca?: string;
  timeoutMs?: number;
  retryDelaysMs?: number[];
  /** Where a fault inside a queue itself (a bug) is reported, with its error. */
  log?: (msg: string, err?: unknown) => void;
}

/** Ordered delivery queues keyed by subscription and URL. */
export class NotificationQueues {
  private readonly queues = new Map<string, Job[]>();
  private readonly abort = new AbortController();
  private readonly waits = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly opts: QueueOptions = {}) {}

  /** Queues a POST of `body` behind the earlier ones with the same key. */
  send(
    key: string,
    url: string,
    body: object,
    alive: () => boolean,
    report: (s: DeliveryStep) => void,
  ): void {
    if (this.stopped) return;
    const job: Job = { url, body: JSON.stringify(body), alive, report };
    const q = this.queues.get(key);
    if (q) {
      q.push(job);
      return;
    }
    this.queues.set(key, [job]);
    this.start(key);
  }

  /** Cancels every wait and in-flight POST. */
  stop(): void {
    this.stopped = true;
    this.abort.abort();
    for (const t of this.waits) clearTimeout(t);
    this.waits.clear();
  }

  /**
   * Runs a queue. A fault inside it (a bug, not a refused POST) is logged and reported as the head
   * notification giving up, and the queue goes on with the next one rather than stalling for good.
   */
  private start(key: string): void {
    this.run(key).catch((err: unknown) => {
      const subscription = key.split('\n')[0];
      this.opts.log?.(`subscription ${subscription}: notification queue failed inside the emulator`, err);
      const q = this.queues.get(key);
      const job = q?.shift();
      const error = `delivery failed inside the emulator: ${err instanceof Error ? err.message : String(err)}`;
      job?.report({ outcome: 'gave-up', attempt: 0, error });
      if (q && q.length > 0 && !this.stopped) this.start(key);
      else this.queues.delete(key);
    });
  }

  private async run(key: string): Promise<void> {
    const q = this.queues.get(key) ?? [];
    while (q.length > 0 && !this.stopped) {
      const job = q[0] as Job;
      await this.attempts(job);
      q.shift();
    }
    this.queues.delete(key);
  }

  private async attempts(job: Job): Promise<void> {
    const delays = this.opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    for (let attempt = 1; !this.stopped; attempt++) {
      if (!job.alive()) {
        job.report({ outcome: 'dropped', attempt });
        return;
      }
      const a = await post(job.url, {
        body: job.body,
        contentType: 'application/json; charset=utf-8',
        timeoutMs: this.opts.timeoutMs ?? ACK_TIMEOUT_MS,
        ca: this.opts.ca,
        signal: this.abort.signal,
      });
      const status = 'status' in a ? a.status : undefined;
      const error = 'error' in a ? a.error : undefined;
      if (status !== undefined && status >= 200 && status < 300) {
        job.report({ outcome: 'delivered', attempt, status });
        return;
      }
      const retryable = status === undefined || status === 429 || status >= 500;
      const delay = delays[attempt - 1];
      if (!retryable || delay === undefined) {
        job.report({
          outcome: 'gave-up',
          attempt,
          ...(status !== undefined ? { status } : {}),
          ...(error ? { error } : {}),
        });
        return;
      }
      job.report({
        outcome: 'retrying',
        attempt,
        ...(status !== undefined ? { status } : {}),
        ...(error ? { error } : {}),
      });
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.waits.delete(t);
          resolve();
        }, delay);
        this.waits.add(t);
      });
    }
  }
}
