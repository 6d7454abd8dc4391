// The conversation of an answered reminder call: the message, the confirmation, goodbye, hang up. Each
// step is saved in the call's flow JSON before it runs, so whoever resumes the call (after a restart or
// a missed event) carries on from there; the call's lock keeps two instances from driving it at once.
import { StoreLockTimeoutError } from '../../../store';
import { CallOperationError } from '../../core';
import { withAttempt } from './book';
import { FALLBACK_PROMPTS, type ReminderContext } from './context';
import type { Reminder, ReminderCallFlow } from './types';

const ANSWERED = new Set(['established', 'hold']);
const POLL_MS = 200;

/** The flow JSON of a reminder call, or undefined for any other call. */
export function readReminderFlow(flow: unknown): ReminderCallFlow | undefined {
  if (typeof flow !== 'object' || flow === null) return undefined;
  const f = flow as Partial<ReminderCallFlow>;
  return f.kind === 'reminder' && typeof f.reminderId === 'string' && typeof f.attempt === 'number'
    ? (f as ReminderCallFlow)
    : undefined;
}

async function say(ctx: ReminderContext, text: string, fallback: readonly string[]): Promise<string[]> {
  if (!ctx.voice) return [...fallback];
  try {
    return [await ctx.voice.url(text)];
  } catch (err) {
    // The person is on the line: a stand-in prompt beats silence.
    ctx.logger.warn({ err }, 'text to speech failed; playing the stand-in prompt');
    return [...fallback];
  }
}

/** The prompts that carry the message (and the confirmation question). */
export async function messagePrompts(ctx: ReminderContext, r: Reminder): Promise<string[]> {
  const message = r.prompts
    ? [...r.prompts]
    : await say(ctx, `Reminder: ${r.message}`, FALLBACK_PROMPTS.message);
  if (!r.confirm) return message;
  const question = await say(ctx, 'Press 1 to confirm.', FALLBACK_PROMPTS.confirmCue);
  return [...message, ...question];
}

/** Waits until the attempt is confirmed, the wait is over or the call has ended. */
async function awaitConfirmation(
  ctx: ReminderContext,
  callId: string,
  flow: ReminderCallFlow,
): Promise<void> {
  const until = (flow.confirmSince ?? ctx.book.now()) + ctx.timing.confirmWaitMs;
  while (ctx.book.now() < until) {
    const r = await ctx.book.get(flow.reminderId);
    const a = r?.attempts.find((x) => x.n === flow.attempt);
    if (!a || a.confirmedAt !== undefined || a.state === 'ended') return;
    const call = await ctx.calling.getCall(callId);
    if (!call || call.state === 'terminated') return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, until - ctx.book.now())));
  }
}

/** Runs one step; resolves with the next position, or undefined when the conversation is over. */
async function step(
  ctx: ReminderContext,
  r: Reminder,
  callId: string,
  flow: ReminderCallFlow,
): Promise<ReminderCallFlow | undefined> {
  const at = (s: ReminderCallFlow['step'], extra: Partial<ReminderCallFlow> = {}): ReminderCallFlow => ({
    kind: 'reminder',
    reminderId: flow.reminderId,
    attempt: flow.attempt,
    step: s,
    ...extra,
  });
  switch (flow.step) {
    case 'ringing': {
      await ctx.book.update(r.id, (cur) =>
        cur.attempts.some((a) => a.n === flow.attempt && a.answeredAt === undefined && a.state !== 'ended')
          ? {
              ...cur,
              attempts: withAttempt(cur, flow.attempt, (a) => ({
                ...a,
                state: 'answered',
                answeredAt: ctx.book.now(),
              })),
            }
          : undefined,
      );
      if (r.confirm) await ctx.calling.subscribeToTone(callId);
      return at('message');
    }
    case 'message': {
      await ctx.calling.playPrompt(callId, await messagePrompts(ctx, r));
      return r.confirm ? at('awaiting-confirm', { confirmSince: ctx.book.now() }) : at('closing');
    }
    case 'awaiting-confirm': {
      await awaitConfirmation(ctx, callId, flow);
      return at('closing');
    }
    case 'closing': {
      await ctx.calling.playPrompt(callId, [...FALLBACK_PROMPTS.closing]);
      return at('hung-up');
    }
    case 'hung-up': {
      await ctx.calling.hangUp(callId);
      return undefined;
    }
  }
}

const callEnded = (err: unknown) =>
  err instanceof CallOperationError && (err.code === 'call_ended' || err.code === 'call_not_found');

/**
 * Drives a reminder call from its saved position until it is hung up. Returns quietly when the call is
 * not a reminder call, is still ringing, has ended, or another instance is driving it.
 */
export async function driveCall(ctx: ReminderContext, callId: string): Promise<void> {
  try {
    await ctx.book.store.locks.withLock(
      `reminder-call:${callId}`,
      async () => {
        for (;;) {
          const call = await ctx.calling.getCall(callId);
          const flow = call && readReminderFlow(call.flow);
          if (!call || !flow || call.state === 'terminated' || !ANSWERED.has(call.state)) return;
          const r = await ctx.book.get(flow.reminderId);
          const attempt = r?.attempts.find((a) => a.n === flow.attempt);
          if (!r || !attempt || attempt.state === 'ended' || r.status === 'cancelled') {
            // Nothing to say any more (cancelled, or an attempt already settled): just end the call.
            await ctx.calling.hangUp(callId);
            return;
          }
          const next = await step(ctx, r, callId, flow);
          if (!next) return;
          await ctx.calling.saveFlow(callId, next, `reminder: ${next.step}`);
        }
      },
      { waitMs: 5000 },
    );
  } catch (err) {
    if (err instanceof StoreLockTimeoutError) return;
    if (callEnded(err)) return;
    throw err;
  }
}
