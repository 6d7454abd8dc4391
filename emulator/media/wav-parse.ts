import { readInfoList } from './wav-info';

/** What a WAV file's header says about its audio. */
export interface WavInfo {
  /** Format code after resolving WAVE_FORMAT_EXTENSIBLE to its sub-format: 1 = PCM, 3 = IEEE float. */
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataBytes: number;
  durationMs: number;
  /** True when the fmt chunk was WAVE_FORMAT_EXTENSIBLE (0xFFFE). */
  extensible?: boolean;
  /** The file's RIFF INFO labels (INAM title, ICMT comment...), when it has any. */
  tags?: Record<string, string>;
}

/** A buffer that is not a readable RIFF/WAVE file; `reason` is a short machine-readable code. */
export class WavError extends Error {
  reason: string;
  constructor(reason: string, message: string) {
    super(message);
    this.name = 'WavError';
    this.reason = reason;
  }
}

const FORMAT_EXTENSIBLE = 0xfffe;

interface Fmt {
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  extensible: boolean;
}

function readFmt(buf: Buffer, start: number, size: number): Fmt {
  if (size < 16) throw new WavError('bad-fmt', `fmt chunk is ${size} bytes, at least 16 expected`);
  let audioFormat = buf.readUInt16LE(start);
  const channels = buf.readUInt16LE(start + 2);
  const sampleRate = buf.readUInt32LE(start + 4);
  const bitsPerSample = buf.readUInt16LE(start + 14);
  const extensible = audioFormat === FORMAT_EXTENSIBLE;
  if (extensible) {
    // cbSize(2) validBits(2) channelMask(4) then a GUID whose first two bytes are the real format code.
    if (size < 40) throw new WavError('bad-fmt', `extensible fmt chunk is ${size} bytes, 40 expected`);
    audioFormat = buf.readUInt16LE(start + 24);
  }
  if (channels === 0) throw new WavError('bad-fmt', 'fmt chunk declares 0 channels');
  if (sampleRate === 0) throw new WavError('bad-fmt', 'fmt chunk declares a 0 Hz sample rate');
  if (bitsPerSample === 0) throw new WavError('bad-fmt', 'fmt chunk declares 0 bits per sample');
  return { audioFormat, channels, sampleRate, bitsPerSample, extensible };
}

/** Parses a RIFF/WAVE buffer by walking its chunks; throws WavError when it cannot. */
export function parseWav(buf: Buffer): WavInfo {
  if (buf.length < 12) throw new WavError('truncated', `${buf.length} bytes is too short for a RIFF header`);
  if (buf.toString('latin1', 0, 4) !== 'RIFF') throw new WavError('not-riff', 'does not start with RIFF');
  if (buf.toString('latin1', 8, 12) !== 'WAVE') throw new WavError('not-wave', 'RIFF form type is not WAVE');
  // Streaming writers leave the RIFF size at 0 or 0xFFFFFFFF, so the walk is bounded by the buffer; the
  // declared size only tells a cut-off file from one that simply has no data chunk.
  const declaredEnd = 8 + buf.readUInt32LE(4);
  let fmt: Fmt | undefined;
  let dataBytes: number | undefined;
  let tags: Record<string, string> = {};
  let pos = 12;
  while (pos + 8 <= buf.length) {
    const id = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32LE(pos + 4);
    const start = pos + 8;
    const whole = start + size <= buf.length;
    if (id === 'LIST' && whole) {
      tags = { ...tags, ...readInfoList(buf.subarray(start, start + size)) };
    } else if (dataBytes !== undefined) {
      // Past the audio only labels matter (many writers put INFO last); the walk ends at a cut-off chunk.
      if (!whole) break;
    } else if (id === 'fmt ') {
      if (start + size > buf.length)
        throw new WavError('truncated', 'fmt chunk runs past the end of the file');
      fmt = readFmt(buf, start, size);
    } else if (id === 'data') {
      if (!fmt) throw new WavError('missing-fmt', 'data chunk comes before any fmt chunk');
      if (start + size > buf.length) {
        throw new WavError('truncated', `data chunk declares ${size} bytes, ${buf.length - start} present`);
      }
      dataBytes = size;
    }
    // Chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
    pos = start + size + (size % 2);
  }
  if (!fmt) throw new WavError('missing-fmt', 'no fmt chunk');
  if (dataBytes === undefined) {
    const cut = pos > buf.length || declaredEnd > buf.length;
    throw new WavError(
      cut ? 'truncated' : 'missing-data',
      cut ? 'file ends before its data chunk' : 'no data chunk',
    );
  }
  const bytesPerSecond = fmt.sampleRate * fmt.channels * Math.ceil(fmt.bitsPerSample / 8);
  const info: WavInfo = {
    audioFormat: fmt.audioFormat,
    channels: fmt.channels,
    sampleRate: fmt.sampleRate,
    bitsPerSample: fmt.bitsPerSample,
    dataBytes,
    durationMs: (dataBytes * 1000) / bytesPerSecond,
  };
  if (fmt.extensible) info.extensible = true;
  if (Object.keys(tags).length > 0) info.tags = tags;
  return info;
}

/** Graph's prompt rule: PCM, mono, 16-bit, 16 kHz. Returns undefined when fine, else the reason. */
export function promptFormatProblem(info: WavInfo): string | undefined {
  const problems: string[] = [];
  if (info.audioFormat !== 1) {
    const name = info.audioFormat === 3 ? 'IEEE float' : `format code ${info.audioFormat}`;
    problems.push(`audio is ${name}, PCM expected`);
  }
  if (info.channels !== 1) problems.push(`${info.channels} channels, mono expected`);
  if (info.bitsPerSample !== 16) problems.push(`${info.bitsPerSample}-bit samples, 16-bit expected`);
  if (info.sampleRate !== 16000) problems.push(`${info.sampleRate} Hz, 16000 Hz expected`);
  if (info.dataBytes === 0) problems.push('no audio data');
  return problems.length > 0 ? problems.join('; ') : undefined;
}
