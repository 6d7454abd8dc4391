// A second (or third) process for the store's cross-process tests. Started as
// `node --import tsx test/helpers/store-child.ts '<json ChildConfig>'`; prints `ready`, waits for
// `go` on stdin, opens the store, does its work, prints `result <json>` and exits.
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openStore } from '../../store';
import type { Store, StoreOptions } from '../../store';

export interface ChildConfig {
  /** lock: contend for a lock; jobs: drain due jobs; hold: take a lock and never give it back. */
  mode: 'lock' | 'jobs' | 'hold';
  label: string;
  options: StoreOptions;
  key?: string;
  iterations?: number;
  markerFile?: string;
  jobKind?: string;
  leaseMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function contendForLock(store: Store, config: ChildConfig): Promise<object> {
  const { key = 'contended', iterations = 10, markerFile, label } = config;
  if (!markerFile) throw new Error('lock mode needs markerFile');
  const mark = (what: string, i: number) =>
    appendFileSync(markerFile, `${label} ${what} ${i} ${Date.now()}\n`);
  for (let i = 0; i < iterations; i++) {
    await store.locks.withLock(
      key,
      async () => {
        mark('enter', i);
        // Read, pause, write: two holders at once would lose an increment.
        const counter = (await store.kv.get<number>('xproc', 'counter'))?.value ?? 0;
        await sleep(2 + Math.random() * 4);
        await store.kv.put('xproc', 'counter', counter + 1);
        mark('exit', i);
      },
      { waitMs: 20_000 },
    );
    await sleep(2 + Math.random() * 8);
  }
  return { iterations };
}

async function drainJobs(store: Store, config: ChildConfig): Promise<object> {
  const kind = config.jobKind ?? 'xproc';
  const claimed: string[] = [];
  for (;;) {
    const batch = await store.jobs.claimDue(config.label, { kinds: [kind], limit: 4 });
    if (batch.length === 0) {
      // Jobs the other process holds still count: wait until it has completed them.
      if ((await store.jobs.list({ kind, limit: 1 })).length === 0) break;
      await sleep(10);
      continue;
    }
    for (const job of batch) {
      claimed.push(job.id);
      // A job takes a moment, as real ones do: without it one process can drain all of them before the
      // other (started at the same moment, but scheduled late on a busy machine) has made its first claim.
      await sleep(5);
      if (!(await store.jobs.complete(job.id, config.label)))
        throw new Error(`lost job ${job.id} before completing`);
    }
  }
  return { claimed };
}

async function holdForever(store: Store, config: ChildConfig): Promise<object> {
  await store.locks.withLock(
    config.key ?? 'held',
    async () => {
      process.stdout.write('locked\n');
      await new Promise(() => setInterval(() => undefined, 60_000));
    },
    { leaseMs: config.leaseMs ?? 1000 },
  );
  return {};
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as ChildConfig;
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.on('line', (line) => line.trim() === 'go' && resolve()));
  process.stdout.write('ready\n');
  await go;
  lines.close();
  const store = await openStore(config.options);
  try {
    const work = { lock: contendForLock, jobs: drainJobs, hold: holdForever }[config.mode];
    const result = await work(store, config);
    process.stdout.write(`result ${JSON.stringify(result)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
