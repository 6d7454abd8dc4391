import assert from 'node:assert/strict';
import { parseWav, promptFormatProblem, synthesizeSpeechWav } from '../../../../emulator/media';

const RATE = 16000;
const FRAME = (20 * RATE) / 1000;

function samplesOf(wav: Buffer): Int16Array {
  const info = parseWav(wav);
  const start = wav.length - info.dataBytes;
  return new Int16Array(wav.buffer.slice(wav.byteOffset + start, wav.byteOffset + wav.length));
}

/** RMS of each 20 ms frame, with the frame's start time in ms. */
function frameRms(samples: Int16Array): Array<{ ms: number; rms: number }> {
  const out: Array<{ ms: number; rms: number }> = [];
  for (let i = 0; i + FRAME <= samples.length; i += FRAME) {
    let sum = 0;
    for (let j = i; j < i + FRAME; j++) sum += (samples[j] ?? 0) ** 2;
    out.push({ ms: (i * 1000) / RATE, rms: Math.sqrt(sum / FRAME) });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Strongest normalised autocorrelation for lags of 4-10 ms, i.e. a pitch of 100-250 Hz. */
function voicing(samples: Int16Array, from: number, length: number): number {
  let best = 0;
  let energy = 0;
  for (let i = from; i < from + length; i++) energy += (samples[i] ?? 0) ** 2;
  for (let lag = RATE / 250; lag <= RATE / 100; lag++) {
    let acc = 0;
    for (let i = from; i < from + length; i++) acc += (samples[i] ?? 0) * (samples[i + lag] ?? 0);
    best = Math.max(best, acc / energy);
  }
  return best;
}

describe('emulator/media synthesizeSpeechWav', () => {
  const segments = [
    { startMs: 500, durationMs: 1500 },
    { startMs: 3000, durationMs: 1000 },
  ];
  const wav = synthesizeSpeechWav(segments, 5000, 7);
  const frames = frameRms(samplesOf(wav));
  // Frames well inside a segment or well away from one (syllable gaps make some speech frames quiet).
  const inside = (ms: number) =>
    segments.some((s) => ms >= s.startMs + 40 && ms + 20 <= s.startMs + s.durationMs - 40);
  const outside = (ms: number) =>
    segments.every((s) => ms + 20 <= s.startMs || ms >= s.startMs + s.durationMs);

  it('is a valid 16 kHz mono 16-bit prompt of the requested length', () => {
    const info = parseWav(wav);
    assert.equal(promptFormatProblem(info), undefined);
    assert.equal(info.durationMs, 5000);
  });

  it('has much higher short-time energy in speech than in silence', () => {
    const speech = frames.filter((f) => inside(f.ms)).map((f) => f.rms);
    const silence = frames.filter((f) => outside(f.ms)).map((f) => f.rms);
    assert.ok(
      speech.length > 80 && silence.length > 80,
      `${speech.length} speech / ${silence.length} silent frames`,
    );
    const loudestSilence = Math.max(...silence);
    // Silence is near-silent but not digital zero, like a real line.
    assert.ok(loudestSilence > 2 && loudestSilence < 60, `silence rms ${loudestSilence}`);
    assert.ok(
      median(speech) > 30 * loudestSilence,
      `speech median ${median(speech)} vs silence ${loudestSilence}`,
    );
    // Most speech frames stand clear of the noise floor (a few fall in gaps between syllables).
    const loud = speech.filter((r) => r > 10 * loudestSilence).length;
    assert.ok(loud / speech.length > 0.8, `${loud}/${speech.length} speech frames clearly loud`);
  });

  it('rises and falls at syllable rate inside a segment', () => {
    const rms = frames.filter((f) => f.ms >= 500 && f.ms < 2000).map((f) => f.rms);
    const mid = median(rms);
    let dips = 0;
    for (let i = 1; i < rms.length; i++) if ((rms[i - 1] ?? 0) >= mid && (rms[i] ?? 0) < mid) dips++;
    // 1.5 s of speech at roughly 3-7 syllables per second.
    assert.ok(dips >= 3 && dips <= 12, `${dips} envelope dips in 1.5 s`);
  });

  it('is voiced with a pitch between 100 and 250 Hz', () => {
    const samples = samplesOf(wav);
    const voicedFrames = frames.filter((f) => inside(f.ms) && f.rms > 1000);
    const strong = voicedFrames.filter((f) => voicing(samples, (f.ms * RATE) / 1000, FRAME) > 0.5).length;
    assert.ok(
      strong / voicedFrames.length > 0.7,
      `${strong}/${voicedFrames.length} frames periodic at 100-250 Hz`,
    );
    const silent = frames.find((f) => f.ms >= 4500)!;
    assert.ok(voicing(samples, (silent.ms * RATE) / 1000, FRAME) < 0.5, 'noise floor is not periodic');
  });

  it('is deterministic for a seed and differs between seeds', () => {
    assert.ok(synthesizeSpeechWav(segments, 5000, 7).equals(wav));
    assert.ok(!synthesizeSpeechWav(segments, 5000, 8).equals(wav));
  });

  it('clips segments to the total length and tolerates none', () => {
    const clipped = parseWav(synthesizeSpeechWav([{ startMs: 900, durationMs: 5000 }], 1000));
    assert.equal(clipped.durationMs, 1000);
    const quiet = frameRms(samplesOf(synthesizeSpeechWav([], 400)));
    assert.ok(quiet.every((f) => f.rms < 60));
  });
});
