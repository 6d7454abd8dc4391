import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { createTenantKeys } from '../../../teams-tab/api';

describe('tab API: the authority keys per tenant', () => {
  function authority(keys: Record<string, string[]>) {
    const fetched: string[] = [];
    const fetchJson = async (url: string) => {
      fetched.push(url);
      const tenant = /^https:\/\/login\.example\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(url)?.[1] ?? '';
      return { keys: (keys[tenant] ?? []).map((kid) => ({ kid, kty: 'RSA' })) };
    };
    return { fetched, fetchJson };
  }

  it('fetches a tenant’s keys once and serves known key ids from the cache', async () => {
    const a = authority({ t1: ['k1', 'k2'] });
    const keys = createTenantKeys('https://login.example/', a.fetchJson, () => 0);
    assert.equal((await keys.find('t1', 'k1'))?.kid, 'k1');
    assert.equal((await keys.find('t1', 'k2'))?.kid, 'k2');
    assert.deepEqual(a.fetched, ['https://login.example/t1/discovery/v2.0/keys']);
  });

  it('refetches for an unknown key id at most once a minute (keys roll, forged kids do not flood)', async () => {
    const published: Record<string, string[]> = { t1: ['k1'] };
    const a = authority(published);
    let now = 0;
    const keys = createTenantKeys('https://login.example', a.fetchJson, () => now);
    await keys.find('t1', 'k1');
    published.t1 = ['k1', 'k2'];
    now = 10_000;
    assert.equal(await keys.find('t1', 'k2'), undefined);
    assert.equal(a.fetched.length, 1);
    now = 61_000;
    assert.equal((await keys.find('t1', 'k2'))?.kid, 'k2');
    assert.equal(a.fetched.length, 2);
  });

  it('keeps tenants apart and shares one fetch between concurrent lookups', async () => {
    const a = authority({ t1: ['k1'], t2: ['k9'] });
    const keys = createTenantKeys('https://login.example', a.fetchJson, () => 0);
    const [x, y] = await Promise.all([keys.find('t1', 'k1'), keys.find('t1', 'k1')]);
    assert.equal(x?.kid, 'k1');
    assert.equal(y?.kid, 'k1');
    assert.equal(await keys.find('t2', 'k1'), undefined);
    assert.equal((await keys.find('t2', 'k9'))?.kid, 'k9');
    assert.equal(a.fetched.length, 2);
  });
});
