// The call queues' tables (migration 0010) and the repository over them: waiting callers in arrival
// order, each agent's state, and every ring attempt.
import type { Selectable } from 'kysely';

/** One caller in a queue (the row goes once they are connected, leave or move on). */
export interface QueueEntriesTable {
  call_id: string;
  queue: string;
  /** How the caller reads on a board or a card (a name or a number), never anything they said. */
  caller: string | null;
  /** When the caller first joined a queue (kept when they move to another queue after the wait). */
  arrived_at: number;
  /** Their place in this queue: the order is (queued_at, call_id). */
  queued_at: number;
  /** `waiting`, or `ringing` while an agent is offered the call. */
  status: string;
  agent_id: string | null;
  attempt_id: string | null;
}

/** One agent, across every queue they are in (an agent is rung for one caller at a time). */
export interface QueueAgentsTable {
  agent_id: string;
  /** `idle`, `ringing` (offered a caller) or `busy` (on a queue call). */
  state: string;
  call_id: string | null;
  /** When the agent's last queue call ended (or they were first seen): longest idle goes first. */
  idle_since: number;
  busy_since: number | null;
  updated_at: number;
}

/** Per queue: the agent rung last (round robin goes on after them). */
export interface QueuesTable {
  queue: string;
  last_agent: string | null;
  updated_at: number;
}

/** Every ring of an agent for a caller, and how it ended. */
export interface QueueRingAttemptsTable {
  id: string;
  queue: string;
  call_id: string;
  agent_id: string;
  started_at: number;
  ended_at: number | null;
  /** `answered`, `declined`, `busy`, `unanswered`, `failed` or `cancelled` (the caller left). */
  outcome: string | null;
  /** For answered rings: how long the caller had waited, and (once the call ended) how long it took. */
  waited_ms: number | null;
  handled_ms: number | null;
}

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

/** The queues' store. Every change is one transaction; picking also holds the queue's lock. */
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
   * policy; marks both as ringing and records the attempt. Undefined when there is no such pair.
   */
  offerNext(queue: string, opts: OfferOptions): Promise<RingOffer | undefined>;
  /** How a ring ended: answered connects (the entry goes, the agent is busy); else both are free again. */
  ringEnded(attemptId: string, outcome: Exclude<RingOutcome, 'cancelled'>, now: number): Promise<boolean>;
  /** The agent's queue call ended: idle from now, and the call's handling time is kept. */
  agentDone(agentId: string, now: number): Promise<void>;
  /** The caller leaves (hung up, message, moved on); answers the ring to cancel, if one was going. */
  leave(callId: string, now: number): Promise<{ readonly cancelled?: RingOffer } | undefined>;
  agents(agentIds: readonly string[]): Promise<QueueAgent[]>;
  /** The mean handling time of the queue's last answered calls, if any ended yet. */
  averageHandleMs(queue: string, last?: number): Promise<number | undefined>;
}

export type QueueEntryRow = Selectable<QueueEntriesTable>;
export type QueueAgentRow = Selectable<QueueAgentsTable>;
