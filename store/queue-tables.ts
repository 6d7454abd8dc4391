// The call queues' tables (migration 0010), as Kysely sees them: how the store keeps calling's queues.
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

/** An agent signed out of a queue (migration 0012); no row means signed in. */
export interface QueueSignInsTable {
  queue: string;
  agent_id: string;
  signed_out_at: number;
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

export type QueueEntryRow = Selectable<QueueEntriesTable>;
export type QueueAgentRow = Selectable<QueueAgentsTable>;
