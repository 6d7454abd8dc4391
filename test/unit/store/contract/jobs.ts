import assert from 'node:assert/strict';
import type { ContractContext } from './subject';

/** Job cases; `now` is passed explicitly so no case sleeps. */
export function jobsCases(ctx: ContractContext): void {
  it('schedules a job and lists it unclaimed', async () => {
    const { jobs } = ctx.storage;
    const dueAt = Date.now() + 5000;
    const id = await jobs.schedule({ kind: 'reminder', dueAt, payload: { callee: 'adele', n: [1, 2] } });
    const [row, ...rest] = await jobs.list();
    assert.equal(rest.length, 0);
    assert.ok(row);
    assert.equal(row.id, id);
    assert.equal(row.kind, 'reminder');
    assert.equal(row.key, null);
    assert.equal(row.dueAt, dueAt);
    assert.equal(typeof row.dueAt, 'number');
    assert.deepEqual(row.payload, { callee: 'adele', n: [1, 2] });
    assert.equal(row.attempts, 0);
    assert.equal(row.claimedBy, null);
    assert.equal(row.claimedUntil, null);
  });

  it('replaces the pending job when the same key is scheduled again', async () => {
    const { jobs } = ctx.storage;
    const first = await jobs.schedule({ kind: 'renew', key: 'sub-1', dueAt: 1000, payload: 'a' });
    const second = await jobs.schedule({ kind: 'renew', key: 'sub-1', dueAt: 2000, payload: 'b' });
    await jobs.schedule({ kind: 'renew', dueAt: 3000, payload: 'no key 1' });
    await jobs.schedule({ kind: 'renew', dueAt: 4000, payload: 'no key 2' });
    assert.notEqual(first, second);
    const rows = await jobs.list({ kind: 'renew' });
    assert.deepEqual(
      rows.map((r) => [r.key, r.dueAt, r.payload]),
      [
        ['sub-1', 2000, 'b'],
        [null, 3000, 'no key 1'],
        [null, 4000, 'no key 2'],
      ],
    );
    assert.equal(rows[0]?.id, second);
    assert.deepEqual(
      (await jobs.list({ limit: 1 })).map((r) => r.payload),
      ['b'],
    );
  });

  it('claims only due jobs of the asked kinds, oldest first, once', async () => {
    const { jobs } = ctx.storage;
    const now = 1_000_000;
    const a = await jobs.schedule({ kind: 'k', dueAt: now - 3000, payload: 'a' });
    const b = await jobs.schedule({ kind: 'k', dueAt: now - 1000, payload: 'b' });
    await jobs.schedule({ kind: 'k', dueAt: now + 60_000, payload: 'future' });
    await jobs.schedule({ kind: 'other', dueAt: now - 5000, payload: 'other kind' });
    const claimed = await jobs.claimDue('worker-1', { kinds: ['k'], now, leaseMs: 1000 });
    assert.deepEqual(
      claimed.map((j) => j.id),
      [a, b],
    );
    for (const job of claimed) {
      assert.equal(job.claimedBy, 'worker-1');
      assert.equal(job.claimedUntil, now + 1000);
    }
    assert.deepEqual(await jobs.claimDue('worker-2', { kinds: ['k'], now }), []);
    assert.deepEqual(await jobs.claimDue('worker-2', { kinds: [], now }), []);
    const rest = await jobs.claimDue('worker-2', { now, limit: 5 });
    assert.deepEqual(
      rest.map((j) => j.payload),
      ['other kind'],
    );
  });

  it('honours the claim limit', async () => {
    const { jobs } = ctx.storage;
    for (let i = 0; i < 5; i++) await jobs.schedule({ kind: 'k', dueAt: 100 + i, payload: i });
    const first = await jobs.claimDue('w', { limit: 2, now: 1000 });
    const second = await jobs.claimDue('w', { limit: 2, now: 1000 });
    assert.deepEqual(
      [...first, ...second].map((j) => j.payload),
      [0, 1, 2, 3],
    );
  });

  it('completes only for the owner that holds the claim', async () => {
    const { jobs } = ctx.storage;
    const id = await jobs.schedule({ kind: 'k', dueAt: 10, payload: null });
    await jobs.claimDue('owner', { now: 20 });
    assert.equal(await jobs.complete(id, 'intruder'), false);
    assert.equal(await jobs.complete(id, 'owner'), true);
    assert.equal(await jobs.complete(id, 'owner'), false);
    assert.deepEqual(await jobs.list(), []);
  });

  it('retry releases the job with attempts+1, the error and a later due time', async () => {
    const { jobs } = ctx.storage;
    const id = await jobs.schedule({ kind: 'k', dueAt: 10, payload: 'p' });
    await jobs.claimDue('owner', { now: 20 });
    assert.equal(await jobs.retry(id, 'intruder', 500, 'nope'), false);
    assert.equal(await jobs.retry(id, 'owner', 500, 'Graph 503'), true);
    const [row] = await jobs.list();
    assert.equal(row?.attempts, 1);
    assert.equal(row?.lastError, 'Graph 503');
    assert.equal(row?.dueAt, 500);
    assert.equal(row?.claimedBy, null);
    assert.deepEqual(await jobs.claimDue('owner', { now: 499 }), []);
    const again = await jobs.claimDue('other', { now: 500 });
    assert.deepEqual(
      again.map((j) => [j.id, j.attempts]),
      [[id, 1]],
    );
  });

  it('lets another owner reclaim a job whose claim lease expired', async () => {
    const { jobs } = ctx.storage;
    const id = await jobs.schedule({ kind: 'k', dueAt: 10, payload: null });
    const t = 1000;
    assert.equal((await jobs.claimDue('crashed', { now: t, leaseMs: 100 })).length, 1);
    assert.deepEqual(await jobs.claimDue('survivor', { now: t + 50 }), []);
    const reclaimed = await jobs.claimDue('survivor', { now: t + 101 });
    assert.deepEqual(
      reclaimed.map((j) => [j.id, j.claimedBy]),
      [[id, 'survivor']],
    );
    assert.equal(await jobs.complete(id, 'crashed'), false);
    assert.equal(await jobs.complete(id, 'survivor'), true);
  });

  it('detaches the old claimer when a claimed keyed job is replaced', async () => {
    const { jobs } = ctx.storage;
    const oldId = await jobs.schedule({ kind: 'k', key: 'reminder-7', dueAt: 10, payload: 1 });
    await jobs.claimDue('owner', { now: 20 });
    const newId = await jobs.schedule({ kind: 'k', key: 'reminder-7', dueAt: 30, payload: 2 });
    assert.equal(await jobs.complete(oldId, 'owner'), false);
    assert.equal(await jobs.retry(oldId, 'owner', 99, 'x'), false);
    const [row] = await jobs.list();
    assert.equal(row?.id, newId);
    assert.equal(row?.claimedBy, null);
  });

  it('cancels by id or by key', async () => {
    const { jobs } = ctx.storage;
    const byId = await jobs.schedule({ kind: 'k', dueAt: 1, payload: null });
    await jobs.schedule({ kind: 'k', key: 'keyed', dueAt: 2, payload: null });
    const kept = await jobs.schedule({ kind: 'k', dueAt: 3, payload: null });
    assert.equal(await jobs.cancel({ id: byId }), true);
    assert.equal(await jobs.cancel({ key: 'keyed' }), true);
    assert.equal(await jobs.cancel({ key: 'keyed' }), false);
    assert.equal(await jobs.cancel({ id: 'no-such-id' }), false);
    await assert.rejects(jobs.cancel({}), TypeError);
    assert.deepEqual(
      (await jobs.list()).map((r) => r.id),
      [kept],
    );
  });

  it('hands each job to exactly one of many concurrent claimers', async () => {
    const { jobs } = ctx.storage;
    for (let i = 0; i < 40; i++) await jobs.schedule({ kind: 'k', dueAt: i, payload: i });
    const seen: string[] = [];
    const worker = async (owner: string) => {
      for (;;) {
        const batch = await jobs.claimDue(owner, { limit: 3, now: 1000 });
        if (batch.length === 0) return;
        seen.push(...batch.map((j) => j.id));
      }
    };
    await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5', 'w6'].map(worker));
    assert.equal(seen.length, 40);
    assert.equal(new Set(seen).size, 40);
  });
}
