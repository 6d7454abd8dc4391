import assert from 'node:assert/strict';
import type { KeyObject } from 'node:crypto';
import { createTokenVerifier, MAPPED_TENANT_CLAIM } from '../../../../calling/webhook/verify-token';
import type { TokenVerifier } from '../../../../calling/webhook/types';
import { newAuthorityKey, signToken, type AuthorityKey } from '../../../helpers/calling-keys';

const APP = '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302';
const TENANT = '7c1f0d2a-5b3e-4a8f-9c61-2e4d8b0a9f11';
const FOREIGN = '11111111-2222-4333-8444-555555555555';
const T0 = 1_900_000_000; // seconds

describe('calling/webhook verify-token', () => {
  let key: AuthorityKey;
  let other: AuthorityKey;
  let nowSec: number;
  let lookups: string[];
  const make = (
    opts: { allow?: string[]; appId?: string | undefined; cacheSize?: number } = {},
  ): TokenVerifier =>
    createTokenVerifier({
      keys: {
        find: async (id: string): Promise<KeyObject | undefined> => {
          lookups.push(id);
          return id === key.kid ? key.publicKey : undefined;
        },
      },
      appId: 'appId' in opts ? opts.appId : APP,
      ...(opts.allow ? { tenantAllowlist: opts.allow } : {}),
      ...(opts.cacheSize !== undefined ? { cacheSize: opts.cacheSize } : {}),
      now: () => nowSec * 1000,
    });
  const claims = (over: Record<string, unknown> = {}) => ({
    iss: 'https://api.botframework.com',
    aud: APP,
    tid: TENANT,
    iat: T0,
    nbf: T0,
    exp: T0 + 3600,
    ...over,
  });
  const bearer = (token: string) => `Bearer ${token}`;

  before(async () => {
    key = await newAuthorityKey();
    other = await newAuthorityKey();
  });
  beforeEach(() => {
    nowSec = T0 + 10;
    lookups = [];
  });

  it('accepts a good token and returns its tenant', async () => {
    assert.deepEqual(await make().verify(bearer(signToken(key, claims()))), { ok: true, tenantId: TENANT });
  });

  it('accepts the graph.microsoft.com issuer, an audience array, the mapped tenant claim and upper-case ids', async () => {
    const c = claims({
      iss: 'https://graph.microsoft.com',
      aud: ['someone-else', APP.toUpperCase()],
      tid: undefined,
    });
    const token = signToken(key, { ...c, [MAPPED_TENANT_CLAIM]: TENANT.toUpperCase() });
    assert.deepEqual(await make().verify(`bearer   ${token}`), { ok: true, tenantId: TENANT });
  });

  const refusals: Array<[string, () => string | undefined, string]> = [
    ['no header', () => undefined, 'missing_authorization'],
    ['Basic auth', () => 'Basic dXNlcjpwdw==', 'malformed_authorization'],
    ['Bearer with no token', () => 'Bearer ', 'malformed_authorization'],
    ['two tokens', () => 'Bearer a.b.c d.e.f', 'malformed_authorization'],
    ['a huge token', () => bearer('a'.repeat(20_000)), 'malformed_authorization'],
    ['two parts', () => bearer('abc.def'), 'malformed_token'],
    ['non-base64url characters', () => bearer('ab+c.de/f.ghi'), 'malformed_token'],
    [
      'a header that is not JSON',
      () => bearer(`${Buffer.from('nope').toString('base64url')}.e30.c2ln`),
      'malformed_token',
    ],
    ['alg none', () => bearer(signToken(key, claims(), { alg: 'none' })), 'alg_not_allowed'],
    [
      'HS256 keyed with the public key',
      () =>
        bearer(
          signToken(key, claims(), {
            alg: 'HS256',
            hmacSecret: key.publicKey.export({ type: 'spki', format: 'pem' }),
          }),
        ),
      'alg_not_allowed',
    ],
    ['a crit header', () => bearer(signToken(key, claims(), { header: { crit: ['x'] } })), 'malformed_token'],
    ['no kid', () => bearer(signToken(key, claims(), { header: { kid: undefined } })), 'malformed_token'],
    [
      'a foreign issuer',
      () => bearer(signToken(key, claims({ iss: 'https://evil.example' }))),
      'issuer_not_allowed',
    ],
    ['another audience', () => bearer(signToken(key, claims({ aud: FOREIGN }))), 'audience_mismatch'],
    ['no exp', () => bearer(signToken(key, claims({ exp: undefined }))), 'malformed_token'],
    ['expired beyond skew', () => bearer(signToken(key, claims({ exp: T0 + 10 - 301 }))), 'expired'],
    ['nbf beyond skew', () => bearer(signToken(key, claims({ nbf: T0 + 10 + 301 }))), 'not_yet_valid'],
    ['no tenant', () => bearer(signToken(key, claims({ tid: undefined }))), 'tenant_missing'],
    ['an empty tenant', () => bearer(signToken(key, claims({ tid: ' ' }))), 'tenant_missing'],
    ['an unknown kid', () => bearer(signToken(key, claims(), { kid: 'never-published' })), 'unknown_key'],
    [
      'a published kid signed by another key',
      () => bearer(signToken(other, claims(), { kid: key.kid })),
      'bad_signature',
    ],
    [
      'a tampered signature',
      () => {
        const t = signToken(key, claims());
        const sig = Buffer.from(t.split('.')[2]!, 'base64url');
        sig[10] = sig[10]! ^ 0xff;
        return bearer(`${t.split('.').slice(0, 2).join('.')}.${sig.toString('base64url')}`);
      },
      'bad_signature',
    ],
    [
      'a tampered payload',
      () => {
        const [h, , s] = signToken(key, claims()).split('.');
        const forged = Buffer.from(JSON.stringify(claims({ tid: FOREIGN }))).toString('base64url');
        return bearer(`${h}.${forged}.${s}`);
      },
      'bad_signature',
    ],
  ];
  for (const [what, header, reason] of refusals) {
    it(`refuses ${what}: ${reason}`, async () => {
      assert.deepEqual(await make().verify(header()), { ok: false, reason });
    });
  }

  it('cheap checks come before any key lookup', async () => {
    const v = make();
    for (const c of [
      claims({ aud: FOREIGN }),
      claims({ iss: 'x' }),
      claims({ exp: T0 - 1000 }),
      claims({ tid: undefined }),
    ]) {
      assert.equal((await v.verify(bearer(signToken(key, c, { kid: 'unknown' })))).ok, false);
    }
    assert.equal((await v.verify(bearer(signToken(key, claims(), { alg: 'none' })))).ok, false);
    assert.deepEqual(lookups, []);
  });

  it('the 5-minute skew: valid until exp + 300 s (RFC 7519: expired at exp), from nbf - 300 s', async () => {
    const v = make();
    assert.equal((await v.verify(bearer(signToken(key, claims({ exp: nowSec - 299 }))))).ok, true);
    assert.deepEqual(await v.verify(bearer(signToken(key, claims({ exp: nowSec - 300 })))), {
      ok: false,
      reason: 'expired',
    });
    assert.equal((await v.verify(bearer(signToken(key, claims({ nbf: nowSec + 300 }))))).ok, true);
  });

  it('TENANT_ALLOWLIST admits its tenants (any case) and refuses the rest', async () => {
    const v = make({ allow: [TENANT.toUpperCase()] });
    assert.equal((await v.verify(bearer(signToken(key, claims())))).ok, true);
    assert.deepEqual(await v.verify(bearer(signToken(key, claims({ tid: FOREIGN })))), {
      ok: false,
      reason: 'tenant_not_allowed',
    });
  });

  it('refuses everything when no MicrosoftAppId is configured (fail closed)', async () => {
    assert.deepEqual(await make({ appId: undefined }).verify(bearer(signToken(key, claims()))), {
      ok: false,
      reason: 'not_configured',
    });
  });

  it('a repeated token is answered from the cache, until it expires', async () => {
    const v = make();
    const token = bearer(signToken(key, claims({ exp: T0 + 60 })));
    assert.equal((await v.verify(token)).ok, true);
    assert.equal((await v.verify(token)).ok, true);
    assert.equal(lookups.length, 1);
    nowSec = T0 + 60 + 301;
    assert.deepEqual(await v.verify(token), { ok: false, reason: 'expired' });
  });

  it('the cache is bounded: the oldest token is forgotten first', async () => {
    const v = make({ cacheSize: 1 });
    const a = bearer(signToken(key, claims({ jti: 'a' })));
    const b = bearer(signToken(key, claims({ jti: 'b' })));
    await v.verify(a);
    await v.verify(b);
    await v.verify(b);
    await v.verify(a);
    assert.equal(lookups.length, 3);
  });

  describe('recall: what the header alone decides, with no key lookup', () => {
    it('header-level refusals at once; an unseen token is left to verify', () => {
      const v = make();
      assert.deepEqual(v.recall(undefined), { ok: false, reason: 'missing_authorization' });
      assert.deepEqual(v.recall('Basic abc'), { ok: false, reason: 'malformed_authorization' });
      assert.deepEqual(make({ appId: undefined }).recall(bearer('x')), {
        ok: false,
        reason: 'not_configured',
      });
      assert.equal(v.recall(bearer(signToken(key, claims()))), undefined);
      assert.deepEqual(lookups, []);
    });

    it('a verified token is recalled as verified, a forged one as refused, until each expires', async () => {
      const v = make();
      const good = signToken(key, claims({ exp: T0 + 60 }));
      const [h, p, s] = signToken(key, claims({ jti: 'f' })).split('.') as [string, string, string];
      const forged = `${h}.${p}.${s.slice(0, -4)}AAAA`;
      await v.verify(bearer(good));
      await v.verify(bearer(forged));
      assert.equal(lookups.length, 2);
      assert.deepEqual(v.recall(bearer(good)), { ok: true, tenantId: TENANT });
      assert.deepEqual(v.recall(bearer(forged)), { ok: false, reason: 'bad_signature' });
      // Other spellings of the header reach the same remembered verdicts (through the full header check).
      assert.deepEqual(v.recall(`bearer  ${good}\t`), { ok: true, tenantId: TENANT });
      assert.deepEqual(v.recall(`Bearer ${good} x`), { ok: false, reason: 'malformed_authorization' });
      assert.equal(lookups.length, 2);
      nowSec = T0 + 60 + 301;
      assert.equal(v.recall(bearer(good)), undefined);
      nowSec = T0 + 10 + 601;
      assert.equal(v.recall(bearer(forged)), undefined);
    });
  });
});
