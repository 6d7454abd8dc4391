import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { CallOperationError } from '../../../../../calling/core';
import { menuSchema, type IvrState } from '../../../../../calling/flows/ivr';
import { ivrStep } from './ivr-step';

const menu = menuSchema.parse({
  start: 'bye',
  nodes: { bye: { prompts: [{ say: 'Goodbye.' }], do: 'hangUp' } },
});
const prompting: IvrState = { menu: 'm', node: 'bye', phase: 'prompting', digits: '', retries: 0, since: 0 };

/** The lines an IVR step logs when its barge-in's cancel reports back failed with `error`. */
async function linesFor(error: Error): Promise<Array<{ level: number; msg: string; err?: unknown }>> {
  const lines: Array<{ level: number; msg: string; err?: unknown }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString('utf8').split('\n'))
        if (l) lines.push(JSON.parse(l) as { level: number; msg: string });
      cb();
    },
  });
  const { s } = await ivrStep(
    menu,
    undefined,
    prompting,
    { type: 'done', task: 'cancel', ok: false, error },
    pino({ level: 'debug' }, sink),
  );
  assert.deepEqual(s, prompting, 'the flow goes on where it was');
  await new Promise<void>((resolve) => setImmediate(resolve));
  return lines;
}

describe('IVR: a task that failed because the caller hung up is no warning', () => {
  it('the call had ended: one info line with the reason and no stack', async () => {
    const lines = await linesFor(
      new CallOperationError(
        'call_ended',
        'cancelMediaProcessing was refused: call c1 has ended (Graph answered 404).',
      ),
    );
    assert.deepEqual(
      lines.map((l) => [l.level, l.msg, l.err === undefined]),
      [[30, 'an IVR task stopped: the call had ended', true]],
    );
  });

  it('any other failure is still a warning, with the error', async () => {
    const lines = await linesFor(new Error('Graph answered 500'));
    assert.deepEqual(
      lines.map((l) => [l.level, l.msg, l.err === undefined]),
      [[40, 'an IVR task failed', false]],
    );
  });
});
