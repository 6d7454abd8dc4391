// Service-hosted media for the calls: prompts that take as long as their audio (divided by the prompt
// speed), recordings of what the person's script says, stop tones, and cancellation.
import { keyOf, planRecording } from '../people';
import type { RecordEndReason } from '../people';
import type { CallEngine } from './engine';
import { MediaQueue } from './media-queue';
import type { MediaJob } from './media-queue';
import type { CallRec, OperationRec, ResultInfo } from './model';
import { finishOperation } from './operations';
import { loadPrompts } from './prompt-media';
import type { MediaPort } from './prompt-media';
import type { RecordingStore } from './recordings';
import { OPERATION } from './result-codes';

/** Length of the beep played before a recording starts listening. */
export const BEEP_MS = 400;

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

/** Owns the media queues of all calls. */
export class MediaService {
  private readonly queues = new Map<string, MediaQueue>();

  constructor(
    private readonly engine: CallEngine,
    private readonly media: MediaPort,
    private readonly recordings: RecordingStore,
  ) {}

  private queue(call: CallRec): MediaQueue {
    let q = this.queues.get(call.id);
    if (!q) {
      const created = new MediaQueue();
      q = created;
      this.queues.set(call.id, created);
      // When the call ends, media stops silently: the call is gone, so are its operations.
      call.cleanups.add(() => {
        created.cancelAll();
        this.queues.delete(call.id);
      });
    }
    return q;
  }

  private get speed(): number {
    return this.engine.settings.promptSpeed;
  }

  /** Queues a playPrompt operation. */
  playPrompt(call: CallRec, op: OperationRec, uris: string[]): void {
    const queue = this.queue(call);
    let stopped = false;
    const job: MediaJob = {
      opId: op.id,
      start: () => {
        this.engine.note(call, 'media', { operationId: op.id, event: 'prompt-start', uris });
        void loadPrompts(this.media, uris).then((loaded) => {
          if (stopped || call.state === 'terminated') return;
          if (!loaded.ok) {
            this.engine.note(call, 'media', {
              operationId: op.id,
              event: 'prompt-failed',
              reason: loaded.reason,
            });
            finishOperation(this.engine, call, op, 'failed', loaded.result, { completionReason: 'unknown' });
            queue.done(job);
            return;
          }
          this.engine.note(call, 'media', {
            operationId: op.id,
            event: 'prompt-playing',
            durationMs: loaded.totalMs,
          });
          const timer = this.engine.later(call, loaded.totalMs / this.speed, () => {
            finishOperation(this.engine, call, op, 'completed', OPERATION.promptCompleted, {
              completionReason: 'completedSuccessfully',
            });
            queue.done(job);
          });
          job.stop = () => {
            stopped = true;
            this.engine.cancel(call, timer);
          };
        });
      },
      stop: () => {
        stopped = true;
      },
    };
    this.report(call, queue.enqueue(job));
  }

  /** Queues a recordResponse operation. */
  record(call: CallRec, op: OperationRec, params: RecordParams): void {
    const queue = this.queue(call);
    const engine = this.engine;
    let stopped = false;
    let listenStart = 0;
    let endTimer: ReturnType<CallEngine['later']> | undefined;
    let plan: ReturnType<typeof planRecording> | undefined;
    const stopTones = new Set(params.stopTones.map((t) => keyOf(t) ?? t));
    const complete = (reason: RecordReason, endMs: number): void => {
      const segments = (plan?.segments ?? [])
        .filter((s) => s.startMs < endMs)
        .map((s) => ({ startMs: s.startMs, durationMs: Math.min(s.durationMs, endMs - s.startMs) }));
      const wav = this.media.synthesizeSpeechWav(segments, endMs, engine.clock.now() % 100_000);
      const stored = this.recordings.add(call.id, wav);
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
      queue.done(job);
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
      endTimer = engine.later(call, endMs / this.speed, () => complete(reason, endMs));
    };
    const job: MediaJob = {
      opId: op.id,
      start: () => {
        engine.note(call, 'media', { operationId: op.id, event: 'record-start' });
        void loadPrompts(this.media, params.promptUris).then((loaded) => {
          if (stopped || call.state === 'terminated') return;
          if (!loaded.ok) {
            finishOperation(engine, call, op, 'failed', loaded.result, {
              completionReason: 'playPromptFailed',
            });
            queue.done(job);
            return;
          }
          const leadMs = (loaded.totalMs + (params.playBeep ? BEEP_MS : 0)) / this.speed;
          endTimer = engine.later(call, leadMs, listen);
        });
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
          Math.min(params.maxDurationMs, Math.round((engine.clock.now() - listenStart) * this.speed)),
        );
      },
    };
    this.report(call, queue.enqueue(job, params.bargeIn));
  }

  /** Fails the running and queued media operations (cancelMediaProcessing); returns them. */
  cancelAll(call: CallRec): OperationRec[] {
    const q = this.queues.get(call.id);
    if (!q) return [];
    const jobs = q.cancelAll();
    this.report(call, ...jobs);
    return jobs.map((j) => call.operations.get(j.opId)).filter((op): op is OperationRec => op !== undefined);
  }

  /** A key the person pressed: the running recording may be waiting for it. */
  key(call: CallRec, key: string): void {
    this.queues.get(call.id)?.key(key);
  }

  /** Reports interrupted or cancelled jobs as failed 400/8508. */
  private report(call: CallRec, ...jobs: (MediaJob | undefined)[]): void {
    for (const job of jobs) {
      const op = job ? call.operations.get(job.opId) : undefined;
      if (!op) continue;
      const completionReason = op.type === 'recordOperation' ? 'operationCanceled' : 'mediaOperationCanceled';
      finishOperation(this.engine, call, op, 'failed', OPERATION.cancelled, { completionReason });
    }
  }
}
