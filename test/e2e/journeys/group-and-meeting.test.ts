// Calls with several people: a group call Adele asks for in chat, and a meeting she sets up whose card
// has the bot join and then call everyone in. The chat card, the tab and the emulator must agree.
import assert from 'node:assert/strict';
import type { ChatCard } from './chat-card';
import { emulatorCallWhere, everywhere } from './everywhere';
import { cardTruth } from './truth';
import { useWorld } from './world';

interface EmuMeeting {
  joinWebUrl: string;
  subject?: string;
  chatInfo?: { threadId?: string };
  emulator: { meetingId: string };
}

/** People the card showed as in the call and later as ringing again (a status never goes back). */
function backToRinging(card: ChatCard): string[] {
  const seen = new Map<string, string>();
  const back = new Set<string>();
  for (const text of card.history()) {
    for (const [name, status] of Object.entries(cardTruth(text).people)) {
      if (status === 'ringing' && seen.get(name) === 'joined') back.add(name);
      seen.set(name, status);
    }
  }
  return [...back];
}

describe('journey: group calls and meetings, seen in the chat, the tab and the emulator', function () {
  this.timeout(120_000);
  const w = useWorld();

  it('groupcall Megan and Lee: Adele is among those rung, all three join, and her Hang up ends it', async () => {
    const [me, megan, lee] = [w.me.name, w.person('Megan').name, w.person('Lee').name];
    const card = await w.say('groupcall Megan and Lee');
    await card.until(/Group call with Adele Vance, Megan Bowen, Lee Gu/, 'the group call card');
    const callId = card.callId();
    await everywhere(w, card, callId, {
      phase: 'connected',
      people: { [me]: 'joined', [megan]: 'joined', [lee]: 'joined' },
    });
    await card.press('Hang up');
    await everywhere(w, card, callId, {
      phase: 'ended',
      people: { [me]: 'left', [megan]: 'left', [lee]: 'left' },
      end: { words: /^hung up by Adele Vance$/, graph: /^200\/5001$/ },
    });
  });

  it('groupcall Megan and Lee: nobody is shown in the call before they answer', async () => {
    const card = await w.say('groupcall Megan and Lee');
    await card.until(/Group call with Adele Vance, Megan Bowen, Lee Gu/, 'the group call card');
    const everyone = [w.me.name, w.person('Megan').name, w.person('Lee').name];
    await everywhere(w, card, card.callId(), {
      phase: 'connected',
      people: Object.fromEntries(everyone.map((name) => [name, 'joined' as const])),
    });
    assert.deepEqual(backToRinging(card), [], `the card went back:\n${card.history().join('\n--\n')}`);
  });

  it('a meeting: "Have the bot join", then "Call everyone in": one call, organizer and attendees rung, one card named by the meeting', async () => {
    const [me, megan] = [w.me.name, w.person('Megan').name];
    const meetingCard = await w.say('meet Journey check for 30m with Megan Bowen');
    await meetingCard.until(/Journey check/, 'the meeting card');
    const meetings = await w.emu.control<{ value: EmuMeeting[] }>('GET', '/emulator/meetings');
    const meeting = meetings.body.value.find((m) => m.subject === 'Journey check');
    assert.ok(meeting?.chatInfo?.threadId, 'the emulator has the meeting Adele set up');

    const before = w.pg.events.length;
    await meetingCard.press('Have the bot join');
    const card = await w.postedCard(/Meeting: Journey check/, 'the call card named by the meeting', {
      since: before,
    });
    const callId = card.callId();
    await everywhere(w, card, callId, { phase: 'connected', people: {} });

    await meetingCard.press('Call everyone in');
    await everywhere(w, card, callId, { phase: 'connected', people: { [me]: 'joined', [megan]: 'joined' } });
    assert.equal(
      w.cardsReading(/Journey check/).filter((c) => /Meeting:/.test(c.text())).length,
      1,
      'one card',
    );
    const inMeeting = (
      await w.emu.control<{ value: Array<{ id: string; meetingId: string | null; state: string }> }>(
        'GET',
        '/emulator/calls',
      )
    ).body.value.filter((c) => c.meetingId !== null && c.state !== 'terminated');
    assert.deepEqual(
      inMeeting.map((c) => c.id),
      [callId],
      'the bot has one call in the meeting',
    );
    const panel = await w.tab.meeting(meeting.chatInfo.threadId);
    assert.equal(panel.call?.id, callId, "the tab's meeting panel shows that call");

    await card.press('Hang up');
    await everywhere(w, card, callId, {
      phase: 'ended',
      people: { [me]: 'left', [megan]: 'left' },
      end: { words: /^hung up by Adele Vance$/, graph: /^200\/5001$/ },
    });
    await emulatorCallWhere(w, (c) => c.id === callId && c.state === 'terminated', 'the bot to leave');
    assert.equal((await w.tab.meeting(meeting.chatInfo.threadId)).call?.phase ?? 'gone', 'gone');
  });
});
