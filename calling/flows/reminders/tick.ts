// What a reminder's job does when it wakes: place the due call, or look after the call under way (an
// event may have been missed, or the instance driving it stopped), then set the job's next wake-up.
import type { ClaimedJob } from '../../../store';
import { isFinished, reminderJobKey, reminderLockKey } from './book';
import { finishAttempt, finishFromCall, placeAttempt } from './attempts';
import type { ReminderContext } from './context';
import { driveCall } from './conversation';
import type { Reminder, ReminderAttempt, ReminderCallFlow } from './types';

const LIVE_ANSWERED = new Set(['established', 'hold', 'transferring', 'transferAccepted']);

/** Checks the current attempt's call: ends the attempt, hangs up an unanswered ring, or resumes the flow. */
async function checkAttempt(ctx: ReminderContext, r: Reminder, a: ReminderAttempt): Promise<void> {
  const now = ctx.book.now();
  if (!a.callId) {
    if (a.state === 'placing' && now - a.placedAt > ctx.timing.placingStaleMs) {
      await finishAttempt(ctx, r.id, a.n, {
        result: 'failed',
        reason: 'the app stopped while placing the call',
      });
    }
    return;
  }
  const call = await ctx.calling.getCall(a.callId);
  const flow: ReminderCallFlow = { kind: 'reminder', reminderId: r.id, attempt: a.n, step: 'ringing' };
  if (!call) {
    await finishAttempt(ctx, r.id, a.n, { result: 'failed', reason: 'the call is not known to the app' });
    return;
  }
  if (call.state === 'terminated') {
    await finishFromCall(ctx, flow, call);
    return;
  }
  if (LIVE_ANSWERED.has(call.state)) {
    // Whoever drives it holds the call's lock; if nobody does (a restart, a missed event), this takes over.
    void driveCall(ctx, call.id).catch((err: unknown) =>
      ctx.logger.warn({ err, callId: call.id, reminderId: r.id }, 'resuming a reminder call failed'),
    );
    return;
  }
  if (now - a.placedAt > ctx.timing.ringTimeoutMs) {
    ctx.logger.info({ callId: call.id, reminderId: r.id }, 'reminder call not answered in time; hanging up');
    await ctx.calling.hangUp(call.id);
  }
}

/** When the reminder's job should wake next; undefined when it has nothing left to do. */
export function nextWake(r: Reminder, now: number, ctx: ReminderContext): number | undefined {
  if (isFinished(r)) return undefined;
  if (r.status === 'scheduled') return r.nextAttemptAt ?? now;
  const a = r.attempts.at(-1);
  const check = now + ctx.timing.checkIntervalMs;
  if (a && !a.answeredAt && a.state !== 'ended')
    return Math.min(check, Math.max(now, a.placedAt + ctx.timing.ringTimeoutMs) + 250);
  return check;
}

/** Runs one claimed reminder job. */
export async function runReminderJob(ctx: ReminderContext, job: ClaimedJob): Promise<void> {
  const id = String((job.payload as { reminderId?: unknown } | null)?.reminderId ?? '');
  const r = await ctx.book.get(id);
  if (r && r.status === 'scheduled' && (r.nextAttemptAt ?? 0) <= ctx.book.now()) await placeAttempt(ctx, r);
  else if (r && r.status === 'calling') {
    const a = r.attempts.at(-1);
    if (a && a.state !== 'ended') await checkAttempt(ctx, r, a);
  }
  // Decided under the reminder's lock, from what is stored now, so it never undoes a newer decision.
  await ctx.book.store.locks.withLock(reminderLockKey(id), async () => {
    const fresh = await ctx.book.get(id);
    const wake = fresh && nextWake(fresh, ctx.book.now(), ctx);
    if (wake === undefined) {
      if (!(await ctx.book.store.jobs.complete(job.id, job.claimedBy)))
        await ctx.book.store.jobs.cancel({ key: reminderJobKey(id) });
      return;
    }
    await ctx.book.wakeAt(id, wake);
  });
}
