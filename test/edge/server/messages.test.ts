import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../../bot';
import { useApp } from '../../helpers/app';
import { startConnector, type BotConnector } from '../../helpers/bot-connector';
import { assertValidCard, cardText } from '../../unit/bot/validate-card';

describe('POST /api/messages through botbuilder (local mode: no Bot Framework auth)', () => {
  const t = useApp();
  let connector: BotConnector;
  before(async () => {
    connector = await startConnector();
  });
  after(async () => {
    await connector.close();
  });

  it('runs the turn and replies into the conversation: a greeting gets the help card', async () => {
    const activity = {
      type: 'message',
      id: 'act-1',
      text: 'hello',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: 'user-1', name: 'Adele' },
      recipient: { id: 'bot-1', name: 'Switchboard' },
      conversation: { id: 'conv-1', conversationType: 'personal' },
    };
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    assert.equal(res.status, 200);
    assert.equal(connector.received.length, 1);
    const reply = connector.received[0]!;
    assert.equal(reply.path, '/v3/conversations/conv-1/activities/act-1');
    assert.equal(reply.body.type, 'message');
    const attachments = reply.body.attachments as Array<{ contentType: string; content: AdaptiveCard }>;
    assert.equal(attachments.length, 1);
    assert.equal(attachments[0]!.contentType, 'application/vnd.microsoft.card.adaptive');
    const card = attachments[0]!.content;
    assertValidCard(card);
    assert.match(cardText(card), /Switchboard commands/);
  });

  it('a body botbuilder cannot read as an activity is refused with 400', async () => {
    const res = await fetch(`${t.url}/api/messages`, { method: 'POST', body: JSON.stringify({ type: 42 }) });
    assert.equal(res.status, 400);
  });
});
