import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeWav, parseWav, promptFormatProblem, WavError } from '../../../../emulator/media';
import { chunk, extensibleFmtBody, fmtBody, GOOD, riff, wavFile } from './riff-builder';

const FIXTURES = path.join(__dirname, '../../../fixtures/emulator/media');

function reasonOf(buf: Buffer): string {
  try {
    parseWav(buf);
  } catch (err) {
    assert.ok(err instanceof WavError, `expected WavError, got ${String(err)}`);
    return err.reason;
  }
  assert.fail('parseWav accepted a malformed file');
}

function onPath(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('emulator/media parseWav', () => {
  it('reads the header of a WAV it encoded', () => {
    const info = parseWav(encodeWav(new Int16Array(16000 * 2), 16000));
    assert.deepEqual(info, {
      audioFormat: 1,
      channels: 1,
      sampleRate: 16000,
      bitsPerSample: 16,
      dataBytes: 64000,
      durationMs: 2000,
    });
    assert.equal(promptFormatProblem(info), undefined);
  });

  it('reads files written by an independent encoder (fixtures)', () => {
    const mono = parseWav(readFileSync(path.join(FIXTURES, 'python-wave-16k-mono.wav')));
    assert.equal(mono.sampleRate, 16000);
    assert.equal(mono.channels, 1);
    assert.equal(mono.durationMs, 250);
    assert.equal(promptFormatProblem(mono), undefined);
    const stereo = parseWav(readFileSync(path.join(FIXTURES, 'python-wave-8k-stereo.wav')));
    assert.equal(stereo.channels, 2);
    assert.equal(stereo.durationMs, 500);
    assert.match(promptFormatProblem(stereo) ?? '', /2 channels.*8000 Hz/);
  });

  it('skips a LIST chunk (odd-sized, padded) that comes before data', () => {
    const list = chunk('LIST', Buffer.from('INFOISFT\x05\x00\x00\x00test\x00', 'latin1'));
    assert.equal(list.length % 2, 0);
    const buf = wavFile(GOOD, 3200, [list, chunk('junk', Buffer.alloc(7))]);
    const info = parseWav(buf);
    assert.equal(info.dataBytes, 3200);
    assert.equal(info.durationMs, 100);
  });

  it('resolves an extensible fmt chunk to its sub-format', () => {
    const pcm = riff([
      chunk('fmt ', extensibleFmtBody({ subFormat: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 })),
      chunk('data', Buffer.alloc(320)),
    ]);
    const info = parseWav(pcm);
    assert.equal(info.audioFormat, 1);
    assert.equal(info.extensible, true);
    assert.equal(promptFormatProblem(info), undefined);
    const float = riff([
      chunk('fmt ', extensibleFmtBody({ subFormat: 3, channels: 1, sampleRate: 16000, bitsPerSample: 32 })),
      chunk('data', Buffer.alloc(640)),
    ]);
    const finfo = parseWav(float);
    assert.equal(finfo.audioFormat, 3);
    assert.match(promptFormatProblem(finfo) ?? '', /IEEE float.*32-bit/);
  });

  it('names every way a file breaks the prompt rule', () => {
    const problem = (f: Partial<typeof GOOD>) =>
      promptFormatProblem(parseWav(wavFile({ ...GOOD, ...f }, 64)));
    assert.match(problem({ sampleRate: 8000 }) ?? '', /^8000 Hz, 16000 Hz expected$/);
    assert.match(problem({ channels: 2 }) ?? '', /^2 channels, mono expected$/);
    assert.match(problem({ bitsPerSample: 8 }) ?? '', /^8-bit samples, 16-bit expected$/);
    assert.match(problem({ format: 3, bitsPerSample: 32 }) ?? '', /IEEE float, PCM expected/);
    assert.match(problem({ format: 6, bitsPerSample: 8 }) ?? '', /format code 6/);
    assert.equal(promptFormatProblem(parseWav(wavFile(GOOD, 0))), 'no audio data');
  });

  it('reports 8-bit stereo duration from the block size', () => {
    const info = parseWav(wavFile({ format: 1, channels: 2, sampleRate: 8000, bitsPerSample: 8 }, 8000));
    assert.equal(info.durationMs, 500);
  });

  it('rejects malformed files with a reason', () => {
    const good = wavFile(GOOD, 3200);
    assert.equal(reasonOf(good.subarray(0, 100)), 'truncated');
    assert.equal(reasonOf(good.subarray(0, 30)), 'truncated');
    assert.equal(reasonOf(good.subarray(0, 6)), 'truncated');
    assert.equal(
      reasonOf(Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00\x00\x00mp3-ish', 'latin1')),
      'not-riff',
    );
    const avi = Buffer.from(good);
    avi.write('AVI ', 8, 'latin1');
    assert.equal(reasonOf(avi), 'not-wave');
    assert.equal(reasonOf(riff([chunk('data', Buffer.alloc(10))])), 'missing-fmt');
    assert.equal(reasonOf(riff([chunk('fmt ', fmtBody(GOOD))])), 'missing-data');
    assert.equal(
      reasonOf(riff([chunk('fmt ', Buffer.alloc(12)), chunk('data', Buffer.alloc(4))])),
      'bad-fmt',
    );
    assert.equal(reasonOf(wavFile({ ...GOOD, channels: 0 }, 4)), 'bad-fmt');
    assert.equal(reasonOf(Buffer.alloc(0)), 'truncated');
  });

  it('agrees with an independent reader (sox)', function () {
    if (!onPath('sox')) {
      // Not installed on this machine (and not worth an install step): say so in the report, then skip.
      this.test!.title +=
        ' [skipped: sox is not installed; the Python cross-check covers an independent reader]';
      this.skip();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'wav-sox-'));
    try {
      const file = path.join(dir, 'a.wav');
      execFileSync('sox', ['-n', '-r', '8000', '-c', '2', '-b', '16', file, 'synth', '0.3', 'sine', '300']);
      const ours = parseWav(readFileSync(file));
      const rate = execFileSync('soxi', ['-r', file]).toString().trim();
      assert.equal(String(ours.sampleRate), rate);
      assert.equal(ours.channels, 2);
      assert.ok(Math.abs(ours.durationMs - 300) < 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("agrees with Python's wave module on our own encoding", function () {
    if (!onPath('python3')) {
      this.test!.title += ' [skipped: python3 is not installed; the python-made fixtures above still run]';
      this.skip();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'wav-py-'));
    try {
      const file = path.join(dir, 'ours.wav');
      writeFileSync(
        file,
        encodeWav(
          Int16Array.from({ length: 4410 }, (_, i) => (i * 37) % 3000),
          22050,
        ),
      );
      const script =
        'import wave,sys,json\nw=wave.open(sys.argv[1])\n' +
        'print(json.dumps([w.getnchannels(),w.getsampwidth(),w.getframerate(),w.getnframes()]))';
      const [channels, width, rate, frames] = JSON.parse(
        execFileSync('python3', ['-c', script, file]).toString(),
      ) as number[];
      const ours = parseWav(readFileSync(file));
      assert.deepEqual(
        [ours.channels, ours.bitsPerSample / 8, ours.sampleRate, ours.dataBytes / 2],
        [channels, width, rate, frames],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
