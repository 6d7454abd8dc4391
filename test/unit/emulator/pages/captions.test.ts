// The softphone's captions (a browser module, run here as it is): a prompt is shown by what it says, and
// one cut short by a key press reads "interrupted by <key>", not failed; a download failure still fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Caption {
  status: string;
  key?: string;
  prompts: { text: string }[];
}
interface CaptionsModule {
  captionsOf(entries: object[], speed?: number): Caption[];
  captionStatus(c: Caption): string;
  captionText(c: Caption): string;
}
interface FormatModule {
  entryText(e: object, nameOf: (id: string) => string): string;
}

const dir = path.resolve(__dirname, '../../../../emulator/pages/softphone');
/** Loads a page module as the browser does, as an ES module (these two import nothing). */
const load = async <T>(file: string): Promise<T> => {
  const source = readFileSync(path.join(dir, file)).toString('base64');
  return (await import(`data:text/javascript;base64,${source}`)) as T;
};

const HASH = 'ab'.repeat(32);
const playing = (op: string, t: number, texts: string[]) => ({
  kind: 'media',
  event: 'prompt-playing',
  operationId: op,
  t,
  uris: texts.map(() => `https://app.example/prompts/tts/${HASH}.wav`),
  durationMs: 3000,
  prompts: texts.map((text) => ({ text, durationMs: 3000 / texts.length })),
});
const running = (op: string) => ({
  kind: 'operation',
  operationId: op,
  type: 'playPromptOperation',
  status: 'running',
});
const cancelled = { code: 400, subcode: 8508, message: 'Action failed, the operation was cancelled.' };

describe('softphone page: prompt captions', () => {
  it('shows a prompt by its words, and one cut short by a key as interrupted by that key', async () => {
    const { captionsOf, captionStatus, captionText } = await load<CaptionsModule>('captions.js');
    const entries = [
      { kind: 'person', event: 'key', key: '9', t: 50 },
      running('op1'),
      playing('op1', 100, ['For sales, press 1.', 'To dial an extension, press 4.']),
      { kind: 'person', event: 'key', key: '#', t: 900 },
      // Graph's order: the operation fails with 8508, then the cancellation is noted.
      {
        kind: 'operation',
        operationId: 'op1',
        type: 'playPromptOperation',
        status: 'failed',
        resultInfo: cancelled,
      },
      { kind: 'media', event: 'cancel-all', cancelled: ['op1'], t: 950 },
    ];
    const [caption] = captionsOf(entries);
    assert.ok(caption);
    assert.equal(caption.status, 'interrupted');
    assert.equal(caption.key, '#');
    assert.equal(captionStatus(caption), 'interrupted by # (pound)');
    assert.equal(captionText(caption), 'For sales, press 1. To dial an extension, press 4.');
    assert.doesNotMatch(captionText(caption), new RegExp(HASH));
  });

  it('an interruption with no key pressed while it played names no key; a prompt that could not load fails', async () => {
    const { captionsOf, captionStatus } = await load<CaptionsModule>('captions.js');
    const [interrupted, failed] = captionsOf([
      { kind: 'person', event: 'key', key: '1', t: 10 },
      running('op1'),
      playing('op1', 100, ['Welcome to Switchboard.']),
      { kind: 'operation', operationId: 'op1', status: 'failed', resultInfo: cancelled },
      { kind: 'media', event: 'prompt-failed', operationId: 'op2', reason: 'HTTP 404 from the prompt URL' },
    ]);
    assert.deepEqual([interrupted?.status, interrupted?.key], ['interrupted', undefined]);
    assert.equal(captionStatus(interrupted!), 'interrupted');
    assert.equal(failed?.status, 'failed');
  });

  it('timeline lines name prompts by their words and say interrupted for 400/8508', async () => {
    const { entryText } = await load<FormatModule>('format.js');
    const nameOf = () => 'You';
    const start = {
      kind: 'media',
      event: 'prompt-start',
      uris: [`https://x/${HASH}.wav`],
      names: ['Untitled prompt'],
    };
    assert.equal(entryText(start, nameOf), 'prompt requested: Untitled prompt');
    assert.equal(
      entryText(playing('op1', 0, ['Welcome to Switchboard.']), nameOf),
      'playing “Welcome to Switchboard.” (3.0 s)',
    );
    const op = { kind: 'operation', type: 'playPromptOperation', status: 'failed', resultInfo: cancelled };
    assert.equal(entryText(op, nameOf), 'playPrompt interrupted (400/8508)');
    const bad = { ...op, resultInfo: { code: 400, subcode: 8536 } };
    assert.equal(entryText(bad, nameOf), 'playPrompt failed (400/8536)');
  });
});
