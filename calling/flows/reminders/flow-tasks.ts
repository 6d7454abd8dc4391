// The reminder flow's background work: each function returns what a task runs outside the flow's lock;
// its outcome comes back to the flow as a `done` event.
import { CallOperationError, type PlaceCallRequest } from '../../core';
import type { ResultInfo } from '../../types';
import { hangUpResending } from '../runtime';
import type { ReminderFlowDeps } from './flow-state';
import { FALLBACK_PROMPTS, REMINDER_SCENARIO } from './context';
import { noticesFor } from './notices';
import { partyOf } from './target';
import type { Reminder, ReminderNoticeRecord } from './types';

async function say(deps: ReminderFlowDeps, text: string, fallback: readonly string[]): Promise<string[]> {
  if (!deps.voice) return [...fallback];
  try {
    return [await deps.voice.url(text)];
  } catch (err) {
    // The person is on the line: a stand-in prompt beats silence.
    deps.logger.warn({ err }, 'text to speech failed; playing the stand-in prompt');
    return [...fallback];
  }
}

/** The prompts that carry the message (and the confirmation question). */
export async function messagePrompts(deps: ReminderFlowDeps, r: Reminder): Promise<string[]> {
  const message = r.prompts
    ? [...r.prompts]
    : await say(deps, `Reminder: ${r.message}`, FALLBACK_PROMPTS.message);
  if (!r.confirm) return message;
  const question = await say(deps, 'Press 1 to confirm.', FALLBACK_PROMPTS.confirmCue);
  return [...message, ...question];
}

/** True when an operation failed only because the call is over (its end is on its way as an event). */
export const callIsOver = (err: unknown): boolean =>
  err instanceof CallOperationError && (err.code === 'call_ended' || err.code === 'call_not_found');

/** The call of an attempt, said to be a reminder's call for whoever asked (the runtime binds it). */
export function placeRequest(r: Reminder, flowKey: string): PlaceCallRequest {
  const by = r.requestedBy;
  return {
    to: partyOf(r.who),
    ...(r.from ? { from: r.from } : {}),
    subject: 'Reminder',
    scenarioId: REMINDER_SCENARIO,
    purpose: 'reminder',
    origin: {
      surface: 'flow',
      requestedBy: { id: by.id, name: by.name ?? by.id },
      ...(by.conversationId ? { conversationId: by.conversationId } : {}),
      flow: { kind: 'reminder', key: flowKey },
    },
  };
}

/** Plays prompts; a call that ended meanwhile is not a failure (its end arrives as an event). */
export function playTask(deps: ReminderFlowDeps, callId: string, prompts: () => Promise<string[]>) {
  return async (): Promise<void> => {
    try {
      await deps.calling.playPrompt(callId, await prompts());
    } catch (err) {
      if (!callIsOver(err)) throw err;
    }
  };
}

/** Asks for key presses (subscribing twice changes nothing). */
export function tonesTask(deps: ReminderFlowDeps, callId: string) {
  return async (): Promise<void> => {
    try {
      await deps.calling.subscribeToTone(callId);
    } catch (err) {
      if (!callIsOver(err)) throw err;
    }
  };
}

/** Hangs up, again after a transient failure (hanging up twice, or a call that has ended, changes nothing). */
export function hangUpTask(deps: ReminderFlowDeps, callId: string) {
  return (): Promise<void> => hangUpResending(deps.calling, callId);
}

/** How a call ended, as the call model recorded it. */
export interface CallEnd {
  readonly reason?: string;
  readonly resultInfo?: ResultInfo;
}

/** Reads the end of a terminated call (its end code decides what an unanswered attempt was). */
export function endTask(deps: ReminderFlowDeps, callId: string) {
  return async (): Promise<CallEnd> => {
    const call = await deps.calling.getCall(callId);
    return {
      ...(call?.end?.reason ? { reason: call.end.reason } : {}),
      ...(call?.end?.resultInfo ? { resultInfo: call.end.resultInfo } : {}),
    };
  };
}

/** Posts a finished reminder's notices; resolves with each one's delivery, to record on the reminder. */
export function noticesTask(deps: ReminderFlowDeps, r: Reminder, now: () => number) {
  return async (): Promise<ReminderNoticeRecord[]> => {
    const records: ReminderNoticeRecord[] = [];
    for (const { kind, target, card } of noticesFor(r, deps.notifyTarget)) {
      const at = now();
      if (!deps.notifier) {
        records.push({ kind, at, target, delivered: false, error: 'no notifier is configured' });
        continue;
      }
      try {
        await deps.notifier.postCard(target, card);
        records.push({ kind, at, target, delivered: true });
      } catch (err) {
        deps.logger.warn({ err, reminderId: r.id, kind }, 'a reminder notice could not be delivered');
        records.push({ kind, at, target, delivered: false, error: String(err) });
      }
    }
    return records;
  };
}
