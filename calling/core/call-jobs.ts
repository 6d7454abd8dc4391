// Claimed jobs of the call model: a keepAlive every 15 minutes per established call, and a
// reconciliation that GETs calls silent for too long and settles the ones Graph no longer has.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createJobPoller, type ClaimedJob } from '../storage';
import { isCallingError } from '../errors';
import { keepAlive } from './call-control';
import { appendLocal, graphCtx, type CoreContext } from './context';

export const KEEPALIVE_JOB = 'calling.keepAlive';
export const RECONCILE_JOB = 'calling.reconcile';

/** Schedules the next keepAlive of a call (replacing any pending one). */
export async function scheduleKeepAlive(ctx: CoreContext, callId: string): Promise<void> {
  await ctx.store.jobs.schedule({
    kind: KEEPALIVE_JOB,
    key: `keepalive:${callId}`,
    dueAt: ctx.clock.now() + ctx.timing.keepAliveIntervalMs,
    payload: { callId },
  });
}

/** Drops a call's pending keepAlive. */
export async function cancelKeepAlive(ctx: CoreContext, callId: string): Promise<void> {
  await ctx.store.jobs.cancel({ key: `keepalive:${callId}` });
}

async function runKeepAlive(ctx: CoreContext, job: ClaimedJob, owner: string): Promise<void> {
  const callId = String((job.payload as { callId?: unknown })?.callId ?? '');
  const call = await ctx.data.calls.get(callId);
  if (!call || call.state === 'terminated') {
    await ctx.store.jobs.complete(job.id, owner);
    return;
  }
  const alive = await keepAlive(ctx, callId);
  // Rescheduling under the same key replaces this claimed row, so complete() finds nothing left: fine.
  if (alive) await scheduleKeepAlive(ctx, callId);
  await ctx.store.jobs.complete(job.id, owner);
}

/** One reconciliation pass: GET each silent live call; a 404 ends it locally, an answer refreshes it. */
export async function reconcileOnce(ctx: CoreContext): Promise<number> {
  const silent = await ctx.data.calls.silentSince(ctx.clock.now() - ctx.timing.reconcileSilenceMs, 20);
  for (const call of silent) {
    const log = ctx.logger.child({ callId: call.id });
    try {
      const fresh = await ctx.graph.getCall(call.wireId, graphCtx(call));
      await appendLocal(ctx, call, 'refresh', fresh as Record<string, unknown>);
    } catch (err) {
      if (isCallingError(err, 'graph_call_gone')) {
        // gone-graph.ts has ended it locally.
        log.info({}, 'reconciliation: Graph no longer has the call; ended locally');
      } else {
        log.warn({ err }, 'reconciliation could not check the call');
      }
    }
  }
  return silent.length;
}

async function runReconcile(ctx: CoreContext, job: ClaimedJob, owner: string): Promise<void> {
  await reconcileOnce(ctx);
  await ctx.store.jobs.schedule({
    kind: RECONCILE_JOB,
    key: RECONCILE_JOB,
    dueAt: ctx.clock.now() + ctx.timing.reconcileIntervalMs,
    payload: {},
  });
  await ctx.store.jobs.complete(job.id, owner);
}

export interface JobRunner {
  start(): Promise<void>;
  /** Claims and runs due jobs once; returns how many ran. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** Polls for due call-model jobs; each is claimed by exactly one instance. */
export function createJobRunner(ctx: CoreContext): JobRunner {
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const poller = createJobPoller({
    jobs: ctx.store.jobs,
    owner,
    kinds: [KEEPALIVE_JOB, RECONCILE_JOB],
    limit: 20,
    pollMs: ctx.timing.jobPollMs,
    now: () => ctx.clock.now(),
    run: (job) =>
      job.kind === KEEPALIVE_JOB ? runKeepAlive(ctx, job, owner) : runReconcile(ctx, job, owner),
    retryAt: () => ctx.clock.now() + 60_000,
    onError: (err, job) =>
      job
        ? ctx.logger.warn({ err, job: job.kind, jobId: job.id }, 'calling job failed; retrying in a minute')
        : ctx.logger.warn({ err }, 'claiming calling jobs failed'),
  });

  return {
    async start() {
      const pending = await ctx.store.jobs.list({ kind: RECONCILE_JOB, limit: 1 });
      if (pending.length === 0) {
        await ctx.store.jobs.schedule({
          kind: RECONCILE_JOB,
          key: RECONCILE_JOB,
          dueAt: ctx.clock.now() + ctx.timing.reconcileIntervalMs,
          payload: {},
        });
      }
      poller.start();
    },
    tick: poller.tick,
    stop: poller.stop,
  };
}
