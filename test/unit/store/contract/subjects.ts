// The storages the contract runs against: memory, and the store on each real database.
import { openMemoryStorage } from '../../../../calling/storage/memory';
import { openStore, type Store } from '../../../../store';
import type { StoreTarget } from '../targets';
import type { LeaseStaging, OpenSubject, StorageSubject } from './subject';

export const memorySubject: OpenSubject = async () => {
  const subject = (): StorageSubject => {
    const { storage, leases } = openMemoryStorage();
    const staging: LeaseStaging = {
      async plant(key, owner, expiresAt) {
        leases.set(key, { owner, expiresAt });
      },
      async steal(key, owner) {
        const lease = leases.get(key);
        if (lease) leases.set(key, { ...lease, owner });
      },
      owner: async (key) => leases.get(key)?.owner,
      keys: async () => [...leases.keys()].sort(),
    };
    return {
      storage,
      leases: staging,
      sibling: storage,
      // A new storage: nothing of the last case is left in it.
      reset: async () => subject(),
      close: async () => undefined,
    };
  };
  return subject();
};

const TABLES = [
  'kv',
  'locks',
  'jobs',
  'flows',
  'calls',
  'call_inbox',
  'call_operations',
  'call_timeline',
  'queue_entries',
  'queue_agents',
  'queues',
  'queue_ring_attempts',
  'queue_sign_ins',
  'meetings',
  'call_record_people',
  'call_records',
] as const;

function leasesOf(store: Store): LeaseStaging {
  const { db } = store;
  return {
    async plant(key, owner, expiresAt) {
      await db.insertInto('locks').values({ key, owner, expires_at: expiresAt }).execute();
    },
    async steal(key, owner) {
      await db.updateTable('locks').set({ owner }).where('key', '=', key).execute();
    },
    async owner(key) {
      const row = await db.selectFrom('locks').select('owner').where('key', '=', key).executeTakeFirst();
      return row?.owner;
    },
    async keys() {
      return (await db.selectFrom('locks').select('key').orderBy('key').execute()).map((r) => r.key);
    },
  };
}

/** The store on a database target; a second store on the same database plays another process. */
export function sqlSubject(target: StoreTarget): OpenSubject {
  return async () => {
    await target.setUp();
    const store = await openStore(target.options());
    const other = await openStore(target.options());
    const subject: StorageSubject = {
      storage: store,
      leases: leasesOf(store),
      sibling: other,
      async reset() {
        for (const table of TABLES) await store.db.deleteFrom(table).execute();
        return subject;
      },
      async close() {
        await other.close();
        await store.close();
        await target.tearDown();
      },
    };
    return subject;
  };
}
