// The bot's state storage (botbuilder's Storage shape) over the store's kv area. It is the app's, not the
// storage package's: only server/ wires the bot, and a calling user has no use for it.
import { StoreConflictError, type Store } from '../store';

const DEFAULT_NS = 'botstate';

type Items = Record<string, unknown>;

/** Keyed JSON items with eTags, the shape the bot's storage port (and botbuilder's Storage) expects. */
export interface ItemStorage {
  read(keys: string[]): Promise<Items>;
  write(changes: Items): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/**
 * The bot's storage over the kv area; the eTag is the kv version. A change with eTag '*' or no
 * eTag overwrites; any other eTag must match the stored one, else the write throws (as botbuilder's
 * MemoryStorage does, a change to an item that does not exist is written whatever its eTag).
 */
export function createBotStorage(store: Store, ns: string = DEFAULT_NS): ItemStorage {
  const { kv } = store;
  return {
    async read(keys: string[]): Promise<Items> {
      const items: Items = {};
      for (const key of keys) {
        const entry = await kv.get<Record<string, unknown>>(ns, key);
        if (entry) items[key] = { ...entry.value, eTag: String(entry.version) };
      }
      return items;
    },

    async write(changes: Items): Promise<void> {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: unknown };
        if (eTag === undefined || eTag === null || eTag === '' || eTag === '*') {
          await kv.put(ns, key, value);
          continue;
        }
        const current = await kv.get(ns, key);
        if (current && String(current.version) !== String(eTag)) {
          throw new StoreConflictError(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        // The version check is repeated atomically by put, so a concurrent writer still loses.
        await kv.put(ns, key, value, { expectedVersion: current?.version ?? 0 });
      }
    },

    async delete(keys: string[]): Promise<void> {
      for (const key of keys) await kv.delete(ns, key);
    },
  };
}
