// The emulator carries its own copy of the Graph metadata, and a missing or damaged copy is one line that
// names the file, where it comes from and EMULATOR_CSDL.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CsdlFileError, loadCsdl, readCsdlText, shippedCsdlPath } from '../../../../emulator/csdl';
import { readEmulatorConfig } from '../../../../emulator/config';
import { ROOT } from '../../../helpers/process';

const SOURCE = readFileSync(path.join(ROOT, 'emulator', 'csdl', 'metadata', 'SOURCE.md'), 'utf8');

describe('emulator/csdl: the metadata shipped inside the repository', () => {
  it('is read from inside the checkout by default, not from beside it', () => {
    const csdl = readEmulatorConfig({}).csdlPath;
    assert.equal(csdl, shippedCsdlPath());
    assert.ok(!path.relative(ROOT, csdl).startsWith('..'), `${csdl} is outside ${ROOT}`);
  });

  it('is the file SOURCE.md names, byte for byte (size and SHA-256 of the uncompressed text)', () => {
    const text = readCsdlText(shippedCsdlPath());
    const sha = createHash('sha256').update(text, 'utf8').digest('hex');
    assert.match(SOURCE, new RegExp(`\`${sha}\``));
    const size = Buffer.byteLength(text, 'utf8').toLocaleString('en-US');
    assert.match(SOURCE, new RegExp(`${size} bytes`));
    assert.match(SOURCE, /Commit \| `[0-9a-f]{40}`/);
  });

  it('EMULATOR_CSDL names another copy, plain or gzipped', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'csdl-'));
    const tiny =
      '<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">' +
      '<edmx:DataServices><Schema Namespace="microsoft.graph" Alias="graph">' +
      '<EnumType Name="colour"><Member Name="red" Value="0"/></EnumType></Schema></edmx:DataServices></edmx:Edmx>';
    writeFileSync(path.join(dir, 'plain.csdl'), tiny);
    writeFileSync(path.join(dir, 'packed.csdl.gz'), gzipSync(tiny));
    for (const name of ['plain.csdl', 'packed.csdl.gz']) {
      const file = path.join(dir, name);
      assert.equal(readEmulatorConfig({ EMULATOR_CSDL: file }).csdlPath, file);
      assert.equal(loadCsdl(file).stats.enumTypes, 1, name);
    }
  });

  for (const [what, content] of [
    ['missing', undefined],
    ['a corrupt gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3])],
    ['not CSDL at all', Buffer.from('{"hello": "json"}')],
  ] as const) {
    it(`is one line naming the file, its source and EMULATOR_CSDL when ${what}`, () => {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'csdl-')), 'v1.0.csdl.gz');
      if (content) writeFileSync(file, content);
      let caught: unknown;
      try {
        loadCsdl(file);
      } catch (err) {
        caught = err;
      }
      assert.ok(caught instanceof CsdlFileError, `expected a CsdlFileError, got ${String(caught)}`);
      const message = caught.message;
      assert.ok(!message.includes('\n'), message);
      assert.ok(message.includes(file), message);
      assert.match(message, /microsoftgraph\/msgraph-metadata/);
      assert.match(message, /EMULATOR_CSDL/);
    });
  }
});
