// Listens to the calling service for click-to-call calls (established → announce and transfer,
// terminated → the result) and runs the check jobs that resume one after a restart or a missed event.
import { createJobPoller, type ClaimedJob } from '../../../store';
import type { CallView } from '../../core';
import { checkAt, CONNECT_JOB, getRecord, type ConnectContext } from './context';
import { driveConnect, readConnectFlow } from './drive';
import { finishConnect, finishFromCall } from './finish';

const UNANSWERED = new Set(['incoming', 'establishing', 'ringing']);

/** Looks after one click-to-call: ends it, hangs up a ring nobody takes, or resumes it. */
async function check(ctx: ConnectContext, job: ClaimedJob): Promise<void> {
  const id = String((job.payload as { connectId?: unknown } | null)?.connectId ?? '');
  const r = await getRecord(ctx, id);
  if (!r || r.status === 'done') {
    await ctx.store.jobs.complete(job.id, job.claimedBy);
    return;
  }
  const now = ctx.now();
  const call = r.callId ? await ctx.calling.getCall(r.callId) : undefined;
  if (!r.callId) {
    // connect() stores the call id as soon as Graph created the call; long without one, it never was.
    if (now - r.createdAt > ctx.timing.ringTimeoutMs)
      await finishConnect(ctx, id, 'failed', 'the call to A was never placed');
  } else if (!call) {
    await finishConnect(ctx, id, 'failed', 'the call to A is not known to the app');
  } else if (call.state === 'terminated') {
    await finishFromCall(ctx, id, call);
  } else if (UNANSWERED.has(call.state)) {
    if (now - r.createdAt > ctx.timing.ringTimeoutMs) await ctx.calling.hangUp(call.id);
  } else {
    void driveConnect(ctx, call.id).catch((err: unknown) =>
      ctx.logger.warn({ err, callId: call.id }, 'resuming a click-to-call failed'),
    );
  }
  const fresh = await getRecord(ctx, id);
  if (fresh && fresh.status !== 'done') await checkAt(ctx, id, now + ctx.timing.checkIntervalMs);
  else await ctx.store.jobs.complete(job.id, job.claimedBy);
}

/** Re-reads an outgoing call whose flow JSON was not written yet when its first events were emitted. */
async function flowOf(ctx: ConnectContext, call: CallView): Promise<unknown> {
  let raw = call.flow;
  for (let i = 0; raw == null && call.direction === 'outgoing' && i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fresh = await ctx.calling.getCall(call.id);
    if (!fresh) return undefined;
    raw = fresh.flow;
  }
  return raw;
}

export interface ConnectRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs click-to-call on this instance. */
export function createConnectRunner(ctx: ConnectContext): ConnectRunner {
  let offs: Array<() => void> = [];
  let started = false;
  const report = (what: string, callId: string) => (err: unknown) =>
    ctx.logger.warn({ err, callId }, `click-to-call: ${what} failed`);
  const poller = createJobPoller({
    jobs: ctx.store.jobs,
    owner: ctx.owner,
    kinds: [CONNECT_JOB],
    pollMs: ctx.timing.pollMs,
    now: () => ctx.now(),
    run: (job) => check(ctx, job),
    retryAt: () => ctx.now() + ctx.timing.checkIntervalMs,
    onError: (err, job) =>
      job
        ? ctx.logger.warn({ err, jobId: job.id }, 'a click-to-call check failed; trying again shortly')
        : ctx.logger.warn({ err }, 'claiming click-to-call checks failed'),
  });

  return {
    async start() {
      if (started) return;
      started = true;
      offs = [
        ctx.calling.on('established', ({ call }) => {
          void flowOf(ctx, call)
            .then((flow) => (readConnectFlow(flow) ? driveConnect(ctx, call.id) : undefined))
            .catch(report('announcing and transferring', call.id));
        }),
        ctx.calling.on('terminated', ({ call }) => {
          const flow = readConnectFlow(call.flow);
          if (flow)
            void finishFromCall(ctx, flow.connectId, call).catch(report('recording the result', call.id));
        }),
      ];
      poller.start();
    },
    async stop() {
      started = false;
      for (const off of offs) off();
      offs = [];
      await poller.stop();
    },
  };
}
