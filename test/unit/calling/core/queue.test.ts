import assert from 'node:assert/strict';
import { createCallQueue } from '../../../../calling/core/call-queue';
import { createCallingService } from '../../../../calling/core';
import { contentHash, toStored } from '../../../../calling/core/stored-notification';
import { createCallData, type InboxRow, type Store } from '../../../../store';
import { batch, callNote, eventually, fakeGraph, tempStore, testLogger, TENANT } from './fakes';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('per-call queue (SQLite store)', function () {
  this.timeout(15_000);
  let store: Store;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await tempStore());
  });
  afterEach(async () => close());

  async function append(callId: string, n: number): Promise<void> {
    const data = createCallData(store);
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

  it('processes one call strictly in arrival order and two calls in parallel', async () => {
    const data = createCallData(store);
    const log: Array<{ callId: string; i: number; phase: 'start' | 'end'; at: number }> = [];
    let active = 0;
    let maxActive = 0;
    const perCallActive = new Map<string, number>();
    const queue = createCallQueue({
      locks: store.locks,
      data,
      logger: testLogger(),
      async process(row: InboxRow) {
        const i = (row.notification as { i: number }).i;
        active++;
        maxActive = Math.max(maxActive, active);
        const mine = (perCallActive.get(row.callId) ?? 0) + 1;
        perCallActive.set(row.callId, mine);
        assert.equal(mine, 1, 'two rows of one call must never run at once');
        log.push({ callId: row.callId, i, phase: 'start', at: Date.now() });
        await sleep(15);
        log.push({ callId: row.callId, i, phase: 'end', at: Date.now() });
        perCallActive.set(row.callId, mine - 1);
        active--;
        await data.inbox.markProcessed(row.seq, Date.now());
      },
    });
    await append('call-a', 6);
    await append('call-b', 6);
    // Kicks from several places at once must still yield one ordered pass per call.
    await Promise.all([queue.kick('call-a'), queue.kick('call-b'), queue.kick('call-a'), queue.resumeAll()]);
    await queue.idle();
    for (const id of ['call-a', 'call-b']) {
      const order = log.filter((e) => e.callId === id && e.phase === 'start').map((e) => e.i);
      assert.deepEqual(order, [0, 1, 2, 3, 4, 5], `${id} in order, each once`);
    }
    assert.equal(maxActive, 2, 'the two calls ran side by side');
    assert.deepEqual(await data.inbox.callsWithPending(), []);
    queue.stop();
  });

  it('resumes calls left with unprocessed rows when the service starts (crash recovery)', async () => {
    const data = createCallData(store);
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
      store,
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
    const jobs = await store.jobs.list({ kind: 'calling.keepAlive' });
    assert.equal(jobs.length, 1, 'keepAlive scheduled for the established call');
    await service.stop();
  });
});
