// How rings end, and callers and agents leave: one transaction each, every change conditional on the
// attempt or the state it is about, so a late or repeated report changes nothing.
import type { Kysely } from 'kysely';
import { freeAgent } from './queue-rows';
import type { RingOffer, RingOutcome } from '../calling';
import type { Database } from './types';

/** How a ring ended: answered connects the caller (their entry goes, the agent is busy); else both are free. */
export async function ringEnded(
  db: Kysely<Database>,
  attemptId: string,
  outcome: Exclude<RingOutcome, 'cancelled'>,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const a = await tx
      .selectFrom('queue_ring_attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .executeTakeFirst();
    if (!a || a.ended_at !== null) return false;
    const e = await tx
      .selectFrom('queue_entries')
      .selectAll()
      .where('call_id', '=', a.call_id)
      .executeTakeFirst();
    const waited = e ? now - Number(e.arrived_at) : null;
    await tx
      .updateTable('queue_ring_attempts')
      .set({ ended_at: now, outcome, waited_ms: outcome === 'answered' ? waited : null })
      .where('id', '=', attemptId)
      .execute();
    if (outcome === 'answered') {
      await tx
        .deleteFrom('queue_entries')
        .where('call_id', '=', a.call_id)
        .where('attempt_id', '=', attemptId)
        .execute();
      await tx
        .updateTable('queue_agents')
        .set({ state: 'busy', busy_since: now, updated_at: now })
        .where('agent_id', '=', a.agent_id)
        .where('call_id', '=', a.call_id)
        .execute();
      return true;
    }
    await tx
      .updateTable('queue_entries')
      .set({ status: 'waiting', agent_id: null, attempt_id: null })
      .where('call_id', '=', a.call_id)
      .where('attempt_id', '=', attemptId)
      .execute();
    await freeAgent(tx, a.agent_id, a.call_id, now);
    return true;
  });
}

/** The agent's queue call ended: idle from now, and the call's handling time is kept. */
export async function agentDone(db: Kysely<Database>, agentId: string, now: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const agent = await tx
      .selectFrom('queue_agents')
      .selectAll()
      .where('agent_id', '=', agentId)
      .executeTakeFirst();
    if (!agent || agent.state !== 'busy') return;
    if (agent.call_id !== null && agent.busy_since !== null)
      await tx
        .updateTable('queue_ring_attempts')
        .set({ handled_ms: now - Number(agent.busy_since) })
        .where('call_id', '=', agent.call_id)
        .where('agent_id', '=', agentId)
        .where('outcome', '=', 'answered')
        .execute();
    await tx
      .updateTable('queue_agents')
      .set({ state: 'idle', call_id: null, busy_since: null, idle_since: now, updated_at: now })
      .where('agent_id', '=', agentId)
      .where('state', '=', 'busy')
      .execute();
  });
}

/** The caller leaves the queue; answers the ring that was going for them, now cancelled. */
export async function leave(
  db: Kysely<Database>,
  callId: string,
  now: number,
): Promise<{ readonly cancelled?: RingOffer } | undefined> {
  return db.transaction().execute(async (tx) => {
    const e = await tx
      .selectFrom('queue_entries')
      .selectAll()
      .where('call_id', '=', callId)
      .executeTakeFirst();
    if (!e) return undefined;
    await tx.deleteFrom('queue_entries').where('call_id', '=', callId).execute();
    if (e.status !== 'ringing' || e.attempt_id === null || e.agent_id === null) return {};
    await tx
      .updateTable('queue_ring_attempts')
      .set({ ended_at: now, outcome: 'cancelled' })
      .where('id', '=', e.attempt_id)
      .where('ended_at', 'is', null)
      .execute();
    await freeAgent(tx, e.agent_id, callId, now);
    const cancelled: RingOffer = {
      attemptId: e.attempt_id,
      queue: e.queue,
      callId,
      agentId: e.agent_id,
      waitedMs: now - Number(e.arrived_at),
    };
    return { cancelled };
  });
}
