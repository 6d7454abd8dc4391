import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createBot, type Bot } from '../../../bot';
import { answerRoute, toWire } from '../../../server/http/answer';
import type { EdgeRequest, Route } from '../../../server/http/types';
import { createLogger } from '../../../server/logger';
import { messagesEdge } from '../../../server/messages-edge';
import { startKeyAuthority, type KeyAuthority } from '../../helpers/calling-keys';
import { captureStderrPerTest } from '../../helpers/stderr';

const APP_ID = '5e7c0a51-0b2c-4d7e-9a43-8c1f2d3e4f50';
const TENANT = '9b1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d';
const CHANNEL_ISSUER = 'https://api.botframework.com';

// A typing activity: the turn sends nothing, so an accepted one needs no connector or outbound token.
const ACTIVITY = {
  type: 'typing',
  id: 'act-typing-1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:user-1', name: 'Adele' },
  recipient: { id: `28:${APP_ID}`, name: 'Switchboard' },
  conversation: { id: 'a:conv-1', conversationType: 'personal', tenantId: TENANT },
};

function request(headers: Record<string, string>, body: unknown = ACTIVITY): EdgeRequest {
  const raw = Buffer.from(JSON.stringify(body));
  return {
    method: 'POST',
    path: '/api/messages',
    params: {},
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/json', ...headers },
    body: () => Promise.resolve(raw),
    json: () => Promise.resolve(JSON.parse(raw.toString('utf8')) as unknown),
    text: () => Promise.resolve(raw.toString('utf8')),
  };
}

describe('POST /api/messages with Bot Framework auth on: refused tokens', () => {
  let keys: KeyAuthority;
  let bot: Bot;
  let route: Route;
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const line of chunk.toString('utf8').split('\n'))
          if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
        cb();
      },
    }),
  });
  // What reaches the process's stderr while a request runs (botbuilder prints some refusals there itself).
  const stderr = captureStderrPerTest();

  /** The bot with channel auth on, reading the channel's keys from `metadataUrl`, behind POST /api/messages. */
  function botRoute(metadataUrl: string): { bot: Bot; route: Route } {
    const made = createBot({
      auth: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-used-by-these-turns',
        MicrosoftAppTenantId: TENANT,
        MicrosoftAppType: 'SingleTenant',
        ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
        ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      },
      logger,
    });
    const handle = messagesEdge(made);
    return { bot: made, route: { method: 'POST', path: '/api/messages', maxBodyBytes: 512 * 1024, handle } };
  }

  before(async () => {
    keys = await startKeyAuthority({ appId: APP_ID, tenantId: TENANT, issuer: CHANNEL_ISSUER });
    // The Bot Framework publishes which channels each key may sign for; botbuilder checks the activity's.
    (keys.current.jwk as { endorsements?: string[] }).endorsements = ['msteams'];
    ({ bot, route } = botRoute(keys.openIdConfigUrl));
  });
  after(async () => {
    bot.close();
    await keys.close();
  });
  beforeEach(() => {
    logs.length = 0;
  });

  async function post(headers: Record<string, string>, to = route) {
    const answer = await answerRoute(to, request(headers), 512 * 1024, logger);
    assert.ok(answer, 'the request is answered');
    return toWire(answer)!;
  }

  /** A channel token: signed by the published key for this bot unless the claims or the key say otherwise. */
  const channelToken = (claims: Record<string, unknown> = {}, key = keys.current) =>
    `Bearer ${keys.sign(keys.claims({ serviceurl: ACTIVITY.serviceUrl, ...claims }), { key })}`;

  it('a token signed by the published key for this bot is let through, and the turn runs (200)', async () => {
    const wire = await post({ authorization: channelToken() });
    assert.equal(wire.status, 200, String(wire.payload));
    assert.deepEqual(stderr, []);
  });

  const refusals: Array<[string, () => Promise<Record<string, string>>]> = [
    ['no Authorization header', () => Promise.resolve({})],
    ['a header that is not a token', () => Promise.resolve({ authorization: 'Bearer not-a-jwt' })],
    [
      'a token signed by a key nobody published (forged)',
      async () => ({ authorization: channelToken({}, await keys.newKey()) }),
    ],
    [
      "a token signed by another key under a published key's id (forged)",
      async () => ({
        authorization: `Bearer ${keys.sign(keys.claims({ serviceurl: ACTIVITY.serviceUrl }), {
          key: await keys.newKey(),
          kid: keys.current.kid,
        })}`,
      }),
    ],
    [
      'a token whose payload is not JSON',
      () => {
        const part = (text: string) => Buffer.from(text).toString('base64url');
        const header = part(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keys.current.kid }));
        return Promise.resolve({ authorization: `Bearer ${header}.${part('not json')}.${part('sig')}` });
      },
    ],
    [
      'a token that expired an hour ago',
      () => {
        const nowSec = Math.floor(Date.now() / 1000);
        return Promise.resolve({
          authorization: channelToken({ iat: nowSec - 7200, nbf: nowSec - 7200, exp: nowSec - 3600 }),
        });
      },
    ],
    [
      'a token for another bot',
      () => Promise.resolve({ authorization: channelToken({ aud: '0f0e0d0c-0b0a-4090-8070-605040302010' }) }),
    ],
  ];
  for (const [what, headers] of refusals) {
    it(`${what}: 401 in the app's JSON error shape, one log line, nothing on stderr`, async () => {
      const wire = await post(await headers());
      assert.equal(wire.status, 401);
      assert.match(wire.headers['content-type'] ?? '', /application\/json/);
      const body = JSON.parse(String(wire.payload)) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'unauthorized');
      assert.match(body.error.message, /^The Bot Framework token was refused: \S/);
      assert.doesNotMatch(String(wire.payload), /\n\s+at /, 'no stack trace in the answer');
      assert.deepEqual(stderr, [], 'botbuilder printed nothing to stderr');
      const refused = logs.filter((l) => l['code'] === 'unauthorized');
      assert.equal(refused.length, 1);
      assert.equal(refused[0]!['level'], 30);
      assert.equal(refused[0]!['err'], undefined, 'logged without a stack');
    });
  }

  // Keys out of reach say nothing against the request: 503, so the channel sends it again, never a 401.
  const unavailable: Array<[string, () => Promise<{ url: string; close: () => Promise<void> }>]> = [
    [
      'the OpenID document cannot be fetched (nothing listens there)',
      async () => {
        const closed = await startKeyAuthority({ appId: APP_ID, tenantId: TENANT, issuer: CHANNEL_ISSUER });
        await closed.close();
        return { url: closed.openIdConfigUrl, close: () => Promise.resolve() };
      },
    ],
    [
      'the key service answers 503',
      async () => {
        const failing = await startKeyAuthority({ appId: APP_ID, tenantId: TENANT, issuer: CHANNEL_ISSUER });
        failing.failJwks(true);
        return { url: failing.openIdConfigUrl, close: () => failing.close() };
      },
    ],
  ];
  for (const [what, authority] of unavailable) {
    it(`${what}: 503 in the app's JSON error shape, nothing on stderr`, async () => {
      const { url, close } = await authority();
      const other = botRoute(url);
      try {
        const wire = await post({ authorization: channelToken() }, other.route);
        assert.equal(wire.status, 503, String(wire.payload));
        const body = JSON.parse(String(wire.payload)) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'unavailable');
        assert.match(body.error.message, /could not be checked just now/);
        assert.deepEqual(stderr, []);
        const why = logs.filter((l) => l['msg'] === 'the Bot Framework signing keys could not be fetched');
        assert.equal(why.length, 1);
        assert.match(String(why[0]!['reason']), /\S/, 'the log says why');
      } finally {
        other.bot.close();
        await close();
      }
    });
  }

  it('an activity without a type is still refused as a bad request (400) before any token is read', async () => {
    const answer = await answerRoute(route, request({}, { text: 'hi' }), 512 * 1024, logger);
    assert.equal(answer?.status, 400);
    assert.deepEqual(stderr, []);
  });
});
