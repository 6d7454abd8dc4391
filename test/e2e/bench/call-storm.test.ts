// The call storm, small: 20 callers for a few seconds against the app and the reflex responder, so that
// the benchmark cannot rot, and its queue mode with 6 callers and 2 agents for 20 s. It checks that the
// numbers exist and make sense, never how fast they are.
import assert from 'node:assert/strict';
import { runQueueStorm } from '../../../bench/storm/queue-run';
import { runStorm } from '../../../bench/storm/run';
import type { Percentiles } from '../../../bench/storm/stats';

const KINDS = ['all', 'incoming', 'established', 'tone'] as const;

function assertSane(p: Percentiles, what: string): void {
  for (const v of [p.p50, p.p95, p.p99, p.max])
    assert.ok(Number.isFinite(v) && v >= 0, `${what}: ${JSON.stringify(p)}`);
  assert.ok(p.p50 <= p.p95 && p.p95 <= p.p99 && p.p99 <= p.max, `${what} in order: ${JSON.stringify(p)}`);
}

describe('call storm benchmark (20 calls; queue mode 6 callers)', function () {
  this.timeout(240_000);

  it('answers every call, times every kind of reaction for the app and the reflex, and prints the summary', async () => {
    const heard: string[] = [];
    const calls = 20;
    const r = await runStorm(
      {
        calls,
        seconds: 8,
        instances: 1,
        db: 'sqlite',
        seed: 1717,
        rounds: 1,
        warmupSeconds: 0,
        logLevel: 'warn',
      },
      (s) => heard.push(s),
    );
    for (const [name, t] of [
      ['app', r.app],
      ['reflex', r.reflex],
    ] as const) {
      assert.equal(t.placed, calls, `${name} placed`);
      assert.equal(t.answered, calls, `${name} answered`);
      assert.equal(t.reactions.incoming.n, calls, `${name}: one incoming reaction per call`);
      assert.equal(t.reactions.established.n, calls, `${name}: one established reaction per call`);
      assert.ok(t.reactions.tone.n > 0, `${name}: key presses were reacted to`);
      for (const kind of KINDS) assertSane(t.reactions[kind], `${name} ${kind}`);
      // Counted, not judged: a lagging app's backlog of reactions can look like a key acted on twice.
      assert.ok(Number.isInteger(t.duplicates) && t.duplicates >= 0, `${name} duplicates ${t.duplicates}`);
      assert.ok(t.peakLive > 0 && t.peakLive <= calls, `${name} peak live ${t.peakLive}`);
      assert.ok(t.cpuSecondsPerCallMinute > 0, `${name} CPU per call-minute ${t.cpuSecondsPerCallMinute}`);
      assert.ok(Number.isFinite(t.rssPerCallKB), `${name} RSS per call ${t.rssPerCallKB}`);
    }
    const line = r.line;
    for (const key of [
      'calls',
      'answered',
      'p99Ms',
      'reflexP99Ms',
      'ratio',
      'rssPerCallKB',
      'duplicates',
      'seed',
    ])
      assert.ok(key in line, `the summary line has ${key}`);
    assert.equal(line.calls, calls);
    assert.equal(line.seed, 1717);
    assert.ok(
      typeof line.ratio === 'number' && line.ratio > 0 && Number.isFinite(line.ratio),
      `ratio ${line.ratio}`,
    );
    assert.ok(
      heard.some((s) => s.startsWith('reaction (ms)')),
      'the table was printed',
    );
    // One round: one pair, whose ratio is the pooled one; the reflex answered all, so no warning.
    assert.deepEqual(line.roundRatios, [line.ratio]);
    assert.equal(line.controlAnsweredAll, true);
    assert.ok(
      heard.some((s) => s.includes('p99 by round, app / reflex:')),
      'the rounds were printed',
    );
    assert.ok(!heard.some((s) => s.includes('warning:')), 'no warning about the control');
  });

  it('queue mode: callers outpacing two agents are counted once each, waits are timed, no agent rung twice at once', async () => {
    const heard: string[] = [];
    const calls = 6;
    const r = await runQueueStorm(
      { calls, seconds: 20, agents: 2, instances: 1, db: 'sqlite', logLevel: 'warn' },
      (s) => heard.push(s),
    );
    const q = r.queue;
    assert.equal(q.placed, calls, 'placed');
    assert.equal(
      q.putThrough + q.toMessage + q.hungUpWaiting + q.neverJoined,
      calls,
      `every caller has one outcome: ${JSON.stringify(q)}`,
    );
    assert.ok(q.putThrough > 0, `some callers reached an agent: ${JSON.stringify(q)}`);
    assert.equal(q.waitMs.n, q.putThrough, 'one wait per caller put through');
    assertSane(q.waitMs, 'wait');
    assert.ok(q.waitMs.p50 > 0, `waits are positive: ${JSON.stringify(q.waitMs)}`);
    // More callers than agents arrive at once: someone waited for a first call to end.
    assert.ok(q.waitMs.max > 4000, `a caller waited for an agent's call to end: ${JSON.stringify(q.waitMs)}`);
    assert.ok(
      q.rings.answered >= q.putThrough,
      `every caller put through was an answered ring: ${JSON.stringify(q)}`,
    );
    assert.equal(q.overlappingRings, 0, 'no agent rung twice at once');
    for (const key of [
      'putThrough',
      'toMessage',
      'hungUpWaiting',
      'waitP50Ms',
      'waitP99Ms',
      'ringsAnswered',
      'overlappingRings',
    ])
      assert.ok(key in r.line, `the summary line has ${key}`);
    assert.ok(
      heard.some((s) => s.includes('\nwait (ms')),
      'the table was printed',
    );
  });
});
