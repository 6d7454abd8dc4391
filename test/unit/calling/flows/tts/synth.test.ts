import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createPromptCache,
  decodeWav,
  encodeWav,
  readCachedPrompt,
  resample,
  type Synthesizer,
} from '../../../../../calling/flows/tts';
import { promptProblem, readWavTags } from '../../../../../calling/prompts';

const tone = (hz: number, rate: number, seconds: number) =>
  Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate),
  );
const rms = (x: Float32Array) => Math.sqrt(x.reduce((a, v) => a + v * v, 0) / x.length);

describe('text prompts', function () {
  this.timeout(30_000);

  it('resampling keeps a tone below the new Nyquist and removes one above it', () => {
    const kept = resample(tone(1000, 22050, 0.5), 22050, 16000);
    assert.equal(kept.length, 8000);
    assert.ok(Math.abs(rms(kept.subarray(200, -200)) - 0.3536) < 0.02, `1 kHz kept (rms ${rms(kept)})`);
    const gone = resample(tone(10000, 22050, 0.5), 22050, 16000);
    assert.ok(rms(gone.subarray(200, -200)) < 0.02, `10 kHz removed (rms ${rms(gone)})`);
  });

  it('WAV encode and decode round-trip 16-bit mono', () => {
    const wav = encodeWav(Float32Array.from([0, 0.5, -0.5, 1]), 16000);
    assert.equal(promptProblem(wav), undefined);
    const pcm = decodeWav(wav);
    assert.deepEqual([pcm.sampleRate, pcm.channels, [...pcm.samples]], [16000, 1, [0, 16384, -16383, 32767]]);
  });

  it('caches by content: one synthesis per text and voice, files named by hash under the served URL', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-tts-'));
    const said: string[] = [];
    const fake: Synthesizer = {
      id: 'fake:1',
      async synthesize(text) {
        said.push(text);
        return encodeWav(tone(440, 16000, 0.3), 16000);
      },
    };
    try {
      const cache = createPromptCache({ synthesizer: fake, dir, baseUrl: 'http://app.test/prompts/tts/' });
      const [a, b] = await Promise.all([cache.url('Hello'), cache.url('Hello')]);
      const c = await cache.url('Goodbye');
      assert.equal(a, b);
      assert.match(a, /^http:\/\/app\.test\/prompts\/tts\/[0-9a-f]{64}\.wav$/);
      assert.notEqual(a, c);
      assert.deepEqual(said, ['Hello', 'Goodbye'], 'one synthesis per text, even when asked twice at once');
      await createPromptCache({ synthesizer: fake, dir, baseUrl: 'http://x' }).url('Hello');
      assert.equal(said.length, 2, 'a new cache over the same folder finds the file');
      assert.equal(readdirSync(dir).length, 2, 'no temporary files left');
      assert.equal(promptProblem(await readCachedPrompt(dir, a.split('/').pop()!)), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the spoken text and the engine into each file (INFO chunk), and the audio decodes as before', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-tts-'));
    const audio = encodeWav(tone(440, 16000, 0.3), 16000);
    const fake: Synthesizer = { id: 'fake:1', synthesize: async () => audio };
    try {
      const cache = createPromptCache({ synthesizer: fake, dir, baseUrl: 'http://app.test/prompts/tts' });
      const url = await cache.url('  Press one for sales.  ');
      const file = await readCachedPrompt(dir, url.split('/').pop()!);
      assert.deepEqual(readWavTags(file), { ICMT: 'Press one for sales.', ISFT: 'fake:1' });
      assert.equal(promptProblem(file), undefined);
      assert.deepEqual(decodeWav(file).samples, decodeWav(audio).samples);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not serve a file cached before files carried their text: the text is synthesized again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-tts-'));
    const said: string[] = [];
    const fake: Synthesizer = {
      id: 'fake:1',
      async synthesize(text) {
        said.push(text);
        return encodeWav(tone(440, 16000, 0.3), 16000);
      },
    };
    try {
      // The name the cache gave "Hello" when its files held audio only.
      const old = `${createHash('sha256')
        .update(JSON.stringify(['fake:1', null, 'Hello']))
        .digest('hex')}.wav`;
      writeFileSync(path.join(dir, old), encodeWav(tone(440, 16000, 0.3), 16000));
      const url = await createPromptCache({ synthesizer: fake, dir, baseUrl: 'http://x' }).url('Hello');
      assert.notEqual(url.split('/').pop(), old);
      assert.deepEqual(said, ['Hello']);
      assert.equal(readWavTags(readFileSync(path.join(dir, url.split('/').pop()!))).ICMT, 'Hello');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
