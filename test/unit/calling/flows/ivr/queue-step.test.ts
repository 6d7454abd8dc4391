import assert from 'node:assert/strict';
import pino from 'pino';
import type { CallingApi, CallView } from '../../../../../calling/core';
import {
  checkMenu,
  createIvrFlow,
  menuSchema,
  type IvrDeps,
  type IvrState,
} from '../../../../../calling/flows/ivr';
import type { FlowControl, FlowEvent } from '../../../../../calling/flows/runtime';

const dir = { people: {}, meetings: {} };

const menu = menuSchema.parse({
  start: 'wait',
  nodes: {
    wait: { do: { queue: 'support', onFail: { goto: 'sorry' } } },
    sorry: { prompts: [{ say: 'sorry' }], do: 'hangUp' },
  },
});

/** One IVR step on an answered call, with what it spawned. */
async function step(
  enterQueue: ((callId: string, queue: string, origin: string) => Promise<void>) | undefined,
  s: IvrState,
  e: FlowEvent,
) {
  const flow = createIvrFlow({
    menus: new Map([['q', menu]]),
    directory: async () => dir,
    notifier: { postCard: async () => undefined },
    recording: {} as unknown as IvrDeps['recording'],
    ...(enterQueue ? { enterQueue } : {}),
  });
  const spawned = new Map<string, () => Promise<unknown>>();
  const notes: string[] = [];
  const ctl: FlowControl = {
    key: 'c1',
    callIds: ['c1'],
    callId: 'c1',
    bindCall: () => {
      throw new Error('a call-bound flow binds no other call');
    },
    placeCall: () => {
      throw new Error('a call-bound flow places no call');
    },
    end: () => {
      throw new Error('a call-bound flow ends with its call');
    },
    call: { id: 'c1', state: 'established', source: {} } as unknown as CallView,
    calling: {} as unknown as CallingApi,
    now: 1000,
    log: pino({ level: 'silent' }),
    spawn: (t, w) => void spawned.set(t, w),
    forgetTask: (t) => void spawned.delete(t),
    setTimer: () => undefined,
    clearTimer: () => undefined,
    note: (t) => void notes.push(t),
  };
  return { s: await flow.handle(s, e, ctl), spawned, notes };
}

const start: IvrState = { menu: 'q', node: '', phase: 'answering', digits: '', retries: 0, since: 0 };

describe('IVR queue step', () => {
  it('hands the caller to the queue it names', async () => {
    const entered: string[] = [];
    const begun = await step(async (c, q, origin) => void entered.push(`${c} ${q} ${origin}`), start, {
      type: 'begin',
    });
    assert.equal(begun.s.phase, 'acting');
    await begun.spawned.get('queue')?.();
    assert.deepEqual(entered, ['c1 support ivr q/wait']);
  });

  it('takes onFail when the queue cannot take the caller, or no queues are configured', async () => {
    const begun = await step(async () => Promise.reject(new Error('no queue')), start, { type: 'begin' });
    const failed = await step(undefined, begun.s, {
      type: 'done',
      task: 'queue',
      ok: false,
      error: new Error('x'),
    });
    assert.equal(failed.s.node, 'sorry');
    const none = await step(undefined, start, { type: 'begin' });
    assert.equal(none.s.node, 'sorry');
    assert.match(none.notes.join('\n'), /no call queues are configured/);
  });

  it('reports a queue step naming a queue the queues file lacks', () => {
    const issues = checkMenu(menu, {
      menuIds: new Set(['q']),
      directory: dir,
      queueNames: new Set(['sales']),
    });
    assert.deepEqual(
      issues.map((i) => [i.path.join('.'), i.message]),
      [['nodes.wait.do.queue', 'there is no queue "support" in the queues file (QUEUES_CONFIG)']],
    );
  });
});
