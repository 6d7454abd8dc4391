import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { StoreLogger } from './types';

// In WAL mode SQLite copies the log back into the database file (a checkpoint, with an fsync) from inside
// whichever commit crosses the threshold. better-sqlite3 is synchronous, so that commit would hold the
// event loop, and every request behind it, for the length of the fsync. Here the app's connection stops
// checkpointing and a worker thread with its own connection checkpoints the file on a timer instead.
// PASSIVE never waits for or blocks the app's readers and writers; what it cannot copy yet it copies on a
// later turn.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ failed: String((err && err.message) || err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

// What the app's connection goes back to if the worker is gone: SQLite's own default.
const AUTOCHECKPOINT_PAGES = 1000;
const DEFAULT_INTERVAL_MS = 500;

export interface Checkpointer {
  /** Asks the worker for a last checkpoint and ends it; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Moves the checkpoints of `file` (opened as `database`) to a worker thread. */
export function startCheckpointer(
  database: BetterSqlite3.Database,
  file: string,
  logger: StoreLogger,
  intervalMs = DEFAULT_INTERVAL_MS,
): Checkpointer {
  database.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const worker = new Worker(SOURCE, {
    eval: true,
    // The source is plain JavaScript: the parent's loaders (a TypeScript hook in development) would only
    // slow the worker's start.
    execArgv: [],
    workerData: { driver: require.resolve('better-sqlite3'), file: path.resolve(file), intervalMs },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const fallBack = (why: string) => {
    if (stopping || !database.open) return;
    logger.warn({ why }, 'the SQLite checkpoint worker stopped; the app connection checkpoints again');
    database.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (m: { failed?: string }) => {
    if (m.failed) logger.warn({ err: m.failed }, 'a SQLite checkpoint failed; the next one retries');
  });
  worker.on('error', (err) => fallBack(err.message));
  worker.on('exit', (code) => fallBack(`exit code ${code}`));
  return {
    async stop() {
      if (!stopping) {
        stopping = true;
        // Unreferenced, the worker would let the process end before it has finished: hold it now.
        worker.ref();
        worker.postMessage('stop');
      }
      await exited;
    },
  };
}
