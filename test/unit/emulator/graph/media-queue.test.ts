import assert from 'node:assert/strict';
import { MediaQueue } from '../../../../emulator/graph/media-queue';
import type { MediaJob } from '../../../../emulator/graph/media-queue';

function job(id: string, log: string[]): MediaJob & { keys: string[] } {
  const keys: string[] = [];
  return {
    opId: id,
    keys,
    start: () => log.push(`start ${id}`),
    stop: () => log.push(`stop ${id}`),
    onKey: (k) => keys.push(k),
  };
}

describe('media queue', () => {
  it('runs jobs one at a time in order', () => {
    const log: string[] = [];
    const q = new MediaQueue();
    const a = job('a', log);
    const b = job('b', log);
    q.enqueue(a);
    q.enqueue(b);
    assert.deepEqual(log, ['start a']);
    q.done(b);
    assert.deepEqual(log, ['start a'], 'only the running job can finish');
    q.done(a);
    assert.deepEqual(log, ['start a', 'start b']);
  });

  it('lets a barge-in job interrupt the running one and go first', () => {
    const log: string[] = [];
    const q = new MediaQueue();
    q.enqueue(job('prompt', log));
    q.enqueue(job('queued', log));
    const interrupted = q.enqueue(job('record', log), true);
    assert.equal(interrupted?.opId, 'prompt');
    assert.deepEqual(log, ['start prompt', 'stop prompt', 'start record']);
    assert.equal(q.queued(), 1);
  });

  it('cancels the running and queued jobs, running first, and routes keys to the running job', () => {
    const log: string[] = [];
    const q = new MediaQueue();
    const a = job('a', log);
    q.enqueue(a);
    q.enqueue(job('b', log));
    q.key('#');
    assert.deepEqual(a.keys, ['#']);
    assert.deepEqual(
      q.cancelAll().map((j) => j.opId),
      ['a', 'b'],
    );
    assert.equal(q.current(), undefined);
    assert.equal(q.queued(), 0);
  });
});
