// Reads a WAV file's format (RIFF chunks, WAVE_FORMAT_EXTENSIBLE included) and says what keeps it from
// being a prompt Graph can play: service-hosted media wants 16 kHz, mono, 16-bit PCM.

/** The format fields of a WAV file. */
export interface WavFormat {
  /** 1 = PCM, 3 = IEEE float, ... (the sub-format for WAVE_FORMAT_EXTENSIBLE). */
  readonly audioFormat: number;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  readonly dataBytes: number;
}

/** The format of `file`; throws an Error in words when it is not a readable WAV. */
export function readWavFormat(file: Buffer): WavFormat {
  if (
    file.length < 12 ||
    file.toString('latin1', 0, 4) !== 'RIFF' ||
    file.toString('latin1', 8, 12) !== 'WAVE'
  )
    throw new Error('is not a WAV file (no RIFF/WAVE header)');
  let fmt: Omit<WavFormat, 'dataBytes'> | undefined;
  let dataBytes: number | undefined;
  let at = 12;
  while (at + 8 <= file.length) {
    const id = file.toString('latin1', at, at + 4);
    const size = file.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > file.length) throw new Error('has a truncated fmt chunk');
      let audioFormat = file.readUInt16LE(body);
      if (audioFormat === 0xfffe && size >= 40 && body + 26 <= file.length)
        audioFormat = file.readUInt16LE(body + 24);
      fmt = {
        audioFormat,
        channels: file.readUInt16LE(body + 2),
        sampleRate: file.readUInt32LE(body + 4),
        bitsPerSample: file.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      dataBytes = Math.min(size, file.length - body);
    }
    at = body + size + (size % 2);
  }
  if (!fmt) throw new Error('has no fmt chunk');
  if (dataBytes === undefined) throw new Error('has no data chunk');
  return { ...fmt, dataBytes };
}

/** What is wrong with `f` as a Graph prompt, or an empty list. */
export function promptFormatProblems(f: WavFormat): string[] {
  const problems: string[] = [];
  if (f.audioFormat !== 1)
    problems.push(`encoding ${f.audioFormat === 3 ? 'IEEE float' : `code ${f.audioFormat}`}, PCM expected`);
  if (f.sampleRate !== 16000) problems.push(`${f.sampleRate} Hz, 16000 Hz expected`);
  if (f.channels !== 1) problems.push(`${f.channels} channels, mono expected`);
  if (f.bitsPerSample !== 16) problems.push(`${f.bitsPerSample}-bit, 16-bit expected`);
  if (f.dataBytes === 0) problems.push('no audio in it');
  return problems;
}
