// Row conversions and the small statements the queue repository's parts share.
import type { Kysely, Transaction } from 'kysely';
import type { QueueAgentRow, QueueEntryRow } from './queue-tables';
import type { QueueAgent, QueueEntry } from '../calling';
import type { Database } from './types';

/** A conditional change found the row changed since it was read: the transaction is rolled back. */
export class Raced extends Error {}

export function toEntry(r: QueueEntryRow): QueueEntry {
  return {
    callId: r.call_id,
    queue: r.queue,
    ...(r.caller === null ? {} : { caller: r.caller }),
    arrivedAt: Number(r.arrived_at),
    queuedAt: Number(r.queued_at),
    status: r.status === 'ringing' ? 'ringing' : 'waiting',
    ...(r.agent_id === null ? {} : { agentId: r.agent_id }),
    ...(r.attempt_id === null ? {} : { attemptId: r.attempt_id }),
  };
}

export function toAgent(r: QueueAgentRow): QueueAgent {
  const state = r.state === 'ringing' || r.state === 'busy' ? r.state : 'idle';
  return {
    agentId: r.agent_id,
    state,
    ...(r.call_id === null ? {} : { callId: r.call_id }),
    idleSince: Number(r.idle_since),
  };
}

export const changed = (r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0) > 0;

export function ordered(db: Kysely<Database>, queue: string) {
  return db
    .selectFrom('queue_entries')
    .selectAll()
    .where('queue', '=', queue)
    .orderBy('queued_at')
    .orderBy('call_id');
}

/** Frees an agent whose ring ended without a call (their idle time goes on from before the ring). */
export async function freeAgent(tx: Transaction<Database>, agentId: string, callId: string, now: number) {
  await tx
    .updateTable('queue_agents')
    .set({ state: 'idle', call_id: null, updated_at: now })
    .where('agent_id', '=', agentId)
    .where('state', '=', 'ringing')
    .where('call_id', '=', callId)
    .execute();
}
