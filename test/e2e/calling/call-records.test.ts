// Graph call records end to end, app and emulator over loopback: the app subscribes to call records
// once it listens; a call made and ended in the emulator becomes a record, whose notification makes
// the app fetch and store it, and /api/tab/history shows it to the people who were on it. A record that
// appeared while the app was not running is found by the reconcile on start. A notification with
// another clientState is refused, and the same notification twice stores the record once.
import assert from 'node:assert/strict';
import path from 'node:path';
import { RECORDS_KV, type RecordSubscriptionState } from '../../../calling/records';
import { createEntra } from '../../../emulator/entra';
import { createCallRecordSummaries } from '../../../store';
import type { TestApp } from '../../helpers/app';
import type { RunningEmulator } from '../../helpers/emulator';
import { GraphTestClient, WebhookReceiver, callState, request } from '../../helpers/graph-test-client';
import { useStack } from '../../helpers/stack';
import { p2pBody } from '../emulator/fixture';
import { person, script, until } from './harness';

const AUDIENCE = 'api://localhost/call-records-e2e';

describe('calling e2e: Graph call records feed the tab history', function () {
  this.timeout(90_000);
  const stack = useStack({ emulator: { EMULATOR_CALLRECORD_DELAY_MS: '300' }, app: false });
  let emu: RunningEmulator;
  let app: TestApp | undefined;
  let tokenFor: (personId: string) => Promise<string>;
  const start = () => stack.startApp({ TAB_API_AUDIENCE: AUDIENCE });

  async function history(a: TestApp, personId: string) {
    const res = await request(`${a.url}/api/tab/history?days=1`, {
      headers: { authorization: `Bearer ${await tokenFor(personId)}` },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as { totals: { calls: number; totalSeconds: number } };
  }

  const subscription = async (a: TestApp) =>
    (await a.app.store.kv.get<RecordSubscriptionState>(RECORDS_KV, 'subscription'))?.value;

  before(async () => {
    emu = stack.emu;
    const tenant = (await emu.control('GET', '/emulator/tenant')).body;
    const entra = await createEntra({
      publicBase: emu.url,
      dataDir: path.dirname(emu.caPath),
      tenant: () => tenant,
      now: Date.now,
    });
    tokenFor = (personId) => entra.mintUserToken(personId, { audience: AUDIENCE, appId: emu.appId });
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('stores the record of a call the app made and shows it in the history of who was on it', async () => {
    app = await start();
    const a = app;
    await until(async () => (await subscription(a)) !== undefined, 'the call-record subscription', 20_000);
    const made = (await subscription(a))!;
    const subs = (await emu.control('GET', '/emulator/subscriptions')).body.value as Array<{
      id: string;
      resource: string;
      clientState: string;
    }>;
    const held = subs.find((s) => s.id === made.id);
    assert.equal(held?.resource, '/communications/callRecords');
    assert.equal(held?.clientState, made.clientState);

    const alex = person({ emu }, 'Alex Wilber');
    const megan = person({ emu }, 'Megan Bowen');
    await script({ emu }, alex.id, { onRing: 'answer', answerAfterMs: 100 });
    const calling = a.app.calling!;
    const call = await calling.placeCall({ to: { user: alex.id } });
    await calling.waitForState(call.id, 'established', 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    await calling.hangUp(call.id);
    await calling.waitForState(call.id, 'terminated', 10_000);
    const chain = (await emu.control('GET', `/emulator/calls/${call.id}`)).body.resource
      .callChainId as string;

    const records = createCallRecordSummaries(a.app.store);
    await until(async () => (await records.get(chain)) !== undefined, 'the record stored', 20_000);
    const stored = await records.get(chain);
    assert.equal(stored?.type, 'peerToPeer');
    assert.equal(stored?.version, 1);
    assert.deepEqual(stored?.participantIds, [alex.id]);

    const seen = await history(a, alex.id);
    assert.equal(seen.totals.calls, 1);
    assert.ok(seen.totals.totalSeconds >= 1, `the call lasted (${seen.totals.totalSeconds} s)`);
    assert.equal((await history(a, megan.id)).totals.calls, 0);

    // The same notification again, and one with another clientState: still one record, nothing new.
    const state = (await subscription(a))!;
    const notice = (clientState: string, id: string) => ({
      value: [
        {
          subscriptionId: state.id,
          clientState,
          changeType: 'created',
          resource: `communications/callRecords/${id}`,
          tenantId: emu.tenantId,
          resourceData: { '@odata.type': '#Microsoft.Graph.callRecord', id },
        },
      ],
    });
    const post = (body: unknown) => request(`${a.url}/api/notifications`, { method: 'POST', body });
    assert.equal((await post(notice(state.clientState, chain))).status, 202);
    assert.equal((await post(notice('forged', 'not-a-record'))).status, 202);
    const fetches = async () => (await a.app.store.jobs.list({ kind: 'calling.records.fetch' })).length;
    await until(async () => (await fetches()) === 0, 'the repeated record fetched again');
    assert.equal((await history(a, alex.id)).totals.calls, 1);
    assert.ok(
      a.logs.some((l) => String(l['msg']).includes('call-record notifications refused')),
      'the forged notification was refused',
    );
  });

  it('finds a record that appeared while the app was not running, by the reconcile on start', async () => {
    const diego = person({ emu }, 'Diego Siciliani');
    await script({ emu }, diego.id, { onRing: 'answer', answerAfterMs: 100 });
    // The app is down: the call is placed by its registration directly, as another instance would.
    const hook = await WebhookReceiver.listen();
    const graph = new GraphTestClient(emu);
    try {
      const res = await graph.call('POST', '/communications/calls', p2pBody(hook.url, diego.id));
      assert.equal(res.status, 201, JSON.stringify(res.body));
      await hook.waitFor(callState(res.body.id, 'established'));
      await graph.call('DELETE', `/communications/calls/${res.body.id}`);
      await hook.waitFor(callState(res.body.id, 'terminated'));
    } finally {
      await hook.stop();
    }
    await emu.control('POST', '/emulator/records/flush');

    app = await start();
    const a = app;
    await until(
      async () => (await history(a, diego.id)).totals.calls === 1,
      "Diego's record reconciled",
      20_000,
    );
  });
});
