// What Azure AI Speech's short-audio endpoint answers for a recording, worked out from the emulator's
// marker in it (what the person said and when). Times are in 100-nanosecond ticks, as the service
// reports them. A recording the emulator did not make has no words it could know: silence is an
// initial-silence timeout, anything louder a NoMatch.
import { findChunk, parseWav, readSpeechMarker, WavError, type MarkedSpeech } from '../media';

const TICKS_PER_MS = 10_000;
const REQUIRED = 'WAV, 16 kHz, mono, 16-bit PCM';

export type RecognitionAnswer =
  { ok: true; body: Record<string, unknown> } | { ok: false; status: 400; message: string };

/** The service's display form: first letter up, a full stop at the end. */
export function displayForm(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const up = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(up) ? up : `${up}.`;
}

/** The lexical form: lower case, words only. */
export function lexicalForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Recognises one short recording; `detailed` adds NBest (the service's format=detailed). */
export function recognise(wav: Buffer, detailed: boolean): RecognitionAnswer {
  let durationMs: number;
  try {
    const info = parseWav(wav);
    if (
      info.audioFormat !== 1 ||
      info.channels !== 1 ||
      info.sampleRate !== 16000 ||
      info.bitsPerSample !== 16
    )
      return {
        ok: false,
        status: 400,
        message: `Unsupported audio format (${info.sampleRate} Hz, ${info.channels} channel(s), ${info.bitsPerSample}-bit). Send ${REQUIRED}.`,
      };
    durationMs = info.durationMs;
  } catch (err) {
    if (!(err instanceof WavError)) throw err;
    return {
      ok: false,
      status: 400,
      message: `The audio is not a readable WAV (${err.message}). Send ${REQUIRED}.`,
    };
  }
  const speech = readSpeechMarker(wav) ?? unmarked(wav, durationMs);
  if (speech.length === 0) return { ok: true, body: status('InitialSilenceTimeout', durationMs, 0) };
  const first = speech[0] as MarkedSpeech;
  const last = speech[speech.length - 1] as MarkedSpeech;
  const offsetMs = first.startMs;
  const spanMs = last.startMs + last.durationMs - first.startMs;
  const words = speech
    .map((s) => s.text ?? '')
    .filter(Boolean)
    .join(' ');
  if (words === '') return { ok: true, body: status('NoMatch', offsetMs, spanMs) };
  const display = displayForm(words);
  const lexical = lexicalForm(words);
  return {
    ok: true,
    body: {
      ...status('Success', offsetMs, spanMs),
      DisplayText: display,
      ...(detailed
        ? {
            NBest: [
              { Confidence: 0.92, Lexical: lexical, ITN: lexical, MaskedITN: lexical, Display: display },
            ],
          }
        : {}),
    },
  };
}

function status(s: string, offsetMs: number, durationMs: number): Record<string, unknown> {
  return {
    RecognitionStatus: s,
    Offset: Math.round(offsetMs * TICKS_PER_MS),
    Duration: Math.round(durationMs * TICKS_PER_MS),
  };
}

/** Speech in a WAV without the marker: wordless sound wherever it is not near-silent. */
function unmarked(wav: Buffer, durationMs: number): MarkedSpeech[] {
  const at = findChunk(wav, 'data') ?? wav.length;
  const data = wav.subarray(at + 8, at + 8 + parseWav(wav).dataBytes);
  let peak = 0;
  for (let i = 0; i + 1 < data.length; i += 2) peak = Math.max(peak, Math.abs(data.readInt16LE(i)));
  // About -40 dBFS: a line's hiss stays below it, a voice does not.
  return peak > 330 ? [{ startMs: 0, durationMs }] : [];
}
