import assert from 'node:assert/strict';
import type { KeyObject } from 'node:crypto';
import { createRefusalCache, REMEMBERED_REFUSALS } from '../../../../calling/webhook/refusal-cache';
import { createTokenVerifier } from '../../../../calling/webhook/verify-token';
import { newAuthorityKey, signToken, type AuthorityKey } from '../../../helpers/calling-keys';

const APP = '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302';
const TENANT = '7c1f0d2a-5b3e-4a8f-9c61-2e4d8b0a9f11';
const T0 = 1_900_000_000;

describe('calling/webhook refused tokens: the refusal cache and cheap rejection', () => {
  let key: AuthorityKey;
  let nowSec: number;
  let lookups: string[];
  let published: Map<string, KeyObject>;
  const verifier = (refusalCacheSize?: number) =>
    createTokenVerifier({
      keys: {
        find: async (id) => {
          lookups.push(id);
          return published.get(id);
        },
      },
      appId: APP,
      now: () => nowSec * 1000,
      ...(refusalCacheSize !== undefined ? { refusalCacheSize } : {}),
    });
  const claims = (over: Record<string, unknown> = {}) => ({
    iss: 'https://api.botframework.com',
    aud: APP,
    tid: TENANT,
    nbf: T0,
    exp: T0 + 3600,
    ...over,
  });
  const tampered = (token: string) => {
    const [h, p, s] = token.split('.') as [string, string, string];
    const sig = Buffer.from(s, 'base64url');
    sig[7] = sig[7]! ^ 0x55;
    return `${h}.${p}.${sig.toString('base64url')}`;
  };

  before(async () => {
    key = await newAuthorityKey();
  });
  beforeEach(() => {
    nowSec = T0 + 10;
    lookups = [];
    published = new Map([[key.kid, key.publicKey]]);
  });

  it('a forged token sent again is refused for the same reason without another key lookup', async () => {
    const v = verifier();
    const forged = `Bearer ${tampered(signToken(key, claims()))}`;
    assert.deepEqual(await v.verify(forged), { ok: false, reason: 'bad_signature' });
    assert.deepEqual(await v.verify(forged), { ok: false, reason: 'bad_signature' });
    assert.equal(lookups.length, 1);
  });

  it('every different forged token still pays for the full check (varied forgeries are not cached past)', async () => {
    const v = verifier();
    const good = signToken(key, claims());
    for (let i = 0; i < 5; i++) {
      const [h, p] = good.split('.');
      const random = Buffer.alloc(256, i + 1).toString('base64url');
      assert.deepEqual(await v.verify(`Bearer ${h}.${p}.${random}`), { ok: false, reason: 'bad_signature' });
    }
    assert.equal(lookups.length, 5);
    // …and the good token is still accepted: forgeries never poison the verified path.
    assert.deepEqual(await v.verify(`Bearer ${good}`), { ok: true, tenantId: TENANT });
  });

  it('an unknown kid is not remembered: once the key is published the same token is accepted', async () => {
    const v = verifier();
    const rotated = await newAuthorityKey();
    const token = `Bearer ${signToken(rotated, claims())}`;
    assert.deepEqual(await v.verify(token), { ok: false, reason: 'unknown_key' });
    published.set(rotated.kid, rotated.publicKey);
    assert.deepEqual(await v.verify(token), { ok: true, tenantId: TENANT });
  });

  it('a token not valid yet is not remembered: it is accepted once its time comes', async () => {
    const v = verifier();
    const token = `Bearer ${signToken(key, claims({ nbf: T0 + 1000 }))}`;
    assert.deepEqual(await v.verify(token), { ok: false, reason: 'not_yet_valid' });
    nowSec = T0 + 1000;
    assert.deepEqual(await v.verify(token), { ok: true, tenantId: TENANT });
  });

  it('a remembered refusal is forgotten after ten minutes and checked afresh', async () => {
    const v = verifier();
    const forged = `Bearer ${tampered(signToken(key, claims()))}`;
    await v.verify(forged);
    nowSec += 601;
    assert.deepEqual(await v.verify(forged), { ok: false, reason: 'bad_signature' });
    assert.equal(lookups.length, 2);
  });

  it('the refusal cache is bounded: the oldest refusal is forgotten first', () => {
    const cache = createRefusalCache(2, 600);
    cache.set('a', 'bad_signature', T0);
    cache.set('b', 'bad_signature', T0);
    cache.set('c', 'bad_signature', T0);
    assert.equal(cache.get('a', T0), undefined);
    assert.equal(cache.get('b', T0), 'bad_signature');
    assert.equal(cache.get('c', T0), 'bad_signature');
  });

  it('only bad signatures are remembered: refusals that may not last, or were cheap to reach, are not', () => {
    const cache = createRefusalCache(10, 600);
    for (const reason of [
      'unknown_key',
      'not_yet_valid',
      'expired',
      'audience_mismatch',
      'malformed_token',
    ] as const) {
      assert.equal(REMEMBERED_REFUSALS.has(reason), false);
      cache.set(reason, reason, T0);
      assert.equal(cache.get(reason, T0), undefined);
    }
  });

  it('a header far larger than any JOSE header is refused before it is decoded or any key is looked up', async () => {
    const v = verifier();
    const good = signToken(key, claims());
    const huge = Buffer.from(JSON.stringify({ alg: 'RS256', kid: key.kid, pad: 'x'.repeat(3000) })).toString(
      'base64url',
    );
    assert.deepEqual(await v.verify(`Bearer ${huge}.${good.split('.')[1]}.c2ln`), {
      ok: false,
      reason: 'malformed_token',
    });
    assert.deepEqual(lookups, []);
  });

  it('refuses an empty header or payload, more than three parts, and an empty signature', async () => {
    const v = verifier();
    const [h, p] = signToken(key, claims()).split('.') as [string, string];
    for (const t of [`.${p}.c2ln`, `${h}..c2ln`, `${h}.${p}.c2ln.x`, `${h}.${p}`, h]) {
      assert.deepEqual(await v.verify(`Bearer ${t}`), { ok: false, reason: 'malformed_token' }, t);
    }
    assert.deepEqual(await v.verify(`Bearer ${h}.${p}.`), { ok: false, reason: 'bad_signature' });
  });
});
