// The reminder's rules as pure functions: how a call attempt went (from how the call ended) and what
// happens next (done, call again after a wait, or escalate).
import { outcomeOf } from '../../core/outcomes';
import type { ResultInfo } from '../../types';
import type { AttemptResult, Reminder, ReminderOutcome } from './types';

/**
 * How a call that was never answered ended, from its end code, as the one catalogue of outcomes reads
 * it (calling/core/outcomes.ts): declined and busy as such; a ring that ran out, or that we ended at our
 * ring limit, is no answer; anything else (unreachable, a tenant not set up) could not be called.
 */
export function unansweredResult(info: ResultInfo | undefined): AttemptResult {
  switch (outcomeOf(info)) {
    case 'busy':
      return 'busy';
    case 'declined':
      return 'declined';
    case 'noAnswer':
    case 'timedOut':
    case 'inactive':
    case 'completed':
    case 'hungUp':
    case 'endedByApp':
      return 'no-answer';
    default:
      return 'failed';
  }
}

/** How an answered call went. */
export function answeredResult(confirmAsked: boolean, confirmed: boolean): AttemptResult {
  if (!confirmAsked) return 'delivered';
  return confirmed ? 'confirmed' : 'answered-no-confirm';
}

/** Results that end the reminder without another call. */
const FINAL: ReadonlySet<AttemptResult> = new Set(['confirmed', 'answered-no-confirm', 'delivered']);

export type NextStep =
  | { readonly kind: 'done'; readonly outcome: ReminderOutcome }
  | { readonly kind: 'retry'; readonly at: number }
  | { readonly kind: 'escalate' };

/** What follows attempt `n` with `result`: done, another call at a time, or escalation. */
export function nextStep(
  r: Pick<Reminder, 'retries'>,
  n: number,
  result: AttemptResult,
  now: number,
): NextStep {
  if (FINAL.has(result)) return { kind: 'done', outcome: result as ReminderOutcome };
  const retriesUsed = n - 1;
  if (retriesUsed < r.retries.max) {
    const wait = r.retries.backoffMs[retriesUsed] ?? r.retries.backoffMs.at(-1) ?? 0;
    return { kind: 'retry', at: now + wait };
  }
  return { kind: 'escalate' };
}

const RESULT_WORDS: Readonly<Record<AttemptResult, string>> = {
  confirmed: 'answered and confirmed',
  'answered-no-confirm': 'answered but did not confirm',
  delivered: 'answered; the message was played',
  'no-answer': 'did not answer',
  busy: 'was busy',
  declined: 'declined the call',
  failed: 'could not be called',
};

/** An attempt's result in words ("did not answer"). */
export const describeResult = (result: AttemptResult): string => RESULT_WORDS[result];
