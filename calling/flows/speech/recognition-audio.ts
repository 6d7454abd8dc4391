// Azure AI Speech's short-audio API takes WAV, 16 kHz, mono, 16-bit PCM. Graph's recordings usually are
// that already and go as they are; anything else is converted in memory.
import { decodeWav, encodeWav, monoFloats, resample } from '../tts';

const RATE = 16_000;

/** The recording as the recogniser takes it: the same buffer when it already fits, else a converted copy. */
export function toRecognitionWav(audio: Buffer): Buffer {
  const pcm = decodeWav(audio);
  try {
    if (pcm.sampleRate === RATE && pcm.channels === 1) return audio;
    const mono = monoFloats(pcm);
    const out = encodeWav(resample(mono, pcm.sampleRate, RATE), RATE);
    mono.fill(0);
    return out;
  } finally {
    // Decoded copies of the audio are overwritten rather than left to the collector.
    pcm.samples.fill(0);
  }
}
