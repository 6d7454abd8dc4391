// A waiting caller's position in their queue's flow, as saved in the call's flow JSON (so a restart
// finds every caller where they were: the order itself is kept in the store's queue_entries).

export const QUEUE_FLOW = 'queue';

/**
 * `waiting` covers the rings too (the caller hears music while agents are rung); `connecting` from the
 * agent's answer until they are in the caller's call, then `connected` until it ends.
 */
export type QueuePhase =
  'answering' | 'joining' | 'waiting' | 'connecting' | 'connected' | 'leaving' | 'done';

/** One agent being rung for this caller: a call of its own from the app to the agent. */
export interface QueueRing {
  readonly attemptId: string;
  readonly agentId: string;
  readonly startedAt: number;
  /** The call to the agent, once placed (a placement lost in a restart learns it from the call's events). */
  readonly callId?: string;
  /** The ring ran its `ringSeconds` and the app hung up: the end is "unanswered" whatever Graph says. */
  readonly timedOut?: boolean;
}

/** How a ring the agent did not take ended, as kept on the ring attempt. */
export type EndedRing = 'declined' | 'busy' | 'unanswered' | 'failed';

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
  /** An offer is being asked of the store; `offerAgain`: something changed meanwhile, ask once more. */
  readonly offering?: boolean;
  readonly offerAgain?: boolean;
  /** The ring going on for this caller. */
  readonly ring?: QueueRing;
  /** A ring that ended, until the store has its outcome (no new ring is asked for meanwhile). */
  readonly ringEnding?: { readonly attemptId: string; readonly outcome: EndedRing };
  /** The agent who answered (from `connecting` on). */
  readonly agent?: {
    readonly agentId: string;
    readonly callId: string;
    readonly attemptId: string;
    readonly answeredAt: number;
  };
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
