import assert from 'node:assert/strict';
import path from 'node:path';
import { person, script, until } from '../calling/harness';
import { callApp, ended, notes, promptsPlayed, startFlowsHarness, type FlowsHarness } from './flows-harness';

const ROOT = path.resolve(__dirname, '../../..');

const has = (lines: string[], re: RegExp) =>
  assert.ok(
    lines.some((l) => re.test(l)),
    `no line matches ${re}:\n${lines.join('\n')}`,
  );

/** Waits until the call's queue flow has the caller waiting on the music. */
async function waiting(h: FlowsHarness, callId: string): Promise<void> {
  await until(
    async () => {
      const flow = await h.app.flowRuntime?.get(callId);
      return flow?.kind === 'queue' && (flow.state as { phase?: string }).phase === 'waiting';
    },
    'the caller to wait in the queue',
    30_000,
  );
}

describe('queue e2e: the front desk answers into the support queue (every agent in Do not disturb)', function () {
  this.timeout(150_000);
  let h: FlowsHarness;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-queue.yaml', {
      app: { QUEUES_CONFIG: path.join(ROOT, 'test/fixtures/flows/queues-short.yaml') },
    });
    // Agents in Do not disturb are never rung: the callers wait on the music until they stop waiting.
    for (const name of ['Alex Wilber', 'Adele Vance', 'Diego Siciliani']) {
      const res = await h.emu.control('PUT', `/emulator/people/${person(h, name).id}/presence`, {
        availability: 'DoNotDisturb',
        activity: 'DoNotDisturb',
      });
      assert.ok(res.status < 300, `presence of ${name}: ${res.status}`);
    }
  });
  after(async () => h?.stop());

  it('the hold music looped, key 1 to the message path and its card', async () => {
    const lee = person(h, 'Lee Gu');
    await script(h, lee.id, { onRing: 'answer' });
    const callId = await callApp(h, lee.id);
    await waiting(h, callId);
    await until(
      async () => (await promptsPlayed(h, callId)).filter((u) => /hold-music/.test(u)).length >= 3,
      'the music to loop',
      40_000,
    );
    const res = await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '1' });
    assert.ok(res.status < 300, `keys: ${res.status}`);
    const end = await ended(h, callId, 60_000);
    const lines = await notes(h, callId);
    has(lines, /^queue support: waiting \(front desk: /);
    has(lines, /queue support: caller pressed 1 to leave a message/);
    const card = h.posted.find((p) => /Lee Gu left a message in support/.test(p.card.title));
    assert.ok(card, `the message card: ${JSON.stringify(h.posted)}`);
    assert.match(card.card.text, /^Lee Gu waited \d+ seconds in the support queue\.$/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 }, 'the app hung up after thanking');
  });

  it('the longest wait takes a silent caller to the message path', async () => {
    const nestor = person(h, 'Nestor Wilke');
    await script(h, nestor.id, { onRing: 'answer' });
    const callId = await callApp(h, nestor.id);
    await waiting(h, callId);
    await ended(h, callId, 90_000);
    const lines = await notes(h, callId);
    has(lines, /queue support: waited 30 s: the message path/);
    assert.ok(h.posted.some((p) => /Nestor Wilke left a message in support/.test(p.card.title)));
  });
});
