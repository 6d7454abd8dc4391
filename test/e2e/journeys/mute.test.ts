// Adele mutes someone from the call card. In a group call the card (and the tab) say "muting…" until the
// roster Graph sends says the person is muted, and only then "muted"; the emulator's notifications to the
// app are held back for a moment so the time between the request and its confirmation can be seen. A 1:1
// call has no roster: there the completed mute operation is the confirmation.
import assert from 'node:assert/strict';
import type { ChatCard } from './chat-card';
import { everywhere } from './everywhere';
import { Tab } from './tab';
import { useWorld, type World } from './world';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The emulator stops (true) or resumes (false) delivering notifications to the app; held ones follow. */
async function holdNotifications(w: World, hold: boolean): Promise<void> {
  const res = await w.emu.control('POST', '/emulator/faults', { notifications: { endpointDown: hold } });
  assert.ok(res.status < 300, `faults: ${res.status}`);
}

/** The "Whom to mute" choices of the card's Mute… form: input id and the value for a name. */
function muteChoice(card: ChatCard, name: string): Record<string, string> {
  let found: Record<string, string> | undefined;
  const walk = (o: unknown): void => {
    if (!o || typeof o !== 'object') return;
    const x = o as { type?: string; id?: string; choices?: Array<{ title: string; value: string }> };
    const choice = x.type === 'Input.ChoiceSet' ? x.choices?.find((c) => c.title === name) : undefined;
    if (choice && x.id) found = { [x.id]: choice.value };
    for (const v of Object.values(o)) walk(v);
  };
  walk(card.card());
  assert.ok(found, `the card offers to mute ${name}:\n${card.text()}`);
  return found;
}

async function rosterMuted(w: World, callId: string, personId: string): Promise<boolean | undefined> {
  const call = await w.emu.control<{ participants: Array<{ personId: string | null; isMuted: boolean }> }>(
    'GET',
    `/emulator/calls/${callId}`,
  );
  return call.body.participants.find((p) => p.personId === personId)?.isMuted;
}

describe('journey: a mute confirmed, seen in the chat, the tab and the emulator', function () {
  this.timeout(120_000);
  const w = useWorld();
  afterEach(() => holdNotifications(w, false));

  /** Adele mutes `name` from the call card; every place agrees it is confirmed only by the roster. */
  async function muteConfirmed(card: ChatCard, callId: string, who: { id: string; name: string }) {
    await holdNotifications(w, true);
    await card.press('Mute', muteChoice(card, who.name));
    // Graph mutes them, but the roster saying so does not reach the app yet.
    for (let i = 0; (await rosterMuted(w, callId, who.id)) !== true; i++) {
      assert.ok(i < 100, `the emulator mutes ${who.name}:\n${card.text()}`);
      await sleep(100);
    }
    const line = (mark: string) => new RegExp(`• ${who.name} \\(${mark}\\)`);
    await card.until(line('muting…'), 'muting…');
    await sleep(1000);
    assert.match(card.text(), line('muting…'), 'still unconfirmed while the roster is held');
    assert.doesNotMatch(card.history().join('\n'), line('muted'), 'never "muted" before the roster');
    const asked = (await w.tab.call(callId))!.participants.find((p) => p.displayName === who.name);
    assert.deepEqual([asked?.isMuted, asked?.mutePending], [false, true], 'the tab: asked, not confirmed');

    await holdNotifications(w, false);
    await card.until(line('muted'), 'muted', 20_000);
    const muted = (await w.tab.call(callId))!.participants.find((p) => p.displayName === who.name);
    assert.deepEqual([muted?.isMuted, muted?.mutePending], [true, undefined], 'the tab: muted');
    assert.equal(await rosterMuted(w, callId, who.id), true, 'the emulator: muted');
  }

  it('in a group call: the card says "muting…" until the roster confirms the mute, then "muted"', async () => {
    const people = [w.me, w.person('Megan'), w.person('Lee')];
    const card = await w.say('groupcall Megan and Lee');
    await card.until(/Group call with/, 'the call card');
    const callId = card.callId();
    const everyone = Object.fromEntries(people.map((p) => [p.name, 'joined' as const]));
    await everywhere(w, card, callId, { phase: 'connected', people: everyone });
    await muteConfirmed(card, callId, w.person('Megan'));
    await everywhere(w, card, callId, { phase: 'connected', people: everyone });
  });

  /**
   * A 1:1 call has no roster (SPEC §3.1), so Graph's confirmation is the completed mute operation, which
   * comes back with the request: the roster's notifications, held back here, play no part, and there is
   * no "muting…" window long enough to hold the card in (the group journey above covers that step).
   */
  async function muteConfirmedByOperation(
    card: ChatCard,
    callId: string,
    who: { id: string; name: string },
    tab: Tab = w.tab,
  ) {
    const line = (mark: string) => new RegExp(`• ${who.name} \\(${mark}\\)`);
    assert.doesNotMatch(card.history().join('\n'), line('muted'), 'not muted before the mute is asked for');
    await holdNotifications(w, true);
    await card.press('Mute', muteChoice(card, who.name));
    await card.until(line('muted'), 'muted', 20_000);
    assert.equal(await rosterMuted(w, callId, who.id), true, 'the emulator: muted');
    const muted = (await tab.call(callId))!.participants.find((p) => p.displayName === who.name);
    assert.deepEqual([muted?.isMuted, muted?.mutePending], [true, undefined], 'the tab: muted');
  }

  it('in a 1:1 call ("call me"): Adele mutes herself, confirmed by the completed mute operation', async () => {
    const card = await w.say('call me');
    await card.until(/Call with Adele Vance/, 'the call card');
    const callId = card.callId();
    await everywhere(w, card, callId, { phase: 'connected', people: { [w.me.name]: 'joined' } });
    await muteConfirmedByOperation(card, callId, w.me);
    await holdNotifications(w, false);
    await everywhere(w, card, callId, { phase: 'connected', people: { [w.me.name]: 'joined' } });
  });

  it("in an incoming 1:1 call: Adele mutes the caller from the calls card; her card, the caller's tab and the emulator agree", async () => {
    const megan = w.person('Megan');
    const placed = await w.emu.control<{ callId: string }>('POST', `/emulator/people/${megan.id}/call`, {
      to: 'app',
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const callId = placed.body.callId;
    // Megan's own tab shows her call: she is in it.
    const megansTab = await Tab.signIn(w.emu, w.app, megan.id);
    const caller = async () =>
      (await megansTab.call(callId))?.participants.find((p) => p.displayName === megan.name);
    for (let i = 0; !(await caller()); i++) {
      assert.ok(i < 100, 'the app answers Megan and the tab shows her in the call');
      await sleep(100);
    }
    assert.deepEqual([(await caller())?.isMuted, (await caller())?.mutePending], [false, undefined]);

    const card = await w.say('calls');
    await card.until(/Incoming call from Megan Bowen/, 'the calls card');
    await muteConfirmedByOperation(card, callId, megan, megansTab);
    const shown = await megansTab.call(callId);
    assert.deepEqual(
      shown?.people.filter((p) => !p.isBot).map((p) => [p.name, p.status]),
      [[megan.name, 'joined']],
      'the caller once, still in the call',
    );
    await holdNotifications(w, false);
    await w.emu.control('POST', `/emulator/calls/${callId}/hangup`, { personId: megan.id });
  });
});
