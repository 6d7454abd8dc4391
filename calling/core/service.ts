// createCallingService: the call model's public face. It owns the inbox, the per-call queue, the
// operation waiters, the typed events and the jobs; the actions live in call-actions and media-actions.
import { idKey } from '../ids';
import type { CallingStorage, InboxRow } from '../storage';
import type { CallInbox } from '../types';
import { cancelKeepAlive, createJobRunner, scheduleKeepAlive } from './call-jobs';
import { createCallQueue } from './call-queue';
import {
  appendLocal,
  DEFAULT_TIMING,
  type CallingTiming,
  type CoreContext,
  type PromptResourceId,
} from './context';
import { CallingEmitter } from './events';
import { endCallsOnGone } from './gone-graph';
import { flowKeysOf } from './flow-outbox';
import { createCallInbox } from './inbox';
import { createOperationTracker } from './operation-tracker';
import type { CallGraph, Clock, CoreLogger } from './ports';
import { SYSTEM_CLOCK } from './ports';
import { announce } from './model/annotate';
import { processRow, processRows, type Handled } from './process-row';
import { buildApi, type CallingApi } from './service-api';

export interface CallingServiceOptions {
  readonly store: CallingStorage;
  readonly graph: CallGraph;
  readonly logger: CoreLogger;
  /** The app (bot) id: the source of the calls it places. */
  readonly appId: string;
  readonly appName?: string;
  /** The app's home tenant, used when a request names none. */
  readonly tenantId: string;
  /** Where Graph sends this app's call notifications (PUBLIC_URL + /api/calls). */
  readonly callbackUrl: string;
  /** Where the prompt set is served (PUBLIC_URL + /prompts). */
  readonly promptsBaseUrl: string;
  /**
   * The resourceId Graph caches a prompt's media under, by its URL (`createPromptResourceIds` in
   * calling/prompts gives one per file content); without it prompts carry none.
   */
  readonly promptResourceId?: PromptResourceId;
  readonly clock?: Clock;
  readonly timing?: Partial<CallingTiming>;
}

/** The call model: inbox for the webhook, actions, events and lifecycle. */
export interface CallingService extends CallingApi {
  /** Hand this to the webhook edge. */
  readonly inbox: CallInbox;
  /** Resumes every call with unprocessed notifications, then starts the sweep and the job runner. */
  start(): Promise<void>;
  /** Stops timers, lets running processing finish, rejects local waiters. */
  stop(): Promise<void>;
}

const MAX_ATTEMPTS_PER_ROW = 3;

/** Builds the calling service on an open store and a Graph port. */
export function createCallingService(opts: CallingServiceOptions): CallingService {
  const logger = opts.logger.child({ module: 'calling.core' });
  const data = opts.store.callData;
  const clock = opts.clock ?? SYSTEM_CLOCK;
  const timing: CallingTiming = { ...DEFAULT_TIMING, ...opts.timing };
  const emitter = new CallingEmitter(logger);
  const tracker = createOperationTracker(data.operations, logger);
  const failures = new Map<number, number>();

  // Filled in below; the queue needs the processing function, which needs the context.
  const ctx = {} as { -readonly [K in keyof CoreContext]: CoreContext[K] };

  async function afterCommit(handled: Handled): Promise<void> {
    tracker.onSettled(handled.settled);
    for (const event of handled.events) {
      try {
        // Views name calls as Graph spelled them; the jobs find them by key.
        if (event.name === 'established') await scheduleKeepAlive(ctx, idKey(event.payload.call.id));
        if (event.name === 'terminated') await cancelKeepAlive(ctx, idKey(event.payload.call.id));
      } catch (err) {
        const callId = 'call' in event.payload ? event.payload.call?.id : undefined;
        logger.warn({ err, callId }, 'could not update the keepAlive job');
      }
      emitter.emit(event);
    }
    if (handled.changed) await announce(ctx, handled.changed);
    for (const key of flowKeysOf(handled.events)) emitter.emit({ name: 'flowEvents', payload: { key } });
  }

  async function process(row: InboxRow): Promise<void> {
    let handled: Handled;
    try {
      handled = await processRow(data, row, clock.now());
    } catch (err) {
      const attempts = (failures.get(row.seq) ?? 0) + 1;
      failures.set(row.seq, attempts);
      if (attempts < MAX_ATTEMPTS_PER_ROW) throw err;
      // A row that keeps failing must not block the call for ever: note it and move on.
      failures.delete(row.seq);
      logger.error({ err, callId: row.callId, seq: row.seq }, 'a notification could not be handled; skipped');
      await data.transaction(async (tx) => {
        await tx.timeline.add([
          {
            callId: row.callId,
            at: clock.now(),
            kind: 'decision',
            summary: `skipped a notification that kept failing: ${String(err)}`,
          },
        ]);
        await tx.inbox.markProcessed(row.seq, clock.now());
      });
      return;
    }
    failures.delete(row.seq);
    logger
      .child({ callId: row.callId })
      .debug({ seq: row.seq, events: handled.events.map((e) => e.name) }, 'notification processed');
    await afterCommit(handled);
  }

  // Rows of many calls in one transaction; if that fails, row by row, so one bad row costs only its call.
  async function processBatch(rows: readonly InboxRow[]): Promise<string[]> {
    if (rows.length > 1) {
      let batch: Handled[] | undefined;
      try {
        batch = await processRows(data, rows, clock.now());
      } catch (err) {
        logger.warn({ err, rows: rows.length }, 'a batch of notifications failed; handling them one by one');
      }
      if (batch) {
        for (const row of rows) failures.delete(row.seq);
        for (const handled of batch) await afterCommit(handled);
        return [];
      }
    }
    const blocked = new Set<string>();
    for (const row of rows) {
      if (blocked.has(row.callId)) continue;
      try {
        await process(row);
      } catch (err) {
        logger.warn({ err, callId: row.callId, seq: row.seq }, 'a notification failed; will retry');
        blocked.add(row.callId);
      }
    }
    return [...blocked];
  }

  // A 404 for a call on any request ends it locally (once: a call already ended is left alone).
  const graph = endCallsOnGone(opts.graph, async (callId) => {
    try {
      const call = await data.calls.get(callId);
      if (!call || call.state === 'terminated') return;
      logger.child({ callId }).info({}, 'Graph says the call is gone (404); ending it locally');
      await appendLocal(ctx, call, 'gone', {});
    } catch (err) {
      logger.warn({ err, callId }, 'could not end a call Graph says is gone');
    }
  });

  const queue = createCallQueue({
    locks: opts.store.locks,
    data,
    logger,
    processBatch,
    lockWaitMs: timing.lockWaitMs,
  });
  Object.assign(ctx, {
    store: opts.store,
    data,
    graph,
    logger,
    clock,
    appId: opts.appId,
    ...(opts.appName ? { appName: opts.appName } : {}),
    tenantId: opts.tenantId,
    callbackUrl: opts.callbackUrl,
    promptsBaseUrl: opts.promptsBaseUrl,
    ...(opts.promptResourceId ? { promptResourceId: opts.promptResourceId } : {}),
    timing,
    tracker,
    emitter,
    queue,
  } satisfies CoreContext);

  const jobs = createJobRunner(ctx);
  let sweep: NodeJS.Timeout | undefined;
  let started = false;

  return {
    ...buildApi(ctx),
    inbox: createCallInbox(data, queue),
    async start() {
      if (started) return;
      started = true;
      const resumed = await queue.resumeAll();
      if (resumed > 0) logger.info({ calls: resumed }, 'resuming calls with unprocessed notifications');
      sweep = setInterval(() => {
        queue
          .resumeAll(timing.sweepIntervalMs, clock.now())
          .catch((err: unknown) => logger.warn({ err }, 'inbox sweep failed'));
      }, timing.sweepIntervalMs);
      sweep.unref();
      await jobs.start();
    },
    async stop() {
      if (sweep) clearInterval(sweep);
      queue.stop();
      await jobs.stop();
      await queue.idle();
      tracker.stop();
      started = false;
    },
  };
}
