// Reads a PNG's header and, for the common 8-bit non-interlaced formats, its pixels as RGBA, so the
// package build can check icon sizes and transparency on whatever file a user drops in.
import { crc32, inflateSync } from 'node:zlib';
import { PNG_SIGNATURE } from './encode';

/** What the IHDR chunk says. */
export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  readonly colorType: number;
  readonly interlaced: boolean;
}

/** A decoded image: straight-alpha RGBA, row-major. */
export interface PngImage extends PngHeader {
  readonly rgba: Uint8Array;
}

/** A PNG that cannot be read; the message says why in words a person can act on. */
export class PngError extends Error {
  override name = 'PngError';
}

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(file: Buffer): Chunk[] {
  if (file.length < 8 || !file.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new PngError('is not a PNG file (the signature is missing)');
  const out: Chunk[] = [];
  let at = 8;
  while (at + 12 <= file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString('ascii', at + 4, at + 8);
    if (at + 12 + length > file.length) throw new PngError(`is truncated inside its ${type} chunk`);
    const data = file.subarray(at + 8, at + 8 + length);
    const crc = file.readUInt32BE(at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) >>> 0 !== crc)
      throw new PngError(`has a corrupt ${type} chunk (CRC mismatch)`);
    out.push({ type, data });
    at += 12 + length;
    if (type === 'IEND') return out;
  }
  throw new PngError('is truncated (no IEND chunk)');
}

function header(list: Chunk[]): PngHeader {
  const ihdr = list[0];
  if (!ihdr || ihdr.type !== 'IHDR' || ihdr.data.length !== 13)
    throw new PngError('has no valid IHDR chunk first');
  return {
    width: ihdr.data.readUInt32BE(0),
    height: ihdr.data.readUInt32BE(4),
    bitDepth: ihdr.data[8] ?? 0,
    colorType: ihdr.data[9] ?? 0,
    interlaced: ihdr.data[12] === 1,
  };
}

/** Reads only the header (size, format); throws PngError for anything that is not a sound PNG. */
export function readPngHeader(file: Buffer): PngHeader {
  return header(chunks(file));
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(raw: Buffer, h: PngHeader, bpp: number): Buffer {
  const stride = h.width * bpp;
  if (raw.length < (stride + 1) * h.height) throw new PngError('has less image data than its size needs');
  const out = Buffer.alloc(stride * h.height);
  for (let y = 0; y < h.height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const v = raw[src + x] ?? 0;
      const a = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[row - stride + x - bpp] ?? 0) : 0;
      let r: number;
      if (filter === 0) r = v;
      else if (filter === 1) r = v + a;
      else if (filter === 2) r = v + b;
      else if (filter === 3) r = v + ((a + b) >> 1);
      else if (filter === 4) r = v + paeth(a, b, c);
      else throw new PngError(`uses an unknown row filter (${filter})`);
      out[row + x] = r & 0xff;
    }
  }
  return out;
}

/** Decodes an 8-bit, non-interlaced PNG of any colour type to RGBA; throws PngError otherwise. */
export function decodePng(file: Buffer): PngImage {
  const list = chunks(file);
  const h = header(list);
  const channels = CHANNELS[h.colorType];
  if (channels === undefined) throw new PngError(`has an invalid colour type (${h.colorType})`);
  if (h.bitDepth !== 8 || h.interlaced)
    throw new PngError(
      `is ${h.bitDepth}-bit${h.interlaced ? ' interlaced' : ''}; save it as 8-bit, non-interlaced PNG`,
    );
  const idat = Buffer.concat(list.filter((c) => c.type === 'IDAT').map((c) => c.data));
  let raw: Buffer;
  try {
    raw = inflateSync(idat);
  } catch (err) {
    throw new PngError(`has image data that does not decompress (${(err as Error).message})`);
  }
  const px = unfilter(raw, h, channels);
  const palette = list.find((c) => c.type === 'PLTE')?.data;
  const trns = list.find((c) => c.type === 'tRNS')?.data;
  if (h.colorType === 3 && !palette) throw new PngError('is a palette image without a palette');
  const n = h.width * h.height;
  const rgba = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const s = i * channels;
    const o = i * 4;
    const g = px[s] ?? 0;
    if (h.colorType === 0 || h.colorType === 4) {
      rgba[o] = rgba[o + 1] = rgba[o + 2] = g;
      rgba[o + 3] = h.colorType === 4 ? (px[s + 1] ?? 0) : trns && trns.readUInt16BE(0) === g ? 0 : 255;
    } else if (h.colorType === 3) {
      rgba[o] = palette?.[g * 3] ?? 0;
      rgba[o + 1] = palette?.[g * 3 + 1] ?? 0;
      rgba[o + 2] = palette?.[g * 3 + 2] ?? 0;
      rgba[o + 3] = trns?.[g] ?? 255;
    } else {
      rgba[o] = g;
      rgba[o + 1] = px[s + 1] ?? 0;
      rgba[o + 2] = px[s + 2] ?? 0;
      const opaqueKey =
        trns &&
        trns.length >= 6 &&
        trns.readUInt16BE(0) === g &&
        trns.readUInt16BE(2) === rgba[o + 1] &&
        trns.readUInt16BE(4) === rgba[o + 2];
      rgba[o + 3] = h.colorType === 6 ? (px[s + 3] ?? 0) : opaqueKey ? 0 : 255;
    }
  }
  return { ...h, rgba };
}
