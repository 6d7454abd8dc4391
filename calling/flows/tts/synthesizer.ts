// What turns prompt text into audio. The app's default is eSpeak NG (WASM, offline), from the separate
// GPL package tts-espeak/; a cloud voice can sit beside it behind the same interface.

export interface SpeakOptions {
  /** A voice the engine knows (for eSpeak NG: `en-us`, `de`, `fr`...). */
  readonly voice?: string;
}

/** Turns text into a WAV Graph can play: 16 kHz, mono, 16-bit PCM. */
export interface Synthesizer {
  /** Names the engine and its settings; part of the cache key, so a change of voice makes new files. */
  readonly id: string;
  synthesize(text: string, opts?: SpeakOptions): Promise<Buffer>;
}

/** Why text could not be turned into a prompt. */
export class SynthesisError extends Error {
  override readonly name = 'SynthesisError';
  readonly code = 'tts_failed';
}
