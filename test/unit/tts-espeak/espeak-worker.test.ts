import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TSX_LOADER } from '../../helpers/process';

const FIXTURE = path.resolve(__dirname, '../../fixtures/tts-espeak/speak-once.ts');

describe('speech worker', function () {
  this.timeout(60_000);

  // `tsx file.ts` and the benchmarks load TypeScript with --import; mocha loads it with a require hook.
  for (const loader of [
    ['--import', TSX_LOADER],
    ['--require', 'tsx/cjs'],
  ]) {
    it(`speaks from the TypeScript sources when the process was started with ${loader[0]}`, () => {
      const run = spawnSync(process.execPath, [...loader, FIXTURE], { encoding: 'utf8', timeout: 50_000 });
      assert.equal(run.status, 0, run.stderr);
      const { bytes } = JSON.parse(run.stdout.trim()) as { bytes: number };
      assert.ok(bytes > 1000, `a WAV of ${bytes} bytes`);
    });
  }
});
