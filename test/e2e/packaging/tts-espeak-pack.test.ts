// The text-to-speech engine as an app gets it: `npm pack` of tts-espeak/, installed from the tarball into
// an empty folder outside the repository, where a script speaks one sentence with it. What the tarball
// holds is checked too: the package's build, its docs and licence note, nothing else of the repository.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { install, pack, run } from './npm';

const PACKAGE_DIR = path.resolve(__dirname, '..', '..', '..', 'tts-espeak');

/** Whether a packed file is the package's: its package.json, docs and licence, or its build of its sources. */
function fromPackage(file: string): boolean {
  if (['package.json', 'README.md', 'LICENSE'].includes(file)) return true;
  if (!file.startsWith('dist/')) return false;
  const source = file.slice('dist/'.length).replace(/(\.d\.ts|\.js)$/, '.ts');
  return source !== file && existsSync(path.join(PACKAGE_DIR, source));
}

describe('the text-to-speech engine as an npm package', function () {
  this.timeout(60_000);
  let work: string;
  let consumer: string;
  let packed: { tarball: string; files: string[] };

  before(async function () {
    // Building, packing and installing from the registry (or npm's cache) take a while on a busy machine.
    this.timeout(300_000);
    work = await mkdtemp(path.join(os.tmpdir(), 'tts-espeak-pack-'));
    packed = await pack(PACKAGE_DIR, work);
    consumer = path.join(work, 'consumer');
    await mkdir(consumer);
    await writeFile(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await install(consumer, packed.tarball);
  });

  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("packs only the package's files: its build, README, LICENSE and package.json", () => {
    assert.deepEqual(
      packed.files.filter((f) => !fromPackage(f)),
      [],
    );
    assert.deepEqual(
      packed.files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
      [],
      'no sources',
    );
    for (const needed of [
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/espeak-thread.js',
    ])
      assert.ok(packed.files.includes(needed), `${needed} is packed`);
  });

  it('lets a script import it and speak a sentence as a 16 kHz mono 16-bit WAV', async () => {
    const script = path.join(consumer, 'speak.mjs');
    await copyFile(path.join(__dirname, 'consumer', 'speak.mjs'), script);
    const out = await run(process.execPath, [script], consumer, 50_000);
    const seen = JSON.parse(out.trim().split('\n').pop() ?? '') as Record<string, unknown>;
    const installed = path.join(consumer, 'node_modules', '@switchboard', 'tts-espeak');
    assert.ok(String(seen.loadedFrom).startsWith(`${installed}/`), `loaded from ${String(seen.loadedFrom)}`);
    assert.deepEqual([seen.riff, seen.channels, seen.sampleRate, seen.bits], ['RIFFWAVE', 1, 16000, 16], out);
    // "Press one for sales." takes about a second and a half: well over half a second of 16 kHz samples.
    assert.ok(Number(seen.dataBytes) > 16000, `${String(seen.dataBytes)} bytes of audio`);
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8')) as {
      name?: string;
      license?: string;
    };
    assert.deepEqual([manifest.name, manifest.license], ['@switchboard/tts-espeak', 'GPL-3.0-or-later']);
  });
});
