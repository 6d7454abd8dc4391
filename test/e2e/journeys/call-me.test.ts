// Adele asks the bot in chat to call her; the chat card, her tab and the emulated Microsoft 365 follow
// the call from the first ring to its end and agree at every step.
import assert from 'node:assert/strict';
import { emulatorCallWhere, everywhere, look } from './everywhere';
import { useWorld } from './world';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('journey: "call me" from the chat, seen in the chat, the tab and the emulator', function () {
  this.timeout(120_000);
  const w = useWorld();

  it('rings, connects with a ticking duration, hangs up and ends with a duration that stays put', async () => {
    const me = w.me.name;
    // Adele's phone rings until she picks up, so the ringing can be seen everywhere.
    await w.script(w.me, { onRing: 'manual' });
    const card = await w.say('call me');
    await card.until(/Call with Adele Vance/, 'the call card');
    const callId = card.callId();
    await everywhere(w, card, callId, { phase: 'ringing', people: { [me]: 'ringing' } });

    await emulatorCallWhere(w, (c) => c.id === callId && c.state === 'establishing', 'the ringing call');
    const answered = await w.emu.control('POST', `/emulator/calls/${callId}/answer`, { personId: w.me.id });
    assert.equal(answered.status, 202, 'Adele picks up');
    const first = await everywhere(w, card, callId, { phase: 'connected', people: { [me]: 'joined' } });

    // Time goes on while she talks: the card (redrawn by the bot), the tab and the emulator all count on.
    const before = first.card!.seconds!;
    await card.until(/Connected · (?!0 s)(?!1 s)\d/, 'a later time so far', 25_000);
    const later = await look(w, card, callId);
    assert.ok(later.card!.seconds! > before, `the card's time moved on: ${before} → ${later.card!.seconds}`);
    assert.ok(later.tab!.seconds! > first.tab!.seconds!, 'the tab counts on');
    assert.ok(later.emulator.seconds! > first.emulator.seconds!, 'the emulator counts on');
    assert.ok(Math.abs(later.tab!.seconds! - later.emulator.seconds!) <= 2, 'the tab and the emulator agree');

    await card.press('Hang up');
    const ended = await everywhere(w, card, callId, {
      phase: 'ended',
      people: { [me]: 'left' },
      end: { words: /^hung up by Adele Vance$/, graph: /^200\/5001$/ },
    });
    const lasted = [ended.card!.seconds, ended.tab!.seconds, ended.emulator.seconds];
    for (const s of lasted) assert.ok(s !== undefined && s >= later.emulator.seconds!, `lasted ${lasted}`);
    assert.ok(Math.max(...(lasted as number[])) - Math.min(...(lasted as number[])) <= 2, `lasted ${lasted}`);

    // The end is frozen: a while later every place still says the same duration.
    await sleep(2500);
    const after = await look(w, card, callId);
    assert.deepEqual(
      [after.card!.seconds, after.tab!.seconds, after.emulator.seconds],
      lasted,
      'the duration no longer changes',
    );
  });
});
