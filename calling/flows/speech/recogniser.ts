// Speech recognition behind one interface. What a recogniser hears lives only in the memory of the step
// that asked: it is never logged, stored or posted, and its errors never carry it.

/** What a short recording said. `text` must not leave the step that asked for it. */
export type Recognition =
  | { readonly kind: 'heard'; readonly text: string; readonly confidence?: number }
  /** Speech, but nothing the recogniser could make words of. */
  | { readonly kind: 'noMatch' }
  /** No speech at all. */
  | { readonly kind: 'silence' };

export interface RecogniseOptions {
  /** A locale such as en-US. */
  readonly language: string;
}

/** Recognises a short recording held in memory (a WAV); implementations must not keep the audio or text. */
export interface SpeechRecogniser {
  recognise(audio: Buffer, opts: RecogniseOptions): Promise<Recognition>;
}

export type RecognitionErrorCode =
  'unauthorized' | 'throttled' | 'timeout' | 'unavailable' | 'bad_request' | 'not_configured';

/** The recogniser could not answer; the message says why and what to do, never what was said. */
export class RecognitionError extends Error {
  override readonly name = 'RecognitionError';
  constructor(
    readonly code: RecognitionErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The recogniser of an app with no speech service configured: every recognition fails, saying so. */
export const NO_RECOGNISER: SpeechRecogniser = {
  recognise: () =>
    Promise.reject(
      new RecognitionError(
        'not_configured',
        'no speech recogniser is configured: set SPEECH_REGION and SPEECH_KEY (or SPEECH_ENDPOINT)',
      ),
    ),
};
