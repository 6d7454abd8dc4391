import assert from 'node:assert/strict';
import type { CallingEvents } from '../../../calling';
import { collect, person, until, useCallingStack } from './harness';

describe('calling e2e: incoming calls', function () {
  this.timeout(60_000);
  const h = useCallingStack();

  it('announces the caller, answers, plays a prompt and sees the caller hang up', async () => {
    const megan = person(h, 'Megan Bowen');
    const incoming = collect<CallingEvents['incoming']>((f) => h.calling.on('incoming', f));
    const answered: string[] = [];
    // A flow in miniature: answer every incoming call from Megan as soon as it is announced.
    const off = h.calling.on('incoming', async (e) => {
      if (e.caller.id !== megan.id) return;
      await h.calling.answer(e.call.id);
      answered.push(e.call.id);
    });
    const res = await h.emu.control<{ callId: string }>('POST', `/emulator/people/${megan.id}/call`, {
      to: 'app',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await until(() => answered.length === 1, 'the answer to settle (established)');
    off();
    const callId = answered[0]!;
    assert.equal(incoming.items.length, 1);
    const e = incoming.items[0]!;
    assert.equal(e.caller.kind, 'user');
    assert.equal(e.caller.id, megan.id);
    assert.equal(e.call.direction, 'incoming');
    assert.equal(e.call.state, 'incoming');

    const call = await h.calling.getCall(callId);
    assert.equal(call?.state, 'established');
    assert.equal((await h.calling.playPrompt(callId, 'welcome')).status, 'completed');
    await h.emu.control('POST', `/emulator/calls/${res.body.callId}/hangup`, {});
    const done = await h.calling.waitForState(callId, 'terminated', 10_000);
    assert.equal(done.end?.reason, 'the other party hung up');
  });

  it('answers a PSTN call to the resource account number; the caller shows as a phone number', async () => {
    const henrietta = person(h, 'Henrietta Mueller');
    const account = (h.emu.tenant as { resourceAccounts: Array<{ id: string; phone: string }> })
      .resourceAccounts[0]!;
    const seen = collect<CallingEvents['incoming']>((f) => h.calling.on('incoming', f));
    await h.emu.control('POST', `/emulator/people/${henrietta.id}/call`, { to: account.phone });
    await until(() => seen.items.length === 1, 'the incoming PSTN call');
    const e = seen.items[0]!;
    assert.deepEqual([e.caller.kind, e.caller.id], ['phone', henrietta.phone]);
    const answered = await h.calling.answer(e.call.id);
    assert.equal(answered.status, 'completed');
    await h.calling.hangUp(e.call.id);
    await h.calling.waitForState(e.call.id, 'terminated', 10_000);
  });

  it('rejects an incoming call and refuses to answer it afterwards', async () => {
    const nestor = person(h, 'Nestor Wilke');
    const seen = collect<CallingEvents['incoming']>((f) => h.calling.on('incoming', f));
    await h.emu.control('POST', `/emulator/people/${nestor.id}/call`, { to: 'app' });
    await until(() => seen.items.length === 1, 'the incoming call');
    const callId = seen.items[0]!.call.id;
    await h.calling.reject(callId, 'busy');
    const done = await h.calling.waitForState(callId, 'terminated', 10_000);
    assert.equal(done.end?.reason, 'the call ended');
    await assert.rejects(h.calling.answer(callId), (err: { code?: string }) => err.code === 'call_ended');
  });

  it('redirects an incoming call to someone who takes it', async () => {
    const lee = person(h, 'Lee Gu');
    const lidia = person(h, 'Lidia Holloway');
    const seen = collect<CallingEvents['incoming']>((f) => h.calling.on('incoming', f));
    await h.emu.control('POST', `/emulator/people/${lee.id}/call`, { to: 'app' });
    await until(() => seen.items.length === 1, 'the incoming call');
    const callId = seen.items[0]!.call.id;
    await h.calling.redirect(callId, [{ user: lidia.id }]);
    const done = await h.calling.waitForState(callId, 'terminated', 15_000);
    assert.deepEqual(done.end?.resultInfo, { code: 200, subcode: 7000 });
    // The request carried callbackUri, as the documented redirect requests do.
    const res = await h.emu.control<{ value: Array<{ event?: string; callbackUri?: string | null }> }>(
      'GET',
      `/emulator/calls/${callId}/timeline`,
    );
    const redirect = res.body.value.find((e) => e.event === 'redirect');
    assert.equal(redirect?.callbackUri, `${h.app.url}/api/calls`);
  });
});
