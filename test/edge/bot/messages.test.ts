import assert from 'node:assert/strict';
import { useApp } from '../../helpers/app';
import { startConnector, type BotConnector, type ConnectorPost } from '../../helpers/bot-connector';
import type { AdaptiveCard } from '../../../bot/cards/types';
import { assertValidCard, button, cardText } from '../../unit/bot/validate-card';

function cardIn(r: ConnectorPost | undefined): AdaptiveCard {
  const att = (r?.body.attachments as Array<{ contentType: string; content: AdaptiveCard }> | undefined)?.[0];
  assert.ok(att, `no attachment in ${JSON.stringify(r?.body)}`);
  assert.equal(att.contentType, 'application/vnd.microsoft.card.adaptive');
  return att.content;
}

describe('bot behind POST /api/messages (local mode, no calling configured)', () => {
  const t = useApp();
  let connector: BotConnector;
  before(async () => {
    connector = await startConnector();
  });
  after(async () => {
    await connector.close();
  });

  const base = () => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:adele', name: 'Adele Vance', aadObjectId: '86528ee4-da06-4aa2-9aed-32e626300172' },
    recipient: { id: '28:bot', name: 'Switchboard' },
    conversation: { id: 'conv-edge', conversationType: 'personal', tenantId: 't1' },
    localTimezone: 'Europe/Berlin',
  });

  async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...base(), ...activity }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  it('"help" is answered with the help card in the conversation', async () => {
    const n = connector.received.length;
    const res = await post({ type: 'message', id: 'a1', text: 'help' });
    assert.equal(res.status, 200);
    const reply = connector.received[n]!;
    assert.equal(reply.path, '/v3/conversations/conv-edge/activities/a1');
    const card = cardIn(reply);
    assertValidCard(card);
    assert.match(cardText(card), /Switchboard commands/);
  });

  it('a card button (Action.Execute) gets its invoke response in the HTTP answer', async () => {
    const n = connector.received.length;
    const res = await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'a2',
      replyToId: 'reply-1',
      value: {
        action: { type: 'Action.Execute', verb: 'help', data: { sb: 'run', command: { kind: 'help' } } },
      },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Done: my answer is in the chat.',
    });
    assert.match(cardText(cardIn(connector.received[n])), /Switchboard commands/);
  });

  it('without the calling module, "call me" says what is missing instead of failing', async () => {
    const n = connector.received.length;
    await post({ type: 'message', id: 'a3', text: 'call me' });
    const card = cardIn(connector.received[n]);
    assertValidCard(card);
    assert.match(cardText(card), /not set up in this deployment/);
    assert.match(cardText(card), /administrator/);
    assert.ok(button(card, 'Help'));
  });

  it("the conversation reference is kept in the app's database for proactive messages", async () => {
    const stored = await t.app.store.kv.get<{ ref: { conversation: { id: string }; serviceUrl: string } }>(
      'botstate',
      'switchboard/conversation/conv-edge',
    );
    assert.ok(stored, 'no conversation reference stored');
    assert.equal(stored.value.ref.conversation.id, 'conv-edge');
    assert.equal(stored.value.ref.serviceUrl, connector.url);
  });

  it('install: the welcome card', async () => {
    const n = connector.received.length;
    await post({ type: 'conversationUpdate', id: 'a4', membersAdded: [{ id: '28:bot' }] });
    assert.match(cardText(cardIn(connector.received[n])), /Welcome to Switchboard/);
  });

  it('install: the welcome card, also when the update names no sender', async () => {
    const n = connector.received.length;
    const res = await post({
      type: 'conversationUpdate',
      id: 'a5',
      from: undefined,
      membersAdded: [{ id: '28:bot' }],
    });
    assert.equal(res.status, 200);
    assert.match(cardText(cardIn(connector.received[n])), /Welcome to Switchboard/);
  });
});
