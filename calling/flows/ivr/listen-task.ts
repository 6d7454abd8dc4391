// The listen step's background work: record a short answer, fetch it into memory, recognise it, and
// work out the branch. The audio and the words never leave this function: only the branch does (and
// why, in words that never quote the caller).
import type { CallingApi, RecordingResult } from '../../core';
import type { RecordingFetcher } from '../analysis';
import {
  matchChoice,
  RecognitionError,
  sentimentScore,
  type Recognition,
  type SpeechRecogniser,
} from '../speech';
import type { Listen } from './menu-schema';

/** The only thing the IVR learns from what a caller said. */
export type Heard =
  | { readonly outcome: 'choice'; readonly label: string }
  | { readonly outcome: 'negative' }
  | { readonly outcome: 'noMatch' }
  | { readonly outcome: 'silence' }
  | { readonly outcome: 'failed'; readonly why: string };

export interface ListenDeps {
  readonly fetchRecording: RecordingFetcher;
  /** Removes what the call model kept of the recording (its location and token). */
  readonly forget: (callId: string) => Promise<unknown>;
  readonly recogniser: SpeechRecogniser;
}

/** Every key stops the recording: a key is an answer too. */
const ALL_KEYS = '0123456789*#';

/** Records, recognises and forgets; resolves with the branch only. */
export function listenTask(
  calling: CallingApi,
  callId: string,
  listen: Listen,
  language: string,
  deps: ListenDeps,
): () => Promise<Heard> {
  return async () => {
    const result = await calling.record(callId, {
      maxRecordDurationInSeconds: listen.maxSeconds,
      initialSilenceTimeoutInSeconds: listen.initialSilenceSeconds,
      maxSilenceTimeoutInSeconds: listen.maxSilenceSeconds,
      playBeep: listen.playBeep,
      stopTones: ALL_KEYS,
    });
    return hear(callId, result, listen, language, deps);
  };
}

/** What a recording means to this listen node; the recording is wiped and its references forgotten. */
export async function hear(
  callId: string,
  result: RecordingResult,
  listen: Listen,
  language: string,
  deps: ListenDeps,
): Promise<Heard> {
  try {
    if (!result.recordingLocation || !result.recordingAccessToken) return { outcome: 'silence' };
    let audio: Buffer | undefined;
    try {
      audio = await deps.fetchRecording(result.recordingLocation, result.recordingAccessToken);
      return understand(await deps.recogniser.recognise(audio, { language }), listen);
    } catch (err) {
      if (err instanceof RecognitionError) return { outcome: 'failed', why: err.message };
      return {
        outcome: 'failed',
        why: `the recording could not be fetched or read (${(err as Error).message})`,
      };
    } finally {
      // Overwrite the bytes rather than wait for the collector: the audio must not linger.
      audio?.fill(0);
    }
  } finally {
    await deps.forget(callId);
  }
}

/** The branch for what was recognised: a clearly negative caller first, then the choice named. */
export function understand(r: Recognition, listen: Pick<Listen, 'choices' | 'negative'>): Heard {
  if (r.kind === 'silence') return { outcome: 'silence' };
  if (r.kind === 'noMatch') return { outcome: 'noMatch' };
  if (listen.negative && sentimentScore(r.text) <= listen.negative.score) return { outcome: 'negative' };
  const label = matchChoice(
    r.text,
    listen.choices.map((c) => ({ label: c.label, phrases: c.phrases })),
  );
  return label ? { outcome: 'choice', label } : { outcome: 'noMatch' };
}
