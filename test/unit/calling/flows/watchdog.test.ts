import assert from 'node:assert/strict';
import type { CallingApi, CallView } from '../../../../calling/core';
import { createWatchdog, undriven, WATCHDOG_JOB, type StoredFlow } from '../../../../calling/flows/runtime';
import { createFlowData } from '../../../../store';
import { eachTempStore, eventually, testLogger } from '../core/fakes';

const flow = (over: Partial<StoredFlow> = {}): StoredFlow => ({
  key: 'k',
  kind: 'ivr',
  state: { phase: 'done' },
  timers: {},
  tasks: {},
  rev: 3,
  callIds: [],
  createdAt: 0,
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
    flow: { kind: 'frontdesk', decision: {} },
    createdAt: 0,
    updatedAt: 0,
    resource: {},
    ...over,
  }) as CallView;

describe('calling/flows watchdog: answered calls nothing drives', () => {
  const temp = eachTempStore();

  describe('undriven', () => {
    it('names an answered incoming call with no flow, a foreign flow, or a flow with nothing to do', () => {
      assert.equal(undriven(call('a', { flow: null }), undefined), 'no flow took it');
      assert.equal(undriven(call('b'), undefined), 'its flow never started');
      assert.equal(undriven(call('b'), flow({ doneAt: 5 })), 'its flow never started', 'an ended flow');
      assert.equal(undriven(call('c'), flow()), 'its ivr flow has nothing left to do');
    });

    it('leaves alone calls a timer or a task drives, calls not established, placed calls and meeting invitations', () => {
      assert.equal(undriven(call('a'), flow({ timers: { input: { at: 1, token: 'x' } } })), undefined);
      assert.equal(undriven(call('b'), flow({ tasks: { prompt: 'x' } })), undefined);
      for (const state of ['incoming', 'establishing', 'transferring', 'hold', 'terminated'] as const)
        assert.equal(undriven(call('c', { state }), flow()), undefined, state);
      assert.equal(undriven(call('d', { direction: 'outgoing' }), flow()), undefined);
      assert.equal(undriven(call('e', { resource: { meetingInfo: {} } }), flow()), undefined);
    });

    it('leaves alone a call where people talk to each other (a queue caller and the agent brought in)', () => {
      const person = (id: string, isSelf = false) => ({
        id,
        identity: { kind: 'user' as const },
        isMuted: false,
        isInLobby: false,
        isSelf,
      });
      const talking = [person('bot', true), person('caller'), person('agent')];
      assert.equal(undriven(call('a', { participants: talking }), flow()), undefined);
      const alone = [person('bot', true), person('caller')];
      assert.equal(
        undriven(call('b', { participants: alone }), flow()),
        'its ivr flow has nothing left to do',
      );
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

    /** Stores the flow of call `id` (keyed by the call, as the IVR's is). */
    const store = async (id: string, over: Partial<StoredFlow> = {}) => {
      const { flows } = createFlowData(temp.store);
      const f = flow({ key: id, callIds: [id], ...over });
      const tasks = Object.fromEntries(
        Object.entries(f.tasks).map(([n, token]) => [n, { token, owner: 'i', startedAt: 0 }]),
      );
      const record = { ...f, tasks, requestedBy: null, updatedAt: 0, doneAt: null };
      if (!(await flows.insert(record))) await flows.save(record, (await flows.get(id))?.rev ?? 0);
    };

    beforeEach(async () => {
      now = 1_000_000;
      live = [call('idle'), call('busy')];
      await store('idle');
      await store('busy', { tasks: { prompt: 'x' } });
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
      await store('idle', { rev: 4 });
      live = [call('idle')];
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
