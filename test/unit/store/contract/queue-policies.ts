import assert from 'node:assert/strict';
import type { OfferOptions } from '../../../../calling';
import type { ContractContext } from './subject';

const AGENTS = ['ann', 'bob', 'cid'];

const opts = (now: number, policy: OfferOptions['policy']): OfferOptions => ({
  agents: AGENTS,
  available: new Set(AGENTS),
  policy,
  now,
  retryAfterMs: 30_000,
});

/** offerNext by each policy, through the storage (the policies alone are in queue-pick.test.ts). */
export function queuePolicyCases(ctx: ContractContext): void {
  /** Rings for a new caller and ends the ring at once with `outcome`; answers the agent rung. */
  async function ringOnce(
    callId: string,
    now: number,
    policy: OfferOptions['policy'],
    outcome: 'answered' | 'declined',
  ) {
    const { queues } = ctx.storage;
    await queues.enqueue({ queue: 'q', callId, now });
    const offer = await queues.offerNext('q', opts(now, policy));
    assert.ok(offer, `an offer for ${callId}`);
    await queues.ringEnded(offer.attemptId, outcome, now + 1);
    if (outcome === 'declined') await queues.leave(callId, now + 2);
    return offer.agentId;
  }

  it('round robin goes on after the agent the queue rang last', async () => {
    const rung = [];
    for (let i = 0; i < 4; i++) rung.push(await ringOnce(`rr${i}`, 1000 + i * 10, 'roundRobin', 'declined'));
    assert.deepEqual(rung, ['ann', 'bob', 'cid', 'ann']);
  });

  it('in order always rings the first free agent', async () => {
    const rung = [];
    for (let i = 0; i < 3; i++) rung.push(await ringOnce(`io${i}`, 1000 + i * 10, 'inOrder', 'declined'));
    assert.deepEqual(rung, ['ann', 'ann', 'ann']);
  });

  it('longest idle rings the agent idle longest, agents who never took a call first', async () => {
    const { queues } = ctx.storage;
    assert.equal(await ringOnce('li0', 1000, 'longestIdle', 'answered'), 'ann');
    await queues.agentDone('ann', 2000);
    assert.equal(await ringOnce('li1', 3000, 'longestIdle', 'answered'), 'bob');
    await queues.agentDone('bob', 4000);
    assert.equal(await ringOnce('li2', 5000, 'longestIdle', 'answered'), 'cid');
    await queues.agentDone('cid', 6000);
    assert.equal(await ringOnce('li3', 7000, 'longestIdle', 'declined'), 'ann', 'idle since 2000');
    const busy = await ringOnce('li4', 8000, 'longestIdle', 'answered');
    assert.equal(busy, 'ann', 'a declined ring leaves her idle time as it was');
    assert.equal(await ringOnce('li5', 9000, 'longestIdle', 'answered'), 'bob', 'ann is busy now');
  });
}
