// One call attempt of a reminder: placed by whoever wins the versioned write that creates it (so a
// reminder is never called twice for the same attempt, whatever the number of instances), checked
// while it lasts, and ended exactly once with its result and what follows.
import type { CallView } from '../../core';
import type { ResultInfo } from '../../types';
import { isFinished, reminderJobKey, reminderLockKey, withAttempt } from './book';
import { REMINDER_SCENARIO, type ReminderContext } from './context';
import { messagePrompts } from './conversation';
import { sendNotices } from './notices';
import { answeredResult, nextStep, unansweredResult } from './policy';
import { partyOf } from './target';
import type { AttemptResult, Reminder, ReminderCallFlow } from './types';

/** How an attempt ended, as far as the caller knows. */
export interface AttemptEnd {
  /** Set when the result is already known (e.g. the call could not be placed). */
  readonly result?: AttemptResult;
  /** The call reached `established` at some point. */
  readonly answered?: boolean;
  readonly reason: string;
  readonly resultInfo?: ResultInfo;
}

/**
 * Places the next call of a due reminder. Resolves false when another instance got there first (the
 * versioned write that creates the attempt failed) or the reminder is not due any more.
 */
export async function placeAttempt(ctx: ReminderContext, r: Reminder): Promise<boolean> {
  const n = r.attempts.length + 1;
  const now = ctx.book.now();
  const claimed = await ctx.book.update(r.id, (cur) =>
    cur.status !== 'scheduled' || cur.attempts.length !== n - 1 || (cur.nextAttemptAt ?? 0) > now
      ? undefined
      : {
          ...cur,
          status: 'calling',
          nextAttemptAt: undefined,
          attempts: [...cur.attempts, { n, state: 'placing', placedAt: now, placedBy: ctx.owner }],
        },
  );
  if (!claimed.changed || !claimed.reminder) return false;
  const log = ctx.logger.child({ reminderId: r.id, attempt: n });
  // Speech is made while the phone rings, so the message plays as soon as the person answers.
  void messagePrompts(ctx, r).catch((err: unknown) => log.warn({ err }, 'could not prepare the message'));
  const flow: ReminderCallFlow = { kind: 'reminder', reminderId: r.id, attempt: n, step: 'ringing' };
  let call: CallView;
  try {
    call = await ctx.calling.placeCall({
      to: partyOf(r.who),
      ...(r.from ? { from: r.from } : {}),
      subject: 'Reminder',
      scenarioId: REMINDER_SCENARIO,
      flow,
    });
  } catch (err) {
    // A request that got no answer may still have rung: the attempt counts, and the policy decides.
    log.warn({ err }, 'the reminder call could not be placed');
    await finishAttempt(ctx, r.id, n, {
      result: 'failed',
      reason: `the call could not be placed: ${String(err)}`,
    });
    return true;
  }
  await ctx.book.update(r.id, (cur) =>
    cur.attempts.some((a) => a.n === n && !a.callId)
      ? {
          ...cur,
          attempts: withAttempt(cur, n, (a) => ({
            ...a,
            callId: call.id,
            state: a.state === 'placing' ? 'ringing' : a.state,
          })),
        }
      : undefined,
  );
  log.info({ callId: call.id }, 'reminder call placed');
  return true;
}

/** True when the call's timeline shows it reached `established`. */
export async function wasEstablished(ctx: ReminderContext, callId: string): Promise<boolean> {
  const entries = await ctx.calling.timeline(callId);
  return entries.some((e) => e.kind === 'state' && /→ established$/.test(e.summary));
}

/** Ends attempt `n` once (later calls find it ended and do nothing), then schedules, finishes or escalates. */
export async function finishAttempt(
  ctx: ReminderContext,
  id: string,
  n: number,
  end: AttemptEnd,
): Promise<void> {
  const now = ctx.book.now();
  const result = await ctx.book.store.locks.withLock(reminderLockKey(id), async () => {
    const updated = await ctx.book.update(id, (r) => {
      const a = r.attempts.find((x) => x.n === n);
      if (!a || a.state === 'ended') return undefined;
      const answered = end.answered === true || a.answeredAt !== undefined;
      const outcome =
        end.result ??
        (answered
          ? answeredResult(r.confirm, a.confirmedAt !== undefined)
          : unansweredResult(end.resultInfo));
      const base: Reminder = {
        ...r,
        attempts: withAttempt(r, n, (x) => ({
          ...x,
          state: 'ended',
          endedAt: now,
          result: outcome,
          reason: end.reason,
          ...(end.resultInfo ? { resultInfo: end.resultInfo } : {}),
        })),
      };
      if (r.status === 'cancelled') return base;
      const step = nextStep(r, n, outcome, now);
      if (step.kind === 'retry') return { ...base, status: 'scheduled', nextAttemptAt: step.at };
      return {
        ...base,
        status: 'done',
        outcome: step.kind === 'done' ? step.outcome : 'escalated',
        finishedAt: now,
      };
    });
    const r = updated.reminder;
    if (!updated.changed || !r) return undefined;
    if (r.status === 'scheduled' && r.nextAttemptAt !== undefined) await ctx.book.wakeAt(id, r.nextAttemptAt);
    else await ctx.book.store.jobs.cancel({ key: reminderJobKey(id) });
    return r;
  });
  if (!result) return;
  const a = result.attempts.find((x) => x.n === n);
  ctx.logger
    .child({ reminderId: id, attempt: n })
    .info({ result: a?.result, status: result.status, outcome: result.outcome }, 'reminder attempt ended');
  if (isFinished(result) && result.status !== 'cancelled') await sendNotices(ctx, result);
}

/** Ends the attempt of a terminated call, from the call's end and whether it was ever established. */
export async function finishFromCall(
  ctx: ReminderContext,
  flow: ReminderCallFlow,
  call: CallView,
): Promise<void> {
  const answered = await wasEstablished(ctx, call.id);
  await finishAttempt(ctx, flow.reminderId, flow.attempt, {
    answered,
    reason: call.end?.reason ?? 'the call ended',
    ...(call.end?.resultInfo ? { resultInfo: call.end.resultInfo } : {}),
  });
}
