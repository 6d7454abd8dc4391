// The emulator's own mark on the recordings it makes: a RIFF chunk (id `EMSP`, JSON) saying what the
// person said and when. Audio players and the app skip chunks they do not know; the emulator's speech
// service reads it back to "recognise" the recording. Nothing outside the emulator knows of it.

const ID = 'EMSP';

/** What a recording carries: each stretch of speech, with its words when the person said words. */
export interface MarkedSpeech {
  startMs: number;
  durationMs: number;
  text?: string;
}

/** A copy of a WAV with the marker chunk put just before its audio. */
export function withSpeechMarker(wav: Buffer, speech: readonly MarkedSpeech[]): Buffer {
  const json = Buffer.from(JSON.stringify({ speech }), 'utf8');
  const pad = json.length % 2;
  const chunk = Buffer.alloc(8 + json.length + pad);
  chunk.write(ID, 0, 'latin1');
  chunk.writeUInt32LE(json.length, 4);
  json.copy(chunk, 8);
  const dataAt = findChunk(wav, 'data') ?? wav.length;
  const out = Buffer.concat([wav.subarray(0, dataAt), chunk, wav.subarray(dataAt)]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

/** The speech a recording's marker lists; undefined for a WAV the emulator did not make. */
export function readSpeechMarker(wav: Buffer): MarkedSpeech[] | undefined {
  const at = findChunk(wav, ID);
  if (at === undefined) return undefined;
  const size = wav.readUInt32LE(at + 4);
  try {
    const parsed = JSON.parse(wav.toString('utf8', at + 8, at + 8 + size)) as { speech?: unknown };
    if (!Array.isArray(parsed.speech)) return undefined;
    return parsed.speech.filter(
      (s): s is MarkedSpeech =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as MarkedSpeech).startMs === 'number' &&
        typeof (s as MarkedSpeech).durationMs === 'number',
    );
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
}

/** Offset of the first chunk with this id in a RIFF/WAVE buffer. */
export function findChunk(wav: Buffer, id: string): number | undefined {
  if (wav.length < 12 || wav.toString('latin1', 0, 4) !== 'RIFF') return undefined;
  let pos = 12;
  while (pos + 8 <= wav.length) {
    if (wav.toString('latin1', pos, pos + 4) === id) return pos;
    const size = wav.readUInt32LE(pos + 4);
    pos += 8 + size + (size % 2);
  }
  return undefined;
}
