// What the call model costs per notification without HTTP: the same traffic as the calls-webhook
// benchmark (bench/calls-traffic.ts) accepted into the inbox by 10 concurrent senders and processed by the
// calling service on a fresh SQLite file, with a fake Graph. Prints CPU time per notification, the time
// spent inside SQLite per statement, and, as the control measured in the same process, a bare
// better-sqlite3 append of the same rows (one statement each, commits shared 10 at a time): the floor
// any durable inbox on this database pays before the call model does anything.
// Run: npx tsx bench/calls-processing.ts [--notifications 3000 --calls 50]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCallingService } from '../calling/core';
import { parseNotifications } from '../calling/webhook/parse-notifications';
import { createCallData } from '../store';
import { fakeGraph, tempStore, testLogger, TENANT } from '../test/unit/calling/core/fakes';
import { notificationStream } from './calls-traffic';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

// Time inside SQLite, per SQL text: every statement prepared from now on reports its run/all/get time.
const spent = new Map<string, { count: number; ns: bigint }>();
const proto = Database.prototype as unknown as { prepare(sql: string): Record<string, unknown> };
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  const stmt = prepare.call(this, sql);
  for (const method of ['run', 'all', 'get']) {
    const inner = stmt[method] as (...a: unknown[]) => unknown;
    stmt[method] = (...a: unknown[]) => {
      const t = process.hrtime.bigint();
      try {
        return inner.apply(stmt, a);
      } finally {
        const e = spent.get(sql) ?? { count: 0, ns: 0n };
        e.count += 1;
        e.ns += process.hrtime.bigint() - t;
        spent.set(sql, e);
      }
    };
  }
  return stmt;
};

async function callModel(n: number, calls: number): Promise<number> {
  const { store, close } = await tempStore();
  const service = createCallingService({
    store,
    graph: fakeGraph(),
    logger: testLogger(),
    appId: 'bench',
    tenantId: TENANT,
    callbackUrl: 'https://bench.invalid/api/calls',
    promptsBaseUrl: 'https://bench.invalid/prompts',
  });
  await service.start();
  const next = notificationStream(calls);
  const data = createCallData(store);
  spent.clear();
  const before = process.cpuUsage();
  let sent = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (sent < n) {
        sent++;
        const parsed = parseNotifications(JSON.parse(next()));
        if (!parsed.ok) throw new Error(parsed.message);
        await service.inbox.accept({
          tenantId: TENANT,
          receivedAt: Date.now(),
          notifications: parsed.notifications,
        });
      }
    }),
  );
  while ((await data.inbox.callsWithPending()).length > 0) await new Promise((r) => setTimeout(r, 10));
  const cpu = process.cpuUsage(before);
  await service.stop();
  await close();
  return (cpu.user + cpu.system) / n;
}

function bareAppend(n: number, calls: number): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-floor-'));
  const db = new Database(path.join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'create table inbox (seq integer primary key autoincrement, call_id text not null, body text not null,' +
      ' processed_at integer); create index inbox_pending on inbox (processed_at, call_id, seq)',
  );
  const insert = db.prepare('insert into inbox (call_id, body) values (?, ?)');
  const appendTen = db.transaction((bodies: string[]) => {
    for (const b of bodies) insert.run(b.slice(0, 36), b);
  });
  const next = notificationStream(calls);
  const before = process.cpuUsage();
  for (let i = 0; i < n; i += 10) appendTen(Array.from({ length: Math.min(10, n - i) }, next));
  const cpu = process.cpuUsage(before);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return (cpu.user + cpu.system) / n;
}

async function main(): Promise<void> {
  const n = Number(arg('notifications') ?? 3000);
  const calls = Number(arg('calls') ?? 50);
  await callModel(Math.min(n, 500), calls); // warm-up
  const model = await callModel(n, calls);
  const rows = [...spent].sort((a, b) => Number(b[1].ns - a[1].ns));
  const sqliteUs = rows.reduce((sum, [, e]) => sum + Number(e.ns) / 1000, 0) / n;
  const floor = bareAppend(n, calls);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(
    `call model: ${model.toFixed(0)} us CPU per notification, ${sqliteUs.toFixed(0)} us of it inside SQLite`,
  );
  out(`control, a bare SQLite append of the same rows: ${floor.toFixed(0)} us per notification`);
  out(`ratio (control / call model): ${(floor / model).toFixed(3)}`);
  out('SQLite time per notification, by statement:');
  for (const [sql, e] of rows.slice(0, 15)) {
    const per = Number(e.ns) / 1000 / n;
    out(`  ${per.toFixed(1).padStart(6)} us  ${String(e.count).padStart(6)}x  ${sql.slice(0, 100)}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
