import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { PngError, decodePng, encodePng, readPngHeader } from '../../../manifest';

const FIXTURES = path.join(__dirname, '../../fixtures/manifest/icons');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

describe('manifest PNG codec', () => {
  it('encodes RGBA that an independent decoder (pngjs) reads back pixel for pixel', () => {
    const w = 7;
    const h = 5;
    const rgba = new Uint8Array(w * h * 4).map((_, i) => (i * 37) % 256);
    const file = encodePng(w, h, rgba);
    const other = PNG.sync.read(file);
    assert.equal(other.width, w);
    assert.equal(other.height, h);
    assert.deepEqual(new Uint8Array(other.data), rgba);
  });

  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.png') && n !== 'not-a-png.png')) {
    it(`decodes ${name} exactly as pngjs does (colour types and row filters)`, () => {
      const mine = decodePng(fixture(name));
      const ref = PNG.sync.read(fixture(name));
      assert.equal(mine.width, ref.width);
      assert.equal(mine.height, ref.height);
      assert.deepEqual(Buffer.from(mine.rgba), Buffer.from(ref.data));
    });
  }

  it('reads the header alone', () => {
    const h = readPngHeader(fixture('color-192-rgb-adaptive.png'));
    assert.deepEqual(h, { width: 192, height: 192, bitDepth: 8, colorType: 2, interlaced: false });
  });

  it('refuses files that are not PNGs, truncated or corrupt, saying why', () => {
    assert.throws(
      () => readPngHeader(fixture('not-a-png.png')),
      (e: unknown) => e instanceof PngError && /not a PNG/.test(e.message),
    );
    const good = fixture('outline-32-white-paeth.png');
    assert.throws(() => decodePng(good.subarray(0, good.length - 20)), /truncated/);
    const corrupt = Buffer.from(good);
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff; // inside the IDAT chunk
    assert.throws(() => decodePng(corrupt), /CRC mismatch/);
  });

  it('names the format it cannot decode (16-bit)', () => {
    const png = new PNG({ width: 2, height: 2 });
    png.data.fill(255);
    const file = PNG.sync.write(png, { colorType: 6, bitDepth: 16 });
    assert.throws(() => decodePng(file), /16-bit; save it as 8-bit/);
  });
});
