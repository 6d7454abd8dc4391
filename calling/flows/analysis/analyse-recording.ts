// The record-and-analyse step: fetch the recording into memory, analyse it, wipe the bytes, remove the
// references the call model kept, and hand back only which way to branch.
import type { RecordingResult } from '../../core';
import type { RecordingAnalyser } from './analyser';
import type { RecordingFetcher } from './fetch-recording';

/** The only thing a flow learns from a recording. */
export type RecordingBranch = 'spoke' | 'silent' | 'failed';

export interface AnalyseDeps {
  readonly fetchRecording: RecordingFetcher;
  readonly analyser: RecordingAnalyser;
  /** Removes what the call model kept of the recording (see forgetRecordings). */
  readonly forget: (callId: string) => Promise<unknown>;
}

/** Fetches, analyses and drops a recording; resolves with the branch and, separately, why. */
export async function analyseRecording(
  callId: string,
  result: RecordingResult,
  deps: AnalyseDeps,
): Promise<{ branch: RecordingBranch; why: string }> {
  try {
    if (!result.recordingLocation || !result.recordingAccessToken) {
      return { branch: 'silent', why: `nothing was recorded (${result.completionReason ?? 'no location'})` };
    }
    let audio: Buffer | undefined;
    try {
      audio = await deps.fetchRecording(result.recordingLocation, result.recordingAccessToken);
      const analysis = await deps.analyser.analyse(audio);
      return analysis.spoke
        ? { branch: 'spoke', why: 'the caller spoke' }
        : { branch: 'silent', why: 'the caller did not speak' };
    } catch (err) {
      return { branch: 'failed', why: `the recording could not be analysed: ${(err as Error).message}` };
    } finally {
      // Overwrite the bytes rather than wait for the collector: the audio must not linger.
      audio?.fill(0);
    }
  } finally {
    await deps.forget(callId);
  }
}
