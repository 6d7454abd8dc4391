import assert from 'node:assert/strict';
import type { CallingEvents } from '../../../calling';
import { collect, person, script, sleep, until, useCallingStack } from './harness';

describe('calling e2e: duplicated and reordered notifications act once', function () {
  this.timeout(90_000);
  const h = useCallingStack();

  it('keeps one established, one prompt completion, one tone per key and one termination', async () => {
    const diego = person(h, 'Diego Siciliani');
    await script(h, diego.id, { onRing: 'answer', answerAfterMs: 200 });
    const established = collect<CallingEvents['established']>((f) => h.calling.on('established', f));
    const finished = collect<CallingEvents['operationFinished']>((f) => h.calling.on('operationFinished', f));
    const tones = collect<CallingEvents['tone']>((f) => h.calling.on('tone', f));
    const terminated = collect<CallingEvents['terminated']>((f) => h.calling.on('terminated', f));
    const states = collect<CallingEvents['stateChanged']>((f) => h.calling.on('stateChanged', f));
    const faults = await h.emu.control('POST', '/emulator/faults', {
      notifications: { duplicate: 30, reorder: 2 },
    });
    assert.ok(faults.status < 300, JSON.stringify(faults.body));

    const call = await h.calling.placeCall({ to: { user: diego.id } });
    await h.calling.waitForState(call.id, 'established', 20_000);
    await h.calling.subscribeToTone(call.id);
    const prompt = await h.calling.playPrompt(call.id, 'welcome');
    assert.equal(prompt.status, 'completed');
    await h.emu.control('POST', `/emulator/calls/${call.id}/keys`, { tones: '12' });
    await until(() => tones.items.length >= 2, 'two tones');
    await h.calling.hangUp(call.id);
    await h.calling.waitForState(call.id, 'terminated', 15_000);
    await sleep(1500); // let every duplicate arrive and be processed

    const mine = <T extends { call?: { id: string } }>(items: T[]) =>
      items.filter((e) => e.call?.id === call.id);
    assert.equal(mine(established.items).length, 1, 'established once');
    assert.equal(mine(terminated.items).length, 1, 'terminated once');
    assert.deepEqual(
      mine(tones.items)
        .map((t) => t.digit)
        .sort(),
      ['1', '2'],
    );
    const promptDone = finished.items.filter((e) => e.operation.id === prompt.id);
    assert.equal(promptDone.length, 1, 'the prompt finished once');
    const enteredEstablished = mine(states.items).filter((s) => s.to === 'established');
    assert.equal(enteredEstablished.length, 1);

    const timeline = await h.calling.timeline(call.id);
    const duplicates = timeline.filter((e) => e.summary === 'ignored duplicate notification').length;
    assert.ok(duplicates >= 3, `duplicates were seen and ignored (${duplicates})`);
    const events = (
      await h.emu.control<Array<{ type?: string; kind?: string }>>(
        'GET',
        `/emulator/calls/${call.id}/timeline`,
      )
    ).body;
    const text = JSON.stringify(events);
    assert.match(text, /duplicated/, 'the emulator really duplicated deliveries');
  });
});
