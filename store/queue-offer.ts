// Picking under the queue's lock, in one transaction: the longest-waiting caller nobody rings, and a
// free agent for them by the queue's policy. Every change is conditional on what was read: when another
// instance got there first, the transaction is rolled back (Raced) and nothing is offered this time.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { pickAgent } from '../calling';
import { changed, ordered, Raced, toAgent } from './queue-rows';
import { signedOut } from './queue-sign-ins';
import type { OfferOptions, RingOffer } from '../calling';
import type { Database } from './types';

/** Marks the next caller and agent as ringing and records the attempt; throws Raced on a lost race. */
export async function offerInTransaction(
  db: Kysely<Database>,
  queue: string,
  opts: OfferOptions,
): Promise<RingOffer | undefined> {
  return db.transaction().execute(async (tx) => {
    const waiting = (await ordered(tx, queue).execute()).filter((r) => r.status === 'waiting');
    if (waiting.length === 0) return undefined;
    const agentRows = await tx
      .selectFrom('queue_agents')
      .selectAll()
      .where('agent_id', 'in', [...opts.agents, ''])
      .execute();
    const states = new Map(agentRows.map((r) => [r.agent_id, toAgent(r)]));
    const out = new Set(await signedOut(tx, queue));
    const available = new Set([...opts.available].filter((id) => !out.has(id)));
    const cursor = await tx.selectFrom('queues').selectAll().where('queue', '=', queue).executeTakeFirst();
    // The front caller first; one whom every free agent just turned down lets the next caller go ahead.
    for (const head of waiting) {
      const recent = await tx
        .selectFrom('queue_ring_attempts')
        .select('agent_id')
        .where('call_id', '=', head.call_id)
        .where('ended_at', '>', opts.now - opts.retryAfterMs)
        .execute();
      const agentId = pickAgent({
        policy: opts.policy,
        agents: opts.agents,
        available,
        states,
        skip: new Set(recent.map((r) => r.agent_id)),
        ...(cursor?.last_agent ? { lastAgent: cursor.last_agent } : {}),
      });
      if (agentId === undefined) continue;
      // The pair belongs to another caller: their own flow takes it when it asks (it rings their call).
      if (opts.forCall !== undefined && head.call_id !== opts.forCall) return undefined;
      const attemptId = randomUUID();
      const known = states.get(agentId);
      if (known) {
        const took = await tx
          .updateTable('queue_agents')
          .set({ state: 'ringing', call_id: head.call_id, updated_at: opts.now })
          .where('agent_id', '=', agentId)
          .where('state', '=', 'idle')
          .executeTakeFirst();
        if (!changed(took)) throw new Raced();
      } else {
        // A first ring creates the agent's row; a concurrent creator (another queue) makes this fail.
        await tx
          .insertInto('queue_agents')
          .values({
            agent_id: agentId,
            state: 'ringing',
            call_id: head.call_id,
            idle_since: 0,
            busy_since: null,
            updated_at: opts.now,
          })
          .execute();
      }
      const marked = await tx
        .updateTable('queue_entries')
        .set({ status: 'ringing', agent_id: agentId, attempt_id: attemptId })
        .where('call_id', '=', head.call_id)
        .where('status', '=', 'waiting')
        .executeTakeFirst();
      if (!changed(marked)) throw new Raced();
      await tx
        .insertInto('queue_ring_attempts')
        .values({
          id: attemptId,
          queue,
          call_id: head.call_id,
          agent_id: agentId,
          started_at: opts.now,
          ended_at: null,
          outcome: null,
          waited_ms: null,
          handled_ms: null,
        })
        .execute();
      await tx
        .insertInto('queues')
        .values({ queue, last_agent: agentId, updated_at: opts.now })
        .onConflict((oc) => oc.column('queue').doUpdateSet({ last_agent: agentId, updated_at: opts.now }))
        .execute();
      return {
        attemptId,
        queue,
        callId: head.call_id,
        agentId,
        waitedMs: opts.now - Number(head.arrived_at),
      };
    }
    return undefined;
  });
}
