// The echo bot example at BOT_AUTH=on, as deployed, from the packed tarballs (example-install.ts) and with
// no way out to Bot Framework's signing keys (this machine has no network; where it has, the forged keys
// are unknown there): every activity without a token botbuilder can verify is refused with 401 and no
// reply, the process stays up, and the calling webhook, verified by calling's own keys, still answers.
import assert from 'node:assert/strict';
import type * as Kit from '../../../emulator/kit';
import type { BotConnector } from '../../helpers/bot-connector';
import { newAuthorityKey, signToken } from '../../helpers/calling-keys';
import { waitUntil } from '../../helpers/process-tree';
import type { RunningExample } from './example-app';
import type { Chat } from './example-chat';
import { startExampleStack, type ExampleStack } from './example-install';

const WAIT_MS = 15_000;
// The issuers botbuilder accepts on a channel's token and on the Bot Framework Emulator's.
const CHANNEL_ISSUER = 'https://api.botframework.com';
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';
// What botbuilder's own 500 would carry: the failed request to the key host, a path, a stack frame.
const INTERNALS =
  /getaddrinfo|ENOTFOUND|EAI_AGAIN|login\.(botframework|microsoftonline)\.com|node_modules|\bat \S+ \(/;

describe('the echo bot example with Bot Framework auth on', function () {
  this.timeout(60_000);
  let emu: Kit.Emulator;
  let app: RunningExample;
  let appUrl: string;
  let connector: BotConnector;
  let chat: Chat;
  let stack: ExampleStack | undefined;

  /** An RS256 token for the app, with the claims a real one carries, signed by a key of our own. */
  const forged = async (claims: Record<string, string>): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const times = { iat: now, nbf: now, exp: now + 3600 };
    return `Bearer ${signToken(await newAuthorityKey(), { aud: emu.appId, ...times, ...claims })}`;
  };

  // The example's log lines about a refusal, each with its reason.
  const refusalsLogged = (): number => app.output.filter((l) => l.includes('"module":"bot-auth"')).length;

  /** Posts a message with `authorization`; it must be refused with 401, logged, no reply, the process up. */
  const refused = async (id: string, authorization: string): Promise<string> => {
    const logged = refusalsLogged();
    const { status, body } = await chat.sayWith(authorization, id, 'hello');
    assert.equal(status, 401, `${body}\n${app.output.join('\n')}`);
    await waitUntil(() => refusalsLogged() > logged, WAIT_MS, 'the example logs why it refused');
    // Give a turn that should not have run the time to post its reply.
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(connector.received, [], 'nothing was posted to the connector');
    assert.equal(app.child.exitCode, null, 'the example is still running');
    assert.equal(app.child.signalCode, null, 'the example is still running');
    return body;
  };

  before(async function () {
    // Building, packing and installing from npm's cache take a while on a busy machine.
    this.timeout(300_000);
    stack = await startExampleStack('on');
    ({ emu, app, appUrl, connector, chat } = stack);
  });

  after(async () => stack?.stop());

  it('refuses a chat activity without a token', async () => {
    const body = await refused('a1', '');
    assert.match(body, /Bot Framework token/);
  });

  it('refuses a malformed Authorization header', async () => {
    await refused('a2', 'Bearer not-a-token');
    await refused('a3', 'Basic bWVnYW46c2VjcmV0');
  });

  it("refuses a token forged as a channel's, and says what is wrong without the details", async () => {
    const body = await refused('a4', await forged({ iss: CHANNEL_ISSUER, serviceurl: connector.url }));
    assert.match(body, /Bot Framework token/);
    assert.doesNotMatch(body, INTERNALS);
  });

  it("refuses a token forged as the Bot Framework Emulator's", async () => {
    const body = await refused('a5', await forged({ iss: EMULATOR_ISSUER, appid: emu.appId, ver: '1.0' }));
    assert.doesNotMatch(body, INTERNALS);
  });

  it('still answers an incoming call: the webhook is verified by calling, not by botbuilder', async () => {
    const adele = (await emu.people.list()).find((p) => p.displayName === 'Adele Vance');
    assert.ok(adele, 'Adele Vance is in the seeded tenant');
    const callId = await emu.people.call(adele.id);
    const menuPlays = async (): Promise<boolean> =>
      (
        await emu.control<{ value: Array<{ event?: string; uris?: readonly string[] }> }>(
          'GET',
          `/emulator/calls/${callId}/timeline`,
        )
      ).body.value.some(
        (e) => e.event === 'prompt-playing' && !!e.uris?.includes(`${appUrl}/prompts/menu.wav`),
      );
    await waitUntil(menuPlays, WAIT_MS, 'the call is answered and the menu played');
    await emu.calls.hangUp(callId, adele.id);
  });
});
