// What a listen node learns from a recording: only the branch. The audio is wiped and the recording's
// references forgotten whatever happens; recogniser failures become a "failed" branch that names the
// failure, never the words.
import assert from 'node:assert/strict';
import { hear, understand } from '../../../../../calling/flows/ivr/listen-task';
import {
  RecognitionError,
  type Recognition,
  type SpeechRecogniser,
} from '../../../../../calling/flows/speech';
import type { RecordingResult } from '../../../../../calling/core';

const LISTEN = {
  choices: [
    { label: 'billing', phrases: ['invoice', 'refund'], do: 'hangUp' as const },
    { label: 'sales', phrases: ['buy'], key: '1', do: 'hangUp' as const },
  ],
  negative: { score: -3, do: 'hangUp' as const },
  maxSeconds: 8,
  initialSilenceSeconds: 4,
  maxSilenceSeconds: 1,
  playBeep: false,
};
const RESULT = {
  operation: { id: 'op' },
  recordingLocation: 'https://media.example/r/1',
  recordingAccessToken: 't',
} as unknown as RecordingResult;

function setup(answer: () => Promise<Recognition>) {
  const audio = Buffer.from('RIFF-pretend-audio');
  const forgotten: string[] = [];
  const recogniser: SpeechRecogniser = { recognise: answer };
  const deps = {
    fetchRecording: async () => audio,
    forget: async (id: string) => forgotten.push(id),
    recogniser,
  };
  return { audio, forgotten, deps };
}

describe('IVR listen: from a recording to a branch', () => {
  it('names the choice heard, wipes the audio and forgets the recording', async () => {
    const { audio, forgotten, deps } = setup(async () => ({ kind: 'heard', text: 'I need a refund please' }));
    assert.deepEqual(await hear('c1', RESULT, LISTEN, 'en-US', deps), {
      outcome: 'choice',
      label: 'billing',
    });
    assert.ok(
      audio.every((b) => b === 0),
      'the audio was overwritten',
    );
    assert.deepEqual(forgotten, ['c1']);
  });

  it('a clearly negative caller goes to the negative branch before any choice', () => {
    const angry: Recognition = {
      kind: 'heard',
      text: 'This is terrible, my invoice is awful and I am furious',
    };
    assert.deepEqual(understand(angry, LISTEN), { outcome: 'negative' });
    assert.deepEqual(understand(angry, { choices: LISTEN.choices }), { outcome: 'choice', label: 'billing' });
  });

  it('no match, silence, and nothing recorded', async () => {
    assert.deepEqual(understand({ kind: 'heard', text: 'what is the weather on mars' }, LISTEN), {
      outcome: 'noMatch',
    });
    assert.deepEqual(understand({ kind: 'noMatch' }, LISTEN), { outcome: 'noMatch' });
    assert.deepEqual(understand({ kind: 'silence' }, LISTEN), { outcome: 'silence' });
    const { forgotten, deps } = setup(async () => ({ kind: 'silence' }));
    const nothing = {
      operation: RESULT.operation,
      completionReason: 'initialSilenceTimeout',
    } as RecordingResult;
    assert.deepEqual(await hear('c2', nothing, LISTEN, 'en-US', deps), { outcome: 'silence' });
    assert.deepEqual(forgotten, ['c2'], 'forgotten even when nothing was recorded');
  });

  it('a recogniser failure is a failed branch with the reason; the audio is still wiped', async () => {
    const { audio, forgotten, deps } = setup(() =>
      Promise.reject(
        new RecognitionError(
          'unauthorized',
          'Azure AI Speech refused the request (401): check SPEECH_KEY',
          401,
        ),
      ),
    );
    const heard = await hear('c3', RESULT, LISTEN, 'en-US', deps);
    assert.deepEqual(heard, {
      outcome: 'failed',
      why: 'Azure AI Speech refused the request (401): check SPEECH_KEY',
    });
    assert.ok(audio.every((b) => b === 0));
    assert.deepEqual(forgotten, ['c3']);
  });
});
