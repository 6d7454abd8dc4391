// Claimed jobs of the call model: a keepAlive every 15 minutes per established call, and a
// reconciliation that GETs calls silent for too long and settles the ones Graph no longer has.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClaimedJob } from '../../store';
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
      const fresh = await ctx.graph.getCall(call.id, graphCtx(call));
      await appendLocal(ctx, call, 'refresh', fresh as Record<string, unknown>);
    } catch (err) {
      if (isCallingError(err, 'graph_call_gone')) {
        log.info({}, 'reconciliation: Graph no longer has the call; ending it locally');
        await appendLocal(ctx, call, 'gone', {});
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
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function tick(): Promise<number> {
    const jobs = await ctx.store.jobs.claimDue(owner, {
      kinds: [KEEPALIVE_JOB, RECONCILE_JOB],
      limit: 20,
      leaseMs: 60_000,
      now: ctx.clock.now(),
    });
    for (const job of jobs) {
      try {
        if (job.kind === KEEPALIVE_JOB) await runKeepAlive(ctx, job, owner);
        else await runReconcile(ctx, job, owner);
      } catch (err) {
        ctx.logger.warn({ err, job: job.kind, jobId: job.id }, 'calling job failed; retrying in a minute');
        await ctx.store.jobs.retry(
          job.id,
          owner,
          ctx.clock.now() + 60_000,
          err instanceof Error ? err.message : String(err),
        );
      }
    }
    return jobs.length;
  }

  function loop(): void {
    if (stopped) return;
    running = tick()
      .catch((err: unknown) => {
        ctx.logger.warn({ err }, 'claiming calling jobs failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (!stopped) {
          timer = setTimeout(loop, ctx.timing.jobPollMs);
          timer.unref();
        }
      });
  }

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
      stopped = false;
      loop();
    },
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
