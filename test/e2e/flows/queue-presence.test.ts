import assert from 'node:assert/strict';
import path from 'node:path';
import { person, script, until } from '../calling/harness';
import { callApp, notes, startFlowsHarness, type FlowsHarness } from './flows-harness';

const ROOT = path.resolve(__dirname, '../../..');

async function presence(h: FlowsHarness, personId: string, availability: string): Promise<void> {
  const res = await h.emu.control('PUT', `/emulator/people/${personId}/presence`, {
    availability,
    activity: availability,
  });
  assert.ok(res.status < 300, `presence: ${res.status}`);
}

interface EmuSubscription {
  id: string;
  resource: string;
  applicationId: string;
}

/** The emulator's presence subscriptions. */
async function presenceSubscriptions(h: FlowsHarness): Promise<EmuSubscription[]> {
  const res = await h.emu.control<{ value: EmuSubscription[] }>('GET', '/emulator/subscriptions');
  return res.body.value.filter((s) => /presences/.test(s.resource));
}

/** The agents rung so far (the store's ring attempts). */
async function rung(h: FlowsHarness): Promise<string[]> {
  const rows = await h.app.store.db.selectFrom('queue_ring_attempts').select('agent_id').execute();
  return rows.map((r) => r.agent_id);
}

describe('queue e2e: an agent who becomes Available is rung at once', function () {
  this.timeout(120_000);
  let h: FlowsHarness;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-queue.yaml', {
      app: { QUEUES_CONFIG: path.join(ROOT, 'test/fixtures/flows/queues-presence.yaml') },
    });
  });
  after(async () => h?.stop());

  it('Graph removing the subscription makes the app subscribe again', async () => {
    await until(async () => (await presenceSubscriptions(h)).length === 1, 'the app to subscribe', 15_000);
    const [first] = await presenceSubscriptions(h);
    assert.ok(first);
    const res = await h.emu.control('POST', `/emulator/subscriptions/${first.id}/lifecycle`, {
      event: 'subscriptionRemoved',
    });
    assert.equal(res.status, 200);
    await until(
      async () => (await presenceSubscriptions(h)).some((s) => s.id !== first.id),
      'a new subscription',
      15_000,
    );
    const now = await presenceSubscriptions(h);
    assert.equal(now.length, 1, 'one subscription, the old one gone');
    assert.equal(now[0]?.resource, first.resource);
    // Graph creates the subscription before its answer reaches the app, which then stores it.
    const storedId = async () =>
      (await h.app.store.kv.get<{ id: string }>('calling.queues.presence', 'subscription'))?.value.id;
    await until(
      async () => (await storedId()) === now[0]?.id,
      'every instance to find the new one in the store',
      10_000,
    );
  });

  // Runs on the subscription made again above: the removed one can no longer bring Diego in.
  it('a presence change to Available rings the agent without waiting for the next round', async () => {
    const diego = person(h, 'Diego Siciliani');
    await presence(h, diego.id, 'DoNotDisturb');
    await script(h, diego.id, { onRing: 'answer', answerAfterMs: 500 });
    const megan = person(h, 'Megan Bowen');
    await script(h, megan.id, { onRing: 'answer' });
    const call = await callApp(h, megan.id);
    await until(async () => (await notes(h, call)).some((n) => /waiting/.test(n)), 'Megan waits', 30_000);
    // The caller's first offer has come and gone: nobody was Available.
    await new Promise((r) => setTimeout(r, 2000));
    assert.deepEqual(await rung(h), [], 'nobody in Do not disturb was rung');

    const changed = Date.now();
    await presence(h, diego.id, 'Available');
    // The next announcement round is 120 s away: only the presence notification can bring Diego in now.
    await until(async () => (await rung(h)).includes(diego.id.toLowerCase()), 'Diego to be rung', 15_000);
    assert.ok(Date.now() - changed < 15_000);
  });
});
