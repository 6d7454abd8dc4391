// The queue storm's arithmetic over emulator timelines: outcomes, waits, ring outcomes and overlaps.
import assert from 'node:assert/strict';
import { summariseQueue, type EmulatedCall } from '../../../bench/storm/queue-calls';

const person = (t: number, event: string, more: Record<string, unknown> = {}) => ({
  t,
  kind: 'person',
  event,
  ...more,
});

function caller(id: string, who: string, timeline: EmulatedCall['timeline']): EmulatedCall {
  return { id, direction: 'incoming', remotePersonId: who, endedAt: null, timeline };
}

function ring(id: string, agent: string, start: number, end: EmulatedCall['timeline'][number] | null) {
  return {
    id,
    direction: 'outgoing',
    remotePersonId: agent,
    endedAt: new Date(start + 20_000).toISOString(),
    timeline: [person(start, 'ringing', { personId: agent }), ...(end ? [end] : [])],
  };
}

describe('queue storm summary', () => {
  const callers = new Set(['c1', 'c2', 'c3', 'c4', 'c5']);
  const agents = new Set(['a1', 'a2']);
  const calls: EmulatedCall[] = [
    caller('k1', 'c1', [
      person(1000, 'key', { key: '2' }),
      person(9000, 'moved-in', { personId: 'a1', fromCallId: 'r1' }),
    ]),
    caller('k2', 'c2', [
      person(1000, 'key', { key: '2' }),
      person(20_000, 'moved-in', { personId: 'a2', fromCallId: 'r3' }),
    ]),
    caller('k3', 'c3', [
      person(1000, 'key', { key: '2' }),
      { t: 30_000, kind: 'request', path: '/v1.0/communications/calls/k3/recordResponse' },
    ]),
    caller('k4', 'c4', [
      { t: 500, kind: 'request', path: '/v1.0/communications/calls/k4/recordResponse' },
      person(1000, 'key', { key: '2' }),
      person(5000, 'hang-up', { personId: 'c4' }),
    ]),
    caller('k5', 'c5', [person(1000, 'hang-up', { personId: 'c5' })]),
    ring('r1', 'a1', 2000, person(8000, 'answered', { personId: 'a1' })),
    ring('r2', 'a2', 2000, person(4000, 'decline', { personId: 'a2' })),
    ring('r3', 'a2', 5000, person(19_000, 'answered', { personId: 'a2' })),
    ring('r4', 'a1', 30_000, null),
  ];

  it('counts each caller once by what became of them and times the wait to the agent answering', () => {
    const s = summariseQueue(calls, callers, agents, '2');
    assert.deepEqual([s.placed, s.putThrough, s.toMessage, s.hungUpWaiting, s.neverJoined], [5, 2, 1, 1, 1]);
    assert.deepEqual([s.waitMs.n, s.waitMs.p50, s.waitMs.max], [2, 7000, 18_000]);
    assert.deepEqual(s.rings, { answered: 2, declined: 1, unanswered: 1 });
    assert.equal(s.overlappingRings, 0);
  });

  it('counts a ring that began while the same agent was still being rung', () => {
    const s = summariseQueue([...calls, ring('r5', 'a2', 10_000, null)], callers, agents, '2');
    assert.equal(s.overlappingRings, 1);
  });
});
