import assert from 'node:assert/strict';
import type { CallingApi, CallView } from '../../../../calling/core';
import { createWatchdog, undriven, WATCHDOG_JOB } from '../../../../calling/flows/runtime';
import { eachTempStore, eventually, testLogger } from '../core/fakes';

const flow = (over: Partial<{ timers: object; tasks: object; rev: number }> = {}) => ({
  kind: 'ivr',
  state: { phase: 'done' },
  timers: {},
  tasks: {},
  rev: 3,
  ...over,
});

const call = (id: string, over: Partial<CallView> = {}): CallView =>
  ({
    id,
    tenantId: 't',
    direction: 'incoming',
    state: 'established',
    source: { kind: 'user' },
    participants: [],
    flow: flow(),
    createdAt: 0,
    updatedAt: 0,
    resource: {},
    ...over,
  }) as CallView;

describe('calling/flows watchdog: answered calls nothing drives', () => {
  const temp = eachTempStore();

  describe('undriven', () => {
    it('names an answered incoming call with no flow, a foreign flow, or a flow with nothing to do', () => {
      assert.equal(undriven(call('a', { flow: null })), 'no flow took it');
      assert.equal(
        undriven(call('b', { flow: { kind: 'frontdesk', decision: {} } })),
        'its flow never started',
      );
      assert.equal(undriven(call('c')), 'its ivr flow has nothing left to do');
    });

    it('leaves alone calls a timer or a task drives, calls not established, placed calls and meeting invitations', () => {
      assert.equal(
        undriven(call('a', { flow: flow({ timers: { input: { at: 1, token: 'x' } } }) })),
        undefined,
      );
      assert.equal(undriven(call('b', { flow: flow({ tasks: { prompt: 'x' } }) })), undefined);
      for (const state of ['incoming', 'establishing', 'transferring', 'hold', 'terminated'] as const)
        assert.equal(undriven(call('c', { state })), undefined, state);
      assert.equal(undriven(call('d', { direction: 'outgoing' })), undefined);
      assert.equal(undriven(call('e', { resource: { meetingInfo: {} } })), undefined);
    });
  });

  describe('sweep', () => {
    let now: number;
    let live: CallView[];
    let rescued: Array<{ callId: string; why: string }>;
    let noted: string[];
    let gone: Set<string>;

    const watchdog = () =>
      createWatchdog({
        calling: {
          listCalls: async () => live,
          refresh: async (id: string) => {
            if (gone.has(id))
              throw Object.assign(new Error(`call ${id} is gone`), { code: 'graph_call_gone' });
          },
          note: async (id: string, summary: string) => void noted.push(`${id}: ${summary}`),
        } as unknown as CallingApi,
        store: temp.store,
        logger: testLogger(),
        rescue: async (callId, why) => void rescued.push({ callId, why }),
        clock: { now: () => now },
        timing: { idleMs: 30_000, intervalMs: 1000, pollMs: 20 },
      });

    beforeEach(() => {
      now = 1_000_000;
      live = [call('idle'), call('busy', { flow: flow({ tasks: { prompt: 'x' } }) })];
      rescued = [];
      noted = [];
      gone = new Set();
    });

    it('hands a call to the rescue once it has been idle for idleMs, and notes it on its timeline', async () => {
      const w = watchdog();
      let r = await w.sweep({});
      assert.deepEqual(r.rescued, []);
      assert.deepEqual(Object.keys(r.seen), ['idle']);
      now += 29_000;
      r = await w.sweep(r.seen);
      assert.deepEqual(r.rescued, []);
      now += 2000;
      r = await w.sweep(r.seen);
      assert.deepEqual(r.rescued, ['idle']);
      assert.deepEqual(
        rescued.map((x) => x.callId),
        ['idle'],
      );
      assert.match(
        rescued[0]!.why,
        /^watchdog: its ivr flow has nothing left to do for 31 s; handing the caller to the fallback$/,
      );
      assert.deepEqual(noted, [`idle: ${rescued[0]!.why}`]);
    });

    it('first asks Graph: a call Graph no longer has is ended there, not rescued', async () => {
      const w = watchdog();
      gone.add('idle');
      let r = await w.sweep({});
      now += 31_000;
      r = await w.sweep(r.seen);
      assert.deepEqual(r.rescued, []);
      assert.deepEqual(rescued, []);
    });

    it('starts counting again when the flow moved between sweeps', async () => {
      const w = watchdog();
      let r = await w.sweep({});
      now += 20_000;
      live = [call('idle', { flow: flow({ rev: 4 }) })];
      r = await w.sweep(r.seen);
      now += 20_000;
      r = await w.sweep(r.seen);
      assert.deepEqual(r.rescued, [], 'idle for 20 s only since the flow last moved');
      now += 11_000;
      r = await w.sweep(r.seen);
      assert.deepEqual(r.rescued, ['idle']);
    });

    it('runs as a claimed job whose payload carries what it saw, so a restart keeps counting', async () => {
      const w = watchdog();
      await w.start();
      now += 1000;
      await eventually(async () => {
        const [job] = await temp.store.jobs.list({ kind: WATCHDOG_JOB, limit: 1 });
        return JSON.stringify(job?.payload ?? {}).includes('"idle"');
      });
      await w.stop();
      now += 31_000;
      const again = watchdog();
      await again.start();
      await eventually(() => rescued.length > 0);
      await again.stop();
      assert.deepEqual(
        rescued.map((x) => x.callId),
        ['idle'],
      );
    });
  });
});
