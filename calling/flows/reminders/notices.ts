// What the requester (and the escalation target) are told when a reminder finishes.
import type { NotifyMessage, NotifyTarget } from '../notify';
import type { ReminderContext } from './context';
import { describeResult } from './policy';
import { describeTarget } from './target';
import type { Reminder, ReminderNoticeRecord } from './types';
import { showInZone } from './zoned-time';

/** The requester as a notify target. */
export function requesterTarget(r: Reminder): NotifyTarget {
  return {
    userId: r.requestedBy.id,
    ...(r.requestedBy.name ? { name: r.requestedBy.name } : {}),
    ...(r.requestedBy.conversationId ? { conversationId: r.requestedBy.conversationId } : {}),
  };
}

function facts(r: Reminder) {
  const tries = r.attempts.map((a) => `#${a.n}: ${a.result ? describeResult(a.result) : a.state}`);
  return [
    { title: 'Who', value: describeTarget(r.who) },
    { title: 'When', value: showInZone(r.dueAt, r.timeZone) },
    { title: 'Message', value: r.message },
    { title: 'Calls', value: tries.join('; ') || 'none' },
  ];
}

/** The notices a finished reminder sends: its outcome to the requester, an escalation when it failed. */
export function noticesFor(r: Reminder, at: number): Array<{ target: NotifyTarget; message: NotifyMessage }> {
  const who = describeTarget(r.who);
  const last = r.attempts.at(-1);
  const data = { reminder: r as unknown as Record<string, unknown> };
  const base = { at, facts: facts(r), data, ...(last?.callId ? { callId: last.callId } : {}) };
  if (r.outcome === 'escalated') {
    const escalation: NotifyMessage = {
      ...base,
      kind: 'escalation',
      title: `Reminder for ${who} not delivered`,
      text:
        `${who} ${last?.result ? describeResult(last.result) : 'could not be reached'} after ` +
        `${r.attempts.length} call${r.attempts.length === 1 ? '' : 's'}. Please reach them another way.`,
    };
    const out = [{ target: r.escalateTo ?? requesterTarget(r), message: escalation }];
    // With an escalation target of its own, the requester still hears how their reminder ended.
    if (r.escalateTo)
      out.push({ target: requesterTarget(r), message: { ...escalation, kind: 'reminder-outcome' } });
    return out;
  }
  if (r.outcome === 'cancelled' || !r.outcome) return [];
  const said = r.outcome === 'confirmed' ? 'confirmed it' : describeResult(last?.result ?? r.outcome);
  return [
    {
      target: requesterTarget(r),
      message: {
        ...base,
        kind: 'reminder-outcome',
        title: `Reminder for ${who}: ${r.outcome}`,
        text: `${who} ${said}.`,
      },
    },
  ];
}

/** Sends a finished reminder's notices and records each one's delivery on the reminder. */
export async function sendNotices(ctx: ReminderContext, r: Reminder): Promise<void> {
  const records: ReminderNoticeRecord[] = [];
  for (const { target, message } of noticesFor(r, ctx.book.now())) {
    const kind = message.kind === 'escalation' ? 'escalation' : 'reminder-outcome';
    if (!ctx.notifier) {
      records.push({ kind, at: message.at, target, delivered: false, error: 'no notifier is configured' });
      continue;
    }
    try {
      await ctx.notifier.notify(target, message);
      records.push({ kind, at: message.at, target, delivered: true });
    } catch (err) {
      ctx.logger.warn({ err, reminderId: r.id, kind }, 'a reminder notice could not be delivered');
      records.push({ kind, at: message.at, target, delivered: false, error: String(err) });
    }
  }
  if (records.length > 0)
    await ctx.book.update(r.id, (cur) => ({ ...cur, notices: [...cur.notices, ...records] }));
}
