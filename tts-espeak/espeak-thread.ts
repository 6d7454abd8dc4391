// The body of the speech worker (see espeak-worker.ts): runs eSpeak NG and turns what it writes
// (22.05 kHz WAV) into the 16 kHz mono 16-bit WAV Graph plays, all off the app's main thread.
import { parentPort, type MessagePort } from 'node:worker_threads';
import type espeak from 'espeak-ng';
import { resample, normalise } from './resample';
import { decodeWav, encodeWav, monoFloats } from './wav-pcm';

// About -3 dBFS, the level of the shipped prompts.
const PEAK = 0.708;

interface Job {
  readonly id: number;
  readonly args: readonly string[];
}

type Factory = typeof espeak;

let factory: Promise<Factory> | undefined;

function loadFactory(): Promise<Factory> {
  // The package is an ES module; a dynamic import loads it from this CommonJS code.
  factory ??= import('espeak-ng').then((m) => m.default);
  return factory;
}

async function speak(port: MessagePort, job: Job): Promise<void> {
  const errors: string[] = [];
  const make = await loadFactory();
  const es = await make({
    arguments: [...job.args],
    print: () => undefined,
    printErr: (l) => errors.push(l),
  });
  let raw: Uint8Array;
  try {
    raw = es.FS.readFile('/out.wav');
  } catch {
    port.postMessage({ id: job.id, errors });
    return;
  }
  const pcm = decodeWav(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  const wav = encodeWav(normalise(resample(monoFloats(pcm), pcm.sampleRate, 16000), PEAK), 16000);
  const out = new Uint8Array(wav);
  port.postMessage({ id: job.id, wav: out }, [out.buffer]);
}

const port = parentPort;
if (port) {
  port.on('message', (job: Job) => {
    // Whatever fails in a job goes back to the app as that job's failure.
    speak(port, job).catch((err: unknown) =>
      port.postMessage({ id: job.id, failure: err instanceof Error ? err.message : String(err) }),
    );
  });
}
