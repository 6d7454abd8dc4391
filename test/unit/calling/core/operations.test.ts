import assert from 'node:assert/strict';
import { createCallingService, CallOperationError } from '../../../../calling/core';
import type { CallingService } from '../../../../calling/core';
import type { Store } from '../../../../store';
import {
  batch,
  callNote,
  eventually,
  fakeGraph,
  opNote,
  tempStore,
  testLogger,
  TENANT,
  type FakeGraph,
} from './fakes';

describe('awaitable operations (SQLite store)', function () {
  this.timeout(10_000);
  let store: Store;
  let close: () => Promise<void>;
  let graph: FakeGraph;
  let service: CallingService;
  let callId: string;

  beforeEach(async () => {
    ({ store, close } = await tempStore());
    graph = fakeGraph();
    service = createCallingService({
      store,
      graph,
      logger: testLogger(),
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
      timing: { operationTimeoutMs: 2000 },
    });
    await service.start();
    const call = await service.placeCall({ to: { user: 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902' } });
    callId = call.id;
    await service.inbox.accept(batch(callNote(callId, 'established')));
    await service.waitForState(callId, 'established', 3000);
  });

  afterEach(async () => {
    await service.stop();
    await close();
  });

  const lastOpId = () => {
    const r = graph.requests.at(-1);
    return (r?.body as { clientContext: string }).clientContext;
  };

  it('settles at once when Graph returns the operation already completed', async () => {
    graph.nextOperation = (cc) => ({
      operation: { id: 'op-now', status: 'completed', clientContext: cc } as never,
    });
    const op = await service.subscribeToTone(callId);
    assert.equal(op.status, 'completed');
    assert.equal(op.kind, 'subscribeToTone');
    assert.equal(op.graphId, 'op-now');
  });

  it('settles when the completion notification is processed later, matched by operation id', async () => {
    graph.nextOperation = () => ({
      location: `https://graph/v1.0/communications/calls/${callId}/operations/ABCDEF`,
    });
    const pending = service.playPrompt(callId, ['welcome', 'https://cdn.example/x.wav']);
    await eventually(() => graph.requests.some((r) => r.method === 'playPrompt'));
    const body = graph.requests.find((r) => r.method === 'playPrompt')?.body as {
      prompts: Array<{ mediaInfo: { uri: string } }>;
    };
    assert.deepEqual(
      body.prompts.map((p) => p.mediaInfo.uri),
      ['https://app.example/prompts/welcome.wav', 'https://cdn.example/x.wav'],
    );
    await new Promise((r) => setTimeout(r, 50));
    await service.inbox.accept(
      batch(opNote(callId, 'ABCDEF', 'completed', { resultInfo: { code: 200, subcode: 0 } })),
    );
    const op = await pending;
    assert.equal(op.status, 'completed');
    assert.deepEqual(op.resultInfo, { code: 200, subcode: 0 });
  });

  it('settles when the completion arrives before the action answered (orphan), by clientContext', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    graph.nextOperation = undefined;
    const original = graph.playPrompt;
    graph.playPrompt = async (id, body, ctx) => {
      await gate;
      return original(id, body, ctx);
    };
    const pending = service.playPrompt(callId, 'goodbye');
    await eventually(async () => (await service.operations(callId)).some((o) => o.kind === 'playPrompt'));
    const ours = (await service.operations(callId)).find((o) => o.kind === 'playPrompt')!;
    await service.inbox.accept(
      batch(opNote(callId, 'unrelated-graph-id', 'completed', { clientContext: ours.id })),
    );
    await eventually(async () => (await service.operations(callId)).some((o) => o.status === 'completed'));
    release();
    const op = await pending;
    assert.equal(op.id, ours.id);
    assert.equal(op.status, 'completed');
  });

  it('keeps a completion for an unknown operation id and hands it over when the action answers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    graph.nextOperation = (cc) => ({
      operation: { id: '9D2C0000AAAA4BBB8CCCDDDDDDDDDDDD', status: 'running', clientContext: cc } as never,
    });
    const original = graph.recordResponse;
    graph.recordResponse = async (id, body, ctx) => {
      await gate;
      return original(id, body, ctx);
    };
    const pending = service.record(callId, { maxRecordDurationInSeconds: 3 });
    await eventually(async () => (await service.operations(callId)).some((o) => o.kind === 'record'));
    await service.inbox.accept(
      batch(
        opNote(callId, '9d2c0000-aaaa-4bbb-8ccc-dddddddddddd', 'completed', {
          '@odata.type': '#microsoft.graph.recordOperation',
          recordingLocation: 'https://media.example/rec/1',
          recordingAccessToken: 'tok',
          completionReason: 'maxRecordDurationReached',
        }),
      ),
    );
    await eventually(async () => (await service.operations(callId)).some((o) => o.id.startsWith('graph:')));
    release();
    const result = await pending;
    assert.equal(result.recordingLocation, 'https://media.example/rec/1');
    assert.equal(result.recordingAccessToken, 'tok');
    assert.equal(result.completionReason, 'maxRecordDurationReached');
    const ops = await service.operations(callId);
    assert.ok(!ops.some((o) => o.id.startsWith('graph:')), 'the orphan row was merged away');
  });

  it('rejects with operation_cancelled on 400/8508 and acts once on a repeated completion', async () => {
    const finished: string[] = [];
    service.on('operationFinished', (e) => void finished.push(e.operation.status));
    const pending = service.playPrompt(callId, 'menu');
    await eventually(() => graph.requests.some((r) => r.method === 'playPrompt'));
    await new Promise((r) => setTimeout(r, 30));
    const cc = lastOpId();
    const graphId = (await service.operations(callId)).find((o) => o.id === cc)!.graphId!;
    const failed = opNote(callId, graphId, 'failed', {
      clientContext: cc,
      resultInfo: { code: 400, subcode: 8508 },
    });
    await service.inbox.accept(batch(failed, failed));
    await assert.rejects(pending, (err: unknown) => {
      assert.ok(err instanceof CallOperationError);
      assert.equal(err.code, 'operation_cancelled');
      assert.deepEqual(err.resultInfo, { code: 400, subcode: 8508 });
      return true;
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(finished, ['failed']);
  });

  it('rejects with operation_timeout when no completion comes', async () => {
    await assert.rejects(service.playPrompt(callId, 'welcome', { timeoutMs: 150 }), (err: unknown) => {
      assert.ok(err instanceof CallOperationError);
      assert.equal(err.code, 'operation_timeout');
      return true;
    });
  });

  it('settles an operation that timed out, so no row stays open past its timeout', async () => {
    await assert.rejects(service.playPrompt(callId, 'welcome', { timeoutMs: 150 }));
    await eventually(async () =>
      (await service.operations(callId)).some((o) => o.kind === 'playPrompt' && o.status === 'failed'),
    );
    const timeline = (await service.timeline(callId)).map((e) => e.summary);
    assert.ok(timeline.includes('playPrompt: no completion within 150 ms; given up'), timeline.join('\n'));
  });

  it('rejects open operations with call_ended when the call terminates', async () => {
    const pending = service.playPrompt(callId, 'welcome');
    await eventually(() => graph.requests.some((r) => r.method === 'playPrompt'));
    await new Promise((r) => setTimeout(r, 30));
    await service.inbox.accept(
      batch(callNote(callId, 'terminated', { resultInfo: { code: 200, subcode: 4521 } })),
    );
    await assert.rejects(
      pending,
      (err: unknown) => err instanceof CallOperationError && err.code === 'call_ended',
    );
    const call = await service.getCall(callId);
    assert.equal(call?.end?.reason, 'the other party hung up');
  });

  it('lets another waiter (another instance) see an operation settled elsewhere', async () => {
    const pending = service.playPrompt(callId, 'welcome');
    await eventually(() => graph.requests.some((r) => r.method === 'playPrompt'));
    await new Promise((r) => setTimeout(r, 30));
    const cc = lastOpId();
    // Settle the row directly, as another instance's processing would.
    await store.db
      .updateTable('call_operations')
      .set({ status: 'completed', settled_at: Date.now() })
      .where('id', '=', cc)
      .execute();
    const [a, b] = await Promise.all([pending, service.waitForOperation(cc, 2000)]);
    assert.equal(a.status, 'completed');
    assert.equal(b.id, cc);
  });
});
