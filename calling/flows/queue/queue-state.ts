// A waiting caller's position in their queue's flow, as saved in the call's flow JSON (so a restart
// finds every caller where they were: the order itself is kept in the store's queue_entries).

export const QUEUE_FLOW = 'queue';

export type QueuePhase = 'answering' | 'joining' | 'waiting' | 'leaving' | 'done';

export interface QueueState {
  /** The queue the caller waits in now (it changes when `afterMaxWait` names another queue). */
  readonly queue: string;
  readonly phase: QueuePhase;
  /** When the caller first joined a queue (for "waited" on the message card). */
  readonly arrivedAt: number;
  /** When the caller joined this queue (the max wait counts from here). */
  readonly queuedAt: number;
  /** Why the caller is here (an IVR node, a front desk rule), for the timeline. */
  readonly origin?: string;
}

/** The first state of a caller joining `queue`. */
export function initialQueueState(queue: string, opts: { now: number; origin?: string }): QueueState {
  return {
    queue,
    phase: 'answering',
    arrivedAt: opts.now,
    queuedAt: opts.now,
    ...(opts.origin ? { origin: opts.origin } : {}),
  };
}
