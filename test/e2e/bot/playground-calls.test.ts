// The whole stack as `npm start` runs it locally: the emulator (its own process), the app with its call
// model talking to it, and the Agents Playground as the Teams client chatting with the bot.
import assert from 'node:assert/strict';
import type { TestApp } from '../../helpers/app';
import type { RunningEmulator } from '../../helpers/emulator';
import { useStack } from '../../helpers/stack';
import { assertValidCard, button, cardText } from '../../unit/bot/validate-card';
import { cardOfMessage, startPlayground, type Playground, type StreamEvent } from './playground';

const textOf = (e: StreamEvent) => {
  const card = cardOfMessage(e.message);
  return card ? cardText(card) : '';
};

interface EmuCall {
  id: string;
  state: string;
  remotePersonId: string | null;
  meetingId: string | null;
}

describe('calls from the chat: Agents Playground → app → emulator', function () {
  this.timeout(120_000);
  const stack = useStack();
  let emu: RunningEmulator;
  let app: TestApp;
  let pg: Playground;
  let chat: string;
  let adeleId: string;

  before(async () => {
    emu = stack.emu;
    app = stack.app;
    pg = await startPlayground({ botEndpoint: `${app.url}/api/messages` });
    stack.onStop(() => pg.stop());
    chat = pg.config.personalChat.id;
    adeleId = pg.config.currentUser.aadObjectId;
    assert.ok(
      emu.people.some((p) => p.id === adeleId),
      'the Playground user is a person of the emulated tenant',
    );
  });

  async function emuCalls(): Promise<EmuCall[]> {
    return ((await emu.control('GET', '/emulator/calls')).body as { value: EmuCall[] }).value;
  }

  async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('"help" shows the help card', async () => {
    await pg.say(chat, 'help');
    const e = await pg.waitFor(
      (x) => x.action === 'createMessage' && /Switchboard commands/.test(textOf(x)),
      'help',
    );
    assertValidCard(cardOfMessage(e.message)!);
  });

  it('"call me" rings the emulated person; they answer; Connected; Hang up; Ended with a duration', async () => {
    // The phone rings until the test picks up, so each step can be seen.
    await emu.control('PUT', `/emulator/people/${adeleId}/script`, { onRing: 'manual' });
    await pg.say(chat, 'call me');
    const posted = await pg.waitFor(
      (x) =>
        x.action === 'createMessage' &&
        x.message?.from.id === pg.config.bot.id &&
        /Call with|not set up|Error code/.test(textOf(x)),
      'the call card',
    );
    assert.doesNotMatch(textOf(posted), /Error code/, `a call card, not an error: ${textOf(posted)}`);
    const cardId = posted.message!.messageId;
    assert.match(textOf(posted), /Call with Adele Vance/);
    assert.match(textOf(posted), /Ringing|Connecting/);

    const ringing = await until(
      async () => (await emuCalls()).find((c) => c.remotePersonId === adeleId && c.state !== 'terminated'),
      'the emulated call',
    );
    // The emulator starts ringing a moment after it accepted the call: until then picking up is a 409.
    await until(async () => {
      const r = await emu.control('POST', `/emulator/calls/${ringing.id}/answer`, { personId: adeleId });
      return r.status === 202 ? true : undefined;
    }, "Adele's phone to ring");

    const connected = await pg.waitFor(
      (x) => x.action === 'updateMessage' && x.message?.messageId === cardId && /Connected/.test(textOf(x)),
      'the card to show Connected',
    );
    const card = cardOfMessage(connected.message)!;
    assertValidCard(card);
    await new Promise((r) => setTimeout(r, 1200));
    await pg.execute(chat, cardId, button(card, 'Hang up'));

    const ended = await pg.waitFor(
      (x) => x.action === 'updateMessage' && x.message?.messageId === cardId && /Ended/.test(textOf(x)),
      'the card to show Ended',
    );
    assertValidCard(cardOfMessage(ended.message)!);
    assert.match(textOf(ended), /Ended · lasted \d+ (s|min)/);
    await until(
      async () =>
        (await emuCalls()).find((c) => c.id === ringing.id)?.state === 'terminated' ? true : undefined,
      'the emulated call to end',
    );
  });

  it('"meet" posts a meeting card whose join link the emulator accepts when the bot joins', async () => {
    await pg.say(chat, 'meet Switchboard check for 30m with Megan Bowen');
    const posted = await pg.waitFor(
      (x) =>
        x.action === 'createMessage' &&
        x.message?.from.id === pg.config.bot.id &&
        /Switchboard check|Error code/.test(textOf(x)),
      'the meeting card',
    );
    assert.doesNotMatch(textOf(posted), /Error code/, `a meeting card, not an error: ${textOf(posted)}`);
    const card = cardOfMessage(posted.message)!;
    assertValidCard(card);
    const joinUrl = String(button(card, 'Join meeting').url);
    assert.match(joinUrl, /^https?:\/\//);
    const before = pg.events.length;
    await pg.execute(chat, posted.message!.messageId, button(card, 'Have the bot join'));
    await pg.waitFor(
      (x) =>
        pg.events.indexOf(x) >= before &&
        /Meeting|In a Teams meeting/.test(textOf(x)) &&
        /Connected/.test(textOf(x)),
      'the bot in the meeting',
      30_000,
    );
    const inMeeting = (await emuCalls()).find((c) => c.meetingId && c.state === 'established');
    assert.ok(inMeeting, 'the emulator has the bot in the meeting');
  });
});
