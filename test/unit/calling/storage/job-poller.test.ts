import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJobPoller } from '../../../../calling/storage/job-poller';
import { openStore, type Store } from '../../../../store';

describe('job poller [sqlite]', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sb-poller-'));
    store = await openStore({ sqlitePath: path.join(dir, 'p.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs each due job of its kinds once, leaves others, and retries a failure at the time it names', async () => {
    const now = Date.now();
    await store.jobs.schedule({ kind: 'a', dueAt: now - 1, payload: { n: 1 } });
    await store.jobs.schedule({ kind: 'a', dueAt: now - 1, payload: { n: 2, fail: true } });
    await store.jobs.schedule({ kind: 'a', dueAt: now + 3_600_000, payload: { n: 3 } });
    await store.jobs.schedule({ kind: 'b', dueAt: now - 1, payload: { n: 4 } });
    const ran: number[] = [];
    const errors: unknown[] = [];
    const poller = createJobPoller({
      jobs: store.jobs,
      owner: 'me',
      kinds: ['a'],
      pollMs: 10_000,
      now: () => now,
      run: async (job) => {
        const p = job.payload as { n: number; fail?: boolean };
        ran.push(p.n);
        if (p.fail) throw new Error('boom');
        await store.jobs.complete(job.id, job.claimedBy);
      },
      retryAt: () => now + 5_000,
      onError: (err) => errors.push(err),
    });
    assert.equal(await poller.tick(), 2);
    assert.deepEqual(ran.sort(), [1, 2]);
    assert.equal(errors.length, 1);
    const left = await store.jobs.list({ kind: 'a' });
    const retried = left.find((j) => (j.payload as { n: number }).n === 2);
    assert.equal(retried?.dueAt, now + 5_000);
    assert.equal(retried?.attempts, 1);
    assert.equal(retried?.claimedBy, null);
    assert.equal(left.length, 2, 'the completed job is gone; the future one stays');
    assert.equal((await store.jobs.list({ kind: 'b' })).length, 1, 'other kinds are not touched');
    assert.equal(await poller.tick(), 0, 'nothing is due again yet');
  });

  it('polls on its own once started and stop() waits for the poll under way', async () => {
    const now = Date.now();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    const poller = createJobPoller({
      jobs: store.jobs,
      owner: 'me',
      kinds: ['slow'],
      pollMs: 20,
      now: () => now,
      run: async (job) => {
        ran.push(job.id);
        await gate;
        await store.jobs.complete(job.id, job.claimedBy);
      },
      retryAt: () => now,
      onError: (err) => assert.fail(String(err)),
    });
    poller.start();
    const id = await store.jobs.schedule({ kind: 'slow', dueAt: now - 1, payload: {} });
    while (ran.length === 0) await new Promise((r) => setTimeout(r, 10));
    let stopped = false;
    const stopping = poller.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(stopped, false, 'stop() returned while a job was still running');
    release();
    await stopping;
    assert.deepEqual(ran, [id]);
    assert.equal((await store.jobs.list({ kind: 'slow' })).length, 0);
  });
});
