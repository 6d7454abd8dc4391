// Reads the format of a WAV file: enough to tell whether Graph will play it (SPEC §2.4: WAV only,
// mono, 16-bit PCM, 16 kHz).

export interface WavFormat {
  readonly audioFormat: 'pcm' | 'other';
  readonly formatCode: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  readonly dataBytes: number;
}

const PCM = 1;
const EXTENSIBLE = 0xfffe;

/** Parses the RIFF/WAVE header; returns the format or a sentence saying what is wrong. */
export function readWavFormat(buf: Buffer): WavFormat | string {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    return 'is not a WAV file (no RIFF/WAVE header)';
  }
  let fmt: Omit<WavFormat, 'dataBytes'> | undefined;
  let dataBytes: number | undefined;
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > buf.length) return 'has a truncated fmt chunk';
      const code = buf.readUInt16LE(body);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
      const real =
        code === EXTENSIBLE && size >= 40 && body + 26 <= buf.length ? buf.readUInt16LE(body + 24) : code;
      fmt = {
        audioFormat: real === PCM ? 'pcm' : 'other',
        formatCode: real,
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      dataBytes = Math.min(size, buf.length - body);
      break;
    }
    at = body + size + (size % 2);
  }
  if (!fmt) return 'has no fmt chunk';
  if (dataBytes === undefined) return 'has no data chunk';
  return { ...fmt, dataBytes };
}

/** What keeps a WAV from being a Graph prompt, or undefined when it is fine. */
export function promptProblem(buf: Buffer): string | undefined {
  const f = readWavFormat(buf);
  if (typeof f === 'string') return f;
  const problems: string[] = [];
  if (f.audioFormat !== 'pcm') problems.push(`is not PCM (format code ${f.formatCode})`);
  if (f.sampleRate !== 16000) problems.push(`is ${f.sampleRate} Hz, not 16000 Hz`);
  if (f.channels !== 1) problems.push(`has ${f.channels} channels, not 1 (mono)`);
  if (f.bitsPerSample !== 16) problems.push(`is ${f.bitsPerSample}-bit, not 16-bit`);
  if (f.dataBytes === 0) problems.push('has no audio');
  return problems.length > 0 ? problems.join(', ') : undefined;
}
