import assert from 'node:assert/strict';
import { initialQueueState, type QueueState } from '../../../../../calling/flows/queue';
import { createHarness, type Harness, type Step } from './flow-harness';

const T0 = 1_000_000;

describe('queue flow: ringing agents for a waiting caller', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.close());

  /** Begins the flow on an answered call and runs the join: the caller waits and asks for a ring. */
  async function join(callId: string, at: number): Promise<Step> {
    const begun = await h.step(callId, initialQueueState('support', { now: at }), { type: 'begin' }, at);
    return h.step(callId, begun.s, await begun.run('join'), at);
  }

  /** Runs the offer a step asked for; answers the step that handles its outcome. */
  async function offer(callId: string, w: Step, at: number): Promise<Step> {
    assert.ok(w.spawned.has('offer'), `a ring is asked for (${[...w.spawned.keys()].join(', ')})`);
    return h.step(callId, w.s, await w.run('offer'), at);
  }

  /** The ring placed by `rung`, as its call's events reach the flow: placed, then `e`. */
  async function ringCall(callId: string, rung: Step, at: number): Promise<{ s: QueueState; id: string }> {
    const placedEvent = await rung.run('ring');
    const placed = await h.step(callId, rung.s, placedEvent, at);
    const id = (placedEvent as { value: { id: string } }).value.id;
    return { s: placed.s, id };
  }

  it('rings no one while no agent is Available, and the first Available agent once asked again', async () => {
    const w = await join('c1', T0);
    const none = await offer('c1', w, T0);
    assert.equal(none.s.ring, undefined);
    assert.equal(none.placed.size, 0, 'nobody is rung');
    h.available.add('a2');
    const asked = await h.step('c1', none.s, { type: 'custom', name: 'offer' }, T0 + 1000);
    const rung = await offer('c1', asked, T0 + 1000);
    assert.deepEqual(rung.placed.get('ring')?.to, { user: 'a2' });
    assert.equal(rung.timers.get('ring'), 20_000, 'the ring lasts ringSeconds');
    assert.equal(rung.s.ring?.agentId, 'a2');
    assert.equal((await h.queues.entry('c1'))?.status, 'ringing');
  });

  it('a declined ring is stored with its outcome and the next agent is rung, the caller none the wiser', async () => {
    h.available.add('a1').add('a2');
    const rung = await offer('c1', await join('c1', T0), T0);
    assert.deepEqual(rung.placed.get('ring')?.to, { user: 'a1' });
    const { s, id } = await ringCall('c1', rung, T0 + 100);
    const declined = await h.step('c1', s, { type: 'terminated', reason: 'declined', callId: id }, T0 + 2000);
    assert.equal(declined.s.phase, 'waiting');
    assert.equal(declined.s.ring, undefined);
    assert.ok(declined.cleared.includes('ring'));
    assert.equal(h.cancels.length, 0, 'the music is not touched');
    const ended = await h.step('c1', declined.s, await declined.run('ringEnd'), T0 + 2100);
    assert.deepEqual(h.kicks, ['support'], 'the freed agent is offered to the queue again');
    const next = await offer('c1', ended, T0 + 2100);
    assert.deepEqual(next.placed.get('ring')?.to, { user: 'a2' }, 'the one who declined is skipped');
  });

  it('hangs up a ring at ringSeconds and keeps it as unanswered', async () => {
    h.available.add('a1');
    const rung = await offer('c1', await join('c1', T0), T0);
    const { s, id } = await ringCall('c1', rung, T0 + 100);
    const timedOut = await h.step('c1', s, { type: 'timer', name: 'ring' }, T0 + 20_000);
    await timedOut.run('hangUpRing');
    assert.deepEqual(h.hangUps, [id]);
    const gone = await h.step(
      'c1',
      timedOut.s,
      { type: 'terminated', reason: 'hung up', callId: id },
      T0 + 20_500,
    );
    assert.equal(gone.s.ringEnding?.outcome, 'unanswered');
    await gone.run('ringEnd');
    const busyAgain = await h.queues.agents(['a1']);
    assert.equal(busyAgain[0]?.state, 'idle', 'the agent is free again');
  });

  it("moves the agent who answers into the caller's call, and frees them when it ends", async () => {
    h.available.add('a1');
    const rung = await offer('c1', await join('c1', T0), T0);
    const { s, id } = await ringCall('c1', rung, T0 + 100);
    const answered = await h.step('c1', s, { type: 'established', callId: id }, T0 + 3000);
    assert.equal(answered.s.phase, 'connecting');
    for (const t of ['ring', 'announce', 'maxWait'])
      assert.ok(answered.cleared.includes(t), `${t} is cleared`);
    const moved = await h.step('c1', answered.s, await answered.run('connect'), T0 + 4000);
    assert.deepEqual(h.invites, [{ callId: 'c1', agent: 'a1', replacesCallId: id }]);
    assert.deepEqual(h.cancels, ['c1'], 'the music stops before the agent comes in');
    assert.equal(moved.s.phase, 'connected');
    assert.equal(await h.queues.entry('c1'), undefined, 'the caller is out of the queue');
    assert.equal((await h.queues.agents(['a1']))[0]?.state, 'busy');
    const replaced = await h.step(
      'c1',
      moved.s,
      { type: 'terminated', reason: 'replaced', callId: id },
      T0 + 4100,
    );
    assert.equal(replaced.s.phase, 'connected', "the end of the agent's old call is the move, not the end");
    const over = await h.step('c1', replaced.s, { type: 'terminated', reason: 'hung up' }, T0 + 60_000);
    assert.equal(over.s.phase, 'done');
    await over.run('agentDone');
    assert.equal((await h.queues.agents(['a1']))[0]?.state, 'idle');
    assert.equal(await h.queues.averageHandleMs('support'), 57_000, 'the handling time is kept');
  });

  it('a caller who hangs up while an agent rings cancels the ring and hangs it up', async () => {
    h.available.add('a1');
    const rung = await offer('c1', await join('c1', T0), T0);
    const { s, id } = await ringCall('c1', rung, T0 + 100);
    const gone = await h.step('c1', s, { type: 'terminated', reason: 'hung up' }, T0 + 5000);
    await gone.run('leave');
    assert.deepEqual(h.hangUps, [id]);
    assert.equal((await h.queues.agents(['a1']))[0]?.state, 'idle');
    assert.deepEqual(h.kicks, ['support'], 'the agent is offered to the next caller');
  });

  it('after a restart answers the ring the store already made rather than ringing anyone anew', async () => {
    h.available.add('a1').add('a2');
    const w = await join('c1', T0);
    const made = await w.run('offer');
    // The instance died before the step that would ring: the store holds the ring, the flow does not.
    const resumed = await h.step('c1', w.s, { type: 'resume', lostTasks: ['offer'] }, T0 + 5000);
    const again = await offer('c1', resumed, T0 + 5000);
    const first = (made as { value: { agentId: string; attemptId: string } }).value;
    assert.equal(again.s.ring?.attemptId, first.attemptId, 'the same attempt');
    assert.deepEqual(again.placed.get('ring')?.to, { user: first.agentId });
    const ringing = (await h.queues.agents(['a1', 'a2'])).filter((a) => a.state === 'ringing');
    assert.equal(ringing.length, 1, 'one agent rings');
  });

  it("posts the agent's ring card once per ring, naming the caller's attempt; a card that fails leaves the ring going", async () => {
    h.available.add('a1');
    const w = await join('c1', T0);
    const made = (await w.run('offer')) as { value: { attemptId: string } };
    assert.deepEqual(
      h.rungCards.map((o) => [o.agentId, o.callId, o.attemptId]),
      [['a1', 'c1', made.value.attemptId]],
    );
    // The instance died before the step that would ring: asked again, the same ring and no second card.
    const resumed = await h.step('c1', w.s, { type: 'resume', lostTasks: ['offer'] }, T0 + 500);
    const again = await offer('c1', resumed, T0 + 500);
    assert.equal(again.s.ring?.attemptId, made.value.attemptId);
    assert.equal(h.rungCards.length, 1);

    h.failCards = true;
    h.available.add('a2');
    const other = await offer('c2', await join('c2', T0 + 1000), T0 + 1000);
    assert.deepEqual(other.placed.get('ring')?.to, { user: 'a2' }, 'the agent is rung all the same');
    assert.equal(h.rungCards.length, 1);
    assert.deepEqual(h.warnings, ["could not post the agent's ring card; the ring goes on"]);
  });
});
