import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { PngError, decodePng, encodePng } from '../../../manifest';

const FIXTURES = path.join(__dirname, '../../fixtures/manifest/icons');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

describe('manifest PNG decoding and encoding', () => {
  it('encodes RGBA, even a view into a larger buffer, and reads it back pixel for pixel', () => {
    const w = 7;
    const h = 5;
    const backing = new Uint8Array(w * h * 4 + 16).map((_, i) => (i * 37) % 256);
    const rgba = backing.subarray(16);
    const back = decodePng(encodePng(w, h, rgba));
    assert.equal(back.width, w);
    assert.equal(back.height, h);
    assert.deepEqual(back.rgba, new Uint8Array(rgba));
  });

  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.png') && n !== 'not-a-png.png')) {
    it(`decodes ${name} to the size its name gives, as RGBA`, () => {
      const size = Number(/-(\d+)/.exec(name)?.[1]);
      const img = decodePng(fixture(name));
      assert.equal(img.width, size);
      assert.equal(img.height, size);
      assert.equal(img.rgba.length, size * size * 4);
    });
  }

  it('decodes 16-bit PNGs too (RGBA and RGB), as 8-bit RGBA', () => {
    const png = new PNG({ width: 2, height: 2 });
    // pngjs writes 16-bit images from 16-bit samples: twice the bytes, all ones here.
    png.data = Buffer.alloc(2 * 2 * 4 * 2, 0xff);
    for (const colorType of [6, 2] as const) {
      const img = decodePng(PNG.sync.write(png, { colorType, bitDepth: 16 }));
      assert.equal(img.width, 2);
      assert.deepEqual(img.rgba, new Uint8Array(16).fill(255), `colour type ${colorType}`);
    }
  });

  it('refuses files that are not PNGs, truncated or damaged, saying why and what to do', () => {
    const refused = (file: Buffer, why: RegExp) =>
      assert.throws(
        () => decodePng(file),
        (e: unknown) => e instanceof PngError && why.test(e.message) && /export it again/.test(e.message),
      );
    assert.throws(
      () => decodePng(fixture('not-a-png.png')),
      (e: unknown) => e instanceof PngError && /not a PNG/.test(e.message),
    );
    const good = fixture('outline-32-white-paeth.png');
    refused(good.subarray(0, good.length - 20), /truncated/);
    const corrupt = Buffer.from(good);
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff; // inside the IDAT chunk
    refused(corrupt, /damaged/);
  });
});
