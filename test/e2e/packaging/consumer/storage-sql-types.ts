// What a TypeScript project (CommonJS) writes against the installed storage package: the store is
// calling's CallingStorage, swapped in for the memory storage in one line; the package's internals and
// the app's botbuilder storage stay out.
import { createMemoryStorage, type CallingStorage } from '@switchboard/calling';
import {
  DEFAULT_SQLITE_PATH,
  StoreConfigError,
  StoreConflictError,
  StoreError,
  openStore,
  type Store,
  type StoreOptions,
} from '@switchboard/storage-sql';

export async function storageFor(durable: boolean, databaseUrl?: string): Promise<CallingStorage> {
  const opts: StoreOptions = { databaseUrl, sqlitePath: DEFAULT_SQLITE_PATH };
  return durable ? openStore(opts) : createMemoryStorage();
}

export async function closeIfStore(storage: CallingStorage | Store): Promise<void> {
  if ('close' in storage) await storage.close();
}

export function why(err: unknown): string {
  if (err instanceof StoreConflictError || err instanceof StoreConfigError)
    return `${err.code}: ${err.message}`;
  return err instanceof StoreError ? err.code : String(err);
}

export const kind: Store['kind'] = 'postgres';
// @ts-expect-error a store is SQLite or PostgreSQL
export const other: Store['kind'] = 'mysql';

// @ts-expect-error the app's botbuilder storage is not part of the package
export { createBotStorage } from '@switchboard/storage-sql';
// @ts-expect-error the package's internals are not part of its API
export { createKeyValue } from '@switchboard/storage-sql/dist/key-value';
