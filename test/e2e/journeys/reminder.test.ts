// Adele asks the bot in chat to remind her in a minute. She declines the first call; the reminder calls
// again after its backoff, she answers and hears it; the chat is told how it went. Each call is checked
// in the tab and the emulator, and the outcome card in the chat names both calls as they happened.
import assert from 'node:assert/strict';
import { everywhere } from './everywhere';
import { useWorld, type World } from './world';

/** Waits for the emulator's next call to the person that is not one of `known`; resolves with its id. */
async function nextCallTo(w: World, personId: string, known: readonly string[], ms: number): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const list = await w.emu.control<{ value: Array<{ id: string; remotePersonId: string | null }> }>(
      'GET',
      '/emulator/calls',
    );
    const found = list.body.value.find((c) => c.remotePersonId === personId && !known.includes(c.id));
    if (found) return found.id;
    if (Date.now() > end) throw new Error(`no new call to ${personId} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('journey: a reminder that retries then succeeds, seen in the chat, the tab and the emulator', function () {
  this.timeout(180_000);
  // One backoff unit is a second here, so the reminder's default retry comes seconds after a decline.
  const w = useWorld({ deps: { flows: { backoffUnitMs: 1000 } } });

  it('remind me in 1 minute: declined, called again, answered, and the chat hears it was delivered', async () => {
    const me = w.me.name;
    await w.script(w.me, { onRing: 'decline', answerAfterMs: 500 });
    const set = await w.say('remind me in 1 minute to stretch');
    await set.until(/Reminder set/, 'the reminder card');
    const asked = w.pg.events.length;

    const first = await nextCallTo(w, w.me.id, [], 90_000);
    await everywhere(w, undefined, first, {
      phase: 'ended',
      people: { [me]: 'declined' },
      end: { words: /^declined$/, graph: /^480\/10134$/ },
    });
    await w.script(w.me, { onRing: 'answer', answerAfterMs: 500 });

    const second = await nextCallTo(w, w.me.id, [first], 30_000);
    await everywhere(w, undefined, second, { phase: 'connected', people: { [me]: 'joined' } });
    await everywhere(w, undefined, second, { phase: 'ended', people: { [me]: 'left' } }, 30_000);

    const outcome = await w.postedCard(/Reminder for Adele Vance/, 'the outcome card', {
      since: asked,
      timeoutMs: 30_000,
    });
    const text = outcome.text();
    assert.match(text, /Reminder for Adele Vance: delivered/);
    assert.match(text, /Calls: #1: declined the call; #2: answered; the message was played/);
    const tabCalls = (await w.tab.calls()).filter((c) => c.id === first || c.id === second);
    assert.deepEqual(
      tabCalls.map((c) => [c.id, c.purpose]).sort(),
      [
        [first, 'reminder'],
        [second, 'reminder'],
      ].sort(),
      "the tab lists both of the reminder's calls",
    );
  });
});
