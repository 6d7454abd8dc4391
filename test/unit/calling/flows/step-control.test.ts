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
      saved: {
        key: 'c1',
        kind: 'ivr',
        state: {},
        timers: {},
        tasks: {},
        rev: 0,
        callIds: ['c1'],
        createdAt: 0,
      },
      event: { type: 'resume', lostTasks: [] },
      instance: 'i-1',
    });
  const work = async () => undefined;

  it('keeps the `after` each task asked for', () => {
    const ctl = control();
    ctl.spawn('record', work, { after: 'cancel' });
    ctl.spawn('cancel', work);
    ctl.spawn('prompt', work, { after: 'cancel' });
    const { spawned } = ctl.finish({});
    assert.deepEqual(
      spawned.map((t) => [t.name, t.after]),
      [
        ['record', 'cancel'],
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

    it('a task named in `after` but not started before it in the step: waits for one still running, else starts at once', async () => {
      const log: string[] = [];
      const earlier = gated('cancel (earlier step)', log);
      const prompt = gated('prompt', log);
      const record = gated('record', log);
      const [first] = startTasks(
        [{ name: 'prompt', token: 'b', work: prompt.work, after: 'cancel' }],
        new Map([['cancel', earlier.work()]]),
      );
      const [second] = startTasks([{ name: 'record', token: 'c', work: record.work, after: 'cancel' }]);
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(log, ['start cancel (earlier step)', 'start record']);
      earlier.release();
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(log, [
        'start cancel (earlier step)',
        'start record',
        'end cancel (earlier step)',
        'start prompt',
      ]);
      prompt.release();
      record.release();
      await Promise.all([first!.run, second!.run]);
    });

    it('a task that waited is dropped when it is no longer wanted by then (forgotten or replaced)', async () => {
      const log: string[] = [];
      const earlier = gated('cancel', log);
      const prompt = gated('prompt', log);
      let wanted = true;
      const [only] = startTasks(
        [{ name: 'prompt', token: 'p', work: prompt.work, after: 'cancel' }],
        new Map([['cancel', earlier.work()]]),
        () => wanted,
      );
      wanted = false;
      earlier.release();
      assert.equal(await only!.run, undefined);
      assert.deepEqual(log, ['start cancel', 'end cancel']);
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
