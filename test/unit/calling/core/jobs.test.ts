import assert from 'node:assert/strict';
import { CallingError } from '../../../../calling/errors';
import { createCallingService, type CallingService } from '../../../../calling/core';
import type { Store } from '../../../../store';
import {
  batch,
  callNote,
  eventually,
  fakeGraph,
  tempStore,
  testLogger,
  TENANT,
  type FakeGraph,
} from './fakes';

const gone = (id: string) =>
  new CallingError('graph_call_gone', `Call ${id} no longer exists`, { status: 404 });

describe('keepAlive and reconciliation jobs (SQLite store)', function () {
  this.timeout(10_000);
  let store: Store;
  let close: () => Promise<void>;
  let graph: FakeGraph;
  let service: CallingService;
  let now: number;

  beforeEach(async () => {
    ({ store, close } = await tempStore());
    graph = fakeGraph();
    now = Date.now();
    service = createCallingService({
      store,
      graph,
      logger: testLogger(),
      appId: 'app',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
      clock: { now: () => now },
      // Long poll intervals: the test drives the runner by moving the clock and waiting for the poll.
      timing: {
        keepAliveIntervalMs: 15 * 60_000,
        reconcileSilenceMs: 20 * 60_000,
        reconcileIntervalMs: 5 * 60_000,
        jobPollMs: 50,
      },
    });
    await service.start();
  });
  afterEach(async () => {
    await service.stop();
    await close();
  });

  async function establishedCall(id: string): Promise<void> {
    await service.inbox.accept(batch(callNote(id, 'established')));
    await service.waitForState(id, 'established', 3000);
  }

  it('sends a keepAlive when one is due and schedules the next one', async () => {
    const id = 'aaaaaaaa-1111-4222-8333-000000000001';
    await establishedCall(id);
    const [job] = await store.jobs.list({ kind: 'calling.keepAlive' });
    assert.ok(job, 'a keepAlive job exists');
    assert.equal(job.dueAt, now + 15 * 60_000);
    now += 15 * 60_000 + 1;
    await eventually(() => graph.requests.some((r) => r.method === 'keepAlive' && r.callId === id));
    await eventually(
      async () => (await store.jobs.list({ kind: 'calling.keepAlive' }))[0]?.dueAt === now + 15 * 60_000,
    );
    assert.equal((await service.getCall(id))?.state, 'established');
  });

  it('ends the call locally with reason gone when keepAlive answers 404', async () => {
    const id = 'aaaaaaaa-1111-4222-8333-000000000002';
    await establishedCall(id);
    graph.keepAlive = async (callId) => {
      throw gone(callId);
    };
    const ended: string[] = [];
    service.on('terminated', (e) => void ended.push(e.reason));
    now += 15 * 60_000 + 1;
    const done = await service.waitForState(id, 'terminated', 3000);
    assert.equal(done.end?.reason, 'gone');
    await eventually(() => ended.length === 1);
    assert.deepEqual(ended, ['gone']);
    await eventually(async () => (await store.jobs.list({ kind: 'calling.keepAlive' })).length === 0);
  });

  it('reconciles silent calls: a 404 ends one, an answer refreshes the other', async () => {
    const lost = 'aaaaaaaa-1111-4222-8333-000000000003';
    const alive = 'aaaaaaaa-1111-4222-8333-000000000004';
    await service.inbox.accept(batch(callNote(lost, 'establishing'), callNote(alive, 'establishing')));
    await eventually(async () => (await service.listCalls({ active: true })).length === 2);
    graph.getCall = async (callId) => {
      graph.requests.push({ method: 'getCall', callId });
      if (callId === lost) throw gone(callId);
      return { id: callId, state: 'established' };
    };
    now += 21 * 60_000;
    await service.waitForState(lost, 'terminated', 3000);
    const refreshed = await service.waitForState(alive, 'established', 3000);
    assert.equal(refreshed.state, 'established');
    assert.equal((await service.getCall(lost))?.end?.reason, 'gone');
    const summaries = (await service.timeline(alive)).map((e) => e.summary);
    assert.ok(
      summaries.some((s) => s.startsWith('local refresh')),
      summaries.join(' | '),
    );
  });
});
