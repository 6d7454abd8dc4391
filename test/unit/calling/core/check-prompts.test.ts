import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPrompts, PromptCheckError, promptProblem } from '../../../../calling/prompts';
import { startApp } from '../../../helpers/app';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function wav(
  o: { format?: number; channels?: number; rate?: number; bits?: number; samples?: number } = {},
): Buffer {
  const channels = o.channels ?? 1;
  const bits = o.bits ?? 16;
  const rate = o.rate ?? 16000;
  const data = Buffer.alloc((o.samples ?? 160) * channels * (bits / 8));
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(o.format ?? 1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE((rate * channels * bits) / 8, 28);
  h.writeUInt16LE((channels * bits) / 8, 32);
  h.writeUInt16LE(bits, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

describe('prompt check', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-prompts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the shipped prompt set', async () => {
    const names = await checkPrompts(path.join(ROOT, 'assets', 'prompts'));
    for (const n of [
      'welcome',
      'menu',
      'goodbye',
      'please-hold',
      'invalid-input',
      'closed',
      'connecting',
      'beep',
    ]) {
      assert.ok(names.includes(n), `${n} is shipped`);
    }
  });

  it('says what is wrong with a file Graph would not play', () => {
    assert.equal(promptProblem(wav()), undefined);
    assert.equal(promptProblem(wav({ rate: 8000 })), 'is 8000 Hz, not 16000 Hz');
    assert.equal(promptProblem(wav({ channels: 2 })), 'has 2 channels, not 1 (mono)');
    assert.equal(promptProblem(wav({ bits: 8 })), 'is 8-bit, not 16-bit');
    assert.equal(
      promptProblem(wav({ format: 3, bits: 32 })),
      'is not PCM (format code 3), is 32-bit, not 16-bit',
    );
    assert.equal(promptProblem(wav({ samples: 0 })), 'has no audio');
    assert.equal(
      promptProblem(Buffer.from('ID3 not a wav at all')),
      'is not a WAV file (no RIFF/WAVE header)',
    );
  });

  it('fails naming the file and the problem', async () => {
    writeFileSync(path.join(dir, 'a-good.wav'), wav());
    writeFileSync(path.join(dir, 'b-bad.wav'), wav({ rate: 44100 }));
    await assert.rejects(checkPrompts(dir), (err: unknown) => {
      assert.ok(err instanceof PromptCheckError);
      assert.equal(err.file, path.join(dir, 'b-bad.wav'));
      assert.match(err.message, /b-bad\.wav is 44100 Hz, not 16000 Hz\. Graph plays only 16 kHz mono/);
      return true;
    });
  });

  it('stops the app from starting, naming the file', async () => {
    writeFileSync(path.join(dir, 'mono-8k.wav'), wav({ rate: 8000 }));
    await assert.rejects(startApp({ PROMPTS_DIR: dir }), /mono-8k\.wav is 8000 Hz, not 16000 Hz/);
  });

  it('fails on a missing or empty folder', async () => {
    await assert.rejects(checkPrompts(path.join(dir, 'nope')), /cannot be read \(ENOENT\)/);
    await assert.rejects(checkPrompts(dir), /has no \.wav files/);
  });
});
