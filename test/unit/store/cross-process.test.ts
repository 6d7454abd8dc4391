import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StoreLockTimeoutError, openStore } from '../../../store';
import type { StoreChild } from './children';
import { startChild } from './children';
import { storeTargets } from './targets';

// Long enough that a child starved at start-up (a loaded CI machine) still overlaps the other.
const ITERATIONS = 40;

interface Marker {
  label: string;
  what: string;
  i: number;
  at: number;
}

function readMarkers(file: string): Marker[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [label = '', what = '', i = '', at = ''] = line.split(' ');
      return { label, what, i: Number(i), at: Number(at) };
    });
}

async function startTogether(children: StoreChild[]): Promise<void> {
  await Promise.all(children.map((c) => c.line('ready')));
  for (const child of children) child.go();
}

// Real separate Node processes on one database: the guarantees the app relies on when several
// instances run behind a load balancer (or a restarted process overlaps its predecessor).
for (const target of storeTargets()) {
  describe(`store across processes [${target.name}]`, function () {
    this.timeout(40_000);
    const children: StoreChild[] = [];
    let n = 0;
    const fresh = () => target.fresh(`xproc_${process.pid}_${++n}`);

    before(async function () {
      this.timeout(60_000);
      await target.setUp();
    });
    afterEach(async () => {
      await Promise.all(children.splice(0).map((c) => c.kill()));
    });
    after(() => target.tearDown());

    it('two processes never hold the same lock at once (and migrate a fresh database together)', async () => {
      const options = await fresh();
      const markerFile = path.join(tmpdir(), `sb-markers-${process.pid}-${target.name}-${n}.log`);
      for (const label of ['A', 'B']) {
        children.push(startChild({ mode: 'lock', label, options, markerFile, iterations: ITERATIONS }));
      }
      await startTogether(children);
      await Promise.all(children.map((c) => c.result()));

      const markers = readMarkers(markerFile);
      rmSync(markerFile);
      assert.equal(markers.length, 4 * ITERATIONS);
      for (let j = 0; j < markers.length; j += 2) {
        const [enter, exit] = [markers[j], markers[j + 1]];
        assert.ok(enter && exit);
        assert.equal(
          `${enter.label} ${enter.what} ${enter.i}`,
          `${enter.label} enter ${enter.i}`,
          `line ${j}`,
        );
        assert.equal(
          `${exit.label} ${exit.what} ${exit.i}`,
          `${enter.label} exit ${enter.i}`,
          `line ${j + 1}`,
        );
      }
      // Both ran during the same period, so the lock really was contended.
      const span = (label: string) => markers.filter((m) => m.label === label).map((m) => m.at);
      const [a, b] = [span('A'), span('B')];
      assert.ok(
        Math.min(...a) < Math.max(...b) && Math.min(...b) < Math.max(...a),
        'the children never overlapped',
      );

      const store = await openStore(options);
      try {
        assert.equal((await store.kv.get<number>('xproc', 'counter'))?.value, 2 * ITERATIONS);
      } finally {
        await store.close();
      }
    });

    it('two processes draining due jobs claim each exactly once', async () => {
      const options = await fresh();
      const store = await openStore(options);
      try {
        const ids = new Set<string>();
        const now = Date.now();
        for (let i = 0; i < 120; i++)
          ids.add(await store.jobs.schedule({ kind: 'xproc', dueAt: now - i, payload: i }));
        for (const label of ['A', 'B'])
          children.push(startChild({ mode: 'jobs', label, options, jobKind: 'xproc' }));
        await startTogether(children);
        const [a, b] = await Promise.all(children.map((c) => c.result<{ claimed: string[] }>()));
        assert.ok(a && b);
        const all = [...a.claimed, ...b.claimed];
        assert.equal(all.length, ids.size, 'some job was claimed twice or not at all');
        assert.deepEqual(new Set(all), ids);
        assert.ok(
          a.claimed.length > 0 && b.claimed.length > 0,
          `one process got everything: ${a.claimed.length}/${b.claimed.length}`,
        );
        assert.deepEqual(await store.jobs.list({ kind: 'xproc' }), []);
      } finally {
        await store.close();
      }
    });

    it('a lock held by a killed process is taken over within seconds, long before its lease expires', async () => {
      const options = await fresh();
      const holder = startChild({ mode: 'hold', label: 'H', options, key: 'call-9', leaseMs: 60_000 });
      children.push(holder);
      await startTogether([holder]);
      await holder.line('locked');
      const store = await openStore(options);
      try {
        await assert.rejects(
          store.locks.withLock('call-9', async () => 'no', { waitMs: 300 }),
          StoreLockTimeoutError,
        );
        await holder.kill();
        const killedAt = Date.now();
        assert.equal(await store.locks.withLock('call-9', async () => 'mine', { waitMs: 8000 }), 'mine');
        const waited = Date.now() - killedAt;
        // Its instance is known dead at this store's next heartbeat (every 2 s): the process is gone.
        assert.ok(waited < 3000, `took over after ${waited} ms; the 60 s lease had to run out`);
      } finally {
        await store.close();
      }
    });
  });
}
