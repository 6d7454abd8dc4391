// Who is signed out of which queue. Agents start signed in (the configuration lists them), so only a
// sign-out is a row; signing in again deletes it.
import type { Kysely } from 'kysely';
import type { Database } from './types';

/** The sign-in table (migration 0012); safe to run again. */
export async function createSignInTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_sign_ins')
    .ifNotExists()
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('signed_out_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_sign_ins_pk', ['queue', 'agent_id'])
    .execute();
}

/** Signs an agent (any case of their object id) in to or out of one queue; idempotent. */
export async function setSignedIn(
  db: Kysely<Database>,
  e: { readonly queue: string; readonly agentId: string; readonly signedIn: boolean; readonly now: number },
): Promise<void> {
  const agentId = e.agentId.toLowerCase();
  if (e.signedIn) {
    await db
      .deleteFrom('queue_sign_ins')
      .where('queue', '=', e.queue)
      .where('agent_id', '=', agentId)
      .execute();
    return;
  }
  await db
    .insertInto('queue_sign_ins')
    .values({ queue: e.queue, agent_id: agentId, signed_out_at: e.now })
    .onConflict((oc) => oc.columns(['queue', 'agent_id']).doNothing())
    .execute();
}

/** The agents signed out of `queue`, sorted. */
export async function signedOut(db: Kysely<Database>, queue: string): Promise<string[]> {
  const rows = await db
    .selectFrom('queue_sign_ins')
    .select('agent_id')
    .where('queue', '=', queue)
    .orderBy('agent_id')
    .execute();
  return rows.map((r) => r.agent_id);
}
