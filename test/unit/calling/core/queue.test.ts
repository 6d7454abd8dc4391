import assert from 'node:assert/strict';
import { createCallQueue } from '../../../../calling/core/call-queue';
import { createCallingService } from '../../../../calling/core';
import { contentHash, toStored } from '../../../../calling/core/stored-notification';
import type { InboxRow } from '../../../../calling';
import { createCallData } from '../../../../store';
import { batch, callNote, eventually, fakeGraph, eachTempStore, testLogger, TENANT } from './fakes';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('per-call queue (SQLite t.store)', function () {
  this.timeout(15_000);
  const t = eachTempStore();

  async function append(callId: string, n: number): Promise<void> {
    const data = createCallData(t.store);
    await data.inbox.append(
      Array.from({ length: n }, (_, i) => ({
        callId,
        tenantId: TENANT,
        receivedAt: Date.now(),
        notification: { i },
        contentHash: `${callId}-${i}`,
      })),
    );
  }

  it('processes each call strictly in arrival order, several calls in one batch', async () => {
    const data = createCallData(t.store);
    const batches: Array<Array<{ callId: string; i: number }>> = [];
    let active = 0;
    const queue = createCallQueue({
      locks: t.store.locks,
      data,
      logger: testLogger(),
      batchSize: 4,
      async processBatch(rows: readonly InboxRow[]) {
        active++;
        assert.equal(active, 1, 'one batch at a time in an instance');
        // While the batch runs, its calls' leases are taken: nobody else may work on them.
        for (const id of new Set(rows.map((r) => r.callId))) {
          const other = await t.store.locks.claim([`call:${id}`]);
          assert.equal(other.held.size, 0, `${id} is leased while its rows are handled`);
          await other.release();
        }
        batches.push(rows.map((r) => ({ callId: r.callId, i: (r.notification as { i: number }).i })));
        await sleep(5);
        for (const r of rows) await data.inbox.markProcessed(r.seq, Date.now());
        active--;
        return [];
      },
    });
    await append('call-a', 6);
    await append('call-b', 6);
    // Kicks from several places at once must still yield one ordered pass per call.
    await Promise.all([queue.kick('call-a'), queue.kick('call-b'), queue.kick('call-a'), queue.resumeAll()]);
    await queue.idle();
    const seen = batches.flat();
    for (const id of ['call-a', 'call-b']) {
      const order = seen.filter((e) => e.callId === id).map((e) => e.i);
      assert.deepEqual(order, [0, 1, 2, 3, 4, 5], `${id} in order, each once`);
    }
    assert.ok(
      batches.some((b) => new Set(b.map((e) => e.callId)).size === 2),
      'the two calls shared a batch',
    );
    assert.ok(
      batches.every((b) => b.length <= 4),
      'no batch over batchSize',
    );
    assert.deepEqual(await data.inbox.callsWithPending(), []);
    assert.equal((await t.store.db.selectFrom('locks').selectAll().execute()).length, 0, 'leases released');
    queue.stop();
  });

  it('leaves a call leased elsewhere to its holder and takes it up once it is free', async () => {
    const data = createCallData(t.store);
    const handled: string[] = [];
    const queue = createCallQueue({
      locks: t.store.locks,
      data,
      logger: testLogger(),
      async processBatch(rows: readonly InboxRow[]) {
        for (const r of rows) {
          handled.push(`${r.callId}:${(r.notification as { i: number }).i}`);
          await data.inbox.markProcessed(r.seq, Date.now());
        }
        return [];
      },
    });
    await append('call-a', 2);
    await append('call-b', 1);
    const elsewhere = await t.store.locks.claim(['call:call-a']);
    assert.equal(elsewhere.held.size, 1);
    void queue.kick('call-a');
    await queue.kick('call-b');
    await queue.idle();
    assert.deepEqual(handled, ['call-b:0'], 'only the free call was handled');
    await elsewhere.release();
    await eventually(() => handled.length === 3);
    assert.deepEqual(handled, ['call-b:0', 'call-a:0', 'call-a:1']);
    queue.stop();
  });

  it('retries a call whose row failed, without holding up the others', async () => {
    const data = createCallData(t.store);
    let failOnce = true;
    const handled: string[] = [];
    const queue = createCallQueue({
      locks: t.store.locks,
      data,
      logger: testLogger(),
      retryMs: 20,
      async processBatch(rows: readonly InboxRow[]) {
        const blocked = new Set<string>();
        for (const r of rows) {
          if (blocked.has(r.callId)) continue;
          if (r.callId === 'call-a' && failOnce) {
            failOnce = false;
            blocked.add(r.callId);
            continue;
          }
          handled.push(`${r.callId}:${(r.notification as { i: number }).i}`);
          await data.inbox.markProcessed(r.seq, Date.now());
        }
        return [...blocked];
      },
    });
    await append('call-a', 2);
    await append('call-b', 2);
    void queue.kick('call-a');
    void queue.kick('call-b');
    await eventually(() => handled.length === 4);
    assert.deepEqual(
      handled.filter((h) => h.startsWith('call-a')),
      ['call-a:0', 'call-a:1'],
      'the failed call kept its order on retry',
    );
    assert.deepEqual(handled.slice(0, 2), ['call-b:0', 'call-b:1'], 'the other call went first');
    queue.stop();
  });

  it('resumes calls left with unprocessed rows when the service starts (crash recovery)', async () => {
    const data = createCallData(t.store);
    const id = '3c3c3c3c-1111-4222-8333-444444444444';
    // Rows stored by an earlier process that died before handling them.
    await data.inbox.append(
      [callNote(id, 'establishing'), callNote(id, 'established')].map((n) => ({
        callId: id,
        tenantId: TENANT,
        receivedAt: Date.now(),
        notification: toStored(n),
        contentHash: contentHash(toStored(n)),
      })),
    );
    const service = createCallingService({
      store: t.store,
      graph: fakeGraph(),
      logger: testLogger(),
      appId: 'app',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
    });
    const established: string[] = [];
    service.on('established', (e) => void established.push(e.call.id));
    await service.start();
    await eventually(async () => (await service.getCall(id))?.state === 'established');
    await eventually(() => established.length === 1);
    await service.inbox.accept(batch(callNote(id, 'establishing'), callNote(id, 'established')));
    await sleep(100);
    assert.deepEqual(established, [id], 'a redelivered establishing/established acts once');
    const kinds = (await service.timeline(id)).map((e) => e.summary);
    assert.ok(kinds.includes('ignored duplicate notification'), kinds.join(' | '));
    const jobs = await t.store.jobs.list({ kind: 'calling.keepAlive' });
    assert.equal(jobs.length, 1, 'keepAlive scheduled for the established call');
    await service.stop();
  });
});
