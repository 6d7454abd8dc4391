// The media jobs of a call: playPrompt (as long as its audio, divided by the prompt speed); the
// recordResponse job is in record-job.ts.
import type { RecordEndReason } from '../people';
import type { CallEngine } from './engine';
import type { MediaJob } from './media-queue';
import type { CallRec, OperationRec, ResultInfo } from './model';
import { finishOperation } from './operations';
import { promptNameOf } from '../media';
import { heardPrompts } from './prompt-audio';
import type { PromptAudioStore } from './prompt-audio';
import { failPromptWork, loadPrompts } from './prompt-media';
import type { MediaPort, PromptsResult } from './prompt-media';
import type { RecordingStore } from './recordings';
import { OPERATION } from './result-codes';

/** Length of the beep played before a recording starts listening. */
export const BEEP_MS = 400;

/** Media time runs this many times faster than real time (EMULATOR_PROMPT_SPEED). */
export const speedOf = (env: MediaEnv): number => env.engine.settings.promptSpeed;

/** What the jobs use. */
export interface MediaEnv {
  engine: CallEngine;
  media: MediaPort;
  recordings: RecordingStore;
  /** The audio of prompts being played, for the softphone page. */
  audio: PromptAudioStore;
  /** What the person said on the call shortly before a recording began listening (taken once). */
  saidBefore: (call: CallRec) => Array<{ durationMs: number; text?: string }>;
}

/** Settings of one recordResponse, already defaulted and checked. */
export interface RecordParams {
  promptUris: string[];
  /** Graph's media cache keys of the prompts (null where none was given). */
  promptResourceIds?: Array<string | null>;
  playBeep: boolean;
  initialSilenceMs: number;
  maxSilenceMs: number;
  maxDurationMs: number;
  stopTones: string[];
  bargeIn: boolean;
}

export type RecordReason = RecordEndReason | 'stopToneDetected';

export const RECORD_RESULT: Record<RecordReason, ResultInfo> = {
  maxRecordDurationReached: OPERATION.recordMaxDuration,
  initialSilenceTimeout: OPERATION.recordInitialSilence,
  maxSilenceTimeout: OPERATION.recordMaxSilence,
  stopToneDetected: OPERATION.recordStopTone,
};

/** A playPrompt job: fetch the prompts, then complete after their duration divided by the speed. */
export function playJob(
  env: MediaEnv,
  call: CallRec,
  op: OperationRec,
  prompts: { uris: string[]; resourceIds: Array<string | null> },
  done: (job: MediaJob) => void,
): MediaJob {
  const { uris, resourceIds } = prompts;
  let stopped = false;
  const job: MediaJob = {
    opId: op.id,
    start: () => {
      env.engine.note(call, 'media', {
        operationId: op.id,
        event: 'prompt-start',
        uris,
        names: uris.map(promptNameOf),
        resourceIds,
      });
      const play = (loaded: PromptsResult): void => {
        if (stopped || call.state === 'terminated') return;
        if (!loaded.ok) {
          env.engine.note(call, 'media', {
            operationId: op.id,
            event: 'prompt-failed',
            reason: loaded.reason,
          });
          finishOperation(env.engine, call, op, 'failed', loaded.result, { completionReason: 'unknown' });
          done(job);
          return;
        }
        env.engine.note(call, 'media', {
          operationId: op.id,
          event: 'prompt-playing',
          uris,
          durationMs: loaded.totalMs,
          prompts: heardPrompts(env.audio, call, loaded.prompts),
        });
        const timer = env.engine.later(call, loaded.totalMs / speedOf(env), () => {
          finishOperation(env.engine, call, op, 'completed', OPERATION.promptCompleted, {
            completionReason: 'completedSuccessfully',
          });
          done(job);
        });
        job.stop = () => {
          stopped = true;
          env.engine.cancel(call, timer);
        };
      };
      loadPrompts(env.media, uris, { appId: call.appId, resourceIds })
        .then(play)
        .catch(failPromptWork(env.engine, call, op, () => done(job)));
    },
    stop: () => {
      stopped = true;
    },
  };
  return job;
}
