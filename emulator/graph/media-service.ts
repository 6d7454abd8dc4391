// Service-hosted media for the calls: one queue per call for prompts and recordings, key presses for
// the running recording, and cancellation.
import type { CallEngine } from './engine';
import { playJob } from './media-jobs';
import { recordJob } from './record-job';
import type { MediaEnv, RecordParams } from './media-jobs';
import { MediaQueue } from './media-queue';
import type { MediaJob } from './media-queue';
import type { CallRec, OperationRec } from './model';
import { finishOperation } from './operations';
import type { PromptAudioStore } from './prompt-audio';
import type { MediaPort } from './prompt-media';
import type { RecordingStore } from './recordings';
import { OPERATION } from './result-codes';

export type { RecordParams } from './media-jobs';

/** Words said while no recording listened are heard by one that begins within this (emulated) time. */
export const SAID_BEFORE_MS = 10_000;

interface Said {
  at: number;
  durationMs: number;
  text?: string;
}

/** Owns the media queues of all calls. */
export class MediaService {
  private readonly queues = new Map<string, MediaQueue>();
  private readonly said = new Map<string, Said[]>();

  constructor(
    private readonly engine: CallEngine,
    private readonly media: MediaPort,
    private readonly recordings: RecordingStore,
    private readonly audio: PromptAudioStore,
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

  private get env(): MediaEnv {
    return {
      engine: this.engine,
      media: this.media,
      recordings: this.recordings,
      audio: this.audio,
      saidBefore: (call) => this.takeSaid(call),
    };
  }

  /** The person says words now: heard by the running recording, else by one that begins soon. */
  say(call: CallRec, said: { durationMs: number; text?: string }): 'heard' | 'waiting' {
    if (this.queues.get(call.id)?.say(said)) return 'heard';
    const list = this.said.get(call.id) ?? [];
    if (list.length === 0) call.cleanups.add(() => this.said.delete(call.id));
    list.push({ at: this.engine.clock.now(), ...said });
    this.said.set(call.id, list);
    return 'waiting';
  }

  private takeSaid(call: CallRec): Array<{ durationMs: number; text?: string }> {
    const now = this.engine.clock.now();
    const speed = this.engine.settings.promptSpeed;
    const list = (this.said.get(call.id) ?? []).filter((s) => now - s.at <= SAID_BEFORE_MS / speed);
    this.said.delete(call.id);
    return list.map(({ durationMs, text }) => ({ durationMs, ...(text ? { text } : {}) }));
  }

  /** Queues a playPrompt operation; `resourceIds` (Graph's media cache keys) go on the timeline. */
  playPrompt(call: CallRec, op: OperationRec, uris: string[], resourceIds: Array<string | null> = []): void {
    const queue = this.queue(call);
    const job = playJob(this.env, call, op, { uris, resourceIds }, (j) => queue.done(j));
    this.report(call, queue.enqueue(job));
  }

  /** Queues a recordResponse operation. */
  record(call: CallRec, op: OperationRec, params: RecordParams): void {
    const queue = this.queue(call);
    this.report(
      call,
      queue.enqueue(
        recordJob(this.env, call, op, params, (job) => queue.done(job)),
        params.bargeIn,
      ),
    );
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
