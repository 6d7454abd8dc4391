// What an app that installed the text-to-speech package does with it: make the synthesizer and speak one
// short sentence. It runs in a folder of its own outside the repository and prints one JSON line: where
// the package was loaded from and the format of the WAV it gave.
import { createRequire } from 'node:module';
import { createEspeakSynthesizer } from '@switchboard/tts-espeak';

const wav = await createEspeakSynthesizer().synthesize('Press one for sales.');
const at = (offset) => wav.readUInt32LE(offset);
console.log(
  JSON.stringify({
    loadedFrom: createRequire(import.meta.url).resolve('@switchboard/tts-espeak'),
    riff: wav.toString('ascii', 0, 4) + wav.toString('ascii', 8, 12),
    channels: wav.readUInt16LE(22),
    sampleRate: at(24),
    bits: wav.readUInt16LE(34),
    dataBytes: at(40),
  }),
);
