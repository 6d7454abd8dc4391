import assert from 'node:assert/strict';
import { agentIds, createAvailability } from '../../../../../calling/flows/queue/agents';
import { queueSchema } from '../../../../../calling/flows/queue/queue-schema';

describe('queue agents', () => {
  it('resolves agents to lower-case object ids in the queue order', () => {
    const q = queueSchema.parse({ agents: ['ann', { user: 'U-BOB' }], afterMaxWait: 'message' });
    const dir = { people: { ann: { user: 'U-Ann' } }, meetings: {} };
    assert.deepEqual(agentIds(q, dir), ['u-ann', 'u-bob']);
  });

  it('counts only Available agents, reads presence in one request and keeps it a moment', async () => {
    const asked: string[][] = [];
    let t = 0;
    const states: Record<string, string> = {
      'u-ann': 'Available',
      'u-bob': 'DoNotDisturb',
      'u-cy': 'AvailableIdle',
    };
    const availability = createAvailability(
      {
        async getPresences(ids) {
          asked.push([...ids]);
          return ids.map((id) => ({ id: id.toUpperCase(), availability: states[id] ?? null }));
        },
      },
      { maxAgeMs: 2000, now: () => t },
    );
    assert.deepEqual([...(await availability.available(['u-ann', 'U-BOB', 'u-cy', 'u-dee']))], ['u-ann']);
    states['u-bob'] = 'Available';
    t = 1000;
    assert.deepEqual([...(await availability.available(['u-ann', 'u-bob']))], ['u-ann'], 'read a moment ago');
    t = 2500;
    assert.deepEqual([...(await availability.available(['u-ann', 'u-bob']))], ['u-ann', 'u-bob']);
    assert.deepEqual(asked, [
      ['u-ann', 'u-bob', 'u-cy', 'u-dee'],
      ['u-ann', 'u-bob'],
    ]);
  });

  it('a failed presence read fails the question rather than ringing anyone', async () => {
    const availability = createAvailability({
      getPresences: () => Promise.reject(new Error('Graph said 503')),
    });
    await assert.rejects(availability.available(['u-ann']), /503/);
  });

  it('forgets an agent whose presence changed, so the next ask reads it again', async () => {
    let reads = 0;
    const availability = createAvailability(
      {
        async getPresences(ids) {
          reads++;
          return ids.map((id) => ({ id, availability: 'Available' }));
        },
      },
      { maxAgeMs: 60_000 },
    );
    await availability.available(['u-ann']);
    await availability.available(['u-ann']);
    assert.equal(reads, 1, 'kept a moment');
    availability.forget('U-ANN');
    await availability.available(['u-ann']);
    assert.equal(reads, 2, 'read again after the change');
  });
});
