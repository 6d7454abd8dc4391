import assert from 'node:assert/strict';
import type { CallingApi, CallState } from '../../../../../calling/core';
import { mapGraphError } from '../../../../../calling/graph/error-map';
import { answerTask } from '../../../../../calling/flows/ivr/answer-task';

/** A call in `state` whose answer is confirmed (established) when `establish` is called. */
function connecting(state: CallState) {
  const asked: string[] = [];
  let establish!: (to: CallState) => void;
  const settled = new Promise<CallState>((resolve) => (establish = resolve));
  const calling = {
    getCall: async () => ({ id: 'c', state }),
    answer: async () => void asked.push('answer'),
    waitForState: async (_id: string, states: readonly CallState[]) => {
      asked.push(`wait ${states.join('|')}`);
      return { id: 'c', state: await settled };
    },
  } as unknown as CallingApi;
  return { calling, asked, establish: (to: CallState) => establish(to) };
}

/** Graph's 400 refusal of an answer, as the Graph client reports it. */
const refused = (graphCode: string) =>
  mapGraphError({
    status: 400,
    body: { error: { code: graphCode, message: 'The call cannot be answered: it is already answered.' } },
    method: 'POST',
    path: '/communications/calls/c/answer',
    attempts: 1,
    idempotent: false,
  });

/**
 * A call this app still holds as ringing (its notifications were lost in a restart) whose answer Graph
 * refuses with `error`; a GET of the call says `graphState`.
 */
function answeredElsewhere(graphState: CallState | undefined, error = refused('InvalidCallState')) {
  const asked: string[] = [];
  const calling = {
    getCall: async () => ({ id: 'c', state: 'incoming' }),
    answer: async () => {
      asked.push('answer');
      throw error;
    },
    refresh: async () => {
      asked.push('refresh');
      return graphState;
    },
    waitForState: async (_id: string, states: readonly CallState[]) => {
      asked.push(`wait ${states.join('|')}`);
      return { id: 'c', state: 'established' };
    },
  } as unknown as CallingApi;
  return { calling, asked, error };
}

describe('calling/flows/ivr answer task', () => {
  it('answers a ringing call', async () => {
    const c = connecting('incoming');
    await answerTask(c.calling, 'c')();
    assert.deepEqual(c.asked, ['answer']);
  });

  it('a call already answered but still connecting (taken over mid-answer): waits until it is established', async () => {
    const c = connecting('establishing');
    let done = false;
    const run = answerTask(c.calling, 'c')().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(done, false, 'key detection and the menu must wait for the connection');
    c.establish('established');
    await run;
    assert.deepEqual(c.asked, ['wait established|terminated'], 'answered once, not twice');
  });

  for (const graphState of ['established', 'establishing'] as const) {
    it(`refused as InvalidCallState while Graph has the call ${graphState} (answered before a restart): treated as answered`, async () => {
      const c = answeredElsewhere(graphState);
      await answerTask(c.calling, 'c')();
      assert.deepEqual(c.asked, ['answer', 'refresh', 'wait established|terminated']);
    });
  }

  for (const graphState of ['terminated', 'incoming', undefined] as const) {
    it(`refused as InvalidCallState while Graph has the call ${graphState ?? 'in no known state'}: the answer failed`, async () => {
      const c = answeredElsewhere(graphState);
      await assert.rejects(answerTask(c.calling, 'c')(), (err) => err === c.error);
      assert.deepEqual(c.asked, ['answer', 'refresh'], 'answered once, the call looked at once');
    });
  }

  it('another 400 is a failure without looking at the call', async () => {
    const c = answeredElsewhere('established', refused('BadRequest'));
    await assert.rejects(answerTask(c.calling, 'c')(), (err) => err === c.error);
    assert.deepEqual(c.asked, ['answer']);
  });
});
