import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkColorIcon, checkOutlineIcon, decodePng } from '../../../manifest';

const FIXTURES = path.join(__dirname, '../../fixtures/manifest/icons');
const PACKAGE = path.join(__dirname, '../../../manifest/appPackage');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

describe('manifest icons', () => {
  it('the committed colour icon is a 192x192 opaque PNG', () => {
    const file = readFileSync(path.join(PACKAGE, 'color.png'));
    assert.deepEqual(checkColorIcon(file), []);
    const img = decodePng(file);
    assert.equal(img.width, 192);
    assert.equal(img.height, 192);
    for (let i = 3; i < img.rgba.length; i += 4)
      assert.equal(img.rgba[i], 255, `pixel ${(i - 3) / 4} is not opaque`);
  });

  it('the committed outline icon is 32x32, white on transparent', () => {
    const file = readFileSync(path.join(PACKAGE, 'outline.png'));
    assert.deepEqual(checkOutlineIcon(file), []);
    const img = decodePng(file);
    assert.equal(img.width, 32);
    let clear = 0;
    let solid = 0;
    for (let i = 0; i < img.rgba.length; i += 4) {
      if (img.rgba[i + 3] === 0) clear++;
      if (img.rgba[i + 3] === 255) {
        solid++;
        assert.deepEqual([...img.rgba.subarray(i, i + 3)], [255, 255, 255]);
      }
    }
    assert.ok(
      clear > 200 && solid > 100,
      `expected a drawn motif on transparency, got ${solid} solid / ${clear} clear`,
    );
    assert.equal(img.rgba[3], 0, 'the corner is transparent');
  });

  it('accepts icons made by another encoder in other colour types', () => {
    assert.deepEqual(checkColorIcon(fixture('color-192-rgb-adaptive.png')), []);
    assert.deepEqual(checkOutlineIcon(fixture('outline-32-white-paeth.png')), []);
    assert.deepEqual(checkOutlineIcon(fixture('outline-32-grey-alpha-average.png')), []);
  });

  it('names the field and the size when an icon has the wrong size', () => {
    assert.deepEqual(checkColorIcon(fixture('color-100.png')), [
      { field: 'icons.color', message: 'is 100x100; Teams needs the colour icon to be 192x192 pixels' },
    ]);
    const [p] = checkOutlineIcon(fixture('outline-48.png'));
    assert.equal(p?.field, 'icons.outline');
    assert.match(p?.message ?? '', /48x48.*32x32/);
  });

  it('refuses an outline icon that is coloured or has no transparency', () => {
    const red = checkOutlineIcon(fixture('outline-32-red.png'));
    assert.equal(red.length, 1);
    assert.match(red[0]?.message ?? '', /not white/);
    const opaque = checkOutlineIcon(fixture('outline-32-opaque.png'));
    assert.ok(opaque.some((p) => p.field === 'icons.outline' && /no transparent pixels/.test(p.message)));
  });

  it('reports a file that is not a PNG against its field', () => {
    assert.deepEqual(checkColorIcon(fixture('not-a-png.png')), [
      { field: 'icons.color', message: 'is not a PNG file (the signature is missing)' },
    ]);
  });
});
