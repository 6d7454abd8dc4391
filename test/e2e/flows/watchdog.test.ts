import assert from 'node:assert/strict';
import { createFlowData } from '../../../store';
import { person, script, until } from '../calling/harness';
import { callApp, ended, ivrAt, notes, startFlowsHarness, type FlowsHarness } from './flows-harness';

const has = (lines: string[], re: RegExp) =>
  assert.ok(
    lines.some((l) => re.test(l)),
    `no line matches ${re}:\n${lines.join('\n')}`,
  );

// The IVR stops driving the call (a bug, a lost notification) while the caller is still on the line.
async function abandon(h: FlowsHarness, callId: string): Promise<void> {
  await until(
    async () => (await ivrAt(h, callId)).phase === 'listening',
    'the menu to wait for a key or a word',
  );
  // The IVR's position is its flow record: end its work there, as a flow that forgot the call would.
  // A step of its own may save in between; then the record's revision moved, so read it again.
  const flows = createFlowData(h.app.store).flows;
  const key = (await h.calling.getCall(callId))?.flowKey ?? callId;
  await until(async () => {
    const flow = await flows.get(key);
    if (!flow) throw new Error(`the call ${callId} has no flow record`);
    const state = { ...(flow.state as Record<string, unknown>), phase: 'done' };
    return flows.save(
      { ...flow, state, timers: {}, tasks: {}, rev: flow.rev + 1, updatedAt: Date.now() },
      flow.rev,
    );
  }, 'the IVR to stop without hanging up');
}

// The watchdog finds answered calls nothing drives any more and hands them to the fallback.
describe('watchdog e2e: an answered call no flow drives', function () {
  this.timeout(90_000);
  let h: FlowsHarness;

  before(async () => {
    h = await startFlowsHarness('test/fixtures/flows/frontdesk-open.yaml', {
      deps: { flows: { watchdog: { idleMs: 3000, intervalMs: 1000, pollMs: 200 } } },
    });
  });
  after(async () => h?.stop());
  afterEach(async () => h.flows.frontDesk.reset());

  it('no fallback person: the apology, then the app hangs up; the timeline says why', async () => {
    const lee = person(h, 'Lee Gu');
    await script(h, lee.id, { onRing: 'answer' });
    const callId = await callApp(h, lee.id);
    await abandon(h, callId);
    const end = await ended(h, callId, 30_000);
    const lines = await notes(h, callId);
    has(
      lines,
      /^watchdog: its ivr flow has nothing left to do for \d+ s; handing the caller to the fallback$/,
    );
    has(lines, /^ivr @inline: taking over the call \(watchdog: /);
    has(lines, /^ivr @inline\/sorry: the menu says so; hanging up$/);
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
  });

  it('a call that ended unheard (its terminated lost) is ended by asking Graph, not rescued', async () => {
    const joni = person(h, 'Joni Sherman');
    await script(h, joni.id, { onRing: 'answer' });
    const callId = await callApp(h, joni.id);
    await abandon(h, callId);
    await h.emu.control('POST', '/emulator/faults', { notifications: { drop: 1 } });
    await h.emu.control('POST', `/emulator/calls/${callId}/hangup`, {});
    const end = await ended(h, callId, 30_000);
    assert.equal(end?.reason, 'gone');
    const lines = await notes(h, callId);
    assert.ok(!lines.some((l) => /^watchdog:|@inline/.test(l)), lines.join('\n'));
  });

  it('the IVR said goodbye but could not hang up: the watchdog hangs up, without another apology', async () => {
    const megan = person(h, 'Megan Bowen');
    await script(h, megan.id, { onRing: 'answer' });
    const callId = await callApp(h, megan.id);
    await until(
      async () => (await ivrAt(h, callId)).phase === 'listening',
      'the menu to wait for a key or a word',
    );
    const prompts = async () => (await h.calling.operations(callId)).filter((o) => o.kind === 'playPrompt');
    const before = (await prompts()).length;
    await h.emu.control('POST', `/emulator/calls/${callId}/keys`, { tones: '0' });
    // Graph has taken the goodbye prompt: the next request is the hang-up.
    await until(async () => (await prompts())[before]?.status === 'running', 'the goodbye prompt');
    // The hang-up and both of its resends fail.
    await h.emu.control('POST', '/emulator/faults', { graph: { status: 500, count: 3 } });
    const end = await ended(h, callId, 30_000);
    const lines = await notes(h, callId);
    has(lines, /main\/goodbye: hanging up failed \(.*\); the watchdog will try again$/);
    has(lines, /^watchdog: .*; only a hang-up is left: hanging up$/);
    assert.ok(!lines.some((l) => /@inline/.test(l)), lines.join('\n'));
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
  });

  it("with the front desk's fallback person: the caller is put through", async () => {
    const { config } = await h.flows.frontDesk.current();
    await h.flows.frontDesk.update({ ...config, fallback: 'support' });
    const lidia = person(h, 'Lidia Holloway');
    await script(h, lidia.id, { onRing: 'answer' });
    const callId = await callApp(h, lidia.id);
    await abandon(h, callId);
    const end = await ended(h, callId, 30_000);
    const lines = await notes(h, callId);
    has(lines, /^watchdog: /);
    has(lines, /^ivr @inline\/putThrough: transferring to support$/);
    assert.deepEqual(end?.resultInfo, { code: 0, subcode: 7015 });
  });
});
