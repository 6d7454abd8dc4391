// The call queues' repository: waiting callers in arrival order, each agent's state, and every ring
// attempt (the store implements it over its queue tables, queues-repo.ts).

export type QueueEntryStatus = 'waiting' | 'ringing';
export type AgentState = 'idle' | 'ringing' | 'busy';
export type RingOutcome = 'answered' | 'declined' | 'busy' | 'unanswered' | 'failed' | 'cancelled';

/** A waiting caller. */
export interface QueueEntry {
  readonly callId: string;
  readonly queue: string;
  readonly caller?: string;
  readonly arrivedAt: number;
  readonly queuedAt: number;
  readonly status: QueueEntryStatus;
  /** The agent rung now, and the attempt, while `ringing`. */
  readonly agentId?: string;
  readonly attemptId?: string;
}

/** An agent's state as the queues see it. */
export interface QueueAgent {
  readonly agentId: string;
  readonly state: AgentState;
  readonly callId?: string;
  readonly idleSince: number;
}

/** A ring the store decided on: this agent, for this caller. */
export interface RingOffer {
  readonly attemptId: string;
  readonly queue: string;
  readonly callId: string;
  readonly agentId: string;
  readonly waitedMs: number;
}

export type PickPolicyName = 'longestIdle' | 'inOrder' | 'roundRobin';

export interface OfferOptions {
  /** The queue's agents in its order (lower-case object ids): round robin goes round this list. */
  readonly agents: readonly string[];
  /** Those of them who may be rung now (their presence is Available). */
  readonly available: ReadonlySet<string>;
  readonly policy: PickPolicyName;
  readonly now: number;
  /** An agent whose ring for this caller ended less than this long ago is not rung for them again. */
  readonly retryAfterMs: number;
  /**
   * Offer only to this call: when the next pair (by arrival order and the policy) is another caller's,
   * nothing is offered, so a caller's flow never takes an agent out of turn nor rings for someone else.
   */
  readonly forCall?: string;
}

/** The queues' storage. Every change is one transaction; picking also holds the queue's lock. */
export interface QueueStore {
  /** Adds the caller at the back of `queue` (or to the back of it from another queue); idempotent. */
  enqueue(e: {
    readonly queue: string;
    readonly callId: string;
    readonly caller?: string;
    readonly now: number;
  }): Promise<QueueEntry>;
  entry(callId: string): Promise<QueueEntry | undefined>;
  /** The queue's callers, longest waiting first. */
  waiting(queue: string): Promise<QueueEntry[]>;
  /** 1 for the caller at the front; undefined when the call is in no queue. */
  position(callId: string): Promise<number | undefined>;
  /**
   * Under the queue's lock: the longest-waiting caller not being rung, and a free agent for them by the
   * policy (never one signed out of the queue); marks both as ringing and records the attempt. Undefined when there is no such pair.
   */
  offerNext(queue: string, opts: OfferOptions): Promise<RingOffer | undefined>;
  /** How a ring ended: answered connects (the entry goes, the agent is busy); else both are free again. */
  ringEnded(attemptId: string, outcome: Exclude<RingOutcome, 'cancelled'>, now: number): Promise<boolean>;
  /** The agent's queue call ended: idle from now, and the call's handling time is kept. */
  agentDone(agentId: string, now: number): Promise<void>;
  /** The caller leaves (hung up, message, moved on); answers the ring to cancel, if one was going. */
  leave(callId: string, now: number): Promise<{ readonly cancelled?: RingOffer } | undefined>;
  agents(agentIds: readonly string[]): Promise<QueueAgent[]>;
  /** Signs an agent in to or out of a queue (agents start signed in); idempotent. */
  setSignedIn(e: {
    readonly queue: string;
    readonly agentId: string;
    readonly signedIn: boolean;
    readonly now: number;
  }): Promise<void>;
  /** The agents (lower-case object ids) signed out of `queue`: never offered its callers. */
  signedOut(queue: string): Promise<string[]>;
  /** The mean handling time of the queue's last answered calls, if any ended yet. */
  averageHandleMs(queue: string, last?: number): Promise<number | undefined>;
}
