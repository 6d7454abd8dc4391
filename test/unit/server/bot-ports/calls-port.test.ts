import assert from 'node:assert/strict';
import type { CallTarget, LiveCall, Requester } from '../../../../bot';
import { createCallingService, type CallingService, type ConnectRequest } from '../../../../calling';
import { createCallsPort, type CallsPortOptions } from '../../../../server/bot-ports/calls-port';
import type { Store } from '../../../../store';
import {
  batch,
  callNote,
  eventually,
  fakeGraph,
  opNote,
  rosterNote,
  tempStore,
  testLogger,
  TENANT,
  type FakeGraph,
} from '../../calling/core/fakes';

const ADELE = 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902';
const MEGAN = 'b4a6d8f0-2c3e-4d7f-9a1b-c2d4e6f8a013';
const adele: CallTarget = { kind: 'person', person: { id: ADELE, displayName: 'Adele Vance' } };
const megan: CallTarget = { kind: 'person', person: { id: MEGAN, displayName: 'Megan Bowen' } };
const phone: CallTarget = { kind: 'phone', number: '+14255550123' };
const by: Requester = { aadObjectId: ADELE, name: 'Adele Vance' };

const inCall = (id: string, name: string, muted = false) => ({
  id: `p-${id}`,
  isMuted: muted,
  info: { identity: { user: { id, displayName: name } } },
});

const who = (c: LiveCall | undefined) =>
  (c?.participants ?? []).filter((p) => p.kind !== 'bot').map((p) => `${p.name}:${p.status}`);

describe('bot ports: calls rendered from the call model', function () {
  this.timeout(10_000);
  let store: Store;
  let close: () => Promise<void>;
  let graph: FakeGraph;
  let calling: CallingService;
  let port: ReturnType<typeof createCallsPort>;
  let updates: LiveCall[];

  async function setup(extra: Partial<CallsPortOptions> = {}) {
    port?.close();
    port = createCallsPort({
      calling,
      logger: { warn: () => undefined, info: () => undefined },
      ackWaitMs: 30,
      ...extra,
    });
    updates = [];
    port.subscribe((c) => void updates.push(c));
  }

  beforeEach(async () => {
    ({ store, close } = await tempStore());
    graph = fakeGraph();
    calling = createCallingService({
      store,
      graph,
      logger: testLogger(),
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      appName: 'Switchboard',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
    });
    await calling.start();
    await setup();
  });

  afterEach(async () => {
    port.close();
    await calling.stop();
    await close();
  });

  it('call a person: rung by name, connected, then ended "hung up by" whoever pressed Hang up', async () => {
    const placed = await port.placeCall(adele, by);
    assert.equal(placed.kind, 'p2p');
    assert.equal(placed.phase, 'ringing');
    assert.deepEqual(placed.requestedBy, by);
    assert.deepEqual(who(placed), ['Adele Vance:ringing']);
    await calling.inbox.accept(batch(callNote(placed.id, 'established')));
    const connected = await eventually(() => updates.some((u) => u.phase === 'connected')).then(() =>
      updates.find((u) => u.phase === 'connected'),
    );
    assert.ok(connected?.connectedAt);
    assert.deepEqual(who(connected), ['Adele Vance:joined']);
    await port.hangUp(placed.id, { name: 'Megan Bowen' });
    await calling.inbox.accept(
      batch(callNote(placed.id, 'terminated', { resultInfo: { code: 200, subcode: 5001 } })),
    );
    await eventually(() => updates.at(-1)?.phase === 'ended');
    const ended = updates.at(-1)!;
    assert.equal(ended.endReason, 'hung up by Megan Bowen');
    assert.deepEqual(who(ended), ['Adele Vance:left']);
    const versions = updates.map((u) => u.version!);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
    );
  });

  it('a declined call reads "declined", and nobody on it is still ringing', async () => {
    const placed = await port.placeCall(megan, by);
    await calling.inbox.accept(
      batch(callNote(placed.id, 'terminated', { resultInfo: { code: 480, subcode: 10134 } })),
    );
    await eventually(() => updates.at(-1)?.phase === 'ended');
    assert.equal(updates.at(-1)?.endReason, 'declined');
    assert.deepEqual(who(updates.at(-1)), ['Megan Bowen:declined']);
    assert.equal(updates.at(-1)?.participants.find((p) => p.name === 'Megan Bowen')?.statusWords, 'declined');
  });

  it('a group call follows the roster, a mute shows once the roster confirms it', async () => {
    const call = await port.placeGroupCall([adele, megan], by, 'Standup');
    assert.equal(call.kind, 'group');
    assert.equal(call.subject, 'Standup');
    await calling.inbox.accept(
      batch(callNote(call.id, 'established'), rosterNote(call.id, 'updated', [inCall(ADELE, 'Adele Vance')])),
    );
    await eventually(() => who(updates.at(-1)).join() === 'Adele Vance:joined,Megan Bowen:ringing');
    await port.muteParticipant(call.id, `p-${ADELE}`, by);
    const asked = await port.get(call.id);
    assert.equal(asked?.participants.find((p) => p.name === 'Adele Vance')?.mutePending, true);
    assert.equal(asked?.participants.find((p) => p.name === 'Adele Vance')?.muted, false);
    await calling.inbox.accept(batch(rosterNote(call.id, 'updated', [inCall(ADELE, 'Adele Vance', true)])));
    await eventually(
      () => updates.at(-1)?.participants.find((p) => p.name === 'Adele Vance')?.muted === true,
    );
  });

  it('an invitation that fails shows the invitee with the failure’s words', async () => {
    const call = await port.placeCall(adele, by);
    await calling.inbox.accept(batch(callNote(call.id, 'established')));
    await calling.waitForState(call.id, 'established', 3000);
    await port.invite(call.id, megan, by);
    assert.deepEqual(who(await port.get(call.id)), ['Adele Vance:joined', 'Megan Bowen:ringing']);
    const op = (await calling.operations(call.id)).find((o) => o.kind === 'invite')!;
    await calling.inbox.accept(
      batch(opNote(call.id, op.graphId!, 'failed', { resultInfo: { code: 486, subcode: 0 } })),
    );
    await eventually(() => who(updates.at(-1)).includes('Megan Bowen:busy'));
  });

  it('a phone number needs a resource account to call from', async () => {
    await assert.rejects(
      port.placeCall(phone, by),
      (e: Error & { code?: string }) => e.code === 'pstn_not_configured',
    );
    await setup({ pstnSource: { applicationInstance: 'ra-1', displayName: 'Front Desk' } });
    const call = await port.placeCall(phone, by);
    assert.equal(call.kind, 'pstn');
    assert.deepEqual(who(call), ['+14255550123:ringing']);
  });

  it('join a meeting and call people in once the bot is in it', async () => {
    const context = encodeURIComponent(JSON.stringify({ Tid: TENANT, Oid: ADELE }));
    const url = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=${context}`;
    const joined = await port.joinMeeting(url, by, [megan]);
    assert.equal(joined.kind, 'meeting');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(
      graph.requests.some((r) => r.method === 'invite'),
      false,
      'nobody is called before the bot is in',
    );
    await calling.inbox.accept(batch(callNote(joined.id, 'established')));
    await eventually(() => graph.requests.some((r) => r.method === 'invite'), 3000);
  });

  it('list and get read the model; close stops following calls', async () => {
    const a = await port.placeCall(adele, by);
    graph.createdId = '22222222-2222-4333-8444-555555555555';
    const b = await port.placeCall(megan, by);
    await calling.inbox.accept(
      batch(callNote(b.id, 'terminated', { resultInfo: { code: 408, subcode: 10057 } })),
    );
    await eventually(async () => (await port.listLive()).length === 1);
    assert.deepEqual(
      (await port.listLive()).map((c) => c.id),
      [a.id],
    );
    assert.equal((await port.get(b.id))?.endReason, 'no answer');
    port.close();
    const before = updates.length;
    await calling.inbox.accept(batch(callNote(a.id, 'established')));
    await calling.waitForState(a.id, 'established', 3000);
    assert.equal(updates.length, before);
  });

  it('connect goes through click-to-call, and the card says it is a connect call asked for by the requester', async () => {
    const asked: ConnectRequest[] = [];
    await setup({
      clickToCall: {
        async connect(req) {
          asked.push(req);
          const call = await calling.placeCall({ to: { user: req.a, displayName: req.aName ?? '' } });
          return {
            id: 'cc-1',
            a: { kind: 'user', id: req.a },
            b: { kind: 'user', id: req.b },
            requestedBy: req.requestedBy,
            status: 'calling',
            callId: call.id,
            createdAt: 0,
            updatedAt: 0,
          };
        },
      },
    });
    const live = await port.connect(adele, megan, by);
    assert.equal(asked[0]?.b, MEGAN);
    assert.equal(live.kind, 'connect');
    assert.equal(live.requestedBy?.name, 'Adele Vance');
    assert.deepEqual(who(live), ['Adele Vance:ringing']);
  });
});
