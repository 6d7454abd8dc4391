import assert from 'node:assert/strict';
import type { CallingApi } from '../../../../../calling/core';
import { mapGraphError } from '../../../../../calling/graph/error-map';
import { meetingTask } from '../../../../../calling/flows/ivr/ivr-tasks';

/** Graph failing a request with `status`, as the Graph client reports it once its own retries are spent. */
const graphFailure = (status: number, method: string, path: string) =>
  mapGraphError({
    status,
    body: { error: { code: 'InternalServerError', message: 'Something went wrong on the server.' } },
    method,
    path,
    attempts: 1,
    idempotent: method === 'DELETE',
  });

/**
 * A caller on call `c` whom the IVR moves into a meeting; the app's meeting call is `m`. `leave` and
 * `invite` answer each attempt in turn (an Error is thrown, anything else resolves).
 */
function moving(
  opts: { leave?: unknown[]; invite?: unknown[]; joins?: unknown[]; graphState?: string } = {},
) {
  const asked: string[] = [];
  const warned: string[] = [];
  const leave = [...(opts.leave ?? [])];
  const invite = [...(opts.invite ?? [])];
  const joins = [...(opts.joins ?? [])];
  const answer = (queue: unknown[]) => {
    const next = queue.shift();
    if (next instanceof Error) throw next;
  };
  const calling = {
    getCall: async () => ({ id: 'c', source: { kind: 'user', id: 'u-megan', displayName: 'Megan' } }),
    joinMeeting: async () => {
      asked.push('join');
      return { id: 'm' };
    },
    waitForState: async (_id: string, _states: unknown, timeoutMs: number) => {
      asked.push(`wait ${timeoutMs} ms`);
      answer(joins);
      return { id: 'm', state: 'established' };
    },
    refresh: async (callId: string) => {
      asked.push(`refresh ${callId}`);
      return opts.graphState;
    },
    participants: {
      invite: async (callId: string, _who: unknown, o: { replacesCallId?: string }) => {
        asked.push(`invite into ${callId} replacing ${o.replacesCallId}`);
        answer(invite);
      },
    },
    hangUp: async (callId: string) => {
      asked.push(`leave ${callId}`);
      answer(leave);
    },
  } as unknown as CallingApi;
  const log = { warn: (_o: object, msg?: string) => void warned.push(msg ?? '') };
  return { calling, asked, warned, log };
}

describe('calling/flows/ivr meeting task', function () {
  this.timeout(10_000);
  const deleteFailure = () => graphFailure(500, 'DELETE', '/communications/calls/m');

  it('joins, invites the caller in place of their call, and leaves', async () => {
    const t = moving();
    assert.equal(await meetingTask(t.calling, 'c', 'https://join', { stay: false, log: t.log })(), 'm');
    assert.deepEqual(t.asked, ['join', 'wait 5000 ms', 'invite into m replacing c', 'leave m']);
  });

  it('asks Graph when the join is not heard of in time: a lost "established" does not hold the caller', async () => {
    const timedOut = new Error('the call did not reach established in 5000 ms');
    const t = moving({ joins: [timedOut], graphState: 'established' });
    assert.equal(await meetingTask(t.calling, 'c', 'https://join', { stay: false, log: t.log })(), 'm');
    assert.deepEqual(t.asked, ['join', 'wait 5000 ms', 'refresh m', 'invite into m replacing c', 'leave m']);
  });

  it('waits on for the join when Graph says it is still establishing', async () => {
    const timedOut = new Error('the call did not reach established in 5000 ms');
    const t = moving({ joins: [timedOut], graphState: 'establishing' });
    await meetingTask(t.calling, 'c', 'https://join', { stay: false, log: t.log })();
    assert.deepEqual(t.asked.slice(0, 5), [
      'join',
      'wait 5000 ms',
      'refresh m',
      'wait 25000 ms',
      'invite into m replacing c',
    ]);
  });

  it('stays in the meeting when asked to', async () => {
    const t = moving();
    await meetingTask(t.calling, 'c', 'https://join', { stay: true, log: t.log })();
    assert.deepEqual(t.asked, ['join', 'wait 5000 ms', 'invite into m replacing c']);
  });

  it('leaves again when Graph fails the leave with a 5xx, so the app is not left in the meeting', async () => {
    const t = moving({ leave: [deleteFailure()] });
    assert.equal(await meetingTask(t.calling, 'c', 'https://join', { stay: false, log: t.log })(), 'm');
    assert.deepEqual(t.asked, ['join', 'wait 5000 ms', 'invite into m replacing c', 'leave m', 'leave m']);
  });

  it('the caller is in the meeting even when the app cannot leave: a warning, not a failed move', async () => {
    const t = moving({ leave: [deleteFailure(), deleteFailure(), deleteFailure()] });
    assert.equal(await meetingTask(t.calling, 'c', 'https://join', { stay: false, log: t.log })(), 'm');
    assert.equal(t.asked.filter((a) => a === 'leave m').length, 3);
    assert.deepEqual(t.warned, ['could not leave the meeting after moving the caller in']);
  });

  it('a failed invite leaves the meeting (again after a 5xx) and fails the move', async () => {
    const refused = graphFailure(403, 'POST', '/communications/calls/m/participants/invite');
    const t = moving({ invite: [refused], leave: [deleteFailure()] });
    await assert.rejects(meetingTask(t.calling, 'c', 'https://join', { stay: false, log: t.log })(), refused);
    assert.deepEqual(t.asked, ['join', 'wait 5000 ms', 'invite into m replacing c', 'leave m', 'leave m']);
    assert.deepEqual(t.warned, []);
  });
});
