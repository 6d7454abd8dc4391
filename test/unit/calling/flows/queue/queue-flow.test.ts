import assert from 'node:assert/strict';
import { initialQueueState, type QueueState } from '../../../../../calling/flows/queue';
import { createHarness, type Harness, type Step } from './flow-harness';

const T0 = 1_000_000;

describe('queue flow (a waiting caller)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.close());

  /** Begins the flow on an answered call and runs the join: the caller waits, their first round queued. */
  async function join(callId: string, at: number): Promise<Step> {
    const begun = await h.step(callId, initialQueueState('support', { now: at }), { type: 'begin' }, at);
    assert.equal(begun.timers.get('maxWait'), 300_000);
    assert.ok(begun.spawned.has('tones'), 'keys are listened for (the message key)');
    return h.step(callId, begun.s, await begun.run('join'), at);
  }

  it('announces the place on joining, then loops the hold music without announcing again', async () => {
    const first = await join('c1', T0);
    assert.equal(first.s.phase, 'waiting');
    assert.equal(first.timers.get('announce'), 30_000);
    const looped = await h.step('c1', first.s, await first.run('music'), T0 + 10_000);
    assert.deepEqual(h.played[0], [
      'tts:You are next in line. Your expected wait is about 3 minutes.',
      'hold-music',
    ]);
    await looped.run('music');
    assert.deepEqual(h.played[1], ['hold-music'], 'the loop goes on without the announcement');
    assert.equal(h.cancels.length, 0, 'a loop round does not cut the music');
  });

  it('tells each caller their place in arrival order, and a moved-up place at the next announcement', async () => {
    await join('c1', T0);
    await join('c2', T0 + 1);
    const third = await join('c3', T0 + 2);
    await third.run('music');
    assert.equal(
      h.played.at(-1)?.[0],
      'tts:You are number 3 in the queue. Your expected wait is about 6 minutes.',
    );

    await h.queues.leave('c1', T0 + 3);
    const timed = await h.step('c3', third.s, { type: 'timer', name: 'announce' }, T0 + 30_000);
    assert.equal(timed.timers.get('announce'), 30_000, 'the next announcement is due again');
    await timed.run('music');
    assert.deepEqual(h.cancels, ['c3'], 'the music playing is cut for the announcement');
    assert.equal(
      h.played.at(-1)?.[0],
      'tts:You are number 2 in the queue. Your expected wait is about 3 minutes.',
    );
  });

  it('hands a caller who presses the message key to the message path, out of the queue', async () => {
    const w = await join('c1', T0);
    const other = await h.step('c1', w.s, { type: 'tone', digit: '5' }, T0 + 1000);
    assert.equal(other.spawned.size, 0, 'another key does nothing');
    const pressed = await h.step('c1', w.s, { type: 'tone', digit: '1' }, T0 + 45_000);
    assert.equal(pressed.s.phase, 'leaving');
    assert.ok(pressed.cleared.includes('maxWait') && pressed.cleared.includes('announce'));
    await pressed.run('handOff');
    assert.equal(await h.queues.position('c1'), undefined);
    const handed = h.handOffs[0];
    assert.ok(handed);
    const menu = handed.state.inline;
    assert.equal(handed.state.menu, '@inline');
    const notify = menu?.nodes['notify']?.do;
    assert.deepEqual(notify && typeof notify === 'object' && 'notify' in notify ? notify.notify : undefined, {
      title: '{caller} in support',
      text: 'waited 45 seconds',
    });
  });

  it('moves a caller to the next queue after the longest wait, then to its message path', async () => {
    const w = await join('c1', T0);
    const moved = await h.step('c1', w.s, { type: 'timer', name: 'maxWait' }, T0 + 300_000);
    assert.equal(moved.s.queue, 'overflow');
    assert.equal(moved.timers.get('maxWait'), 60_000, "the next queue's own wait");
    const there: QueueState = (await h.step('c1', moved.s, await moved.run('join'), T0 + 300_000)).s;
    assert.equal((await h.queues.entry('c1'))?.queue, 'overflow');
    assert.equal((await h.queues.entry('c1'))?.arrivedAt, T0, 'the first arrival is kept');

    const out = await h.step('c1', there, { type: 'timer', name: 'maxWait' }, T0 + 360_000);
    await out.run('handOff');
    const record = h.handOffs[0]?.state.inline?.nodes['record']?.do;
    assert.ok(record && typeof record === 'object' && 'record' in record);
    assert.equal(record.record.maxSeconds, 30);
    const notify = h.handOffs[0]?.state.inline?.nodes['notify']?.do;
    assert.ok(notify && typeof notify === 'object' && 'notify' in notify);
    assert.equal(notify.notify.text, '{caller} waited 6 minutes in overflow');
  });

  it('takes a caller who hangs up out of the queue', async () => {
    const w = await join('c1', T0);
    await join('c2', T0 + 1);
    const gone = await h.step('c1', w.s, { type: 'terminated', reason: 'hung up' }, T0 + 5000);
    assert.equal(gone.s.phase, 'done');
    await gone.run('leave');
    assert.equal(await h.queues.position('c1'), undefined);
    assert.equal(await h.queues.position('c2'), 1);
  });

  it('after a restart replays the music lost with the old instance, clearing what it had queued', async () => {
    const w = await join('c1', T0);
    const resumed = await h.step('c1', w.s, { type: 'resume', lostTasks: ['music', 'tones'] }, T0 + 9000);
    assert.ok(resumed.spawned.has('tones'));
    await resumed.run('music');
    assert.deepEqual(h.cancels, ['c1']);
    assert.deepEqual(h.played.at(-1), ['hold-music']);
  });
});
