// What a simulated person does, as pure functions of their script: how they react to a ringing phone,
// when they press keys, and what a recording of them contains.
import type { PersonScript } from './tenant';

/** How long a person with no answerAfterMs takes to pick up or decline. */
export const DEFAULT_ANSWER_AFTER_MS = 1000;
/** A busy line is reported almost at once. */
export const BUSY_AFTER_MS = 100;
/** Gap between the digits of one key group such as "42#". */
export const KEY_SPACING_MS = 150;

/** The reaction of a person whose phone rings. */
export type RingOutcome =
  | { kind: 'answer'; afterMs: number }
  | { kind: 'decline'; afterMs: number }
  | { kind: 'busy'; afterMs: number }
  | { kind: 'ignore' }
  | { kind: 'manual' };

/** Decides how a person reacts to a ring; someone already in a call is busy whatever the script says. */
export function ringOutcome(script: PersonScript, alreadyInCall: boolean): RingOutcome {
  if (alreadyInCall || script.onRing === 'busy') return { kind: 'busy', afterMs: BUSY_AFTER_MS };
  // `manual` rings like `ignore` until someone answers or declines for the person (the softphone page).
  if (script.onRing === 'ignore' || script.onRing === 'manual') return { kind: script.onRing };
  const afterMs = script.answerAfterMs ?? DEFAULT_ANSWER_AFTER_MS;
  return script.onRing === 'answer' ? { kind: 'answer', afterMs } : { kind: 'decline', afterMs };
}

export type ToneName =
  | 'tone0'
  | 'tone1'
  | 'tone2'
  | 'tone3'
  | 'tone4'
  | 'tone5'
  | 'tone6'
  | 'tone7'
  | 'tone8'
  | 'tone9'
  | 'star'
  | 'pound'
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'flash';

/** Maps a key character ("0"-"9", "*", "#", "A"-"D") to Graph's tone enum. */
export function toneOf(key: string): ToneName | undefined {
  if (/^[0-9]$/.test(key)) return `tone${key}` as ToneName;
  if (key === '*') return 'star';
  if (key === '#') return 'pound';
  if (/^[a-dA-D]$/.test(key)) return key.toLowerCase() as ToneName;
  return undefined;
}

/** Maps a Graph tone back to its key character. */
export function keyOf(tone: string): string | undefined {
  const m = /^tone([0-9])$/.exec(tone);
  if (m) return m[1];
  if (tone === 'star') return '*';
  if (tone === 'pound') return '#';
  if (/^[a-d]$/.test(tone)) return tone.toUpperCase();
  return undefined;
}

/** Splits a string of keys into single presses spaced KEY_SPACING_MS apart, starting at startMs. */
export function keyPresses(tones: string, startMs: number): { atMs: number; key: string }[] {
  return [...tones].map((key, i) => ({ atMs: startMs + i * KEY_SPACING_MS, key }));
}

/** Every key the script presses, in time order, counted from when the call is established. */
export function keyPlan(script: PersonScript): { atMs: number; key: string }[] {
  return (script.keys ?? []).flatMap((k) => keyPresses(k.tones, k.afterMs)).sort((a, b) => a.atMs - b.atMs);
}

/** A stretch of a person's speech; `text` holds the words, when the person said words. */
export interface SpeechSegment {
  startMs: number;
  durationMs: number;
  text?: string;
}

/** How long saying `text` takes: about 2.5 words a second, at least 0.6 s. */
export function speechDurationMs(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(600, words * 400);
}

/** Speech segments merged where they overlap, in time order (their words joined). */
export function mergeSegments(segments: readonly SpeechSegment[]): SpeechSegment[] {
  const sorted = [...segments].sort((a, b) => a.startMs - b.startMs);
  const out: SpeechSegment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.startMs <= last.startMs + last.durationMs) {
      last.durationMs = Math.max(last.durationMs, s.startMs + s.durationMs - last.startMs);
      if (s.text) last.text = last.text ? `${last.text} ${s.text}` : s.text;
    } else out.push({ ...s });
  }
  return out;
}

/** The script's speech as segments (words last as long as they take to say), merged where they overlap. */
export function mergedSpeech(script: Pick<PersonScript, 'speech'>): SpeechSegment[] {
  return mergeSegments(
    (script.speech ?? []).map((s) => ({
      startMs: s.afterMs,
      durationMs: s.durationMs ?? speechDurationMs(s.text ?? ''),
      ...(s.text ? { text: s.text } : {}),
    })),
  );
}

export type RecordEndReason = 'initialSilenceTimeout' | 'maxSilenceTimeout' | 'maxRecordDurationReached';

/** Settings of one recordResponse, in milliseconds. */
export interface RecordWindow {
  initialSilenceMs: number;
  maxSilenceMs: number;
  maxDurationMs: number;
}

/**
 * When a recording of this person ends on its own, counted from when listening starts (speech offsets
 * count from that moment too, `extra` being what they said live), and why. Stop tones are handled by the caller as they happen.
 */
export function planRecording(
  script: Pick<PersonScript, 'speech'>,
  window: RecordWindow,
  extra: readonly SpeechSegment[] = [],
): { endMs: number; reason: RecordEndReason; segments: SpeechSegment[] } {
  const speech = mergeSegments([...mergedSpeech(script), ...extra]);
  const cap = (endMs: number, reason: RecordEndReason) => {
    const final =
      endMs >= window.maxDurationMs
        ? { endMs: window.maxDurationMs, reason: 'maxRecordDurationReached' as const }
        : { endMs, reason };
    const segments = speech
      .filter((s) => s.startMs < final.endMs)
      .map((s) => ({ ...s, durationMs: Math.min(s.durationMs, final.endMs - s.startMs) }));
    return { ...final, segments };
  };
  const first = speech[0];
  if (!first || first.startMs >= window.initialSilenceMs)
    return cap(window.initialSilenceMs, 'initialSilenceTimeout');
  let spokenUntil = first.startMs + first.durationMs;
  for (const s of speech.slice(1)) {
    if (s.startMs - spokenUntil >= window.maxSilenceMs) break;
    spokenUntil = Math.max(spokenUntil, s.startMs + s.durationMs);
  }
  return cap(spokenUntil + window.maxSilenceMs, 'maxSilenceTimeout');
}
