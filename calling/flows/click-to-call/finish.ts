// The end of a click-to-call: its result from how the call to A ended, and the card that tells the
// requester.
import type { CallView } from '../../core';
import type { NotificationCard } from '../notify';
import { describeTarget, unansweredResult } from '../reminders';
import type { ConnectContext } from './context';
import type { ConnectRecord, ConnectResult } from './types';

const RESULT_WORDS: Readonly<Record<ConnectResult, string>> = {
  connected: 'connected',
  'no-answer': 'did not answer',
  busy: 'was busy',
  declined: 'declined the call',
  'transfer-failed': 'answered, but could not be connected',
  failed: 'could not be connected',
};

/** The result of a call to A that ended before the transfer finished, and why in words. */
export function resultOfEnd(r: ConnectRecord, call: CallView | undefined): [ConnectResult, string] {
  const info = call?.end?.resultInfo;
  const reason = call?.end?.reason ?? 'the call ended';
  if (call?.end?.reason === 'the transfer completed' || info?.subcode === 7015) return ['connected', reason];
  if (r.answeredAt !== undefined) return ['failed', `${describeTarget(r.a)} hung up before being connected`];
  const u = unansweredResult(info);
  return [u === 'busy' || u === 'declined' || u === 'no-answer' ? u : 'failed', reason];
}

/** The card that tells the requester how it went. */
export function resultCard(r: ConnectRecord, result: ConnectResult, reason: string): NotificationCard {
  const [a, b] = [describeTarget(r.a), describeTarget(r.b)];
  return {
    title: result === 'connected' ? `${a} is connected to ${b}` : `${a} ${RESULT_WORDS[result]}`,
    text:
      result === 'connected'
        ? `${a} answered and was put through to ${b}.`
        : `Connecting ${a} to ${b}: ${reason}.`,
    callId: r.callId ?? '',
    facts: [
      { title: 'From', value: a },
      { title: 'To', value: b },
      { title: 'Result', value: result },
      ...(r.requestedBy.name ? [{ title: 'Asked by', value: r.requestedBy.name }] : []),
    ],
  };
}

/** Posts the result to the requester's chat; answers what to record as the notice. */
export async function tell(
  ctx: ConnectContext,
  r: ConnectRecord,
): Promise<NonNullable<ConnectRecord['notice']>> {
  const target = r.requestedBy.conversationId ?? ctx.notifyTarget ?? '';
  if (!ctx.notifier) return { target, delivered: false, error: 'no notifier is configured' };
  if (!r.result) return { target, delivered: false, error: 'no result yet' };
  try {
    await ctx.notifier.postCard(target, resultCard(r, r.result, r.reason ?? ''));
    return { target, delivered: true };
  } catch (err) {
    ctx.logger.warn({ err, connectId: r.id }, 'the click-to-call result could not be delivered');
    return { target, delivered: false, error: String(err) };
  }
}
