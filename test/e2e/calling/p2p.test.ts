import assert from 'node:assert/strict';
import type { CallingEvents } from '../../../calling';
import { collect, person, script, until, useCallingStack } from './harness';

describe('calling e2e: outbound P2P call', function () {
  this.timeout(60_000);
  const h = useCallingStack();

  it('calls a person who answers, plays a prompt to the end, receives a key, hangs up with a reason', async () => {
    const adele = person(h, 'Adele Vance');
    await script(h, adele.id, { onRing: 'answer', answerAfterMs: 300 });
    const tones = collect<CallingEvents['tone']>((f) => h.calling.on('tone', f));
    const ended = collect<CallingEvents['terminated']>((f) => h.calling.on('terminated', f));

    const call = await h.calling.placeCall({
      to: { user: adele.id, displayName: 'Adele Vance' },
      scenarioId: 'e2e-p2p',
    });
    assert.equal(call.direction, 'outgoing');
    const established = await h.calling.waitForState(call.id, 'established', 15_000);
    assert.equal(established.scenarioId, 'e2e-p2p');

    const sub = await h.calling.subscribeToTone(call.id);
    assert.equal(sub.status, 'completed');
    const prompt = await h.calling.playPrompt(call.id, ['welcome', 'connecting']);
    assert.equal(prompt.status, 'completed');
    assert.deepEqual(prompt.resultInfo, { code: 200, subcode: 0, message: prompt.resultInfo?.message });

    const pressed = await h.emu.control('POST', `/emulator/calls/${call.id}/keys`, { tones: '7#' });
    assert.ok(pressed.status < 300, JSON.stringify(pressed.body));
    await until(() => tones.items.length >= 2, 'two tone events');
    assert.deepEqual(
      tones.items.filter((t) => t.call.id === call.id).map((t) => t.digit),
      ['7', '#'],
    );

    await h.calling.hangUp(call.id);
    const done = await h.calling.waitForState(call.id, 'terminated', 10_000);
    assert.equal(done.end?.reason, 'the call ended');
    assert.deepEqual(done.end?.resultInfo, { code: 200, subcode: 5001 });
    await until(() => ended.items.some((e) => e.call.id === call.id), 'terminated event');
    assert.equal(ended.items.filter((e) => e.call.id === call.id).length, 1);

    const kinds = new Set((await h.calling.timeline(call.id)).map((e) => e.kind));
    for (const k of ['request', 'notification', 'state', 'operation'])
      assert.ok(kinds.has(k as never), `timeline has ${k}`);
    const ops = await h.calling.operations(call.id);
    assert.deepEqual(
      ops.map((o) => [o.kind, o.status]),
      [
        ['subscribeToTone', 'completed'],
        ['playPrompt', 'completed'],
      ],
    );
    assert.equal(
      (await h.app.app.store.jobs.list({ kind: 'calling.keepAlive' })).length,
      0,
      'keepAlive dropped at the end',
    );
  });

  it("ends with the other party's reason when the person hangs up, and rejects a pending prompt", async () => {
    const alex = person(h, 'Alex Wilber');
    await script(h, alex.id, { onRing: 'answer', answerAfterMs: 200 });
    const call = await h.calling.placeCall({ to: { user: alex.id } });
    await h.calling.waitForState(call.id, 'established', 15_000);
    const pending = h.calling.playPrompt(call.id, ['menu', 'menu', 'menu']);
    await h.emu.control('POST', `/emulator/calls/${call.id}/hangup`, {});
    await assert.rejects(pending, (err: { code?: string }) => err.code === 'call_ended');
    const done = await h.calling.waitForState(call.id, 'terminated', 10_000);
    assert.equal(done.end?.reason, 'the other party hung up');
  });

  it('calls a phone number from the resource account (PSTN) and hangs up', async () => {
    const lee = person(h, 'Lee Gu');
    await script(h, lee.id, { onRing: 'answer', answerAfterMs: 200 });
    const account = (h.emu.tenant as { resourceAccounts: Array<{ id: string }> }).resourceAccounts[0]!;
    await assert.rejects(
      h.calling.placeCall({ to: { phone: lee.phone! } }),
      (err: { code?: string }) => err.code === 'invalid_request',
    );
    const call = await h.calling.placeCall({
      to: { phone: lee.phone! },
      from: { applicationInstance: account.id },
    });
    await h.calling.waitForState(call.id, 'established', 15_000);
    await h.calling.hangUp(call.id);
    const done = await h.calling.waitForState(call.id, 'terminated', 10_000);
    assert.deepEqual(done.end?.resultInfo, { code: 200, subcode: 5001 });
  });

  it('reports a declined call as declined, with its end code', async () => {
    const isaiah = person(h, 'Isaiah Langer');
    await script(h, isaiah.id, { onRing: 'decline', answerAfterMs: 200 });
    const call = await h.calling.placeCall({ to: { user: isaiah.id } });
    const done = await h.calling.waitForState(call.id, 'terminated', 15_000);
    assert.equal(done.end?.reason, 'declined');
    assert.deepEqual(done.end?.resultInfo, { code: 480, subcode: 10134 });
  });
});
