// The same swap from an ES module project, through the package's ES entry and its declarations.
import type { CallingStorage } from '@switchboard/calling';
import { DEFAULT_SQLITE_PATH, openStore, type Store } from '@switchboard/storage-sql';

const store: Store = await openStore({ sqlitePath: DEFAULT_SQLITE_PATH });
export const storage: CallingStorage = store;
await store.close();
