import type { DeliveryEvent, DeliveryFaults, DeliveryOptions, DeliveryResult } from './delivery-types';
import { postJson, retryAfterMs } from './post-json';
import { Sleeps } from './sleeps';

const DEFAULT_DELAYS = [500, 1000, 2000, 4000, 8000, 15000];

interface Meta {
  aud: string;
  tid: string;
  callId: string;
  /** The notification's number on the call timeline, repeated on each delivery event. */
  seq?: number;
}

interface Item {
  url: string;
  body: string;
  meta: Meta;
  resolve: (r: DeliveryResult) => void;
  /** Faults were applied when it first reached the head of its queue. */
  decided?: boolean;
  duplicate?: boolean;
  /** Moved ahead of a held notification: it must not be held itself. */
  follower?: boolean;
}

interface Queue {
  items: Item[];
  running: boolean;
  /** Wakes a held notification waiting for its follower. */
  wake?: () => void;
}

/** Signed, ordered delivery: one FIFO per (url, callId), retries with backoff, and injectable faults. */
export class Deliverer {
  private readonly queues = new Map<string, Queue>();
  private faults: Required<DeliveryFaults> = { drop: 0, duplicate: 0, reorder: 0, endpointDown: false };
  private pending = 0;
  private stopped = false;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly sleeps = new Sleeps();
  private readonly abort = new AbortController();
  private readonly delays: number[];
  private readonly now: () => number;

  constructor(private readonly opts: DeliveryOptions) {
    this.delays = opts.retryDelaysMs ?? DEFAULT_DELAYS;
    this.now = opts.now ?? Date.now;
  }

  /** Queues a POST of body to url behind earlier notifications of the same call; resolves when it is settled. */
  deliver(url: string, body: object, meta: Meta): Promise<DeliveryResult> {
    if (this.stopped) return Promise.resolve({ outcome: 'stopped', ok: false, attempts: 0 });
    const key = `${url}\n${meta.callId}`;
    let q = this.queues.get(key);
    if (!q) {
      q = { items: [], running: false };
      this.queues.set(key, q);
    }
    this.pending += 1;
    const queue = q;
    const done = new Promise<DeliveryResult>((resolve) => {
      queue.items.push({ url, body: JSON.stringify(body), meta, resolve });
    });
    if (queue.running) queue.wake?.();
    else this.run(key, queue).catch((err: unknown) => this.abandon(key, queue, err));
    return done;
  }

  /** Merges fault settings: given fields replace the current ones, others stay. */
  setFaults(f: DeliveryFaults): void {
    this.faults = { ...this.faults, ...f };
  }

  /** The fault settings in force, with counts still to be used. */
  getFaults(): Required<DeliveryFaults> {
    return { ...this.faults };
  }

  /** Resolves when every queue is empty. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels waits and in-flight POSTs; everything still queued settles as `stopped`. */
  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.sleeps.cancelAll();
    for (const q of this.queues.values()) q.wake?.();
  }

  private emit(e: Omit<DeliveryEvent, 'at' | 'url' | 'callId'>, item: Item): void {
    const seq = item.meta.seq === undefined ? {} : { seq: item.meta.seq };
    this.opts.onEvent?.({ ...e, url: item.url, callId: item.meta.callId, ...seq, at: this.now() });
  }

  private async run(key: string, q: Queue): Promise<void> {
    q.running = true;
    while (q.items.length > 0) {
      const item = q.items[0]!;
      const result = await this.process(q, item);
      if (!result) continue; // a held notification let its follower go first: look at the head again
      if (result.outcome === 'stopped') this.emit({ type: 'stopped' }, item);
      q.items.splice(q.items.indexOf(item), 1);
      item.resolve(result);
      this.pending -= 1;
    }
    q.running = false;
    this.queues.delete(key);
    if (this.pending === 0) this.idleWaiters.splice(0).forEach((w) => w());
  }

  /**
   * A fault inside delivery (a bug, not a refused POST): everything still queued for that call settles as
   * given up with the error, so no caller waits forever, and the next notification starts a new queue.
   */
  private abandon(key: string, q: Queue, err: unknown): void {
    const callId = q.items[0]?.meta.callId;
    this.opts.log?.(`notification delivery for call ${callId ?? '(none)'} failed inside the emulator`, err);
    const error = `delivery failed inside the emulator: ${err instanceof Error ? err.message : String(err)}`;
    for (const item of q.items.splice(0)) {
      item.resolve({ outcome: 'gave-up', ok: false, attempts: 0, error });
      this.pending -= 1;
    }
    q.running = false;
    if (this.queues.get(key) === q) this.queues.delete(key);
    if (this.pending === 0) this.idleWaiters.splice(0).forEach((w) => w());
  }

  /** Sends the head of a queue, applying faults the first time it gets there; undefined when it was held. */
  private async process(q: Queue, item: Item): Promise<DeliveryResult | undefined> {
    if (this.stopped) return { outcome: 'stopped', ok: false, attempts: 0 };
    if (!item.decided) {
      item.decided = true;
      if (this.faults.drop > 0) {
        this.faults.drop -= 1;
        this.emit({ type: 'dropped' }, item);
        return { outcome: 'dropped', ok: false, attempts: 0 };
      }
      if (this.faults.duplicate > 0) {
        this.faults.duplicate -= 1;
        item.duplicate = true;
      }
      if (this.faults.reorder > 0 && !item.follower) {
        this.faults.reorder -= 1;
        this.emit({ type: 'reordered' }, item);
        await this.waitForFollower(q);
        const follower = q.items[1];
        if (follower && !this.stopped) {
          follower.follower = true;
          q.items.splice(1, 1);
          q.items.unshift(follower);
          return undefined;
        }
      }
    }
    const result = await this.attempts(item);
    if (item.duplicate && result.ok && !this.stopped) {
      this.emit({ type: 'duplicated' }, item);
      await this.attempts(item, 1);
    }
    return result;
  }

  /** Resolves when a second notification joins the queue, after reorderHoldMs, or on stop. */
  private waitForFollower(q: Queue): Promise<void> {
    if (q.items.length > 1 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        q.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, this.opts.reorderHoldMs ?? 3000);
      q.wake = finish;
    });
  }

  /** Up to `limit` POSTs of one notification, waiting between them; 2xx ends it, so does a 4xx other than 429. */
  private async attempts(item: Item, limit = this.delays.length + 1): Promise<DeliveryResult> {
    let last: { status?: number; error?: string } = {};
    let made = 0;
    for (let attempt = 1; attempt <= limit && !this.stopped; attempt++) {
      made = attempt;
      const r = await this.once(item, attempt);
      let wait: number | undefined;
      if ('error' in r) {
        last = { error: r.error };
        this.emit({ type: 'error', attempt, error: r.error }, item);
      } else {
        last = { status: r.status };
        this.emit({ type: 'status', attempt, status: r.status }, item);
        if (r.status >= 200 && r.status < 300) {
          this.emit({ type: 'delivered', attempt, status: r.status }, item);
          return { outcome: 'delivered', ok: true, status: r.status, attempts: attempt };
        }
        if (r.status < 500 && r.status !== 429) {
          this.emit({ type: 'gave-up', attempt, status: r.status }, item);
          return { outcome: 'gave-up', ok: false, status: r.status, attempts: attempt };
        }
        const asked = retryAfterMs(r.retryAfter);
        if (asked !== undefined) wait = Math.min(asked, this.opts.maxRetryAfterMs ?? 60_000);
      }
      if (attempt === limit || this.stopped) break;
      const delayMs = wait ?? this.delays[attempt - 1] ?? 0;
      this.emit({ type: 'retried', attempt: attempt + 1, delayMs }, item);
      await this.sleeps.sleep(delayMs);
    }
    if (this.stopped) return { outcome: 'stopped', ok: false, attempts: made, ...last };
    this.emit({ type: 'gave-up', attempt: made, ...last }, item);
    return { outcome: 'gave-up', ok: false, attempts: made, ...last };
  }

  /**
   * One POST, or the refusal an injected endpoint outage stands for. `sent` is emitted once the token is
   * signed, as the request leaves: reaction times are measured from it.
   */
  private async once(item: Item, attempt: number): ReturnType<typeof postJson> {
    if (this.faults.endpointDown) {
      this.emit({ type: 'sent', attempt }, item);
      return { error: 'connect ECONNREFUSED (callback endpoint down: injected fault)' };
    }
    let token: string;
    try {
      token = await this.opts.sign(item.meta.aud, item.meta.tid);
    } catch (err) {
      this.emit({ type: 'sent', attempt }, item);
      return { error: `cannot sign the notification token: ${(err as Error).message}` };
    }
    this.emit({ type: 'sent', attempt }, item);
    return postJson(item.url, item.body, {
      headers: { authorization: `Bearer ${token}` },
      timeoutMs: this.opts.requestTimeoutMs ?? 10_000,
      ca: this.opts.ca,
      signal: this.abort.signal,
    });
  }
}
