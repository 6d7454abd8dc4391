import assert from 'node:assert/strict';
import type { CallingApi, CallState } from '../../../../../calling/core';
import { answerTask } from '../../../../../calling/flows/ivr/ivr-tasks';

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
});
