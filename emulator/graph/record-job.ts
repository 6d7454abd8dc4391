// The recordResponse job: prompt, beep, then listen to the person until what they say (their script's
// speech, and what they say live through the control API) is followed by enough silence, the window
// runs out, or a stop tone. The WAV it leaves carries the emulator's speech marker (what was said).
import { withSpeechMarker } from '../media';
import { keyOf, planRecording, type SpeechSegment } from '../people';
import type { CallEngine } from './engine';
import {
  RECORD_RESULT,
  speedOf,
  BEEP_MS,
  type MediaEnv,
  type RecordParams,
  type RecordReason,
} from './media-jobs';
import type { MediaJob } from './media-queue';
import type { CallRec, OperationRec } from './model';
import { finishOperation } from './operations';
import { heardPrompts } from './prompt-audio';
import { failPromptWork, loadPrompts, type PromptsResult } from './prompt-media';

/** A recordResponse job: prompt, beep, then listen to the person until their speech ends. */
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
  let script: Parameters<typeof planRecording>[0] = {};
  const live: SpeechSegment[] = [];
  const stopTones = new Set(params.stopTones.map((t) => keyOf(t) ?? t));
  const elapsedMs = () => Math.round((engine.clock.now() - listenStart) * speedOf(env));
  const complete = (reason: RecordReason, endMs: number): void => {
    const segments = (plan?.segments ?? [])
      .filter((s) => s.startMs < endMs)
      .map((s) => ({ ...s, durationMs: Math.min(s.durationMs, endMs - s.startMs) }));
    const audio = env.media.synthesizeSpeechWav(segments, endMs, engine.clock.now() % 100_000);
    const stored = env.recordings.add(call.id, withSpeechMarker(audio, segments));
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
  /** (Re)plans the end from everything said so far; a plan that ended already ends now. */
  const schedule = (): void => {
    plan = planRecording(script, params, live);
    engine.cancel(call, endTimer);
    const { endMs, reason } = plan;
    const waitMs = Math.max(0, endMs - elapsedMs());
    endTimer = engine.later(call, waitMs / speedOf(env), () => complete(reason, endMs));
  };
  const listen = (): void => {
    const speakerId =
      call.remotePersonId ?? [...call.participants.values()].find((p) => p.personId)?.personId;
    const speaker = speakerId ? engine.directory.person(speakerId) : undefined;
    script = speaker?.script ?? {};
    listenStart = engine.clock.now();
    // Words said just before listening began (over the beep) are heard from its start.
    live.push(...env.saidBefore(call).map((s) => ({ ...s, startMs: 0 })));
    schedule();
    engine.note(call, 'media', {
      operationId: op.id,
      event: 'record-listening',
      speakerId,
      plannedEndMs: plan?.endMs,
      plannedReason: plan?.reason,
    });
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
      loadPrompts(env.media, params.promptUris, {
        appId: call.appId,
        resourceIds: params.promptResourceIds ?? [],
      })
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
      complete('stopToneDetected', Math.min(params.maxDurationMs, elapsedMs()));
    },
    onSay: (said) => {
      if (stopped || !plan) return false;
      const at = elapsedMs();
      // Heard only while the recording still runs: after its planned end nobody listens.
      if (at >= plan.endMs) return false;
      live.push({ ...said, startMs: at });
      schedule();
      return true;
    },
  };
  return job;
}
