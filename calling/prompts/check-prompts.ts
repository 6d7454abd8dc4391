// The startup check of the prompt set: every WAV in PROMPTS_DIR must be one Graph can play, because a
// bad file would only show up as a failed playPrompt in the middle of someone's call.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promptProblem } from './wav-format';

const FIX =
  'Graph plays only 16 kHz mono 16-bit PCM WAV; convert with: sox in.wav -r 16000 -c 1 -b 16 -e signed-integer out.wav';

/** A prompt file Graph could not play (or a prompt folder that is missing). */
export class PromptCheckError extends Error {
  override readonly name = 'PromptCheckError';
  readonly code = 'prompt_invalid';
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/** Checks every .wav in the folder; resolves with the prompt names, throws PromptCheckError on the first bad one. */
export async function checkPrompts(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    throw new PromptCheckError(
      `the prompt folder ${dir} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); set PROMPTS_DIR to the folder with the prompt WAVs`,
    );
  }
  const wavs = entries.filter((f) => f.toLowerCase().endsWith('.wav')).sort();
  if (wavs.length === 0) {
    throw new PromptCheckError(
      `the prompt folder ${dir} has no .wav files; set PROMPTS_DIR to the folder with the prompt WAVs`,
    );
  }
  for (const name of wavs) {
    const file = path.join(dir, name);
    const problem = promptProblem(await readFile(file));
    if (problem) throw new PromptCheckError(`prompt ${file} ${problem}. ${FIX}`, file);
  }
  return wavs.map((f) => f.replace(/\.wav$/i, ''));
}
