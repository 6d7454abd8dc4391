// The default synthesizer: eSpeak NG compiled to WebAssembly (the `espeak-ng` npm package), so text
// prompts work offline with `npm install` alone. It writes 22.05 kHz mono WAV; the worker resamples it.
import { createEspeakEngine, type EspeakEngine } from './espeak-worker';
import { SynthesisError, type SpeakOptions, type Synthesizer } from './synthesizer';

export interface EspeakOptions {
  /** Default voice (default `en-us`). */
  readonly voice?: string;
  /** Speaking rate in words per minute (default 165, as the shipped prompts). */
  readonly wordsPerMinute?: number;
  /** Where the engine runs (default: a worker thread of its own). */
  readonly engine?: EspeakEngine;
}

const VOICE = /^[a-z]{2,3}(-[a-z0-9]{1,8})*(\+[a-z0-9]+)?$/i;

/** eSpeak NG as a Synthesizer; one synthesis at a time, in a worker thread (see espeak-worker.ts). */
export function createEspeakSynthesizer(opts: EspeakOptions = {}): Synthesizer {
  const defaultVoice = opts.voice ?? 'en-us';
  const wpm = opts.wordsPerMinute ?? 165;
  let queue: Promise<unknown> = Promise.resolve();
  const engine = opts.engine ?? createEspeakEngine();

  async function run(text: string, voice: string): Promise<Buffer> {
    if (!VOICE.test(voice)) throw new SynthesisError(`"${voice}" is not an eSpeak NG voice name`);
    // Text goes in as one argument vector entry: no shell, so nothing in it is interpreted.
    const result = await engine.run(['-v', voice, '-s', String(wpm), '-w', '/out.wav', '--', text]);
    if (!('wav' in result)) {
      const why = result.errors.find((l) => !/keepRuntimeAlive/.test(l)) ?? 'no audio was produced';
      throw new SynthesisError(`eSpeak NG could not speak with voice "${voice}": ${why}`);
    }
    return Buffer.from(result.wav.buffer, result.wav.byteOffset, result.wav.byteLength);
  }

  return {
    id: `espeak-ng:${defaultVoice}:${wpm}`,
    synthesize(text: string, o: SpeakOptions = {}) {
      const clean = text.trim();
      if (clean === '') return Promise.reject(new SynthesisError('there is no text to speak'));
      const next = queue.then(() => run(clean, o.voice ?? defaultVoice));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
