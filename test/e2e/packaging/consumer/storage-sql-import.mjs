// An ES module project's use of the installed storage package: `import`, then the shared steps. It prints
// one JSON line, with whether `import` and `require` in one process give the very same objects.
import { createRequire } from 'node:module';
import * as storage from '@switchboard/storage-sql';
import { StoreConflictError, openStore } from '@switchboard/storage-sql';
import exercise from './storage-sql-exercise.cjs';

const required = createRequire(import.meta.url)('@switchboard/storage-sql');
const [sqlitePath, databaseUrl] = process.argv.slice(2);
const seen = await exercise(storage, { sqlitePath, databaseUrl: databaseUrl || undefined });
console.log(
  JSON.stringify({
    loadedFrom: import.meta.resolve('@switchboard/storage-sql'),
    names: Object.keys(storage).sort(),
    ...seen,
    sameObjects: required.StoreConflictError === StoreConflictError && required.openStore === openStore,
  }),
);
