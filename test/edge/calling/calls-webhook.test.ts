import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startApp, type TestApp } from '../../helpers/app';
import { startKeyAuthority, type KeyAuthority } from '../../helpers/calling-keys';
import { APP_ID, FOREIGN_TENANT, inbox, postCalls, TENANT } from './webhook-client';
import { NOTIFICATIONS } from '../../helpers/fixtures';

const PAYLOADS = NOTIFICATIONS;
const NOT_FOR_THE_WEBHOOK = new Set(['callrecord-created.json', 'create-call-response.json']);
const payloadFiles = readdirSync(PAYLOADS)
  .filter((f) => f.endsWith('.json'))
  .sort();
const load = (f: string) =>
  JSON.parse(readFileSync(path.join(PAYLOADS, f), 'utf8')) as Record<string, unknown>;
const nowSec = () => Math.floor(Date.now() / 1000);

describe('POST /api/calls on the real server: signed payloads and forged tokens', () => {
  let keys: KeyAuthority;
  let t: TestApp;
  const tokens: string[] = [];
  const signed = (claims: Record<string, unknown> = {}, opts: Parameters<KeyAuthority['sign']>[1] = {}) => {
    const token = keys.sign(keys.claims(claims), opts);
    tokens.push(token);
    return token;
  };

  before(async () => {
    keys = await startKeyAuthority({ appId: APP_ID, tenantId: TENANT });
    t = await startApp({
      CALLING_OPENID_CONFIG_URL: keys.openIdConfigUrl,
      MicrosoftAppId: APP_ID,
      MicrosoftAppTenantId: TENANT,
      TENANT_ALLOWLIST: `${TENANT},22222222-2222-4222-8222-222222222222`,
    });
  });
  after(async () => {
    await t?.stop();
    await keys?.close();
  });

  describe('every payload file, properly signed', () => {
    for (const file of payloadFiles) {
      if (NOT_FOR_THE_WEBHOOK.has(file)) {
        it(`${file} → 400, nothing stored`, async () => {
          const before = (await inbox(t)).length;
          const res = await postCalls(t, load(file), signed());
          assert.equal(res.status, 400);
          assert.equal(res.error?.code, 'bad_request');
          if (file === 'callrecord-created.json')
            assert.match(res.error?.message ?? '', /\/api\/notifications/);
          assert.equal((await inbox(t)).length, before);
        });
        continue;
      }
      it(`${file} → 202 with an empty body, and the batch is in the inbox`, async () => {
        const body = load(file);
        const before = await inbox(t);
        const res = await postCalls(t, body, signed({ jti: file }));
        assert.equal(res.status, 202, res.text);
        assert.equal(res.text, '');
        const after = await inbox(t);
        assert.equal(after.length, before.length + 1);
        const batch = after[after.length - 1]!;
        assert.equal(batch.tenantId, TENANT);
        assert.ok(Math.abs(batch.receivedAt - Date.now()) < 60_000);
        assert.deepEqual(
          batch.notifications.map((n) => n.raw),
          body['value'],
        );
        for (const n of batch.notifications) {
          assert.match(n.callId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
          assert.ok(n.resourceUrl.startsWith(`/communications/calls/${n.callId}`));
        }
      });
    }
  });

  describe('forged or wrong tokens: 403 and nothing stored', () => {
    const forged: Array<[string, () => string | undefined]> = [
      ['no token', () => undefined],
      ['alg none', () => signed({}, { alg: 'none' })],
      [
        'HS256 signed with the public key as secret',
        () =>
          signed(
            {},
            { alg: 'HS256', hmacSecret: keys.current.publicKey.export({ type: 'spki', format: 'pem' }) },
          ),
      ],
      ['wrong aud', () => signed({ aud: '99999999-9999-4999-8999-999999999999' })],
      ['wrong iss', () => signed({ iss: 'https://login.microsoftonline.com/x/v2.0' })],
      ['a tenant outside TENANT_ALLOWLIST', () => signed({ tid: FOREIGN_TENANT })],
      ['no tid', () => signed({ tid: undefined })],
      ['expired beyond the skew', () => signed({ exp: nowSec() - 400 })],
      ['nbf in the future beyond the skew', () => signed({ nbf: nowSec() + 400 })],
      ['an unknown kid (still unknown after a refresh)', () => signed({}, { kid: 'not-a-published-kid' })],
      [
        'a tampered signature',
        () => {
          const [h, p, s] = signed().split('.') as [string, string, string];
          const sig = Buffer.from(s, 'base64url');
          sig[0] = sig[0]! ^ 1;
          return `${h}.${p}.${sig.toString('base64url')}`;
        },
      ],
      [
        'a tampered payload',
        () => {
          const [h, , s] = signed().split('.') as [string, string, string];
          const p = Buffer.from(JSON.stringify(keys.claims({ tid: '22222222-2222-4222-8222-222222222222' })));
          return `${h}.${p.toString('base64url')}.${s}`;
        },
      ],
    ];
    for (const [what, token] of forged) {
      it(what, async () => {
        const before = (await inbox(t)).length;
        const res = await postCalls(t, load('incoming-call.json'), token());
        assert.equal(res.status, 403, res.text);
        assert.equal(res.error?.code, 'forbidden');
        assert.ok((res.error?.message.length ?? 0) > 10);
        assert.equal((await inbox(t)).length, before);
      });
    }

    it('an unknown kid costs at most one refresh of the keys', async () => {
      const jwksBefore = keys.fetches.jwks;
      for (let i = 0; i < 3; i++) {
        assert.equal(
          (await postCalls(t, load('established.json'), signed({}, { kid: `nope-${i}` }))).status,
          403,
        );
      }
      assert.ok(keys.fetches.jwks - jwksBefore <= 1, `${keys.fetches.jwks - jwksBefore} JWKS fetches`);
    });

    it('a refusal is logged at info with its reason, and no token is ever logged', async () => {
      await postCalls(t, load('established.json'), signed({ aud: 'someone-else' }));
      const refusals = t.logs.filter((l) => l['msg'] === 'calling notification refused');
      assert.ok(refusals.some((l) => l['reason'] === 'audience_mismatch' && l['level'] === 30));
      const all = JSON.stringify(t.logs);
      for (const token of tokens)
        assert.ok(!all.includes(token.split('.')[2] || token), 'a token reached the log');
    });
  });

  describe('the edges of the protocol', () => {
    it('an expired token still within the 5-minute skew is accepted', async () => {
      const before = (await inbox(t)).length;
      const res = await postCalls(t, load('terminated.json'), signed({ exp: nowSec() - 120 }));
      assert.equal(res.status, 202, res.text);
      assert.equal((await inbox(t)).length, before + 1);
    });

    it('malformed JSON with a valid token → 400 invalid_json', async () => {
      const res = await postCalls(t, '{"value": [', signed());
      assert.equal(res.status, 400);
      assert.equal(res.error?.code, 'invalid_json');
    });

    it('a legacy-format incoming call with a valid token → 204, nothing stored; with a forged one → 403', async () => {
      const legacy = {
        id: 'legacy-conversation-1',
        participants: [{ identity: '8:orgid:a3f5c7e9', originator: true }],
        presentedModalityTypes: ['audio'],
        callState: 'incoming',
      };
      const before = (await inbox(t)).length;
      const ok = await postCalls(t, legacy, signed());
      assert.equal(ok.status, 204);
      assert.equal(ok.text, '');
      assert.equal((await postCalls(t, legacy, signed({}, { alg: 'none' }))).status, 403);
      assert.equal((await inbox(t)).length, before);
    });

    it('a forged token with a declared oversize body → 413 before the edge runs', async () => {
      const res = await postCalls(
        t,
        JSON.stringify({ pad: 'x'.repeat(300 * 1024) }),
        signed({}, { alg: 'none' }),
      );
      assert.equal(res.status, 413);
    });

    it('a forged token with an oversize chunked body → 403 before the body is read', async () => {
      const before = (await inbox(t)).length;
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(`${t.url}/api/calls`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${signed({}, { alg: 'none' })}`,
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
          },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
        // 64 KB is sent and the request is never finished: only an edge that does not wait for the body answers.
        req.write('{"value": [' + ' '.repeat(64 * 1024));
      });
      assert.equal(status, 403);
      assert.equal((await inbox(t)).length, before);
    });

    it('a forged token sent again gets the same 403 and log line, with no second key fetch', async () => {
      const [h, p, s] = signed({ jti: 'forged-again' }).split('.') as [string, string, string];
      const sig = Buffer.from(s, 'base64url');
      sig[3] = sig[3]! ^ 0x11;
      const forged = `${h}.${p}.${sig.toString('base64url')}`;
      const jwksBefore = keys.fetches.jwks;
      const logsBefore = t.logs.length;
      const first = await postCalls(t, load('established.json'), forged);
      const again = await postCalls(t, load('established.json'), forged);
      assert.equal(first.status, 403);
      assert.equal(again.status, 403);
      assert.equal(again.text, first.text);
      assert.equal(again.contentType, first.contentType);
      const reasons = t.logs
        .slice(logsBefore)
        .filter((l) => l['msg'] === 'calling notification refused')
        .map((l) => l['reason']);
      assert.deepEqual(reasons, ['bad_signature', 'bad_signature']);
      assert.equal(keys.fetches.jwks, jwksBefore);
    });

    it('a valid token is verified from the cache on repeat and still accepted', async () => {
      const token = signed({ jti: 'repeat' });
      const jwksBefore = keys.fetches.jwks;
      assert.equal((await postCalls(t, load('established.json'), token)).status, 202);
      assert.equal((await postCalls(t, load('established.json'), token)).status, 202);
      assert.equal(keys.fetches.jwks, jwksBefore);
    });
  });
});
