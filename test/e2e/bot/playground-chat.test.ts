import assert from 'node:assert/strict';
import { startApp, type TestApp } from '../../helpers/app';
import { assertValidCard, button, cardText } from '../../unit/bot/validate-card';
import { cardOfMessage, startPlayground, type Playground, type StreamEvent } from './playground';

/** A message from the bot, created in this conversation, whose card text matches. */
function botCard(pg: Playground, conversationId: string, text: RegExp, action = 'createMessage') {
  return (e: StreamEvent) =>
    e.action === action &&
    // A channel message starts a thread: its conversation id gets ";messageid=..." as in Teams.
    e.actionConversationId.split(';')[0] === conversationId &&
    e.message?.from.id === pg.config.bot.id &&
    text.test(
      cardText(cardOfMessage(e.message) ?? { type: 'AdaptiveCard', $schema: '', version: '', body: [] }),
    );
}

describe('chat through the Microsoft 365 Agents Playground (app only, local mode)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let pg: Playground;
  let chat: string;

  before(async () => {
    app = await startApp();
    pg = await startPlayground({ botEndpoint: `${app.url}/api/messages` });
    chat = pg.config.personalChat.id;
  });
  after(async () => {
    await pg?.stop();
    await app?.stop();
  });

  it("the Playground runs with the emulated tenant's people", () => {
    assert.equal(pg.config.currentUser.name, 'Adele Vance');
    assert.equal(pg.config.currentUser.aadObjectId, '86528ee4-da06-4aa2-9aed-32e626300172');
  });

  it('installing the app posts the welcome card', async () => {
    await pg.install(chat);
    const e = await pg.waitFor(botCard(pg, chat, /Welcome to Switchboard/), 'the welcome card');
    assertValidCard(cardOfMessage(e.message)!);
  });

  it('"help" shows the help card', async () => {
    await pg.say(chat, 'help');
    const e = await pg.waitFor(botCard(pg, chat, /Switchboard commands/), 'the help card');
    const card = cardOfMessage(e.message)!;
    assertValidCard(card);
    assert.ok(button(card, 'Call me'));
  });

  it('Action.Execute on the help card runs the command; without calling configured the answer says so', async () => {
    const help = await pg.waitFor(botCard(pg, chat, /Switchboard commands/), 'the help card');
    const card = cardOfMessage(help.message)!;
    const response = (await pg.execute(chat, help.message!.messageId, button(card, 'Front desk'))) as {
      type: string;
    };
    assert.equal(response.type, 'application/vnd.microsoft.activity.message');
    const e = await pg.waitFor(
      botCard(pg, chat, /The front desk is not set up in this deployment/),
      'the not-configured card',
    );
    assertValidCard(cardOfMessage(e.message)!);
  });

  it('Action.Submit (imBack) on an error card sends its command', async () => {
    const err = await pg.waitFor(botCard(pg, chat, /not set up in this deployment/), 'an error card');
    const before = pg.events.length;
    await pg.submit(chat, err.message!.messageId, { msteams: { type: 'imBack', value: 'help' } });
    await pg.waitFor(
      (e) => pg.events.indexOf(e) >= before && botCard(pg, chat, /Switchboard commands/)(e),
      'help again',
    );
  });

  it('a parse error is a card that says what to write', async () => {
    await pg.say(chat, 'remind me tomorrow');
    const e = await pg.waitFor(botCard(pg, chat, /What should I say when I call/), 'the remind usage card');
    assert.match(cardText(cardOfMessage(e.message)!), /Usage: \*\*remind\*\* _person_ _when_ _message_/);
  });

  it('works in the group chat too, with an @mention of the bot', async () => {
    const group = pg.config.groupChats[0]!.id;
    await pg.say(group, '<at>Switchboard</at> help', [
      { id: pg.config.bot.id, text: '<at>Switchboard</at>' },
    ]);
    await pg.waitFor(botCard(pg, group, /Switchboard commands/), 'help in the group chat');
  });

  it('and in a team channel', async () => {
    const channel = pg.config.teams[0]!.channels.find((c) => c.name === 'Calls')!.id;
    await pg.say(channel, '<at>Switchboard</at> help', [
      { id: pg.config.bot.id, text: '<at>Switchboard</at>' },
    ]);
    await pg.waitFor(botCard(pg, channel, /Switchboard commands/), 'help in the channel');
  });
});
