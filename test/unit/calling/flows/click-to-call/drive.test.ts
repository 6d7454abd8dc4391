import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CallOperationError,
  type CallView,
  type CoreLogger,
  type OperationView,
} from '../../../../../calling';
import {
  CONNECT_NS,
  DEFAULT_CLICK_TO_CALL_TIMING,
  type ConnectCalling,
  type ConnectContext,
} from '../../../../../calling/flows/click-to-call/context';
import { driveConnect } from '../../../../../calling/flows/click-to-call/drive';
import { finishFromCall } from '../../../../../calling/flows/click-to-call/finish';
import type { ClickToCallFlow, ConnectRecord } from '../../../../../calling/flows/click-to-call/types';
import { openStore, type Store } from '../../../../../store';

const silent: CoreLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

const A = '2c0fd3f4-495a-4f8d-9668-9ce043008303';
const B = '62b4348f-61e0-438d-8a47-96987bef5cef';

/** One call as the calling service would show it, with the actions the drive takes recorded. */
function fakeCall(
  state: string,
  flow: ClickToCallFlow,
  opts: { ops?: OperationView[]; transferFails?: boolean } = {},
) {
  const did: string[] = [];
  const view = { id: 'call-a', state, flow, direction: 'outgoing' } as unknown as CallView & {
    flow: unknown;
  };
  const op = (kind: string): OperationView =>
    ({ id: `op-${kind}`, callId: 'call-a', kind, status: 'completed' }) as unknown as OperationView;
  const calling: ConnectCalling = {
    placeCall: async () => view,
    getCall: async () => view,
    async saveFlow(_id, f) {
      did.push(`save:${(f as ClickToCallFlow).step}`);
      (view as { flow: unknown }).flow = f;
    },
    async playPrompt(_id, prompts) {
      did.push(`play:${[prompts].flat().join('+')}`);
      return op('playPrompt');
    },
    async transfer(_id, party) {
      did.push(`transfer:${'user' in party ? party.user : '?'}`);
      if (opts.transferFails)
        throw new CallOperationError('operation_failed', 'the transfer failed', {
          resultInfo: { code: 500, subcode: 7000 },
        });
      return op('transfer');
    },
    async hangUp() {
      did.push('hangUp');
    },
    operations: async () => opts.ops ?? [],
    async waitForOperation(id) {
      did.push(`wait:${id}`);
      return op('transfer');
    },
    timeline: async () => [],
    on: () => () => undefined,
  };
  return { calling, did, view };
}

describe('click-to-call: resuming and ending', function () {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-c2c-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setUp(
    calling: ConnectCalling,
    status: ConnectRecord['status'],
  ): Promise<{ ctx: ConnectContext; id: string }> {
    const record: ConnectRecord = {
      id: `c-${Math.random()}`,
      a: { kind: 'user', id: A, name: 'Megan Bowen' },
      b: { kind: 'user', id: B, name: 'Nestor Wilke' },
      requestedBy: { id: 'u-1' },
      status,
      callId: 'call-a',
      createdAt: 0,
      updatedAt: 0,
    };
    await store.kv.put(CONNECT_NS, record.id, record);
    const ctx: ConnectContext = {
      store,
      calling,
      logger: silent,
      timing: DEFAULT_CLICK_TO_CALL_TIMING,
      now: Date.now,
      owner: 'test',
    };
    return { ctx, id: record.id };
  }
  const record = async (id: string) => (await store.kv.get<ConnectRecord>(CONNECT_NS, id))?.value;
  const flow = (connectId: string, step: ClickToCallFlow['step']): ClickToCallFlow => ({
    kind: 'click-to-call',
    connectId,
    step,
  });

  it('from "ringing": marks A answered, announces B, transfers, records "connected"', async () => {
    const holder = fakeCall('established', flow('x', 'ringing'));
    const { ctx, id } = await setUp(holder.calling, 'calling');
    holder.view.flow = flow(id, 'ringing');
    await driveConnect(ctx, 'call-a');
    assert.deepEqual(holder.did, [
      'save:announcing',
      'play:connecting',
      'save:transferring',
      `transfer:${B}`,
    ]);
    const r = await record(id);
    assert.equal(r?.result, 'connected');
    assert.ok(r?.answeredAt);
  });

  it('resumed at "transferring" with the transfer already sent: waits for it, never sends a second', async () => {
    const ops = [
      { id: 'op-t', callId: 'call-a', kind: 'transfer', status: 'running' } as unknown as OperationView,
    ];
    const holder = fakeCall('transferring', flow('x', 'transferring'), { ops });
    const { ctx, id } = await setUp(holder.calling, 'transferring');
    holder.view.flow = flow(id, 'transferring');
    await driveConnect(ctx, 'call-a');
    assert.deepEqual(holder.did, ['wait:op-t']);
    assert.equal((await record(id))?.result, 'connected');
  });

  it('a failed transfer: "transfer-failed" with the code, A hears goodbye, the app hangs up', async () => {
    const holder = fakeCall('established', flow('x', 'transferring'), { transferFails: true });
    const { ctx, id } = await setUp(holder.calling, 'announcing');
    holder.view.flow = flow(id, 'transferring');
    await driveConnect(ctx, 'call-a');
    assert.deepEqual(holder.did, [`transfer:${B}`, 'play:goodbye', 'hangUp']);
    const r = await record(id);
    assert.equal(r?.result, 'transfer-failed');
    assert.match(r?.reason ?? '', /Nestor Wilke could not be reached \(500\/7000\)/);
  });

  it('reads how the call to A ended: busy, hung up after answering, handed over', async () => {
    const cases: Array<[Partial<CallView>, string[], string]> = [
      [
        { end: { reason: 'the callee is unreachable', resultInfo: { code: 480, subcode: 10076 } } },
        [],
        'busy',
      ],
      [
        { end: { reason: 'the other party hung up', resultInfo: { code: 200, subcode: 4521 } } },
        ['establishing → established'],
        'failed',
      ],
      [
        { end: { reason: 'the transfer completed', resultInfo: { code: 0, subcode: 7015 } } },
        ['establishing → established'],
        'connected',
      ],
    ];
    for (const [end, states, expected] of cases) {
      const holder = fakeCall('terminated', flow('x', 'ringing'));
      const { ctx, id } = await setUp(
        {
          ...holder.calling,
          timeline: async () => states.map((summary) => ({ kind: 'state', summary }) as never),
        },
        'calling',
      );
      await finishFromCall(ctx, id, { ...holder.view, state: 'terminated', ...end } as CallView);
      assert.equal((await record(id))?.result, expected, JSON.stringify(end));
    }
  });
});
