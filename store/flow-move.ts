import { sql, type Kysely } from 'kysely';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A flow runtime position as it was kept in a call's `flow` (before flows had their own rows). */
interface OldPosition {
  kind: string;
  state: unknown;
  rev: number;
  timers: Record<string, unknown>;
  tasks: Record<string, unknown>;
  owners?: Record<string, unknown>;
}

function oldPosition(text: string | null): OldPosition | undefined {
  let v: unknown;
  try {
    v = text === null ? null : JSON.parse(text);
  } catch (err) {
    // Not JSON: not a position the runtime wrote.
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
  if (!isRecord(v) || typeof v['kind'] !== 'string' || typeof v['rev'] !== 'number') return undefined;
  if (!isRecord(v['timers']) || !isRecord(v['tasks']) || !('state' in v)) return undefined;
  return v as unknown as OldPosition;
}

/**
 * Migration 0009: the flow positions of live calls move from the call's `flow` to a row of `flows`
 * keyed by the call, bound to it, so a flow running across the upgrade goes on where it was.
 */
export async function moveLiveFlows(db: Kysely<unknown>): Promise<void> {
  const now = Date.now();
  const { rows } = await sql<{ id: string; flow: string | null; created_at: number }>`
    select id, flow, created_at from calls where flow is not null and ended_at is null`.execute(db);
  for (const row of rows) {
    const p = oldPosition(row.flow);
    if (!p) continue;
    const tasks: Record<string, { token: unknown; owner: string; startedAt: number }> = {};
    for (const [name, token] of Object.entries(p.tasks)) {
      const owner = p.owners?.[name];
      tasks[name] = { token, owner: typeof owner === 'string' ? owner : '', startedAt: now };
    }
    const owners = [
      ...new Set([
        ...Object.values(tasks).map((t) => t.owner),
        ...Object.values(p.timers).flatMap((t) =>
          isRecord(t) && typeof t['owner'] === 'string' ? [t['owner']] : [],
        ),
      ]),
    ].sort();
    await sql`insert into flows (key, kind, state, rev, timers, tasks, task_owners, call_ids, requested_by,
      created_at, updated_at, done_at)
      values (${row.id}, ${p.kind}, ${JSON.stringify(p.state ?? null)}, ${p.rev}, ${JSON.stringify(p.timers)},
        ${JSON.stringify(tasks)}, ${owners.length > 0 ? owners.join(' ') : null}, ${JSON.stringify([row.id])},
        null, ${Number(row.created_at)}, ${now}, null)
      on conflict (key) do nothing`.execute(db);
    await sql`update calls set flow_key = ${row.id} where id = ${row.id}`.execute(db);
  }
}
