import assert from 'node:assert/strict';
import type { CallingApi, CallView, CoreLogger } from '../../../../calling/core';
import { createStepControl } from '../../../../calling/flows/runtime/step-control';

describe('calling/flows step control: spawned tasks', () => {
  const control = () =>
    createStepControl({
      call: { id: 'c1' } as unknown as CallView,
      calling: {} as CallingApi,
      now: 1000,
      log: {} as CoreLogger,
      saved: { kind: 'ivr', state: {}, timers: {}, tasks: {}, rev: 0 },
      event: { type: 'resume', lostTasks: [] },
    });
  const work = async () => undefined;

  it('keeps `after` only when that task was spawned earlier in the same step', () => {
    const ctl = control();
    ctl.spawn('record', work, { after: 'cancel' });
    ctl.spawn('cancel', work);
    ctl.spawn('prompt', work, { after: 'cancel' });
    const { spawned } = ctl.finish({});
    assert.deepEqual(
      spawned.map((t) => [t.name, t.after]),
      [
        ['record', undefined],
        ['cancel', undefined],
        ['prompt', 'cancel'],
      ],
    );
  });
});
