// Assembles RIFF/WAVE files chunk by chunk, so tests can make the odd files real writers produce.

export interface FmtFields {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
}

/** One chunk: id, little-endian size, body, and the pad byte an odd-sized body needs. */
export function chunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** A plain 16-byte fmt chunk body. */
export function fmtBody(f: FmtFields): Buffer {
  const b = Buffer.alloc(16);
  const blockAlign = (f.channels * f.bitsPerSample) / 8;
  b.writeUInt16LE(f.format, 0);
  b.writeUInt16LE(f.channels, 2);
  b.writeUInt32LE(f.sampleRate, 4);
  b.writeUInt32LE(f.sampleRate * blockAlign, 8);
  b.writeUInt16LE(blockAlign, 12);
  b.writeUInt16LE(f.bitsPerSample, 14);
  return b;
}

/** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt body whose sub-format GUID carries `subFormat`. */
export function extensibleFmtBody(f: Omit<FmtFields, 'format'> & { subFormat: number }): Buffer {
  const base = fmtBody({ ...f, format: 0xfffe });
  const ext = Buffer.alloc(24);
  ext.writeUInt16LE(22, 0); // cbSize
  ext.writeUInt16LE(f.bitsPerSample, 2); // valid bits
  ext.writeUInt32LE(f.channels === 1 ? 0x4 : 0x3, 4); // channel mask
  // KSDATAFORMAT_SUBTYPE_* GUID: format code, then the fixed tail 0000-0010-8000-00AA00389B71.
  ext.writeUInt16LE(f.subFormat, 8);
  Buffer.from('000000001000800000aa00389b71', 'hex').copy(ext, 10);
  return Buffer.concat([base, ext]);
}

/** Wraps chunks in a RIFF/WAVE header whose size field is right unless `riffSize` overrides it. */
export function riff(chunks: Buffer[], riffSize?: number): Buffer {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(riffSize ?? body.length + 4, 4);
  head.write('WAVE', 8, 'latin1');
  return Buffer.concat([head, body]);
}

/** A whole file: fmt then data of `dataBytes` zero bytes, with optional extra chunks before data. */
export function wavFile(f: FmtFields, dataBytes: number, before: Buffer[] = []): Buffer {
  return riff([chunk('fmt ', fmtBody(f)), ...before, chunk('data', Buffer.alloc(dataBytes))]);
}

export const GOOD: FmtFields = { format: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 };
