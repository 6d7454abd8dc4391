// The processes sharing the database, each with a heartbeat row. A lease or a flow task belongs to an
// instance; once that instance is dead (no heartbeat for deadAfterMs, its row removed at a clean stop,
// or its process gone from this very machine) what it held is taken over instead of waited for.
import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { LivenessOptions, StoreInstances } from './flow-tables';
import type { Database } from './types';

export const DEFAULT_HEARTBEAT_MS = 2000;
export const DEFAULT_DEAD_AFTER_MS = 10_000;
// Rows of instances silent this long are removed (nothing they held can still matter).
const FORGET_AFTER_MS = 24 * 3_600_000;

/**
 * This machine as processes on it see it: the host name plus, on Linux, the process namespace, so two
 * containers with the same host name never take each other's process ids for their own.
 */
function machine(): string {
  let namespace = '';
  try {
    namespace = readlinkSync('/proc/self/ns/pid');
  } catch (err) {
    // No /proc (not Linux): the host name alone names the machine.
    namespace = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '' : 'unknown';
  }
  return `${hostname()}${namespace ? `|${namespace}` : ''}`;
}

/** Whether a process of this machine still runs (one we may not signal still runs). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** This process's instance over the instances table. */
export function createInstances(db: Kysely<Database>, opts: LivenessOptions = {}): StoreInstances {
  const id = randomUUID();
  const host = machine();
  const startedAt = Date.now();
  const deadAfterMs = opts.deadAfterMs ?? DEFAULT_DEAD_AFTER_MS;
  // Beats and the leave run one after another: a beat's insert must never land after the leave's delete.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  let left = false;

  async function beat(): Promise<void> {
    const now = Date.now();
    await db
      .insertInto('instances')
      .values({ id, host, pid: process.pid, started_at: startedAt, heartbeat_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: now }))
      .execute();
    // A process of this machine that died (SIGKILL, a crash) never said so: its successor or a
    // neighbour notices at once instead of after deadAfterMs.
    const mates = await db
      .selectFrom('instances')
      .select(['id', 'pid'])
      .where('host', '=', host)
      .where('id', '<>', id)
      .where('pid', '<>', process.pid)
      .execute();
    const gone = mates.filter((m) => !running(m.pid)).map((m) => m.id);
    if (gone.length > 0) await db.deleteFrom('instances').where('id', 'in', gone).execute();
    await db
      .deleteFrom('instances')
      .where('heartbeat_at', '<', now - FORGET_AFTER_MS)
      .execute();
  }

  return {
    id,
    deadAfterMs,
    beat() {
      return serial(async () => {
        left = false;
        await beat();
      });
    },
    renew() {
      return serial(async () => {
        if (!left) await beat();
      });
    },
    async live() {
      const rows = await db
        .selectFrom('instances')
        .select('id')
        .where('heartbeat_at', '>=', Date.now() - deadAfterMs)
        .execute();
      return new Set(rows.map((r) => r.id));
    },
    leave() {
      return serial(async () => {
        left = true;
        await db.deleteFrom('instances').where('id', '=', id).execute();
      });
    },
  };
}
