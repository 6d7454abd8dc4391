// Text prompts as files: each text is synthesized once, stored under its content hash in a folder the
// app serves at /prompts/tts/, and played by URL. A restart or another instance finds the file again.
// Each file carries its text (INFO chunk), so whoever plays it can show what it says.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promptProblem, withWavTags } from '../../prompts';
import { SynthesisError, type SpeakOptions, type Synthesizer } from './synthesizer';

export interface PromptCacheOptions {
  readonly synthesizer: Synthesizer;
  /** Folder for the WAVs (created when missing). */
  readonly dir: string;
  /** Public URL of that folder, e.g. `${PUBLIC_URL}/prompts/tts`. */
  readonly baseUrl: string;
}

/** Text in, a playable prompt URL out. */
export interface TextPrompts {
  /** The URL of the WAV for this text (synthesized on first use). */
  url(text: string, opts?: SpeakOptions): Promise<string>;
  /** The file name (hash.wav) a text maps to, without synthesizing it. */
  fileName(text: string, opts?: SpeakOptions): string;
}

/**
 * Changes whenever what a cached file holds changes, so files written before are not served as if they
 * were current (2: the text and the engine are written into the file).
 */
const FILE_LAYOUT = 2;

/** A content-addressed cache of synthesized prompts. */
export function createPromptCache(opts: PromptCacheOptions): TextPrompts {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const inFlight = new Map<string, Promise<string>>();

  const fileName = (text: string, o: SpeakOptions = {}) =>
    `${createHash('sha256')
      .update(JSON.stringify([FILE_LAYOUT, opts.synthesizer.id, o.voice ?? null, text.trim()]))
      .digest('hex')}.wav`;

  async function ensure(name: string, text: string, o: SpeakOptions): Promise<string> {
    const file = path.join(opts.dir, name);
    const url = `${base}/${name}`;
    if ((await stat(file).catch(() => undefined))?.isFile()) return url;
    const audio = await opts.synthesizer.synthesize(text, o);
    const problem = promptProblem(audio);
    if (problem) throw new SynthesisError(`the synthesizer's audio for "${text}" ${problem}`);
    const engine = o.voice ? `${opts.synthesizer.id} (voice ${o.voice})` : opts.synthesizer.id;
    const wav = withWavTags(audio, { ICMT: text.trim(), ISFT: engine });
    await mkdir(opts.dir, { recursive: true });
    // Write then rename: a reader (Graph fetching the URL, another instance) never sees half a file.
    const tmp = path.join(opts.dir, `.${name}.${randomUUID()}.tmp`);
    try {
      await writeFile(tmp, wav);
      await rename(tmp, file);
    } finally {
      await rm(tmp, { force: true });
    }
    return url;
  }

  return {
    fileName,
    url(text, o = {}) {
      const name = fileName(text, o);
      const pending = inFlight.get(name);
      if (pending) return pending;
      const job = ensure(name, text, o).finally(() => inFlight.delete(name));
      inFlight.set(name, job);
      return job;
    },
  };
}

/** Reads a cached prompt back (for checks and tests). */
export function readCachedPrompt(dir: string, name: string): Promise<Buffer> {
  return readFile(path.join(dir, name));
}
