// The end of a click-to-call: its result recorded once, its check job dropped, the requester told.
import type { CallView } from '../../core';
import { describeTarget, unansweredResult } from '../reminders';
import { connectJobKey, getRecord, updateRecord, type ConnectContext } from './context';
import type { ConnectRecord, ConnectResult } from './types';

const RESULT_WORDS: Readonly<Record<ConnectResult, string>> = {
  connected: 'connected',
  'no-answer': 'did not answer',
  busy: 'was busy',
  declined: 'declined the call',
  'transfer-failed': 'answered, but could not be connected',
  failed: 'could not be connected',
};

/** Records the result once (a second call finds it done and does nothing), then tells the requester. */
export async function finishConnect(
  ctx: ConnectContext,
  id: string,
  result: ConnectResult,
  reason: string,
): Promise<ConnectRecord | undefined> {
  const now = ctx.now();
  const done = await updateRecord(ctx, id, (r) =>
    r.status === 'done' ? undefined : { ...r, status: 'done', result, reason, finishedAt: now },
  );
  if (!done.changed || !done.value) return undefined;
  const r = done.value;
  await ctx.store.jobs.cancel({ key: connectJobKey(id) });
  ctx.logger.child({ connectId: id, callId: r.callId }).info({ result, reason }, 'click-to-call finished');
  const [a, b] = [describeTarget(r.a), describeTarget(r.b)];
  const target = r.requestedBy.conversationId ?? ctx.notifyTarget ?? '';
  let notice: ConnectRecord['notice'];
  if (!ctx.notifier) {
    notice = { target, delivered: false, error: 'no notifier is configured' };
  } else {
    try {
      await ctx.notifier.postCard(target, {
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
      });
      notice = { target, delivered: true };
    } catch (err) {
      ctx.logger.warn({ err, connectId: id }, 'the click-to-call result could not be delivered');
      notice = { target, delivered: false, error: String(err) };
    }
  }
  return (await updateRecord(ctx, id, (cur) => ({ ...cur, notice }))).value;
}

/** The result of a call to A that ended, from how it ended and whether A had answered. */
export async function finishFromCall(ctx: ConnectContext, id: string, call: CallView): Promise<void> {
  const r = await getRecord(ctx, id);
  if (!r || r.status === 'done') return;
  const info = call.end?.resultInfo;
  const reason = call.end?.reason ?? 'the call ended';
  if (call.end?.reason === 'the transfer completed' || info?.subcode === 7015) {
    await finishConnect(ctx, id, 'connected', reason);
    return;
  }
  const entries = await ctx.calling.timeline(call.id);
  const answered = entries.some((e) => e.kind === 'state' && /→ established$/.test(e.summary));
  if (answered)
    await finishConnect(ctx, id, 'failed', `${describeTarget(r.a)} hung up before being connected`);
  else {
    const u = unansweredResult(info);
    await finishConnect(
      ctx,
      id,
      u === 'busy' || u === 'declined' || u === 'no-answer' ? u : 'failed',
      reason,
    );
  }
}
