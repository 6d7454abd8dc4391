import assert from 'node:assert/strict';
import type { InboundBatch } from '../../../../calling';
import { parseNotifications } from '../../../../calling/webhook/parse-notifications';
import { CALLER, eachCallingService } from '../../../helpers/calling-service';
import { eventually, TENANT } from './fakes';

// Graph spells one id several ways across its own messages (SPEC §0.3): the app matches them all, and
// sends back the spelling Graph used, never one of its own.
const COMPACT = '57DAB8B1894C409AB240BD8BEAE78896';
const HYPHENATED = '57dab8b1-894c-409a-b240-bd8beae78896';
const OP_COMPACT = '8C7B6A5948374D2E9F1A0B2C3D4E5F60';
const OP_HYPHENATED = '8c7b6a59-4837-4d2e-9f1a-0b2c3d4e5f60';

/** A webhook batch, parsed as the edge parses it (so the ids arrive spelled as in the resourceUrl). */
function notified(...value: Array<Record<string, unknown>>): InboundBatch {
  const r = parseNotifications({ value });
  if (!r.ok) throw new Error(r.message);
  return { tenantId: TENANT, receivedAt: Date.now(), notifications: r.notifications };
}

const callChange = (
  urlId: string,
  state: string,
  extra: Record<string, unknown> = {},
  changeType = 'updated',
) => ({
  changeType,
  resourceUrl: `/communications/calls/${urlId}`,
  resourceData: { '@odata.type': '#microsoft.graph.call', state, ...extra },
});

describe('call and operation ids go back to Graph exactly as Graph spelled them', function () {
  this.timeout(10_000);
  let now: number;
  const fx = eachCallingService(() => {
    now = Date.now();
    return { clock: { now: () => now }, timing: { operationTimeoutMs: 3000, jobPollMs: 50 } };
  });

  const callIdsSent = () => fx.graph.requests.filter((r) => r.callId !== undefined).map((r) => r.callId);

  async function incoming(pathId: string, dataId?: string): Promise<void> {
    await fx.service.inbox.accept(
      notified(
        callChange(
          pathId,
          'incoming',
          { ...(dataId ? { id: dataId } : {}), direction: 'incoming', source: { identity: CALLER } },
          'created',
        ),
      ),
    );
    await fx.service.waitForState(HYPHENATED, 'incoming', 3000);
  }

  it('an incoming call notified with a compact upper-case id is answered, played to and hung up by that id', async () => {
    const seen: string[] = [];
    fx.service.on('incoming', (e) => void seen.push(e.call.id));
    // The resource path is how Graph addresses the call; its `id` property may be spelled otherwise.
    await incoming(COMPACT, HYPHENATED);
    assert.deepEqual(seen, [COMPACT]);

    const answering = fx.service.answer(HYPHENATED.toUpperCase());
    await eventually(() => fx.graph.requests.some((r) => r.method === 'answer'));
    // Graph's later notifications may spell the call the other way: the app keeps the first spelling.
    await fx.service.inbox.accept(notified(callChange(HYPHENATED, 'established')));
    await answering;
    const playing = fx.service.playPrompt(COMPACT.toLowerCase(), 'welcome');
    await eventually(() => fx.graph.requests.some((r) => r.method === 'playPrompt'));
    await fx.service.inbox.accept(
      notified({
        changeType: 'deleted',
        resourceUrl: `/communications/calls/${HYPHENATED}/operations/${OP_HYPHENATED}`,
        resourceData: {
          '@odata.type': '#microsoft.graph.playPromptOperation',
          status: 'completed',
          clientContext: (fx.graph.requests.at(-1)?.body as { clientContext: string }).clientContext,
        },
      }),
    );
    await playing;
    await fx.service.hangUp(HYPHENATED);

    assert.deepEqual(callIdsSent(), [COMPACT, COMPACT, COMPACT]);
    const view = await fx.service.getCall(COMPACT.toLowerCase());
    assert.equal(view?.id, COMPACT, 'the public id is the one Graph notified');
    assert.equal((await fx.service.getCall(HYPHENATED))?.id, COMPACT, 'any spelling finds the call');
  });

  it('a placed call keeps the spelling of the create answer, and every request carries it', async () => {
    fx.graph.createdId = COMPACT;
    const placed = await fx.service.placeCall({ to: { user: CALLER.user.id } });
    assert.equal(placed.id, COMPACT);
    const states: string[] = [];
    fx.service.on('stateChanged', (e) => void states.push(e.call.id));
    await fx.service.inbox.accept(notified(callChange(HYPHENATED, 'established')));
    await fx.service.waitForState(COMPACT, 'established', 3000);
    assert.deepEqual(states, [COMPACT], 'events name the call as placeCall did');

    fx.graph.nextOperation = (cc) => ({
      operation: { id: OP_COMPACT, status: 'running', clientContext: cc } as never,
    });
    const toning = fx.service.subscribeToTone(HYPHENATED);
    await eventually(() => fx.graph.requests.some((r) => r.method === 'subscribeToTone'));
    // The completion names the operation in the other spelling and carries no clientContext.
    await fx.service.inbox.accept(
      notified({
        changeType: 'deleted',
        resourceUrl: `/communications/calls/${HYPHENATED}/operations/${OP_HYPHENATED}`,
        resourceData: { '@odata.type': '#microsoft.graph.subscribeToToneOperation', status: 'completed' },
      }),
    );
    const op = await toning;
    assert.equal(op.graphId, OP_COMPACT, 'the operation id as Graph answered it');
    assert.equal(op.callId, COMPACT);
    assert.equal((await fx.service.operations(HYPHENATED))[0]?.graphId, OP_COMPACT);

    await fx.service.hangUp(COMPACT);
    assert.deepEqual(callIdsSent(), [COMPACT, COMPACT]);
  });

  it('a transfer replacing another call names that call as Graph spelled it', async () => {
    fx.graph.createdId = COMPACT;
    const consult = await fx.service.placeCall({ to: { user: CALLER.user.id } });
    fx.graph.createdId = '0AF1B2C3D4E54F6A8B9C0D1E2F3A4B5C';
    const first = await fx.service.placeCall({ to: { user: CALLER.user.id } });
    for (const id of [HYPHENATED, '0af1b2c3-d4e5-4f6a-8b9c-0d1e2f3a4b5c'])
      await fx.service.inbox.accept(notified(callChange(id, 'established')));
    await fx.service.waitForState(first.id, 'established', 3000);
    await fx.service.waitForState(consult.id, 'established', 3000);

    void fx.service
      .transfer(first.id, { user: CALLER.user.id }, { replacesCallId: HYPHENATED })
      .catch(() => {});
    await eventually(() => fx.graph.requests.some((r) => r.method === 'transfer'));
    const req = fx.graph.requests.find((r) => r.method === 'transfer');
    assert.equal(req?.callId, first.id);
    const body = req?.body as { transferTarget: { replacesCallId?: string } };
    assert.equal(body.transferTarget.replacesCallId, COMPACT);
  });

  it('keeps keepAlive on a call known by a compact id, and drops it when the call ends', async () => {
    await incoming(COMPACT);
    await fx.service.inbox.accept(notified(callChange(COMPACT, 'established')));
    await fx.service.waitForState(COMPACT, 'established', 3000);
    const jobs = async () => fx.store.jobs.list({ kind: 'calling.keepAlive' });
    await eventually(async () => (await jobs()).length === 1);
    now += 15 * 60_000 + 1;
    await eventually(() => fx.graph.requests.some((r) => r.method === 'keepAlive'));
    assert.equal(fx.graph.requests.find((r) => r.method === 'keepAlive')?.callId, COMPACT);
    await eventually(async () => (await jobs())[0]?.dueAt === now + 15 * 60_000);
    await fx.service.inbox.accept(
      notified(callChange(COMPACT, 'terminated', { resultInfo: { code: 200, subcode: 5001 } }, 'deleted')),
    );
    await fx.service.waitForState(COMPACT, 'terminated', 3000);
    await eventually(async () => (await jobs()).length === 0);
  });
});

describe('redirect carries the callbackUri, as the documented requests do', function () {
  this.timeout(10_000);
  const fx = eachCallingService();

  it('sends callbackUri with the targets', async () => {
    await fx.service.inbox.accept(
      notified(
        callChange(COMPACT, 'incoming', { direction: 'incoming', source: { identity: CALLER } }, 'created'),
      ),
    );
    await fx.service.waitForState(COMPACT, 'incoming', 3000);
    await fx.service.redirect(COMPACT, [{ user: '9b602b58-81c6-43ef-bb23-f7145adb1914' }]);
    const req = fx.graph.requests.find((r) => r.method === 'redirect');
    const body = req?.body as { callbackUri?: string; targets?: unknown[] };
    assert.equal(body.callbackUri, 'https://app.example/api/calls');
    assert.equal(body.targets?.length, 1);
  });
});
