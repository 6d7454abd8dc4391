import assert from 'node:assert/strict';
import path from 'node:path';
import { person, script, until } from '../calling/harness';
import { callApp, ended, notes, startFlowsHarness, type FlowsHarness } from './flows-harness';

const ROOT = path.resolve(__dirname, '../../..');

interface Attempt {
  readonly call_id: string;
  readonly agent_id: string;
  readonly started_at: number;
  readonly ended_at: number | null;
  readonly outcome: string | null;
  readonly handled_ms: number | null;
}

/** Every ring attempt the store kept, oldest first. */
async function attempts(h: FlowsHarness): Promise<Attempt[]> {
  const rows = await h.app.store.db
    .selectFrom('queue_ring_attempts')
    .selectAll()
    .orderBy('started_at')
    .execute();
  return rows.map((r) => ({
    ...r,
    started_at: Number(r.started_at),
    ended_at: r.ended_at === null ? null : Number(r.ended_at),
    handled_ms: r.handled_ms === null ? null : Number(r.handled_ms),
  }));
}

async function presence(h: FlowsHarness, personId: string, availability: string): Promise<void> {
  const res = await h.emu.control('PUT', `/emulator/people/${personId}/presence`, {
    availability,
    activity: availability,
  });
  assert.ok(res.status < 300, `presence: ${res.status}`);
}

/** What the prompts played on a call said (the emulator's captions). */
async function captions(h: FlowsHarness, callId: string): Promise<string[]> {
  const t = (await h.emu.control<unknown>('GET', `/emulator/calls/${callId}/timeline`)).body;
  const entries = (Array.isArray(t) ? t : ((t as { value?: unknown[] }).value ?? [])) as Array<{
    event?: string;
    prompts?: Array<{ text?: string }>;
  }>;
  return entries.flatMap((e) =>
    e.event === 'prompt-playing' ? (e.prompts ?? []).map((p) => p.text ?? '') : [],
  );
}

/** When the caller was put through to an agent (the note the queue flow writes), if they were. */
async function connectedAt(h: FlowsHarness, callId: string): Promise<number | undefined> {
  const t = await h.calling.timeline(callId);
  return t.find((e) => / is talking to the caller/.test(e.summary))?.at;
}

/** No agent had two rings going at once. */
function neverRungTwice(all: readonly Attempt[]): void {
  for (const a of all)
    for (const b of all) {
      if (a === b || a.agent_id !== b.agent_id) continue;
      const overlap = a.started_at < (b.ended_at ?? Infinity) && b.started_at < (a.ended_at ?? Infinity);
      assert.ok(!overlap, `agent ${a.agent_id} was rung for ${a.call_id} and ${b.call_id} at once`);
    }
}

describe('queue e2e: agents are rung for the waiting callers', function () {
  this.timeout(240_000);
  let h: FlowsHarness;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-queue.yaml', {
      app: { QUEUES_CONFIG: path.join(ROOT, 'test/fixtures/flows/queues-ring.yaml') },
    });
  });
  after(async () => h?.stop());
  // A test that fails leaves no caller on the line for the next one.
  afterEach(async () => {
    for (const c of await h.calling.listCalls({ active: true }))
      await h.emu.control('POST', `/emulator/calls/${c.id}/hangup`, {});
    await until(
      async () => (await h.calling.listCalls({ active: true })).length === 0,
      'every call to end',
      30_000,
    );
  });

  it('three callers, two agents: places announced, nobody in Do not disturb rung, the first free agent takes the longest-waiting caller', async () => {
    const adele = person(h, 'Adele Vance');
    const diego = person(h, 'Diego Siciliani');
    // Nobody may be rung while the callers arrive, and Adele never: Do not disturb is never rung.
    await presence(h, adele.id, 'DoNotDisturb');
    await presence(h, diego.id, 'DoNotDisturb');
    await script(h, diego.id, { onRing: 'answer', answerAfterMs: 500, hangUpAfterMs: 3000 });
    const callers: string[] = [];
    for (const name of ['Megan Bowen', 'Nestor Wilke', 'Lidia Holloway']) {
      const who = person(h, name);
      await script(h, who.id, { onRing: 'answer' });
      callers.push(await callApp(h, who.id));
      await until(
        async () => (await notes(h, callers.at(-1)!)).some((n) => /waiting/.test(n)),
        `${name} waits`,
        30_000,
      );
    }
    const [c1, c2, c3] = callers as [string, string, string];
    // Text prompts are files named by a hash: the emulator's captions say what was spoken.
    await until(
      async () => JSON.stringify(await captions(h, c3)).includes('You are number 3 in the queue'),
      'the third caller to hear they are number 3',
      30_000,
    );
    assert.ok(
      (await captions(h, c2)).some((t) => t.startsWith('You are number 2 in the queue.')),
      `the second caller heard they are number 2: ${(await captions(h, c2)).join(' | ')}`,
    );
    assert.deepEqual(await attempts(h), [], 'no agent in Do not disturb was rung');

    // Diego comes back; the next announcement round offers him (and each call he ends, the next caller).
    await presence(h, diego.id, 'Available');
    for (const c of callers)
      await until(async () => (await connectedAt(h, c)) !== undefined, `${c} put through`, 120_000);
    const at = await Promise.all(callers.map((c) => connectedAt(h, c)));
    assert.ok(
      at[0]! < at[1]! && at[1]! < at[2]!,
      `callers are put through in arrival order: ${at.join(', ')}`,
    );
    const all = await attempts(h);
    neverRungTwice(all);
    assert.deepEqual(
      all.filter((a) => a.outcome === 'answered').map((a) => a.call_id),
      [c1, c2, c3],
    );
    assert.ok(
      all.every((a) => a.agent_id === diego.id.toLowerCase()),
      'Adele (Do not disturb) was never rung',
    );
    for (const c of callers) {
      const lines = await notes(h, c);
      assert.ok(
        !lines.some((l) => /the caller hung up/.test(l)),
        `${c} stayed on the line until put through`,
      );
      await ended(h, c, 30_000);
    }
    // Each call's end frees Diego and keeps how long it took (for the expected waits).
    await until(
      async () =>
        (await attempts(h)).filter((a) => a.outcome === 'answered' && (a.handled_ms ?? 0) > 2000).length ===
        3,
      'the handling time of every call to be kept',
      15_000,
    );
  });

  it('an agent who declines is skipped: the next one is rung and the caller never notices', async () => {
    const adele = person(h, 'Adele Vance');
    const diego = person(h, 'Diego Siciliani');
    await presence(h, adele.id, 'Available');
    await presence(h, diego.id, 'Available');
    await script(h, adele.id, { onRing: 'decline', answerAfterMs: 500 });
    await script(h, diego.id, { onRing: 'answer', answerAfterMs: 500, hangUpAfterMs: 3000 });
    const megan = person(h, 'Megan Bowen');
    const c = await callApp(h, megan.id);
    await until(async () => (await connectedAt(h, c)) !== undefined, 'the caller put through', 60_000);
    const mine = (await attempts(h)).filter((a) => a.call_id === c);
    assert.deepEqual(
      mine.map((a) => [a.agent_id, a.outcome]),
      [
        [adele.id.toLowerCase(), 'declined'],
        [diego.id.toLowerCase(), 'answered'],
      ],
      'Adele (first in order) declined and was skipped',
    );
    const heard = await captions(h, c);
    assert.ok(
      !heard.some((t) => /sorry|not available|try again/i.test(t)),
      `the caller heard only the queue: ${heard.join(' | ')}`,
    );
    await ended(h, c, 30_000);
  });

  it('an agent who goes Do not disturb stops being rung', async () => {
    const adele = person(h, 'Adele Vance');
    const diego = person(h, 'Diego Siciliani');
    await presence(h, adele.id, 'Available');
    await presence(h, diego.id, 'DoNotDisturb');
    await script(h, adele.id, { onRing: 'ignore' });
    const megan = person(h, 'Megan Bowen');
    const c = await callApp(h, megan.id);
    const before = (await attempts(h)).length;
    await until(async () => (await attempts(h)).length > before, 'Adele to be rung', 60_000);
    await presence(h, adele.id, 'DoNotDisturb');
    const dndAt = Date.now();
    // The ring going on runs out; no new one starts once presence is read again (kept at most 2 s).
    await new Promise((r) => setTimeout(r, 25_000));
    const late = (await attempts(h)).filter((a) => a.call_id === c && a.started_at > dndAt + 2500);
    assert.deepEqual(late, [], 'nobody in Do not disturb was rung');
    const mine = (await attempts(h)).filter((a) => a.call_id === c);
    assert.ok(
      mine.every((a) => a.agent_id === adele.id.toLowerCase()),
      'Diego (Do not disturb) was never rung',
    );
    assert.equal(mine[0]?.outcome, 'unanswered', 'the ring Adele let run was hung up at ringSeconds');
  });
});
