// A CommonJS project's use of the installed storage package: `require`, then the shared steps on the
// database named by the arguments (a SQLite file, and a postgres:// URL or nothing). Prints one JSON line.
const storage = require('@switchboard/storage-sql');
const exercise = require('./storage-sql-exercise.cjs');

const [sqlitePath, databaseUrl] = process.argv.slice(2);
exercise(storage, { sqlitePath, databaseUrl: databaseUrl || undefined }).then(
  (seen) =>
    console.log(
      JSON.stringify({
        loadedFrom: require.resolve('@switchboard/storage-sql'),
        names: Object.keys(storage).sort(),
        ...seen,
      }),
    ),
  (err) => {
    console.log(JSON.stringify({ failed: { name: err.name, code: err.code, message: err.message } }));
  },
);
