import assert from 'node:assert/strict';
import type { OfferOptions, QueueStore } from '../../../../calling';
import type { ContractContext } from './subject';

const AGENTS = ['ann', 'bob'];

function opts(now: number, over: Partial<OfferOptions> = {}): OfferOptions {
  return {
    agents: AGENTS,
    available: new Set(AGENTS),
    policy: 'inOrder',
    now,
    retryAfterMs: 30_000,
    ...over,
  };
}

/** The call queues: arrival order, offers by policy, rings and how they end. */
export function queueCases(ctx: ContractContext): void {
  let queues: QueueStore;
  beforeEach(() => {
    queues = ctx.storage.queues;
  });

  it('keeps callers in arrival order, counts positions, and moves a caller to the back of another queue', async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', caller: 'Megan', now: 100 });
    await queues.enqueue({ queue: 'support', callId: 'c2', now: 200 });
    await queues.enqueue({ queue: 'sales', callId: 'c3', now: 150 });
    await queues.enqueue({ queue: 'support', callId: 'c1', now: 300 });
    assert.deepEqual(
      (await queues.waiting('support')).map((e) => e.callId),
      ['c1', 'c2'],
      'joining twice changes nothing',
    );
    assert.equal(await queues.position('c2'), 2);
    assert.equal(await queues.position('c3'), 1);
    assert.equal(await queues.position('nobody'), undefined);
    const moved = await queues.enqueue({ queue: 'sales', callId: 'c1', now: 400 });
    assert.deepEqual([moved.arrivedAt, moved.queuedAt, moved.caller], [100, 400, 'Megan']);
    assert.equal(await queues.position('c1'), 2, 'behind the caller already in sales');
    assert.equal(await queues.position('c2'), 1);
  });

  it('offers the longest-waiting caller to the first free agent, one caller per agent', async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', now: 100 });
    await queues.enqueue({ queue: 'support', callId: 'c2', now: 200 });
    await queues.enqueue({ queue: 'support', callId: 'c3', now: 300 });
    const first = await queues.offerNext('support', opts(1000));
    assert.deepEqual([first?.callId, first?.agentId, first?.waitedMs], ['c1', 'ann', 900]);
    const second = await queues.offerNext('support', opts(1001));
    assert.deepEqual([second?.callId, second?.agentId], ['c2', 'bob']);
    assert.equal(await queues.offerNext('support', opts(1002)), undefined, 'both agents are ringing');
    assert.equal((await queues.entry('c1'))?.status, 'ringing');
    assert.deepEqual((await queues.agents(AGENTS)).map((a) => [a.agentId, a.state]).sort(), [
      ['ann', 'ringing'],
      ['bob', 'ringing'],
    ]);
  });

  it("a caller's own flow is offered an agent only when it is that caller's turn", async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', now: 100 });
    await queues.enqueue({ queue: 'support', callId: 'c2', now: 200 });
    assert.equal(await queues.offerNext('support', opts(1000, { forCall: 'c2' })), undefined);
    assert.equal((await queues.agents(AGENTS)).length, 0, 'no agent was marked');
    const mine = await queues.offerNext('support', opts(1000, { forCall: 'c1' }));
    assert.deepEqual([mine?.callId, mine?.agentId], ['c1', 'ann']);
    const next = await queues.offerNext('support', opts(1001, { forCall: 'c2' }));
    assert.deepEqual([next?.callId, next?.agentId], ['c2', 'bob'], 'c2 is next once c1 is being rung');
  });

  it('never offers a caller to an agent signed out of the queue, and offers them again once signed in', async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', now: 100 });
    assert.deepEqual(await queues.signedOut('support'), [], 'agents start signed in');
    await queues.setSignedIn({ queue: 'support', agentId: 'ANN', signedIn: false, now: 150 });
    await queues.setSignedIn({ queue: 'sales', agentId: 'bob', signedIn: false, now: 150 });
    assert.deepEqual(await queues.signedOut('support'), ['ann'], 'one queue at a time, ids in lower case');
    const offer = await queues.offerNext('support', opts(1000));
    assert.equal(offer?.agentId, 'bob', 'ann is signed out of support; bob only of sales');
    await queues.ringEnded(offer!.attemptId, 'failed', 1001);
    await queues.setSignedIn({ queue: 'support', agentId: 'bob', signedIn: false, now: 1002 });
    assert.equal(await queues.offerNext('support', opts(100_000)), undefined, 'nobody is signed in');
    await queues.setSignedIn({ queue: 'support', agentId: 'ann', signedIn: true, now: 100_001 });
    assert.deepEqual(await queues.signedOut('support'), ['bob']);
    assert.equal((await queues.offerNext('support', opts(100_002)))?.agentId, 'ann');
  });

  it('rings nobody who is not Available', async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', now: 100 });
    assert.equal(await queues.offerNext('support', opts(1000, { available: new Set() })), undefined);
    const offer = await queues.offerNext('support', opts(1000, { available: new Set(['bob']) }));
    assert.equal(offer?.agentId, 'bob');
  });

  it('after a decline the caller waits on, and that agent is skipped for them but rung for the next caller', async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', now: 100 });
    await queues.enqueue({ queue: 'support', callId: 'c2', now: 200 });
    const only = { agents: ['ann'], available: new Set(['ann']) };
    const offer = await queues.offerNext('support', opts(1000, only));
    assert.ok(offer);
    assert.equal(await queues.ringEnded(offer.attemptId, 'declined', 1500), true);
    assert.equal(await queues.ringEnded(offer.attemptId, 'declined', 1600), false, 'a ring ends once');
    assert.equal((await queues.entry('c1'))?.status, 'waiting');
    assert.equal(await queues.position('c1'), 1, 'the caller keeps their place');
    const next = await queues.offerNext('support', opts(2000, only));
    assert.deepEqual([next?.callId, next?.agentId], ['c2', 'ann']);
    await queues.ringEnded(next!.attemptId, 'unanswered', 2100);
    const later = await queues.offerNext('support', opts(40_000, only));
    assert.deepEqual([later?.callId, later?.agentId], ['c1', 'ann'], 'tried again once retryAfterMs passed');
  });

  it('an answered ring connects: the caller leaves the queue, the agent is busy, then idle with a handling time', async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', now: 100 });
    const offer = await queues.offerNext('support', opts(1000));
    await queues.ringEnded(offer!.attemptId, 'answered', 1200);
    assert.equal(await queues.entry('c1'), undefined);
    assert.equal((await queues.agents(['ann']))[0]?.state, 'busy');
    assert.equal(await queues.averageHandleMs('support'), undefined);
    await queues.agentDone('ann', 61_200);
    const [ann] = await queues.agents(['ann']);
    assert.deepEqual([ann?.state, ann?.idleSince], ['idle', 61_200]);
    assert.equal(await queues.averageHandleMs('support'), 60_000);
  });

  it('a caller who leaves while an agent rings cancels that ring and frees the agent', async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', now: 100 });
    const offer = await queues.offerNext('support', opts(1000));
    const left = await queues.leave('c1', 1100);
    assert.equal(left?.cancelled?.attemptId, offer?.attemptId);
    assert.equal((await queues.agents(['ann']))[0]?.state, 'idle');
    assert.equal(await queues.ringEnded(offer!.attemptId, 'answered', 1200), false, 'already ended');
    assert.equal(await queues.leave('c1', 1300), undefined);
  });

  it('two instances picking at once ring each agent once and offer each caller once', async () => {
    const theirs = ctx.subject.sibling.queues;
    for (let i = 0; i < 4; i += 1) await queues.enqueue({ queue: 'support', callId: `c${i}`, now: 100 + i });
    const offers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? theirs : queues).offerNext('support', opts(1000))),
    );
    const made = offers.filter((o) => o !== undefined);
    assert.deepEqual(made.map((o) => o.agentId).sort(), ['ann', 'bob']);
    assert.deepEqual(made.map((o) => o.callId).sort(), ['c0', 'c1']);
  });
}
