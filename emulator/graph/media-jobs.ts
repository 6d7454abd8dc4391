// The media jobs of a call: playPrompt (as long as its audio, divided by the prompt speed) and
// recordResponse (prompt, beep, then what the person's script says, until a timeout or a stop tone).
import { keyOf, planRecording } from '../people';
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
const speedOf = (env: MediaEnv): number => env.engine.settings.promptSpeed;

/** What the jobs use. */
export interface MediaEnv {
  engine: CallEngine;
  media: MediaPort;
  recordings: RecordingStore;
  /** The audio of prompts being played, for the softphone page. */
  audio: PromptAudioStore;
}

/** Settings of one recordResponse, already defaulted and checked. */
export interface RecordParams {
  promptUris: string[];
  playBeep: boolean;
  initialSilenceMs: number;
  maxSilenceMs: number;
  maxDurationMs: number;
  stopTones: string[];
  bargeIn: boolean;
}

type RecordReason = RecordEndReason | 'stopToneDetected';

const RECORD_RESULT: Record<RecordReason, ResultInfo> = {
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
      loadPrompts(env.media, uris)
        .then(play)
        .catch(failPromptWork(env.engine, call, op, () => done(job)));
    },
    stop: () => {
      stopped = true;
    },
  };
  return job;
}

/** A recordResponse job: prompt, beep, then listen to the person until their script's speech ends. */
export function recordJob(
  env: MediaEnv,
  call: CallRec,
  op: OperationRec,
  params: RecordParams,
  done: (job: MediaJob) => void,
): MediaJob {
  const engine = env.engine;
  let stopped = false;
  let listenStart = 0;
  let endTimer: ReturnType<CallEngine['later']> | undefined;
  let plan: ReturnType<typeof planRecording> | undefined;
  const stopTones = new Set(params.stopTones.map((t) => keyOf(t) ?? t));
  const complete = (reason: RecordReason, endMs: number): void => {
    const segments = (plan?.segments ?? [])
      .filter((s) => s.startMs < endMs)
      .map((s) => ({ startMs: s.startMs, durationMs: Math.min(s.durationMs, endMs - s.startMs) }));
    const wav = env.media.synthesizeSpeechWav(segments, endMs, engine.clock.now() % 100_000);
    const stored = env.recordings.add(call.id, wav);
    engine.note(call, 'media', {
      operationId: op.id,
      event: 'record-done',
      reason,
      durationMs: endMs,
      speechMs: segments.reduce((n, s) => n + s.durationMs, 0),
    });
    finishOperation(engine, call, op, 'completed', RECORD_RESULT[reason], {
      completionReason: reason,
      recordingLocation: stored.location,
      recordingAccessToken: stored.token,
    });
    done(job);
  };
  const listen = (): void => {
    const speakerId =
      call.remotePersonId ?? [...call.participants.values()].find((p) => p.personId)?.personId;
    const speaker = speakerId ? engine.directory.person(speakerId) : undefined;
    plan = planRecording(speaker?.script ?? {}, params);
    listenStart = engine.clock.now();
    engine.note(call, 'media', {
      operationId: op.id,
      event: 'record-listening',
      speakerId,
      plannedEndMs: plan.endMs,
      plannedReason: plan.reason,
    });
    const { endMs, reason } = plan;
    endTimer = engine.later(call, endMs / speedOf(env), () => complete(reason, endMs));
  };
  const job: MediaJob = {
    opId: op.id,
    start: () => {
      engine.note(call, 'media', { operationId: op.id, event: 'record-start' });
      const prompted = (loaded: PromptsResult): void => {
        if (stopped || call.state === 'terminated') return;
        if (!loaded.ok) {
          finishOperation(engine, call, op, 'failed', loaded.result, {
            completionReason: 'playPromptFailed',
          });
          done(job);
          return;
        }
        if (params.promptUris.length > 0)
          engine.note(call, 'media', {
            operationId: op.id,
            event: 'prompt-playing',
            uris: params.promptUris,
            durationMs: loaded.totalMs,
            prompts: heardPrompts(env.audio, call, loaded.prompts),
          });
        const leadMs = (loaded.totalMs + (params.playBeep ? BEEP_MS : 0)) / speedOf(env);
        endTimer = engine.later(call, leadMs, listen);
      };
      loadPrompts(env.media, params.promptUris)
        .then(prompted)
        .catch(failPromptWork(engine, call, op, () => done(job)));
    },
    stop: () => {
      stopped = true;
      engine.cancel(call, endTimer);
    },
    onKey: (key: string) => {
      if (!plan || stopped || !stopTones.has(key)) return;
      engine.cancel(call, endTimer);
      stopped = true;
      complete(
        'stopToneDetected',
        Math.min(params.maxDurationMs, Math.round((engine.clock.now() - listenStart) * speedOf(env))),
      );
    },
  };
  return job;
}
