// The hold music callers hear in a queue, synthesised here rather than shipped from elsewhere, so the
// project owns every note: a slow arpeggio over C, A minor, F and G, in the one format Graph plays
// (16 kHz mono 16-bit PCM). Notes still ringing at the end wrap round to the start, so the clip loops
// without a click when playPrompt plays it again and again.

export const HOLD_MUSIC_RATE = 16_000;
const CHORD_SECONDS = 2.4;
const STEPS_PER_CHORD = 8;
const NOTE_SECONDS = 1.2;
const PEAK = 0.5;

/** MIDI note numbers: each chord's arpeggio notes, and its bass. */
const CHORDS: ReadonlyArray<{ readonly notes: readonly number[]; readonly bass: number }> = [
  { notes: [60, 64, 67, 72], bass: 48 }, // C
  { notes: [57, 60, 64, 69], bass: 45 }, // A minor
  { notes: [53, 57, 60, 65], bass: 41 }, // F
  { notes: [55, 59, 62, 67], bass: 43 }, // G
];
// Up and back down the chord: 1 3 5 8 5 3 1 3.
const PATTERN = [0, 1, 2, 3, 2, 1, 0, 1];

const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** Adds one soft, decaying note into `out` from sample `start`, wrapping past the end. */
function addNote(out: Float32Array, start: number, midi: number, seconds: number, gain: number): void {
  const f = hz(midi);
  const n = Math.round(seconds * HOLD_MUSIC_RATE);
  const attack = 0.01 * HOLD_MUSIC_RATE;
  const release = 0.05 * HOLD_MUSIC_RATE;
  for (let i = 0; i < n; i += 1) {
    const t = i / HOLD_MUSIC_RATE;
    const env = Math.min(1, i / attack) * Math.min(1, (n - i) / release) * Math.exp(-t / (seconds / 3));
    const phase = 2 * Math.PI * f * t;
    // A little of the second and third harmonics gives the tone a soft, piano-like body.
    const v = Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.08 * Math.sin(3 * phase);
    const at = (start + i) % out.length;
    out[at] = (out[at] ?? 0) + gain * env * v;
  }
}

/** The loop's samples as floats in [-PEAK, PEAK]. */
export function holdMusicSamples(): Float32Array {
  const stepSamples = Math.round((CHORD_SECONDS / STEPS_PER_CHORD) * HOLD_MUSIC_RATE);
  const out = new Float32Array(CHORDS.length * STEPS_PER_CHORD * stepSamples);
  CHORDS.forEach((chord, c) => {
    const chordStart = c * STEPS_PER_CHORD * stepSamples;
    addNote(out, chordStart, chord.bass, CHORD_SECONDS, 0.6);
    PATTERN.forEach((k, s) =>
      addNote(out, chordStart + s * stepSamples, chord.notes[k] ?? 60, NOTE_SECONDS, 0.35),
    );
  });
  let max = 0;
  for (const v of out) max = Math.max(max, Math.abs(v));
  for (let i = 0; i < out.length; i += 1) out[i] = ((out[i] ?? 0) / max) * PEAK;
  return out;
}
