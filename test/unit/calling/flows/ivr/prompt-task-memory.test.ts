// A prompt under way keeps no copy of the call's model: the model is in the store, and a menu's call
// always has a prompt or a recognition under way, so a copy held while the prompt plays is a copy per
// live call.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CallingApi } from '../../../../../calling/core';
import { promptTask } from '../../../../../calling/flows/ivr/ivr-tasks';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const turn = () => new Promise((r) => setImmediate(r));

describe('IVR prompt task memory', () => {
  it('lets go of the call it looked at while the prompt plays', async () => {
    let seen: WeakRef<object> | undefined;
    let finish!: () => void;
    const playing = new Promise<void>((resolve) => (finish = resolve));
    let asked = false;
    const calling = {
      getCall: async () => {
        const call = { id: 'c', state: 'established', resource: { source: { identity: {} } } };
        seen = new WeakRef(call);
        return call;
      },
      playPrompt: async () => {
        asked = true;
        await playing;
      },
    } as unknown as CallingApi;
    const done = promptTask(calling, 'c', ['welcome'], undefined, { log: { warn: () => undefined } })();
    for (let i = 0; i < 5 && !asked; i++) await turn();
    assert.ok(asked, 'the prompt was asked for');
    gc();
    await turn();
    gc();
    assert.equal(seen?.deref(), undefined, 'the call model is still held while the prompt plays');
    finish();
    await done;
  });
});
