// The default synthesizer: eSpeak NG compiled to WebAssembly (the `espeak-ng` npm package), so text
// prompts work offline with `npm install` alone. It writes 22.05 kHz mono WAV; we resample to 16 kHz.
import { resample, normalise } from './resample';
import { SynthesisError, type SpeakOptions, type Synthesizer } from './synthesizer';
import { decodeWav, encodeWav, monoFloats } from './wav-pcm';

export interface EspeakOptions {
  /** Default voice (default `en-us`). */
  readonly voice?: string;
  /** Speaking rate in words per minute (default 165, as the shipped prompts). */
  readonly wordsPerMinute?: number;
}

const VOICE = /^[a-z]{2,3}(-[a-z0-9]{1,8})*(\+[a-z0-9]+)?$/i;
// About -3 dBFS, the level of the shipped prompts.
const PEAK = 0.708;

type Factory = (opts: {
  arguments: string[];
  print?: (l: string) => void;
  printErr?: (l: string) => void;
}) => Promise<{ FS: { readFile(p: string): Uint8Array } }>;

let factory: Promise<Factory> | undefined;

function loadFactory(): Promise<Factory> {
  // The package is an ES module; a dynamic import loads it from this CommonJS code.
  factory ??= import('espeak-ng').then((m) => m.default as Factory);
  return factory;
}

/** eSpeak NG as a Synthesizer; runs one synthesis at a time (each needs its own WASM instance). */
export function createEspeakSynthesizer(opts: EspeakOptions = {}): Synthesizer {
  const defaultVoice = opts.voice ?? 'en-us';
  const wpm = opts.wordsPerMinute ?? 165;
  let queue: Promise<unknown> = Promise.resolve();

  async function run(text: string, voice: string): Promise<Buffer> {
    if (!VOICE.test(voice)) throw new SynthesisError(`"${voice}" is not an eSpeak NG voice name`);
    const errors: string[] = [];
    const make = await loadFactory();
    // Text goes in as one argument vector entry: no shell, so nothing in it is interpreted.
    const es = await make({
      arguments: ['-v', voice, '-s', String(wpm), '-w', '/out.wav', '--', text],
      print: () => undefined,
      printErr: (line) => errors.push(line),
    });
    let raw: Uint8Array;
    try {
      raw = es.FS.readFile('/out.wav');
    } catch {
      const why = errors.find((l) => !/keepRuntimeAlive/.test(l)) ?? 'no audio was produced';
      throw new SynthesisError(`eSpeak NG could not speak with voice "${voice}": ${why}`);
    }
    const pcm = decodeWav(Buffer.from(raw));
    const speech = resample(monoFloats(pcm), pcm.sampleRate, 16000);
    return encodeWav(normalise(speech, PEAK), 16000);
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
