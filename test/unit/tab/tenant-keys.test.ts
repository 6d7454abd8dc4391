import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'mocha';
import { createTenantKeys } from '../../../teams-tab/api';
import { newAuthorityKey, type AuthorityKey } from '../../helpers/calling-keys';
import { silentLogger } from './fakes';

describe('tab API: the authority keys per tenant', () => {
  const made = new Map<string, AuthorityKey>();
  async function keyFor(kid: string): Promise<AuthorityKey> {
    let k = made.get(kid);
    if (!k) made.set(kid, (k = { ...(await newAuthorityKey()), kid }));
    return k;
  }
  async function authority(keys: Record<string, string[]>) {
    for (const kids of Object.values(keys)) for (const kid of kids) await keyFor(kid);
    const fetched: string[] = [];
    const fetchJson = async (url: string) => {
      fetched.push(url);
      const tenant = /^https:\/\/login\.example\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(url)?.[1] ?? '';
      return { keys: (keys[tenant] ?? []).map((kid) => ({ ...made.get(kid)!.jwk, kid })) };
    };
    return { fetched, fetchJson };
  }
  const isKey = async (found: unknown, kid: string) =>
    assert.ok(
      found && (await keyFor(kid)).publicKey.equals(found as never),
      `expected the published key ${kid}`,
    );

  it('fetches a tenant’s keys once and serves known key ids from the cache', async () => {
    const a = await authority({ t1: ['k1', 'k2'] });
    const keys = createTenantKeys('https://login.example/', a.fetchJson, silentLogger, () => 0);
    await isKey(await keys.find('t1', 'k1'), 'k1');
    await isKey(await keys.find('t1', 'k2'), 'k2');
    assert.deepEqual(a.fetched, ['https://login.example/t1/discovery/v2.0/keys']);
  });

  it('refetches for an unknown key id at most once a minute (keys roll, forged kids do not flood)', async () => {
    const published: Record<string, string[]> = { t1: ['k1'] };
    const a = await authority(published);
    await keyFor('k2');
    await keyFor('k3');
    let now = 0;
    const keys = createTenantKeys('https://login.example', a.fetchJson, silentLogger, () => now);
    await keys.find('t1', 'k1');
    // Right after the first load a new kid may mean a rotation: one refresh is allowed at once.
    now = 5_000;
    assert.equal(await keys.find('t1', 'k2'), undefined);
    assert.equal(a.fetched.length, 2);
    published.t1 = ['k1', 'k2'];
    now = 10_000;
    assert.equal(await keys.find('t1', 'k2'), undefined);
    assert.equal(a.fetched.length, 2);
    now = 65_000;
    await isKey(await keys.find('t1', 'k2'), 'k2');
    assert.equal(a.fetched.length, 3);
  });

  it('keeps tenants apart and shares one fetch between concurrent lookups', async () => {
    const a = await authority({ t1: ['k1'], t2: ['k9'] });
    const keys = createTenantKeys('https://login.example', a.fetchJson, silentLogger, () => 0);
    const [x, y] = await Promise.all([keys.find('t1', 'k1'), keys.find('t1', 'k1')]);
    await isKey(x, 'k1');
    await isKey(y, 'k1');
    assert.equal(await keys.find('t2', 'k1'), undefined);
    await isKey(await keys.find('t2', 'k9'), 'k9');
    assert.equal(a.fetched.length, 2);
  });

  it('trusts only RS256 signing keys of 2,048 bits or more, as the calling webhook does', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const good = await keyFor('good');
    const fetchJson = async () => ({
      keys: [
        { ...small, kid: 'short' },
        { ...good.jwk, kid: 'enc', use: 'enc' },
        { ...good.jwk, kid: 'ps', alg: 'PS256' },
        { ...good.jwk, kid: 'good' },
      ],
    });
    const keys = createTenantKeys('https://login.example', fetchJson, silentLogger, () => 0);
    await isKey(await keys.find('t1', 'good'), 'good');
    for (const kid of ['short', 'enc', 'ps']) assert.equal(await keys.find('t1', kid), undefined, kid);
  });

  it('rejects while a tenant’s keys could never be loaded, so the tab answers 503', async () => {
    const fetchJson = async () => {
      throw new Error('GET https://login.example/t1/discovery/v2.0/keys answered 500');
    };
    const keys = createTenantKeys('https://login.example', fetchJson, silentLogger, () => 0);
    await assert.rejects(keys.find('t1', 'k1'), /answered 500/);
  });
});
