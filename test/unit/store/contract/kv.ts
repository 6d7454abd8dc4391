import assert from 'node:assert/strict';
import type { ContractContext } from './subject';
import { hasCode, sleep } from './subject';

const NS = 'contract';

const isConflict = hasCode('STORE_CONFLICT');

/** Key-value cases. */
export function kvCases(ctx: ContractContext): void {
  it('get of a missing key is undefined; put creates then bumps the version', async () => {
    const { kv } = ctx.storage;
    assert.equal(await kv.get(NS, 'a'), undefined);
    assert.equal(await kv.put(NS, 'a', { n: 1 }), 1);
    assert.equal(await kv.put(NS, 'a', { n: 2 }), 2);
    assert.deepEqual(await kv.get(NS, 'a'), { value: { n: 2 }, version: 2 });
  });

  it('round-trips JSON values of every shape', async () => {
    const { kv } = ctx.storage;
    const values = [{ deep: { list: [1, 'two', null, true] } }, [3, 4], 'héllo ☎ 𝄞', 42.5, 0, null, false];
    for (const [i, value] of values.entries()) await kv.put(NS, `v${i}`, value);
    for (const [i, value] of values.entries()) assert.deepEqual((await kv.get(NS, `v${i}`))?.value, value);
    await assert.rejects(kv.put(NS, 'undef', undefined), TypeError);
  });

  it('expectedVersion 0 creates only when absent', async () => {
    const { kv } = ctx.storage;
    assert.equal(await kv.put(NS, 'once', 'first', { expectedVersion: 0 }), 1);
    await assert.rejects(kv.put(NS, 'once', 'second', { expectedVersion: 0 }), isConflict);
    assert.equal((await kv.get(NS, 'once'))?.value, 'first');
  });

  it('expectedVersion n writes only over version n', async () => {
    const { kv } = ctx.storage;
    await kv.put(NS, 'cas', 'v1');
    assert.equal(await kv.put(NS, 'cas', 'v2', { expectedVersion: 1 }), 2);
    await assert.rejects(kv.put(NS, 'cas', 'stale', { expectedVersion: 1 }), isConflict);
    await assert.rejects(kv.put(NS, 'missing', 'x', { expectedVersion: 3 }), isConflict);
    assert.deepEqual(await kv.get(NS, 'cas'), { value: 'v2', version: 2 });
    assert.equal(await kv.get(NS, 'missing'), undefined);
  });

  it('lets exactly one of two racing writers with the same expectedVersion win', async () => {
    const { kv } = ctx.storage;
    await kv.put(NS, 'race', 0);
    const results = await Promise.allSettled([
      kv.put(NS, 'race', 'left', { expectedVersion: 1 }),
      kv.put(NS, 'race', 'right', { expectedVersion: 1 }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const rejected = results.find((r) => r.status === 'rejected');
    assert.ok(rejected && isConflict(rejected.reason));
  });

  it('treats expired entries as absent and purges them', async () => {
    const { kv } = ctx.storage;
    await kv.put(NS, 'short', 'soon gone', { ttlMs: 80 });
    await kv.put(NS, 'long', 'stays', { ttlMs: 60_000 });
    assert.equal((await kv.get(NS, 'short'))?.value, 'soon gone');
    await sleep(150);
    assert.equal(await kv.get(NS, 'short'), undefined);
    assert.deepEqual(
      (await kv.list(NS)).map((e) => e.key),
      ['long'],
    );
    await assert.rejects(kv.put(NS, 'short', 'x', { expectedVersion: 1 }), isConflict);
    assert.equal(await kv.delete(NS, 'short'), false);
    await kv.put(NS, 'short2', 'gone too', { ttlMs: 1 });
    await sleep(20);
    assert.equal(await kv.purgeExpired(), 1);
    assert.equal((await kv.get(NS, 'long'))?.value, 'stays');
  });

  it('overwrites an expired entry when expectedVersion is 0, with a newer version', async () => {
    const { kv } = ctx.storage;
    await kv.put(NS, 'lease', 'old', { ttlMs: 30 });
    await sleep(80);
    const version = await kv.put(NS, 'lease', 'new', { expectedVersion: 0 });
    assert.ok(version > 1, `version ${version} should keep counting past the expired row`);
    assert.deepEqual(await kv.get(NS, 'lease'), { value: 'new', version });
  });

  it('lists by exact prefix, in key order, with a limit, per namespace', async () => {
    const { kv } = ctx.storage;
    for (const key of ['call:2', 'call:1', 'callx', 'CALL:3', 'other', 'c%ll:4', 'call_5'])
      await kv.put(NS, key, key);
    await kv.put('elsewhere', 'call:9', 'x');
    assert.deepEqual(
      (await kv.list<string>(NS, { prefix: 'call:' })).map((e) => [e.key, e.value, e.version]),
      [
        ['call:1', 'call:1', 1],
        ['call:2', 'call:2', 1],
      ],
    );
    // Neither % nor _ is a wildcard, and matching is case-sensitive.
    assert.deepEqual(
      (await kv.list(NS, { prefix: 'c%' })).map((e) => e.key),
      ['c%ll:4'],
    );
    assert.deepEqual(
      (await kv.list(NS, { prefix: 'call_' })).map((e) => e.key),
      ['call_5'],
    );
    assert.deepEqual(
      (await kv.list(NS, { prefix: 'call', limit: 2 })).map((e) => e.key),
      ['call:1', 'call:2'],
    );
    assert.equal((await kv.list(NS)).length, 7);
    assert.deepEqual(
      (await kv.list('elsewhere')).map((e) => e.key),
      ['call:9'],
    );
  });

  it('delete says whether a live entry was removed', async () => {
    const { kv } = ctx.storage;
    await kv.put(NS, 'd', 1);
    await kv.put('other-ns', 'd', 2);
    assert.equal(await kv.delete(NS, 'd'), true);
    assert.equal(await kv.delete(NS, 'd'), false);
    assert.equal(await kv.get(NS, 'd'), undefined);
    assert.equal((await kv.get('other-ns', 'd'))?.value, 2);
    assert.equal(await kv.put(NS, 'd', 3), 1);
  });
}
