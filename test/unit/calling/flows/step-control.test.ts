import assert from 'node:assert/strict';
import type { CallingApi, CallView, CoreLogger } from '../../../../calling/core';
import { createStepControl, startTasks } from '../../../../calling/flows/runtime/step-control';

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

  describe('startTasks', () => {
    // A task that logs its start, then settles (or fails) when released.
    const gated = (name: string, log: string[], fail = false) => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const work = async () => {
        log.push(`start ${name}`);
        await gate;
        log.push(`end ${name}`);
        if (fail) throw new Error(`${name} failed`);
      };
      return { work, release };
    };

    it('a task with `after` starts only once that task settled; others start at once', async () => {
      const log: string[] = [];
      const cancel = gated('cancel', log);
      const record = gated('record', log);
      const notify = gated('notify', log);
      const runs = startTasks([
        { name: 'cancel', token: 'a', work: cancel.work },
        { name: 'record', token: 'b', work: record.work, after: 'cancel' },
        { name: 'notify', token: 'c', work: notify.work },
      ]);
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(log, ['start cancel', 'start notify']);
      cancel.release();
      await runs[0]!.run;
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(log, ['start cancel', 'start notify', 'end cancel', 'start record']);
      record.release();
      notify.release();
      await Promise.all(runs.map((r) => r.run));
    });

    it('a failed task still lets the one after it start, and each run keeps its own outcome', async () => {
      const log: string[] = [];
      const cancel = gated('cancel', log, true);
      const record = gated('record', log);
      const [first, second] = startTasks([
        { name: 'cancel', token: 'a', work: cancel.work },
        { name: 'record', token: 'b', work: record.work, after: 'cancel' },
      ]);
      cancel.release();
      await assert.rejects(first!.run, /cancel failed/);
      await new Promise((r) => setImmediate(r));
      assert.ok(log.includes('start record'));
      record.release();
      await second!.run;
    });
  });
});
