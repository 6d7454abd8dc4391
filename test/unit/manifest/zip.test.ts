import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readZip, writeZip } from '../../../manifest';

describe('manifest zip', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}\n') },
    { name: 'color.png', data: Buffer.alloc(5000, 7) },
    { name: 'ünïcode.txt', data: Buffer.from('x') },
  ];

  it('round-trips entries, names and bytes', () => {
    const back = readZip(writeZip(entries));
    assert.deepEqual(
      back.map((e) => [e.name, e.data.toString('hex')]),
      entries.map((e) => [e.name, e.data.toString('hex')]),
    );
  });

  it('is byte-for-byte reproducible', () => {
    assert.ok(writeZip(entries).equals(writeZip(entries)));
  });

  it('is a zip the system unzip accepts', function () {
    if (!existsSync('/usr/bin/unzip')) this.skip();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-zip-'));
    try {
      const file = path.join(dir, 'p.zip');
      writeFileSync(file, writeZip(entries));
      const out = execFileSync('/usr/bin/unzip', ['-t', file]).toString();
      assert.match(out, /No errors detected/);
      execFileSync('/usr/bin/unzip', ['-q', file, '-d', path.join(dir, 'x')]);
      assert.ok(readFileSync(path.join(dir, 'x', 'color.png')).equals(entries[1]?.data ?? Buffer.alloc(0)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('detects corruption', () => {
    const zip = writeZip(entries);
    zip[46] = (zip[46] ?? 0) ^ 0xff; // inside the first entry's compressed data
    assert.throws(() => readZip(zip));
    assert.throws(() => readZip(Buffer.from('nope')), /not a zip/);
  });
});
