// The call queues in the store: one transaction per change. Picking holds the queue's lock as well, so
// callers are offered in arrival order; every change of an agent or an entry is conditional on the
// state it was read in, so two instances never ring one agent twice nor lose a caller.
import { offerInTransaction } from './queue-offer';
import { agentDone, leave, ringEnded } from './queue-rings';
import { ordered, Raced, toAgent, toEntry } from './queue-rows';
import { setSignedIn, signedOut } from './queue-sign-ins';
import type { QueueEntry, QueueStore } from '../calling';
import type { Store } from './types';

/** The queues' repository over the store's database. */
export function createQueueStore(store: Pick<Store, 'db' | 'locks'>): QueueStore {
  const { db } = store;

  async function entry(callId: string): Promise<QueueEntry | undefined> {
    const row = await db
      .selectFrom('queue_entries')
      .selectAll()
      .where('call_id', '=', callId)
      .executeTakeFirst();
    return row && toEntry(row);
  }

  return {
    ringEnded: (attemptId, outcome, now) => ringEnded(db, attemptId, outcome, now),
    agentDone: (agentId, now) => agentDone(db, agentId, now),
    leave: (callId, now) => leave(db, callId, now),
    setSignedIn: (e) => setSignedIn(db, e),
    signedOut: (queue) => signedOut(db, queue),

    async enqueue(e) {
      await db.transaction().execute(async (tx) => {
        const had = await tx
          .selectFrom('queue_entries')
          .selectAll()
          .where('call_id', '=', e.callId)
          .executeTakeFirst();
        if (had?.queue === e.queue) return;
        if (had) await tx.deleteFrom('queue_entries').where('call_id', '=', e.callId).execute();
        await tx
          .insertInto('queue_entries')
          .values({
            call_id: e.callId,
            queue: e.queue,
            caller: e.caller ?? had?.caller ?? null,
            arrived_at: had ? had.arrived_at : e.now,
            queued_at: e.now,
            status: 'waiting',
            agent_id: null,
            attempt_id: null,
          })
          .execute();
      });
      const now = await entry(e.callId);
      if (!now) throw new Error(`the call ${e.callId} left the queue as it joined`);
      return now;
    },

    entry,

    async waiting(queue) {
      return (await ordered(db, queue).execute()).map(toEntry);
    },

    async position(callId) {
      const me = await entry(callId);
      if (!me) return undefined;
      const ahead = await db
        .selectFrom('queue_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('queue', '=', me.queue)
        .where((eb) =>
          eb.or([
            eb('queued_at', '<', me.queuedAt),
            eb.and([eb('queued_at', '=', me.queuedAt), eb('call_id', '<', me.callId)]),
          ]),
        )
        .executeTakeFirst();
      return Number(ahead?.n ?? 0) + 1;
    },

    async offerNext(queue, opts) {
      return store.locks.withLock(`queue:${queue}`, async () => {
        try {
          return await offerInTransaction(db, queue, opts);
        } catch (err) {
          // Another instance rang that agent or took that caller first: nothing is offered this time.
          if (err instanceof Raced) return undefined;
          throw err;
        }
      });
    },

    async agents(agentIds) {
      if (agentIds.length === 0) return [];
      const rows = await db
        .selectFrom('queue_agents')
        .selectAll()
        .where('agent_id', 'in', [...agentIds])
        .execute();
      return rows.map(toAgent);
    },

    async averageHandleMs(queue, last = 20) {
      const rows = await db
        .selectFrom('queue_ring_attempts')
        .select('handled_ms')
        .where('queue', '=', queue)
        .where('handled_ms', 'is not', null)
        .orderBy('ended_at', 'desc')
        .limit(last)
        .execute();
      if (rows.length === 0) return undefined;
      return rows.reduce((sum, r) => sum + Number(r.handled_ms), 0) / rows.length;
    },
  };
}
