import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeWav, monoFloats } from '../../../../calling/flows/tts/wav-pcm';
import { promptProblem, readWavTags } from '../../../../calling/prompts';
import { HOLD_MUSIC_RATE, holdMusicSamples } from '../../../../calling/prompts/hold-music';

const SHIPPED = 'assets/prompts/hold-music.wav';

describe('hold music', () => {
  const samples = holdMusicSamples();

  it('is a 9.6 s loop at -6 dBFS that Graph can play', () => {
    assert.equal(samples.length, 9.6 * HOLD_MUSIC_RATE);
    const peak = samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    assert.ok(Math.abs(peak - 0.5) < 1e-6, `peak ${peak}`);
    const rms = Math.sqrt(samples.reduce((s, v) => s + v * v, 0) / samples.length);
    assert.ok(rms > 0.05, `music, not near-silence (rms ${rms})`);
  });

  it('loops without a click: the jump from the end back to the start is like the steps around it', () => {
    // Steps within 20 ms either side of the seam; a note cut off at the end would jump far more.
    const near = 0.02 * HOLD_MUSIC_RATE;
    const around = [...samples.subarray(samples.length - near), ...samples.subarray(0, near)];
    let largest = 0;
    for (let i = 1; i < around.length; i += 1)
      if (i !== near) largest = Math.max(largest, Math.abs((around[i] ?? 0) - (around[i - 1] ?? 0)));
    const seam = Math.abs((around[near] ?? 0) - (around[near - 1] ?? 0));
    assert.ok(seam <= largest, `seam ${seam}, largest step near it ${largest}`);
  });

  it('the shipped file is what the code makes, in the prompt format, and says what it is', () => {
    const wav = readFileSync(SHIPPED);
    assert.equal(promptProblem(wav), undefined);
    const shipped = monoFloats(decodeWav(wav));
    assert.equal(shipped.length, samples.length);
    let worst = 0;
    for (let i = 0; i < samples.length; i += 1)
      worst = Math.max(worst, Math.abs((shipped[i] ?? 0) - (samples[i] ?? 0)));
    assert.ok(
      worst < 2 / 32768,
      `the shipped file differs by ${worst}: run npx tsx scripts/make-hold-music.ts`,
    );
    assert.equal(readWavTags(wav).INAM, 'hold-music');
  });
});
