import assert from 'node:assert/strict';
import { checkMenu, menuSchema, type IvrState } from '../../../../../calling/flows/ivr';
import type { FlowEvent } from '../../../../../calling/flows/runtime';
import { ivrStep } from './ivr-step';

const dir = { people: {}, meetings: {} };

const menu = menuSchema.parse({
  start: 'wait',
  nodes: {
    wait: { do: { queue: 'support', onFail: { goto: 'sorry' } } },
    sorry: { prompts: [{ say: 'sorry' }], do: 'hangUp' },
  },
});

const step = (
  enterQueue: ((callId: string, queue: string, origin: string) => Promise<void>) | undefined,
  s: IvrState,
  e: FlowEvent,
) => ivrStep(menu, enterQueue, s, e);

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
