// Icons as pixels, through pngjs: decoding whatever PNG a user drops in (every colour type, bit depth
// and interlacing), and encoding the icons drawn in code.
import { PNG } from 'pngjs';

/** A decoded image: 8-bit straight-alpha RGBA, row-major. */
export interface PngImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** A PNG that cannot be read; the message says why in words a person can act on. */
export class PngError extends Error {
  override name = 'PngError';
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Decodes a PNG to RGBA; throws PngError for anything that is not a sound PNG. */
export function decodePng(file: Buffer): PngImage {
  if (file.length < SIGNATURE.length || !file.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new PngError('is not a PNG file (the signature is missing)');
  let png: PNG;
  try {
    png = PNG.sync.read(file);
  } catch (err) {
    throw new PngError(whyUnreadable(err));
  }
  return { width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
}

// pngjs's synchronous reader reports most failures by where its reading stopped, not by their cause.
function whyUnreadable(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/read requests waitng on finished stream/.test(message))
    return 'is truncated (the file ends before its image does); export it again';
  if (/unrecognised content at end of stream|Crc error/.test(message))
    return 'is damaged (a chunk fails its checksum or is of a kind PNG readers do not know); export it again';
  return `cannot be read as PNG (${message}); export it again as a plain PNG`;
}

/** Encodes `rgba` (width*height*4 bytes, row-major, straight alpha) as an 8-bit RGBA PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new RangeError(`PNG size must be positive integers, got ${width}x${height}`);
  if (rgba.length !== width * height * 4)
    throw new RangeError(`expected ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}
