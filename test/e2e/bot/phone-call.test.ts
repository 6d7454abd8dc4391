// "call <phone number>" from chat: the bot places the call from the Teams resource account the deployment
// names (PSTN_RESOURCE_ACCOUNT_ID), and the emulator's Graph accepts it as a PSTN call from that account.
// Without the setting, the same command is answered with what an administrator must set up.
import assert from 'node:assert/strict';
import { startConnector, type BotConnector, type ConnectorPost } from '../../helpers/bot-connector';
import { useStack } from '../../helpers/stack';
import { cardText } from '../../unit/bot/validate-card';
import type { AdaptiveCard } from '../../../bot/cards/types';

// The seeded tenant's resource account, bound to the seeded app (emulator/seed/tenant.json).
const RESOURCE_ACCOUNT = '546fd721-0aaa-408b-bb40-d970693cd379';
const NUMBER = '+14255550123';

interface EmuCallSummary {
  id: string;
  state: string;
  [k: string]: unknown;
}

function cardOf(r: ConnectorPost | undefined): AdaptiveCard {
  const att = (r?.body.attachments as Array<{ content: AdaptiveCard }> | undefined)?.[0];
  assert.ok(att, `no card in ${JSON.stringify(r?.body)}`);
  return att.content;
}

for (const configured of [true, false]) {
  describe(`bot: calling a phone number ${configured ? 'with' : 'without'} a resource account`, function () {
    this.timeout(60_000);
    const t = useStack({ app: configured ? { PSTN_RESOURCE_ACCOUNT_ID: RESOURCE_ACCOUNT } : {} });
    let connector: BotConnector;
    before(async () => (connector = await startConnector()));
    after(async () => connector.close());

    async function say(text: string): Promise<AdaptiveCard> {
      const n = connector.received.length;
      const people = (
        (await t.emu.control('GET', '/emulator/people')).body as { value: Array<{ id: string }> }
      ).value;
      const res = await fetch(`${t.app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `m${n}`,
          text,
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: '29:adele', name: 'Adele Vance', aadObjectId: people[0]!.id },
          recipient: { id: '28:bot', name: 'Switchboard' },
          conversation: { id: 'conv-phone', conversationType: 'personal', tenantId: t.emu.tenantId },
        }),
      });
      assert.ok(res.status < 300, `POST /api/messages: ${res.status}`);
      const deadline = Date.now() + 15_000;
      while (connector.received.length === n) {
        if (Date.now() > deadline) throw new Error('the bot posted nothing');
        await new Promise((r) => setTimeout(r, 50));
      }
      return cardOf(connector.received[n]);
    }

    it(
      configured ? 'places the call from the resource account' : 'says phone calls are not set up',
      async () => {
        const card = await say(`call ${NUMBER}`);
        const calls = async () =>
          ((await t.emu.control('GET', '/emulator/calls')).body as { value: EmuCallSummary[] }).value;
        if (!configured) {
          assert.match(cardText(card), /not set up/i);
          assert.deepEqual(await calls(), [], 'no call reached Graph');
          return;
        }
        assert.doesNotMatch(cardText(card), /not set up|Error code/i, cardText(card));
        const deadline = Date.now() + 15_000;
        let detail: Record<string, unknown> | undefined;
        while (!detail) {
          const [first] = await calls();
          if (first)
            detail = (await t.emu.control('GET', `/emulator/calls/${first.id}`)).body as Record<
              string,
              unknown
            >;
          else if (Date.now() > deadline) throw new Error('no call reached the emulator');
          else await new Promise((r) => setTimeout(r, 100));
        }
        const text = JSON.stringify(detail);
        assert.ok(text.includes(RESOURCE_ACCOUNT), 'the call leaves from the resource account');
        assert.ok(text.includes(NUMBER.slice(1)), 'to the number asked for');
      },
    );
  });
}
