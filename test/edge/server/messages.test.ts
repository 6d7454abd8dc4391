import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdaptiveCard } from '../../../bot';
import { startApp, type TestApp } from '../../helpers/app';
import { assertValidCard, cardText } from '../../unit/bot/validate-card';

/** A stand-in Bot Connector: records what the bot sends back to the conversation. */
async function startConnector(): Promise<{
  url: string;
  received: Array<{ path: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}> {
  const received: Array<{ path: string; body: Record<string, unknown> }> = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(data || '{}') as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('POST /api/messages through botbuilder (local mode: no Bot Framework auth)', () => {
  let t: TestApp;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  before(async () => {
    t = await startApp();
    connector = await startConnector();
  });
  after(async () => {
    await t.stop();
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
