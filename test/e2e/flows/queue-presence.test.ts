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
