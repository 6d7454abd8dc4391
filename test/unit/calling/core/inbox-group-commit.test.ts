import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { createCallInbox } from '../../../../calling/core/inbox';
import type { CallData } from '../../../../calling';
import { createCallData, openStore, type Store, type StoreOptions } from '../../../../store';
import { storeTargets, type StoreTarget } from '../../store/targets';
import { batch, callNote } from './fakes';

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Counts a call's inbox rows over a connection of its own, outside the store under test. */
interface Reader {
  count(callId: string): Promise<number>;
  close(): Promise<void>;
}

async function openReader(target: StoreTarget, options: StoreOptions): Promise<Reader> {
  if (target.name === 'sqlite') {
    const db = new BetterSqlite3(options.sqlitePath, { readonly: true });
    const count = db.prepare<[string], { n: number }>(
      'select count(*) as n from call_inbox where call_id = ?',
    );
    return {
      // Read at once, when called: what the file holds at that moment.
      count: (callId) => Promise.resolve(count.get(callId)?.n ?? 0),
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  // One query at a time: a pg client takes no second query while one runs.
  let last: Promise<unknown> = Promise.resolve();
  return {
    count: async (callId) => {
      const mine = last.then(() => query(callId));
      last = mine.catch(() => undefined);
      return mine;
    },
    close: () => client.end(),
  };

  async function query(callId: string): Promise<number> {
    const r = await client.query<{ n: string }>('select count(*) as n from call_inbox where call_id = $1', [
      callId,
    ]);
    return Number(r.rows[0]?.n ?? 0);
  }
}

/**
 * Keeps the inbox's first append waiting, as a busy database does: another transaction holds SQLite's one
 * connection, or a PostgreSQL table lock that inserts wait for. Resolves once held; call the result to let go.
 */
async function holdInbox(store: Store, target: StoreTarget): Promise<() => Promise<void>> {
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = (): void => undefined;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const done = store.db.transaction().execute(async (trx) => {
    if (target.name === 'postgres') await sql`lock table call_inbox in exclusive mode`.execute(trx);
    else await trx.selectFrom('call_inbox').select('seq').limit(1).execute();
    held();
    await gate;
  });
  await holding;
  return async () => {
    release();
    await done;
  };
}

for (const target of storeTargets()) {
  describe(`call inbox: group commit [${target.name}]`, function () {
    this.timeout(30_000);
    let store: Store;
    let reader: Reader;
    let appends: number;
    let failAppend: number | undefined;
    let databases = 0;

    const counting = (data: CallData): CallData => ({
      ...data,
      inbox: {
        ...data.inbox,
        append: async (rows) => {
          appends += 1;
          if (appends === failAppend) throw new Error('disk I/O error');
          return data.inbox.append(rows);
        },
      },
    });
    const inbox = () => createCallInbox(counting(createCallData(store)), { nudge: () => undefined });

    before(async function () {
      this.timeout(60_000);
      await target.setUp();
    });
    beforeEach(async () => {
      const options = await target.fresh(`inbox_group_${++databases}`);
      store = await openStore(options);
      reader = await openReader(target, options);
      appends = 0;
      failAppend = undefined;
    });
    afterEach(async () => {
      await reader.close();
      await store.close();
    });
    after(async () => target.tearDown());

    it('N intakes arriving while an append is under way take fewer than N transactions; each resolves once its row is readable elsewhere', async () => {
      const box = inbox();
      const release = await holdInbox(store, target);
      const n = 12;
      const readable: boolean[] = [];
      const accepted: Array<Promise<void>> = [];
      for (let i = 0; i < n; i++) {
        accepted.push(
          box.accept(batch(callNote(id(i), 'establishing'))).then(async () => {
            readable[i] = (await reader.count(id(i))) === 1;
          }),
        );
        // Each request in a turn of its own, as requests read from different sockets are.
        await turn();
      }
      await release();
      await Promise.all(accepted);
      assert.ok(appends < n, `${appends} transactions for ${n} intakes`);
      assert.equal(appends, 2, 'the first append, then everything that waited for it');
      assert.deepEqual(
        readable,
        Array.from({ length: n }, () => true),
      );
    });

    it('a failed transaction rejects every intake in it and stores none of their rows', async () => {
      const box = inbox();
      const release = await holdInbox(store, target);
      const first = box.accept(batch(callNote(id(0), 'establishing')));
      await turn();
      failAppend = 2;
      const rest = [1, 2, 3].map((i) => box.accept(batch(callNote(id(i), 'establishing'))));
      const outcomes = Promise.allSettled(rest);
      await release();
      await first;
      const settled = await outcomes;
      assert.deepEqual(
        settled.map((o) => (o.status === 'rejected' ? String(o.reason) : 'stored')),
        ['Error: disk I/O error', 'Error: disk I/O error', 'Error: disk I/O error'],
      );
      assert.deepEqual(await Promise.all([0, 1, 2, 3].map((i) => reader.count(id(i)))), [1, 0, 0, 0]);
      // The next intake is written again.
      await box.accept(batch(callNote(id(4), 'establishing')));
      assert.equal(await reader.count(id(4)), 1);
    });

    it('rows of one call keep their arrival order across the transactions they share', async () => {
      const box = inbox();
      const release = await holdInbox(store, target);
      const a = id(100);
      const b = id(200);
      const states = ['establishing', 'established', 'hold', 'established', 'terminating', 'terminated'];
      const accepted: Array<Promise<void>> = [];
      for (const [i, state] of states.entries()) {
        accepted.push(box.accept(batch(callNote(a, state), callNote(b, state))));
        if (i % 2 === 1) await turn();
      }
      await release();
      await Promise.all(accepted);
      assert.ok(appends < states.length);
      const data = createCallData(store);
      for (const call of [a, b]) {
        const rows = await data.inbox.pending(call);
        assert.deepEqual(
          rows.map((r) => (r.notification as { resourceData?: { state?: string } }).resourceData?.state),
          states,
        );
      }
    });
  });
}
