import { encodeWav } from './wav-encode';

const RATE = 16000;
const FULL_SCALE = 32767;
/** Background hiss outside speech, about -66 dBFS: "silence" on a real line is never digital zero. */
const NOISE_FLOOR = 16;
const HARMONICS = 24;
const EDGE_MS = 15;

/** mulberry32: a small seeded generator, so the same seed always yields the same recording. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Syllable {
  start: number; // sample index
  length: number;
  f0: number; // Hz at the syllable's start
  glide: number; // Hz of pitch change across the syllable
  formant1: number;
  formant2: number;
}

/** Splits a segment into syllables of 120-300 ms with short gaps, each with its own pitch and vowel. */
function syllablesFor(start: number, end: number, rand: () => number): Syllable[] {
  const out: Syllable[] = [];
  let pos = start;
  while (pos < end) {
    const length = Math.min(end - pos, Math.round(((120 + rand() * 180) * RATE) / 1000));
    out.push({
      start: pos,
      length,
      f0: 110 + rand() * 110,
      glide: (rand() - 0.5) * 40,
      formant1: 300 + rand() * 500,
      formant2: 900 + rand() * 1400,
    });
    pos += length + Math.round(((20 + rand() * 50) * RATE) / 1000);
  }
  return out;
}

/** Gain of harmonic frequency f under two vowel resonances on a gently falling spectrum. */
function spectralGain(f: number, s: Syllable): number {
  const peak = (centre: number, width: number) => 1 / (1 + ((f - centre) / width) ** 2);
  return (0.35 + peak(s.formant1, 120) + 0.6 * peak(s.formant2, 200)) / Math.sqrt(f / 100);
}

function renderSyllable(out: Float64Array, s: Syllable, rand: () => number): void {
  const gains = new Float64Array(HARMONICS + 1);
  let total = 0;
  for (let k = 1; k <= HARMONICS; k++) {
    gains[k] = spectralGain(k * s.f0, s);
    total += gains[k] ?? 0;
  }
  const amplitude = 0.45 / total;
  let phase = 0;
  for (let i = 0; i < s.length; i++) {
    const x = i / s.length;
    const f0 = s.f0 + s.glide * x;
    phase = (phase + (2 * Math.PI * f0) / RATE) % (2 * Math.PI);
    // Raised-sine envelope: each syllable swells and fades, giving the 3-7 Hz rhythm of speech.
    const envelope = Math.sin(Math.PI * x) ** 0.7;
    // sin(k*phase) for every harmonic by the Chebyshev recurrence: one sin and one cos per sample.
    const twoCos = 2 * Math.cos(phase);
    let prev = 0;
    let cur = Math.sin(phase);
    let v = 0;
    for (let k = 1; k <= HARMONICS && k * f0 < RATE / 2 - 500; k++) {
      v += (gains[k] ?? 0) * cur;
      const next = twoCos * cur - prev;
      prev = cur;
      cur = next;
    }
    const breath = (rand() - 0.5) * 0.03;
    const idx = s.start + i;
    if (idx < out.length) out[idx] = (out[idx] ?? 0) + envelope * (amplitude * v + breath);
  }
}

/** Builds a 16 kHz mono 16-bit WAV of totalMs with speech-like sound in each segment and low noise elsewhere. */
export function synthesizeSpeechWav(
  segments: Array<{ startMs: number; durationMs: number }>,
  totalMs: number,
  seed = 1,
): Buffer {
  const rand = seededRandom(seed);
  const total = Math.max(0, Math.round((totalMs * RATE) / 1000));
  const signal = new Float64Array(total);
  const edge = (EDGE_MS * RATE) / 1000;
  for (const seg of segments) {
    const start = Math.max(0, Math.round((seg.startMs * RATE) / 1000));
    const end = Math.min(total, Math.round(((seg.startMs + seg.durationMs) * RATE) / 1000));
    if (end <= start) continue;
    const voiced = new Float64Array(end - start);
    for (const s of syllablesFor(0, voiced.length, rand)) renderSyllable(voiced, s, rand);
    for (let i = 0; i < voiced.length; i++) {
      // Short fades at the segment's edges so a segment never starts or stops with a click.
      const fade = Math.min(1, i / edge, (voiced.length - 1 - i) / edge);
      signal[start + i] = (signal[start + i] ?? 0) + (voiced[i] ?? 0) * Math.max(0, fade);
    }
  }
  const samples = new Int16Array(total);
  for (let i = 0; i < total; i++) {
    const noise = (rand() + rand() - 1) * NOISE_FLOOR;
    const v = Math.round((signal[i] ?? 0) * FULL_SCALE + noise);
    samples[i] = Math.max(-FULL_SCALE - 1, Math.min(FULL_SCALE, v));
  }
  return encodeWav(samples, RATE);
}
