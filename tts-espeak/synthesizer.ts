// The shape of what this package gives the app: the same as the calling package's `Synthesizer`
// interface, written out here so that the package needs nothing of calling's to build or run. TypeScript
// compares the two by structure, so the app hands this synthesizer to calling as is.

export interface SpeakOptions {
  /** An eSpeak NG voice: `en-us`, `de`, `fr`... */
  readonly voice?: string;
}

/** Turns text into a WAV Graph can play: 16 kHz, mono, 16-bit PCM. */
export interface Synthesizer {
  /** Names the engine and its settings; part of the prompt cache's key, so a change of voice makes new files. */
  readonly id: string;
  synthesize(text: string, opts?: SpeakOptions): Promise<Buffer>;
}

/** Why text could not be spoken; its name and code are those of calling's error of the same name. */
export class SynthesisError extends Error {
  override readonly name = 'SynthesisError';
  readonly code = 'tts_failed';
}
