// 16-bit PCM WAV in and out: enough to read what eSpeak NG writes and to write the one format Graph
// plays (16 kHz, mono, 16-bit). The calling package has the same code for recordings; this package keeps
// its own copy so that it installs and runs without calling's internals (it only shares an interface).

/** Decoded PCM audio: samples interleaved per channel, as signed 16-bit values. */
export interface Pcm16 {
  readonly sampleRate: number;
  readonly channels: number;
  readonly samples: Int16Array;
}

/** Reads a RIFF/WAVE buffer of 16-bit PCM; throws an Error saying what is wrong otherwise. */
export function decodeWav(buf: Buffer): Pcm16 {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a WAV file (no RIFF/WAVE header)');
  }
  let format: { code: number; channels: number; rate: number; bits: number } | undefined;
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= buf.length) {
      format = {
        code: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        rate: buf.readUInt32LE(body + 4),
        bits: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data chunk comes before its fmt chunk');
      // 0xFFFE is WAVE_FORMAT_EXTENSIBLE; the 16-bit check below is what matters for reading it.
      if ((format.code !== 1 && format.code !== 0xfffe) || format.bits !== 16) {
        throw new Error(`WAV is not 16-bit PCM (format ${format.code}, ${format.bits} bits)`);
      }
      if (format.channels < 1 || format.rate < 1) throw new Error('WAV names no channels or sample rate');
      // Streaming writers leave a placeholder size; trust the bytes that are really there.
      const end = Math.min(buf.length, body + size);
      const count = Math.floor((end - body) / 2);
      const samples = new Int16Array(count);
      for (let i = 0; i < count; i++) samples[i] = buf.readInt16LE(body + i * 2);
      return { sampleRate: format.rate, channels: format.channels, samples };
    }
    at = body + size + (size % 2);
  }
  throw new Error(format ? 'WAV has no data chunk' : 'WAV has no fmt chunk');
}

/** The first channel of interleaved PCM as floats in [-1, 1). */
export function monoFloats(pcm: Pcm16): Float32Array {
  const frames = Math.floor(pcm.samples.length / pcm.channels);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < pcm.channels; c++) sum += pcm.samples[i * pcm.channels + c] ?? 0;
    out[i] = sum / pcm.channels / 32768;
  }
  return out;
}

/** A mono 16-bit PCM WAV of the given float samples (clipped to full scale). */
export function encodeWav(samples: Float32Array, sampleRate: number): Buffer {
  const data = samples.length * 2;
  const buf = Buffer.alloc(44 + data);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + data, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(data, 40);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.round((samples[i] ?? 0) * 32767);
    buf.writeInt16LE(Math.max(-32768, Math.min(32767, v)), 44 + i * 2);
  }
  return buf;
}
