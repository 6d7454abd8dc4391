import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createCallingKeys, type CallingKeys } from '../../../../calling/webhook/openid-keys';
import type { WebhookLogger } from '../../../../calling/webhook/types';
import { newAuthorityKey, type AuthorityKey } from '../../../helpers/calling-keys';

const CONFIG_URL = 'https://keys.test/v1/.well-known/OpenIdConfiguration';
const JWKS_URL = 'https://keys.test/v1/keys';

interface Fake {
  keys: CallingKeys;
  fetched: string[];
  logs: Array<{ level: string; obj: object; msg?: string }>;
  published: Array<Record<string, unknown>>;
  setClock(ms: number): void;
  failWith: Error | undefined;
  doc: unknown;
  gate: Promise<void> | undefined;
}

function fake(initial: AuthorityKey[]): Fake {
  let clock = 1_000_000;
  const logs: Fake['logs'] = [];
  const log = (level: string) => (obj: object, msg?: string) =>
    logs.push({ level, obj, ...(msg ? { msg } : {}) });
  const logger: WebhookLogger = {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
  const f: Fake = {
    fetched: [],
    logs,
    published: initial.map((k) => k.jwk),
    setClock: (ms) => (clock = ms),
    failWith: undefined,
    doc: { jwks_uri: '/v1/keys' },
    gate: undefined,
    keys: undefined as unknown as CallingKeys,
  };
  f.keys = createCallingKeys({
    openIdConfigUrl: CONFIG_URL,
    logger,
    now: () => clock,
    fetchJson: async (url) => {
      f.fetched.push(url);
      if (f.gate) await f.gate;
      if (url === CONFIG_URL) return f.doc;
      if (f.failWith) throw f.failWith;
      assert.equal(url, JWKS_URL);
      return { keys: f.published };
    },
  });
  return f;
}

describe('calling/webhook openid-keys', () => {
  let a: AuthorityKey;
  let b: AuthorityKey;
  before(async () => {
    [a, b] = await Promise.all([newAuthorityKey(), newAuthorityKey()]);
  });

  it('fetches nothing until a key is needed, then the OpenID document and its jwks_uri (relative allowed)', async () => {
    const f = fake([a]);
    assert.equal(f.keys.ready(), false);
    assert.deepEqual(f.fetched, []);
    const found = await f.keys.find(a.kid);
    assert.ok(found?.equals(a.publicKey));
    assert.deepEqual(f.fetched, [CONFIG_URL, JWKS_URL]);
    assert.equal(f.keys.ready(), true);
  });

  it('an unknown kid refreshes once; another within 30 s does not; after 30 s it may again', async () => {
    const f = fake([a]);
    await f.keys.find(a.kid);
    assert.equal(await f.keys.find('nope-1'), undefined);
    assert.equal(f.fetched.length, 4);
    assert.equal(await f.keys.find('nope-2'), undefined);
    f.setClock(1_000_000 + 29_999);
    assert.equal(await f.keys.find('nope-3'), undefined);
    assert.equal(f.fetched.length, 4);
    f.setClock(1_000_000 + 30_000);
    f.published = [a.jwk, b.jwk];
    assert.ok((await f.keys.find(b.kid))?.equals(b.publicKey));
    assert.equal(f.fetched.length, 6);
  });

  it('a rotated key is found by one refresh right after the first load', async () => {
    const f = fake([a]);
    await f.keys.find(a.kid);
    f.published = [b.jwk];
    assert.ok((await f.keys.find(b.kid))?.equals(b.publicKey));
    assert.equal(f.fetched.length, 4);
    assert.equal(await f.keys.find(a.kid), undefined, 'a key dropped from the JWKS is no longer trusted');
  });

  it('when a refresh fails the last good keys stay, and the failure is logged', async () => {
    const f = fake([a]);
    await f.keys.find(a.kid);
    f.failWith = new Error('connection refused');
    assert.equal(await f.keys.find(b.kid), undefined);
    assert.ok((await f.keys.find(a.kid))?.equals(a.publicKey));
    assert.equal(f.keys.ready(), true);
    const warn = f.logs.find((l) => l.level === 'warn');
    assert.match(warn?.msg ?? '', /keeping the last good keys/);
    assert.equal((warn?.obj as { reason?: string }).reason, 'connection refused');
  });

  it('a failed first load is retried only after 30 s, and ensureReady says why it is not ready', async () => {
    const f = fake([a]);
    f.failWith = new Error('503 from the key service');
    await assert.rejects(f.keys.ensureReady(), /not loaded from .*503 from the key service/);
    assert.equal(f.fetched.length, 2);
    await assert.rejects(f.keys.ensureReady());
    assert.equal(await f.keys.find(a.kid), undefined);
    assert.equal(f.fetched.length, 2, 'no fetch storm while the issuer is down');
    f.failWith = undefined;
    f.setClock(1_000_000 + 30_000);
    await f.keys.ensureReady();
    assert.equal(f.keys.ready(), true);
  });

  it('concurrent lookups share one fetch', async () => {
    const f = fake([a]);
    let open!: () => void;
    f.gate = new Promise<void>((r) => (open = r));
    const pending = Promise.all([f.keys.find(a.kid), f.keys.find(a.kid), f.keys.ensureReady()]);
    await new Promise((r) => setImmediate(r));
    open();
    const [k1, k2] = await pending;
    assert.ok(k1 && k2);
    assert.equal(f.fetched.length, 2);
  });

  it('keys older than the maximum age are refreshed in the background on use', async () => {
    const f = fake([a]);
    await f.keys.find(a.kid);
    f.setClock(1_000_000 + 2 * 60 * 60 * 1000 + 1);
    assert.ok(await f.keys.find(a.kid), 'answered from the current keys without waiting');
    await new Promise((r) => setImmediate(r));
    assert.equal(f.fetched.length, 4);
  });

  it('skips unusable JWKS entries and refuses a JWKS with none usable', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const f = fake([]);
    f.published = [
      { ...small, kid: 'short' },
      { ...a.jwk, kid: 'enc', use: 'enc' },
      { ...a.jwk, kid: 'ps', alg: 'PS256' },
      { kty: 'EC', kid: 'ec', crv: 'P-256', x: 'AA', y: 'AA' },
      { kty: 'RSA', kid: 'broken', n: '!!', e: 'AQAB' },
      b.jwk,
    ];
    assert.ok(await f.keys.find(b.kid));
    for (const kid of ['short', 'enc', 'ps', 'ec', 'broken'])
      assert.equal(await f.keys.find(kid), undefined, kid);

    const g = fake([]);
    g.published = [{ ...small, kid: 'short' }];
    await assert.rejects(g.keys.ensureReady(), /no usable RS256 signing key/);
  });

  it('an OpenID document without jwks_uri is a failed load with a clear reason', async () => {
    const f = fake([a]);
    f.doc = { issuer: 'x' };
    await assert.rejects(f.keys.ensureReady(), /has no jwks_uri/);
  });
});
