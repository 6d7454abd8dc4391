// IVR `notify` nodes with no target and no NOTIFY_TARGET post to the bot's alerts chat: the chat where
// someone pressed "Post alerts in this chat" on the front desk card. The app runs with the real bot
// (no notifier handed in) and a stand-in Bot Connector that receives what the bot posts.
import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../../bot/cards/types';
import { startConnector, type BotConnector } from '../../helpers/bot-connector';
import { useStack } from '../../helpers/stack';
import { person, script, until } from '../calling/harness';
import { cardText } from '../../unit/bot/validate-card';
import { callApp, ended, pressAt, type CallSides } from './flows-harness';

describe('IVR e2e: notify nodes post to the alerts chat', function () {
  this.timeout(120_000);
  const stack = useStack({
    emulator: { EMULATOR_PROMPT_SPEED: '2' },
    frontDesk: 'test/fixtures/flows/frontdesk-base.yaml',
  });
  let connector: BotConnector;
  before(async () => {
    connector = await startConnector();
  });
  after(async () => connector?.close());

  const h = (): CallSides => ({ emu: stack.emu, calling: stack.calling });

  /** A caller asks for a call back (key 3) and speaks, so the menu's notify node runs. */
  async function callBack(name: string): Promise<string> {
    const caller = person(stack, name);
    await script(stack, caller.id, { onRing: 'answer', speech: [{ afterMs: 300, durationMs: 2000 }] });
    const callId = await callApp(h(), caller.id);
    await pressAt(h(), callId, 'main', '3');
    await ended(h(), callId);
    return callId;
  }

  async function press(command: Record<string, unknown>, conversationId: string): Promise<void> {
    const res = await fetch(`${stack.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `press-${Date.now()}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:adele', name: 'Adele Vance', aadObjectId: '86528ee4-da06-4aa2-9aed-32e626300172' },
        recipient: { id: '28:bot', name: 'Switchboard' },
        conversation: { id: conversationId, conversationType: 'groupChat', tenantId: stack.emu.tenantId },
        value: { action: { type: 'Action.Execute', verb: 'run', data: { sb: 'run', command } } },
      }),
    });
    assert.equal(res.status, 200, await res.text());
  }

  it('with no alerts chat, nothing is posted and the log says what to do', async () => {
    const from = stack.app.logs.length;
    await callBack('Alex Wilber');
    await until(
      () => stack.app.logs.slice(from).some((l) => /nothing was posted/.test(String(l['msg']))),
      'the warning about the unposted card',
    );
    const line = stack.app.logs.slice(from).find((l) => /nothing was posted/.test(String(l['msg'])));
    assert.match(String(line?.['msg']), /Post alerts in this chat/);
    assert.match(String(line?.['msg']), /NOTIFY_TARGET/);
  });

  it('once a chat pressed "Post alerts in this chat", the call-back card is posted there', async () => {
    await press({ kind: 'alertsHere' }, 'conv-alerts');
    const from = connector.received.length;
    await callBack('Megan Bowen');
    const posted = () =>
      connector.received
        .slice(from)
        .find((r) => r.path.startsWith('/v3/conversations/conv-alerts/activities'));
    await until(() => posted() !== undefined, 'the card in the alerts chat');
    const att = (posted()!.body['attachments'] as Array<{ content: AdaptiveCard }> | undefined)?.[0];
    assert.ok(att, JSON.stringify(posted()!.body));
    assert.match(cardText(att.content), /Call back Megan Bowen/);
  });
});
