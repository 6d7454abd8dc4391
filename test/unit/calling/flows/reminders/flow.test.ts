import assert from 'node:assert/strict';
import type { NotificationCard } from '../../../../../calling';
import { fakeCalling, reminderFlow, T0 } from './flow-harness';

const HUNG_UP_BY_APP = { code: 200, subcode: 5001 };
const NO_ANSWER = { code: 408, subcode: 10057 };
const DECLINED = { code: 480, subcode: 10134 };

describe('reminder flow: a reducer over timers, call events and tasks', () => {
  it('waits for its time, then places the call as a reminder, limited by a ring timer', async () => {
    const f = reminderFlow();
    await f.send({ type: 'begin' });
    assert.equal(f.timers.get('due'), T0 + 60_000, 'due at the time asked for');
    assert.deepEqual([...f.tasks.keys()], [], 'nothing happens before the time');
    await f.fire('due');
    assert.equal(f.reminder.status, 'calling');
    assert.deepEqual(
      f.reminder.attempts.map((a) => [a.n, a.state, a.placedAt, a.placedBy]),
      [[1, 'placing', T0 + 60_000, 'instance-1']],
    );
    assert.equal(f.timers.get('ring'), T0 + 120_000);
    await f.settleAll('speech', 'place');
    assert.deepEqual(f.calling.did, ['place reminder bound to reminder:r-1']);
    assert.deepEqual(
      f.reminder.attempts.map((a) => [a.state, a.callId]),
      [['ringing', 'c-1']],
    );
    assert.deepEqual(f.bound, ['c-1'], "the call is among the flow's calls");
  });

  it('confirmed: keys first, the message, "1" during it, goodbye, hang up, then the outcome notice', async () => {
    const posted: Array<{ target: string; card: NotificationCard }> = [];
    const calling = fakeCalling({ end: HUNG_UP_BY_APP });
    const f = reminderFlow({ confirm: true }, { calling, posted });
    await f.ringing();
    f.advance(3000);
    await f.send({ type: 'established' });
    assert.equal(f.reminder.attempts[0]?.answeredAt, f.now);
    assert.equal(f.timers.has('ring'), false, 'an answered call is not hung up at the ring limit');
    assert.deepEqual([...f.tasks.keys()], ['tones'], 'the message waits for the key subscription');
    assert.equal(f.state.conversation?.step, 'ringing', 'not at the message before keys are heard');
    await f.settle('tones');
    assert.equal(f.state.conversation?.step, 'message');
    await f.send({ type: 'tone', digit: '1' });
    await f.settle('message');
    assert.equal(f.timers.has('confirm'), false, 'no wait for a key already pressed');
    await f.settleAll('goodbye', 'hangUp');
    assert.deepEqual(calling.did.slice(1), [
      'tones c-1',
      'play c-1 welcome+beep',
      'play c-1 goodbye',
      'hangUp c-1',
    ]);
    await f.send({ type: 'terminated', reason: 'the call ended' });
    await f.settle('end');
    assert.equal(f.reminder.status, 'done');
    assert.equal(f.reminder.outcome, 'confirmed');
    assert.deepEqual(
      f.reminder.attempts.map((a) => a.result),
      ['confirmed'],
    );
    assert.deepEqual(f.reminder.attempts[0]?.resultInfo, HUNG_UP_BY_APP);
    assert.equal(f.state.conversation?.step, 'hung-up', "the conversation's last position is kept");
    await f.settle('notices');
    assert.deepEqual(
      posted.map((p) => [p.target, p.card.title]),
      [['conv-1', 'Reminder for Adele Vance: confirmed']],
    );
    assert.deepEqual(
      f.reminder.notices.map((n) => [n.kind, n.delivered]),
      [['reminder-outcome', true]],
    );
    assert.deepEqual([...f.timers.keys()], [], 'no timer left');
    assert.equal(f.ended, true, 'the flow ends with its notices');
  });

  it('answered without a key: waits confirmWaitMs, then says goodbye: answered-no-confirm', async () => {
    const f = reminderFlow({ confirm: true }, { calling: fakeCalling({ end: HUNG_UP_BY_APP }) });
    await f.ringing();
    await f.send({ type: 'established' });
    await f.settleAll('tones', 'message');
    assert.equal(f.state.conversation?.step, 'awaiting-confirm');
    assert.equal(f.timers.get('confirm'), f.now + 10_000);
    assert.equal(f.tasks.has('goodbye'), false, 'no goodbye before the wait is over');
    await f.fire('confirm');
    await f.settleAll('goodbye', 'hangUp');
    await f.send({ type: 'terminated', reason: 'the call ended' });
    await f.settle('end');
    assert.equal(f.reminder.outcome, 'answered-no-confirm');
  });

  it('a key after the wait changes nothing; a key other than 1 never confirms', async () => {
    const f = reminderFlow({ confirm: true });
    await f.ringing();
    await f.send({ type: 'established' });
    await f.send({ type: 'tone', digit: '2' });
    assert.equal(f.reminder.attempts[0]?.confirmedAt, undefined);
    await f.settleAll('tones', 'message');
    await f.fire('confirm');
    assert.equal(f.state.conversation?.step, 'closing');
    await f.send({ type: 'tone', digit: '1' });
    assert.equal(f.tasks.size, 1, 'only the goodbye runs');
  });

  it('not answered in time: hangs up at the ring limit, retries after the backoff, then escalates', async () => {
    const posted: Array<{ target: string; card: NotificationCard }> = [];
    const f = reminderFlow(
      { retries: { max: 1, backoffMinutes: 30 }, escalateTo: 'conv-escalations' },
      { calling: fakeCalling({ end: HUNG_UP_BY_APP }), posted },
    );
    await f.ringing();
    await f.fire('ring');
    await f.settle('hangUp');
    await f.send({ type: 'terminated', reason: 'the call ended' });
    await f.settle('end');
    assert.deepEqual(
      f.reminder.attempts.map((a) => a.result),
      ['no-answer'],
    );
    assert.equal(f.reminder.status, 'scheduled');
    assert.equal(f.reminder.nextAttemptAt, f.now + 30_000);
    assert.equal(f.timers.get('due'), f.now + 30_000, 'the retry is a timer');
    assert.equal(f.tasks.has('notices'), false, 'nothing is posted while retries remain');
    await f.fire('due');
    await f.settleAll('speech', 'place');
    assert.equal(f.reminder.attempts[1]?.callId, 'c-2');
    await f.send({ type: 'terminated', reason: 'no answer' });
    await f.settle('end');
    assert.equal(f.reminder.status, 'done');
    assert.equal(f.reminder.outcome, 'escalated');
    await f.settle('notices');
    assert.deepEqual(posted.map((p) => p.target).sort(), ['conv-1', 'conv-escalations']);
    assert.match(posted[0]?.card.text ?? '', /Adele Vance did not answer after 2 calls/);
  });

  it('reads an unanswered end by its code: declined, then delivered on the retry', async () => {
    const calling = fakeCalling({ end: DECLINED });
    const f = reminderFlow({ retries: { max: 2, backoffMinutes: 3 } }, { calling });
    await f.ringing();
    await f.send({ type: 'terminated', reason: 'declined' });
    await f.settle('end');
    assert.deepEqual(f.reminder.attempts[0]?.resultInfo, DECLINED);
    assert.equal(f.timers.get('due'), f.now + 3000);
    await f.fire('due');
    await f.settleAll('speech', 'place');
    await f.send({ type: 'established' });
    await f.settle('message');
    assert.equal(f.tasks.has('tones'), false, 'no key subscription without a confirmation');
    await f.settleAll('goodbye', 'hangUp');
    await f.send({ type: 'terminated', reason: 'the call ended' });
    await f.settle('end');
    assert.deepEqual(
      f.reminder.attempts.map((a) => a.result),
      ['declined', 'delivered'],
    );
    assert.equal(f.reminder.outcome, 'delivered');
  });

  it('a call that cannot be placed counts as a failed attempt and is retried', async () => {
    const f = reminderFlow(
      { retries: { max: 1, backoffMinutes: 30 } },
      { calling: fakeCalling({ failPlace: 'Graph said no' }) },
    );
    await f.send({ type: 'begin' });
    await f.fire('due');
    await f.settle('place');
    assert.equal(f.reminder.attempts[0]?.result, 'failed');
    assert.match(f.reminder.attempts[0]?.reason ?? '', /could not be placed: Graph said no/);
    assert.equal(f.reminder.status, 'scheduled');
    assert.equal(f.timers.get('due'), f.now + 30_000);
    assert.equal(f.timers.has('ring'), false);
  });

  it('a message that cannot be played: the call is hung up and the attempt counts as failed', async () => {
    const f = reminderFlow(
      { retries: { max: 0, backoffMinutes: 1 } },
      { calling: fakeCalling({ failPlay: 'media is down', end: HUNG_UP_BY_APP }) },
    );
    await f.ringing();
    await f.send({ type: 'established' });
    await f.settle('message');
    await f.settle('hangUp');
    await f.send({ type: 'terminated', reason: 'the call ended' });
    await f.settle('end');
    assert.equal(f.reminder.attempts[0]?.result, 'failed');
    assert.match(f.reminder.attempts[0]?.reason ?? '', /message could not be played: media is down/);
    assert.equal(f.reminder.outcome, 'escalated');
  });

  it('cancel: the timers stop, a ringing call is hung up, its end recorded, nothing posted', async () => {
    const f = reminderFlow();
    await f.ringing();
    await f.send({ type: 'custom', name: 'cancel' });
    assert.equal(f.reminder.status, 'cancelled');
    assert.equal(f.reminder.outcome, 'cancelled');
    assert.deepEqual([...f.timers.keys()], []);
    await f.settle('hangUp');
    assert.deepEqual(f.calling.did, ['place reminder bound to reminder:r-1', 'hangUp c-1']);
    assert.equal(f.ended, false, 'the flow waits for the call to end');
    await f.send({ type: 'terminated', reason: 'the call ended' });
    await f.settle('end');
    assert.equal(f.reminder.status, 'cancelled');
    assert.equal(f.reminder.attempts[0]?.state, 'ended');
    assert.deepEqual([...f.tasks.keys()], [], 'no notices, no further call');
    assert.equal(f.ended, true, 'the flow ends once the call has');
  });

  it('cancel before the time: no call at all, and the flow ends', async () => {
    const f = reminderFlow();
    await f.send({ type: 'begin' });
    await f.send({ type: 'custom', name: 'cancel' });
    assert.deepEqual([...f.timers.keys()], []);
    assert.equal(f.ended, true, 'nothing left to wait for');
    assert.deepEqual(f.calling.did, []);
  });

  it('a finished reminder is left as it was by a cancel', async () => {
    const f = reminderFlow(
      { retries: { max: 0, backoffMinutes: 1 } },
      { calling: fakeCalling({ end: NO_ANSWER }) },
    );
    await f.ringing();
    await f.send({ type: 'terminated', reason: 'no answer' });
    await f.settle('end');
    const done = f.reminder;
    await f.send({ type: 'custom', name: 'cancel' });
    assert.equal(f.reminder, done);
    assert.equal(f.reminder.outcome, 'escalated');
  });

  it("events of an earlier attempt's call are not this attempt's", async () => {
    const f = reminderFlow(
      { confirm: true, retries: { max: 1, backoffMinutes: 1 } },
      { calling: fakeCalling({ end: NO_ANSWER }) },
    );
    await f.ringing();
    await f.send({ type: 'terminated', reason: 'no answer', callId: 'c-1' });
    await f.settle('end');
    await f.fire('due');
    await f.settleAll('speech', 'place');
    await f.send({ type: 'terminated', reason: 'no answer', callId: 'c-1' });
    await f.send({ type: 'established', callId: 'c-1' });
    assert.equal(f.tasks.size, 0, 'nothing done for the old call');
    assert.equal(f.reminder.attempts[1]?.state, 'ringing');
    await f.send({ type: 'established', callId: 'c-2' });
    await f.send({ type: 'tone', digit: '1', callId: 'c-1' });
    assert.equal(f.reminder.attempts[1]?.confirmedAt, undefined, 'a key on the old call confirms nothing');
    await f.send({ type: 'tone', digit: '1', callId: 'c-2' });
    assert.equal(f.reminder.attempts[1]?.confirmedAt, f.now);
  });

  it('cancelled while the call was being placed: the call is hung up once it is placed', async () => {
    const f = reminderFlow();
    await f.send({ type: 'begin' });
    await f.fire('due');
    await f.send({ type: 'custom', name: 'cancel' });
    await f.settle('place');
    await f.settle('hangUp');
    assert.deepEqual(f.calling.did, ['place reminder bound to reminder:r-1', 'hangUp c-1']);
  });

  it('taken over mid-placement: the lost placement counts as a failed attempt, retried', async () => {
    const f = reminderFlow({ retries: { max: 1, backoffMinutes: 5 } });
    await f.send({ type: 'begin' });
    await f.fire('due');
    f.tasks.clear();
    await f.send({ type: 'resume', lostTasks: ['place', 'speech'] });
    assert.equal(f.reminder.attempts[0]?.result, 'failed');
    assert.match(f.reminder.attempts[0]?.reason ?? '', /stopped while placing/);
    assert.equal(f.timers.get('due'), f.now + 5000);
  });

  it('taken over while waiting for the key: carries on from there, nothing replayed', async () => {
    const f = reminderFlow({ confirm: true }, { calling: fakeCalling({ end: HUNG_UP_BY_APP }) });
    await f.ringing();
    await f.send({ type: 'established' });
    await f.settleAll('tones', 'message');
    const before = f.calling.did.length;
    await f.send({ type: 'resume', lostTasks: [] });
    assert.equal(f.tasks.size, 0, 'nothing started again');
    await f.fire('confirm');
    await f.settleAll('goodbye', 'hangUp');
    assert.deepEqual(f.calling.did.slice(before), ['play c-1 goodbye', 'hangUp c-1']);
  });

  it('taken over mid-message: the message is played again', async () => {
    const f = reminderFlow({ confirm: true });
    await f.ringing();
    await f.send({ type: 'established' });
    await f.settle('tones');
    f.tasks.clear();
    await f.send({ type: 'resume', lostTasks: ['message'] });
    assert.deepEqual([...f.tasks.keys()], ['message']);
    assert.equal(f.state.conversation?.step, 'message');
  });

  it('taken over while subscribing to keys: subscribes again, then the message', async () => {
    const f = reminderFlow({ confirm: true });
    await f.ringing();
    await f.send({ type: 'established' });
    f.tasks.clear();
    await f.send({ type: 'resume', lostTasks: ['tones'] });
    assert.deepEqual([...f.tasks.keys()], ['tones']);
    await f.settle('tones');
    assert.deepEqual([...f.tasks.keys()], ['message']);
  });

  it('an end settles the attempt once: a second end changes nothing', async () => {
    const f = reminderFlow(
      { retries: { max: 0, backoffMinutes: 1 } },
      { calling: fakeCalling({ end: NO_ANSWER }) },
    );
    await f.ringing();
    await f.send({ type: 'terminated', reason: 'no answer' });
    await f.settle('end');
    const done = f.reminder;
    await f.send({ type: 'terminated', reason: 'no answer' });
    assert.equal(f.reminder, done);
    assert.equal(f.tasks.has('end'), false);
  });
});
