import type { Kysely } from 'kysely';
import { StoreConflictError } from './errors';
import type { KeyValue, KvEntry, PutOptions } from '../calling';
import type { Database } from './types';

function toJson(ns: string, key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined)
    throw new TypeError(`kv ${ns}/${key}: value must be JSON-serializable, got undefined`);
  return json;
}

/** The key-value area on the kv table. An expired entry reads as absent until purged or overwritten. */
export function createKeyValue(db: Kysely<Database>): KeyValue {
  return {
    async get<T>(ns: string, key: string) {
      const row = await db
        .selectFrom('kv')
        .select(['value', 'version'])
        .where('ns', '=', ns)
        .where('key', '=', key)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', Date.now())]))
        .executeTakeFirst();
      return row && { value: JSON.parse(row.value) as T, version: row.version };
    },

    async put<T>(ns: string, key: string, value: T, opts: PutOptions = {}) {
      const now = Date.now();
      const json = toJson(ns, key, value);
      const expiresAt = opts.ttlMs === undefined ? null : now + opts.ttlMs;
      const expected = opts.expectedVersion;

      if (expected !== undefined && expected > 0) {
        const row = await db
          .updateTable('kv')
          .set({ value: json, version: expected + 1, expires_at: expiresAt, updated_at: now })
          .where('ns', '=', ns)
          .where('key', '=', key)
          .where('version', '=', expected)
          .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
          .returning('version')
          .executeTakeFirst();
        if (!row)
          throw new StoreConflictError(`kv ${ns}/${key}: expected version ${expected}, found another`);
        return row.version;
      }

      // Versions keep counting up through an expired row, so a stale reader never matches again.
      const inserted = await db
        .insertInto('kv')
        .values({ ns, key, value: json, version: 1, expires_at: expiresAt, updated_at: now })
        .onConflict((oc) => {
          const update = oc.columns(['ns', 'key']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            version: eb('kv.version', '+', 1),
            expires_at: eb.ref('excluded.expires_at'),
            updated_at: eb.ref('excluded.updated_at'),
          }));
          // expectedVersion 0: only an expired row may be overwritten.
          return expected === 0 ? update.where('kv.expires_at', '<=', now) : update;
        })
        .returning('version')
        .executeTakeFirst();
      if (!inserted) throw new StoreConflictError(`kv ${ns}/${key}: expected no entry, found one`);
      return inserted.version;
    },

    async delete(ns: string, key: string) {
      const rows = await db
        .deleteFrom('kv')
        .where('ns', '=', ns)
        .where('key', '=', key)
        .returning('expires_at')
        .execute();
      const now = Date.now();
      return rows.some((r) => r.expires_at === null || r.expires_at > now);
    },

    async list<T>(ns: string, opts: { prefix?: string; limit?: number } = {}) {
      let query = db
        .selectFrom('kv')
        .select(['key', 'value', 'version'])
        .where('ns', '=', ns)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', Date.now())]))
        .orderBy('key');
      const prefix = opts.prefix;
      if (prefix) {
        // substr rather than LIKE: no wildcard escaping, and SQLite's LIKE ignores case. Both databases
        // count code points, hence Array.from.
        query = query.where((eb) =>
          eb(eb.fn('substr', ['key', eb.lit(1), eb.val(Array.from(prefix).length)]), '=', prefix),
        );
      }
      if (opts.limit !== undefined) query = query.limit(opts.limit);
      const rows = await query.execute();
      return rows.map((r): KvEntry<T> => ({
        key: r.key,
        value: JSON.parse(r.value) as T,
        version: r.version,
      }));
    },

    async purgeExpired() {
      const result = await db.deleteFrom('kv').where('expires_at', '<=', Date.now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
