import assert from 'node:assert/strict';
import { person, script, until } from '../calling/harness';
import { callApp, ended, ivrAt, notes, pressAt, startFlowsHarness, type FlowsHarness } from './flows-harness';

const has = (lines: string[], re: RegExp) =>
  assert.ok(
    lines.some((l) => re.test(l)),
    `no line matches ${re}:\n${lines.join('\n')}`,
  );

async function fault(h: FlowsHarness, body: Record<string, unknown>): Promise<void> {
  const res = await h.emu.control('POST', '/emulator/faults', body);
  if (res.status >= 300) throw new Error(`faults: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Waits until the IVR waits for keys at `node`. The main menu listens for words too: then its recording
 * must be running, so that a fault set next meets the request the test means, not the recording's.
 */
const collectingAt = (h: FlowsHarness, callId: string, node: string, ms = 30_000) =>
  until(
    async () => {
      const at = await ivrAt(h, callId);
      if (at.node !== node) return false;
      if (at.phase === 'collecting') return true;
      if (at.phase !== 'listening') return false;
      const ops = await h.calling.operations(callId);
      return ops.some((o) => o.kind === 'record' && o.status === 'running');
    },
    `the IVR to wait for keys at ${node}`,
    ms,
  );

/**
 * Waits until the IVR's latest prompt plays at Graph (accepted, not only sent for) and no cancel is on its
 * way: the state says "prompting" as soon as the prompt is decided, before its request has left.
 */
const promptPlaying = (h: FlowsHarness, callId: string, node: string) =>
  until(async () => {
    const at = await ivrAt(h, callId);
    if (at.node !== node || at.phase !== 'prompting') return false;
    const ops = await h.calling.operations(callId);
    const prompts = ops.filter((o) => o.kind === 'playPrompt').sort((a, b) => a.createdAt - b.createdAt);
    const cancels = ops.filter((o) => o.kind === 'cancelMediaProcessing');
    const latest = prompts.at(-1);
    // The prompt a barge-in cut still shows running until its notification: only one asked for after
    // every cancel counts.
    return (
      latest?.status === 'running' &&
      cancels.every((c) => c.settledAt !== undefined && c.createdAt <= latest.createdAt)
    );
  }, `a prompt playing at ${node}`);

// A caller is never left in silence: what Graph fails is sent again when that is safe, and the caller
// then goes on through the menu; the app hangs up at the end as it would have.
describe('dead air e2e: Graph failures mid-menu do not leave a caller in silence', function () {
  this.timeout(120_000);
  let h: FlowsHarness;

  before(async () => {
    // Operations give up after 8 s, so a lost completion shows within a test's time.
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-open.yaml', {
      deps: { calling: { operationTimeoutMs: 8000 } },
    });
  });
  after(async () => h?.stop());
  afterEach(async () => fault(h, { graph: { status: 500, count: 0 } }));

  it('a Graph 500 on a menu prompt: the prompt is sent again and the menu goes on', async () => {
    const lee = person(h, 'Lee Gu');
    await script(h, lee.id, { onRing: 'answer' });
    const callId = await callApp(h, lee.id);
    await collectingAt(h, callId, 'main');
    await fault(h, { graph: { status: 500, count: 1 } });
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '*' });
    await until(async () => (await notes(h, callId)).some((l) => /sending it again/.test(l)), 'a resend');
    await collectingAt(h, callId, 'main');
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '0' });
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /^playPrompt refused: .*500/);
    has(lines, /ivr main\/main: a prompt failed \(.*\); sending it again, 1 of 2$/);
    has(lines, /main\/goodbye: the menu says so; hanging up/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 }, 'the app hung up after goodbye');
  });

  it('a Graph 502 on subscribeToTone right after answering: subscribed again, keys work', async () => {
    const nestor = person(h, 'Nestor Wilke');
    await script(h, nestor.id, { onRing: 'answer' });
    // The subscription follows the answer once the call is established (300 ms after establishing).
    const off = h.calling.on('stateChanged', (e) => {
      if (e.to === 'establishing') return fault(h, { graph: { status: 502, count: 1 } });
    });
    let callId: string;
    try {
      callId = await callApp(h, nestor.id);
      await pressAt(h, callId, 'main', '0');
    } finally {
      off();
    }
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /^subscribeToTone refused: .*502/);
    has(lines, /main\/main: caller entered "0"/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
    const subs = (await h.calling.operations(callId)).filter((o) => o.kind === 'subscribeToTone');
    assert.deepEqual(
      subs.map((o) => o.status),
      ['failed', 'completed'],
    );
  });

  it('a Graph 504 on the answer: Graph still shows the call ringing, so it is answered again', async () => {
    const isaiah = person(h, 'Isaiah Langer');
    await script(h, isaiah.id, { onRing: 'answer' });
    await fault(h, { graph: { status: 504, count: 1 } });
    const callId = await callApp(h, isaiah.id);
    await pressAt(h, callId, 'main', '0');
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /^answer refused: Graph timed out on POST .*\/answer \(504\)/);
    has(lines, /main\/main: caller entered "0"/);
    assert.deepEqual(
      (await h.calling.operations(callId)).filter((o) => o.kind === 'answer').map((o) => o.status),
      ['failed', 'completed'],
    );
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
  });

  it("a prompt's completion is lost: the operation times out, the prompt is sent again, the menu goes on", async () => {
    const lidia = person(h, 'Lidia Holloway');
    await script(h, lidia.id, { onRing: 'answer' });
    const callId = await callApp(h, lidia.id);
    await collectingAt(h, callId, 'main');
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '*' });
    // The key's own notification has arrived once the IVR plays the menu again; the next is the prompt's end.
    await until(async () => (await ivrAt(h, callId)).phase === 'prompting', 'the menu again');
    await fault(h, { notifications: { drop: 1 } });
    await until(
      async () => (await notes(h, callId)).some((l) => /sending it again/.test(l)),
      'a resend after the timeout',
      30_000,
    );
    await collectingAt(h, callId, 'main');
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '0' });
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /^playPrompt: no completion within 8 s; given up$/);
    has(lines, /main\/main: a prompt failed \(No completion .*\); sending it again, 1 of 2$/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
  });

  it('a barge-in whose cancel is held back by a 429 does not cancel the prompts that follow it', async () => {
    const henrietta = person(h, 'Henrietta Mueller');
    await script(h, henrietta.id, { onRing: 'answer' });
    const callId = await callApp(h, henrietta.id);
    await pressAt(h, callId, 'main', '4');
    // The extension prompt waits for the main menu's barge-in cancel: once it plays, the fault set next
    // meets the extension's own barge-in cancel, not that one or the prompt.
    await promptPlaying(h, callId, 'extension');
    // The barge-in's cancelMediaProcessing waits 3 s on a 429; the entry goes on meanwhile and fails,
    // so the invalid-entry prompt is sent while that cancel is still on its way.
    await fault(h, { graph: { status: 429, count: 1, retryAfterSeconds: 3 } });
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '100#' });
    await until(
      async () => (await notes(h, callId)).some((l) => /extension: invalid entry "100#"/.test(l)),
      'the invalid entry',
    );
    await collectingAt(h, callId, 'extension');
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '1002#' });
    const end = await ended(h, callId);
    const lines = await notes(h, callId);
    has(lines, /main\/extension: transferring to diego/);
    assert.ok(
      !lines.some((l) => /prompt failed/.test(l)),
      `the late cancel cut a prompt:\n${lines.join('\n')}`,
    );
    assert.deepEqual(end?.resultInfo, { code: 0, subcode: 7015 });
  });

  it('a prompt cancelled by something other than a barge-in is sent again', async () => {
    const joni = person(h, 'Joni Sherman');
    await script(h, joni.id, { onRing: 'answer' });
    const callId = await callApp(h, joni.id);
    await collectingAt(h, callId, 'main');
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '*' });
    await promptPlaying(h, callId, 'main');
    await h.calling.cancelMedia(callId);
    await collectingAt(h, callId, 'main');
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '0' });
    const end = await ended(h, callId);
    has(await notes(h, callId), /main\/main: a prompt failed \(.*cancel.*\); sending it again, 1 of 2$/i);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
  });

  it('a prompt Graph keeps refusing: the caller goes to the fallback and the app hangs up', async () => {
    const alex = person(h, 'Alex Wilber');
    await script(h, alex.id, { onRing: 'answer' });
    const callId = await callApp(h, alex.id);
    await collectingAt(h, callId, 'main');
    // Graph fails every request until the caller has gone to the fallback.
    await fault(h, { graph: { status: 502, count: 50 } });
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '*' });
    await until(
      async () => (await notes(h, callId)).some((l) => /; fallback: /.test(l)),
      'the fallback',
      30_000,
    );
    await fault(h, { graph: { status: 502, count: 0 } });
    const end = await ended(h, callId, 60_000);
    const lines = await notes(h, callId);
    has(lines, /main\/main: a prompt failed \(.*\); sending it again, 2 of 2$/);
    has(lines, /main\/main: a prompt failed \(.*\); fallback: goodbye and hang up$/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 }, 'the app hung up');
  });
});

// Graph rings a transfer's target for 60 s, then reports the failure; the app's own wait outlasts that,
// so the menu's onFail prompt is played on a call that is back in established, not refused mid-transfer.
describe('dead air e2e: a transfer nobody answers', function () {
  this.timeout(150_000);
  let h: FlowsHarness;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-open.yaml');
  });
  after(async () => h?.stop());

  it('rings out at 60 s: the "unavailable" prompt plays, then goodbye and the app hangs up', async () => {
    const alex = person(h, 'Alex Wilber');
    const grady = person(h, 'Grady Archie');
    await script(h, alex.id, { onRing: 'ignore' });
    await script(h, grady.id, { onRing: 'answer' });
    try {
      const callId = await callApp(h, grady.id);
      await pressAt(h, callId, 'main', '2');
      const end = await ended(h, callId, 100_000);
      const lines = await notes(h, callId);
      has(lines, /ivr main\/support: transfer failed: .*; go to unavailable$/);
      has(lines, /main\/goodbye: the menu says so; hanging up/);
      assert.ok(!lines.some((l) => /fallback|prompt failed/.test(l)), lines.join('\n'));
      assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
    } finally {
      await script(h, alex.id, { onRing: 'answer', answerAfterMs: 1500 });
    }
  });
});
