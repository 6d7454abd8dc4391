// The queues' rows in memory, and how a ring ends: every change conditional on the attempt or state it
// is about, so a late or repeated report changes nothing (as the SQL store's queue-rings.ts).
import type { AgentState, QueueEntry, RingOutcome } from '../queues';

export interface AgentRow {
  readonly agentId: string;
  readonly state: AgentState;
  readonly callId?: string;
  readonly idleSince: number;
  readonly busySince: number | null;
}

export interface AttemptRow {
  readonly id: string;
  readonly queue: string;
  readonly callId: string;
  readonly agentId: string;
  readonly endedAt: number | null;
  readonly outcome: RingOutcome | null;
  readonly handledMs: number | null;
}

export interface QueueState {
  readonly entries: Map<string, QueueEntry>;
  readonly agents: Map<string, AgentRow>;
  readonly attempts: Map<string, AttemptRow>;
  /** The agent each queue rang last (round robin goes on after them). */
  readonly lastAgent: Map<string, string>;
  /** Per queue, the agents signed out of it. */
  readonly signedOut: Map<string, Set<string>>;
}

/** The queue's entries, ringing ones included, in the order they were queued. */
export function waitingIn(s: QueueState, queue: string): QueueEntry[] {
  return [...s.entries.values()]
    .filter((e) => e.queue === queue)
    .sort((a, b) => a.queuedAt - b.queuedAt || (a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0));
}

/** Frees an agent whose ring for this call ended without a call (idle time goes on from before it). */
export function freeAgent(s: QueueState, agentId: string, callId: string): void {
  const a = s.agents.get(agentId);
  if (a?.state !== 'ringing' || a.callId !== callId) return;
  s.agents.set(agentId, { agentId, state: 'idle', idleSince: a.idleSince, busySince: a.busySince });
}

/** How a ring ended: answered connects (the entry goes, the agent is busy); else both are free again. */
export function endRing(
  s: QueueState,
  attemptId: string,
  outcome: Exclude<RingOutcome, 'cancelled'>,
  now: number,
): boolean {
  const a = s.attempts.get(attemptId);
  if (!a || a.endedAt !== null) return false;
  s.attempts.set(attemptId, { ...a, endedAt: now, outcome });
  const entry = s.entries.get(a.callId);
  const forThisRing = entry?.attemptId === attemptId;
  if (outcome === 'answered') {
    if (forThisRing) s.entries.delete(a.callId);
    const agent = s.agents.get(a.agentId);
    if (agent?.callId === a.callId) s.agents.set(a.agentId, { ...agent, state: 'busy', busySince: now });
    return true;
  }
  if (entry && forThisRing) {
    const { agentId: _agent, attemptId: _attempt, ...rest } = entry;
    s.entries.set(a.callId, { ...rest, status: 'waiting' });
  }
  freeAgent(s, a.agentId, a.callId);
  return true;
}
