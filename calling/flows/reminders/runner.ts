// Claims due reminder jobs (each claimed by exactly one instance: FOR UPDATE SKIP LOCKED on PostgreSQL)
// and listens to the calling service for reminder calls: established → the conversation, a key → the
// confirmation, terminated → the attempt's end.
import { createJobPoller } from '../../../store';
import type { CallingEvents, CallView } from '../../core';
import { REMINDER_JOB, withAttempt } from './book';
import { finishFromCall } from './attempts';
import type { ReminderContext } from './context';
import { driveCall, readReminderFlow } from './conversation';
import { runReminderJob } from './tick';

export interface ReminderRunner {
  start(): Promise<void>;
  /** Claims and runs due reminder jobs once; returns how many ran. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** Records a "1" pressed on a reminder call that asked for confirmation. */
async function onTone(ctx: ReminderContext, e: CallingEvents['tone']): Promise<void> {
  const flow = readReminderFlow(e.call.flow);
  if (!flow || e.digit !== '1') return;
  await ctx.book.update(flow.reminderId, (r) =>
    r.confirm &&
    r.attempts.some((a) => a.n === flow.attempt && a.confirmedAt === undefined && a.state !== 'ended')
      ? { ...r, attempts: withAttempt(r, flow.attempt, (a) => ({ ...a, confirmedAt: ctx.book.now() })) }
      : undefined,
  );
}

/**
 * Drives an answered reminder call. The flow JSON is written when placeCall returns, which can be just
 * after the first notifications were handled, so an outgoing call without one is read again shortly.
 */
async function onEstablished(ctx: ReminderContext, call: CallView): Promise<void> {
  let raw = call.flow;
  for (let i = 0; raw == null && call.direction === 'outgoing' && i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fresh = await ctx.calling.getCall(call.id);
    if (!fresh) return;
    raw = fresh.flow;
  }
  if (readReminderFlow(raw)) await driveCall(ctx, call.id);
}

/** Runs reminders on this instance. */
export function createReminderRunner(ctx: ReminderContext): ReminderRunner {
  let offs: Array<() => void> = [];
  const poller = createJobPoller({
    jobs: ctx.book.store.jobs,
    owner: ctx.owner,
    kinds: [REMINDER_JOB],
    parallel: true,
    pollMs: ctx.timing.pollMs,
    now: () => ctx.book.now(),
    run: (job) => runReminderJob(ctx, job),
    retryAt: () => ctx.book.now() + ctx.timing.checkIntervalMs,
    onError: (err, job) =>
      job
        ? ctx.logger.warn({ err, jobId: job.id }, 'a reminder job failed; trying again shortly')
        : ctx.logger.warn({ err }, 'claiming reminder jobs failed'),
  });
  let started = false;

  const report = (what: string, callId: string) => (err: unknown) =>
    ctx.logger.warn({ err, callId }, `reminder call: ${what} failed`);

  return {
    async start() {
      if (started) return;
      started = true;
      offs = [
        ctx.calling.on('established', ({ call }) => {
          void onEstablished(ctx, call).catch(report('the conversation', call.id));
        }),
        ctx.calling.on('tone', (e) => onTone(ctx, e).catch(report('recording the key', e.call.id))),
        ctx.calling.on('terminated', ({ call }) => {
          const flow = readReminderFlow(call.flow);
          if (flow) void finishFromCall(ctx, flow, call).catch(report('ending the attempt', call.id));
        }),
      ];
      poller.start();
    },
    tick: poller.tick,
    async stop() {
      started = false;
      for (const off of offs) off();
      offs = [];
      await poller.stop();
    },
  };
}
