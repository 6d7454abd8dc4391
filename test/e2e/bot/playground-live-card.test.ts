// The bot on botbuilder's real CloudAdapter (local mode) with fake ports, chatting through the real Agents
// Playground: proactive edits of a live call card, and proactive notifications, over the Playground's
// connector API.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot, type Bot } from '../../../bot';
import { FakeCalling } from '../../unit/bot/fake-ports';
import { people } from '../../unit/bot/harness';
import { assertValidCard, button, cardText } from '../../unit/bot/validate-card';
import { cardOfMessage, startPlayground, type Playground, type StreamEvent } from './playground';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** POST /api/messages for a bot, on 127.0.0.1. */
async function serve(bot: Bot): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      void bot
        .process({ body: JSON.parse(data || '{}') as Record<string, unknown>, headers: req.headers })
        .then((r) => {
          res.writeHead(r.status, { 'content-type': 'application/json' });
          res.end(r.body === undefined ? '' : JSON.stringify(r.body));
        })
        .catch((err: unknown) => {
          res.writeHead(500);
          res.end(String(err));
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

const textOf = (e: StreamEvent) => {
  const card = cardOfMessage(e.message);
  return card ? cardText(card) : '';
};

describe('live call card and notifications through the Agents Playground (CloudAdapter, fake ports)', function () {
  this.timeout(60_000);
  let fake: FakeCalling;
  let bot: Bot;
  let host: Awaited<ReturnType<typeof serve>>;
  let pg: Playground;
  let chat: string;

  before(async () => {
    fake = new FakeCalling(people, Date.now);
    bot = createBot({ auth: {}, logger: silent, ports: fake.ports });
    host = await serve(bot);
    pg = await startPlayground({ botEndpoint: `${host.url}/api/messages` });
    chat = pg.config.personalChat.id;
  });
  after(async () => {
    await pg?.stop();
    bot?.close();
    await host?.close();
  });

  it('call me: the card is edited in place from Ringing to Connected, and Hang up ends it with a duration', async () => {
    await pg.say(chat, 'call me');
    const posted = await pg.waitFor(
      (e) => e.action === 'createMessage' && /Call with Adele Vance/.test(textOf(e)),
      'the call card',
    );
    assert.match(textOf(posted), /Ringing/);
    const id = posted.message!.messageId;
    fake.answer('call-1');
    const connected = await pg.waitFor(
      (e) => e.action === 'updateMessage' && e.message?.messageId === id && /Connected/.test(textOf(e)),
      'Connected',
    );
    assertValidCard(cardOfMessage(connected.message)!);
    await new Promise((r) => setTimeout(r, 1100));
    const response = (await pg.execute(chat, id, button(cardOfMessage(connected.message)!, 'Hang up'))) as {
      type: string;
    };
    assert.equal(response.type, 'application/vnd.microsoft.card.adaptive');
    const ended = await pg.waitFor(
      (e) =>
        e.action === 'updateMessage' &&
        e.message?.messageId === id &&
        /Ended · lasted \d+ s · hung up by Adele Vance/.test(textOf(e)),
      'Ended',
    );
    assertValidCard(cardOfMessage(ended.message)!);
  });

  it('a reminder outcome is posted proactively in the chat where it was set', async () => {
    await pg.say(chat, 'remind me in 10 minutes to stretch');
    await pg.waitFor(
      (e) => e.action === 'createMessage' && /Reminder set/.test(textOf(e)),
      'the reminder card',
    );
    const [req] = fake.ops('schedule')[0]! as [{ replyTo: string }];
    assert.equal(req.replyTo, chat);
    const posted = await bot.notifier.reminderOutcome({
      reminder: fake.reminders[0]!,
      outcome: 'answered',
      replyTo: req.replyTo,
    });
    assert.equal(posted.conversationId, chat);
    const e = await pg.waitFor(
      (x) => x.action === 'createMessage' && /Reminder delivered/.test(textOf(x)),
      'the outcome card',
    );
    assertValidCard(cardOfMessage(e.message)!);
  });

  it("@mentions resolve through the Playground's roster (TeamsInfo.getMember)", async () => {
    const group = pg.config.groupChats[0]!.id;
    const megan = pg.config.users.find((u) => u.name === 'Megan Bowen')!;
    const searches = fake.ops('search').length;
    await pg.say(group, '<at>Switchboard</at> call <at>Megan Bowen</at>', [
      { id: pg.config.bot.id, text: '<at>Switchboard</at>' },
      { id: megan.id, text: '<at>Megan Bowen</at>' },
    ]);
    await pg.waitFor(
      (e) => e.actionConversationId === group && /Connecting Adele Vance and Megan Bowen/.test(textOf(e)),
      'the call to Megan',
    );
    // "call Megan" connects the requester with Megan: the requester is rung first.
    const [, target] = fake.ops('connect').at(-1)! as [unknown, { person: { id: string } }];
    assert.equal(target.person.id, megan.aadObjectId);
    assert.equal(fake.ops('search').length, searches, 'found by the roster, not by a directory search');
  });

  it('"presence" alone in a group chat shows its members from the Playground\'s roster', async () => {
    const group = pg.config.groupChats[0]!.id;
    const megan = pg.config.users.find((u) => u.name === 'Megan Bowen')!;
    fake.presence.set(megan.aadObjectId, {
      id: megan.aadObjectId,
      availability: 'Available',
      activity: 'Available',
    });
    await pg.say(group, '<at>Switchboard</at> presence', [
      { id: pg.config.bot.id, text: '<at>Switchboard</at>' },
    ]);
    const e = await pg.waitFor(
      (x) => x.actionConversationId === group && /Presence/.test(textOf(x)),
      'the presence card',
    );
    const card = cardOfMessage(e.message)!;
    assertValidCard(card);
    for (const u of pg.config.users) assert.match(textOf(e), new RegExp(u.name));
    assert.match(textOf(e), /Megan Bowen\nAvailable/);
    assert.ok(button(card, 'Call'));
  });
});
