// What the requester (and the escalation target) are told when a reminder finishes.
import type { NotificationCard } from '../notify';
import { describeResult } from './policy';
import { describeTarget } from './target';
import type { Reminder, ReminderNoticeRecord } from './types';
import { showInZone } from '../../time';

type Notice = { kind: ReminderNoticeRecord['kind']; target: string; card: NotificationCard };

function facts(r: Reminder): NotificationCard['facts'] {
  const calls = r.attempts.map((a) => `#${a.n}: ${a.result ? describeResult(a.result) : a.state}`);
  return [
    { title: 'Who', value: describeTarget(r.who) },
    { title: 'When', value: showInZone(r.dueAt, r.timeZone) },
    { title: 'Message', value: r.message },
    { title: 'Calls', value: calls.join('; ') || 'none' },
    ...(r.requestedBy.name ? [{ title: 'Asked by', value: r.requestedBy.name }] : []),
  ];
}

/**
 * The notices a finished reminder sends: its outcome where it was set; when it could not be delivered,
 * an escalation to `escalateTo` (or where it was set). `fallback` is the chat used when neither is known
 * ('' leaves the choice to the notifier: its default chat).
 */
export function noticesFor(r: Reminder, fallback = ''): Notice[] {
  const who = describeTarget(r.who);
  const last = r.attempts.at(-1);
  const home = r.requestedBy.conversationId ?? fallback;
  const base = { facts: facts(r), callId: last?.callId ?? '' };
  if (r.outcome === 'escalated') {
    const tries = `${r.attempts.length} call${r.attempts.length === 1 ? '' : 's'}`;
    const card: NotificationCard = {
      ...base,
      title: `Reminder for ${who} not delivered`,
      text: `${who} ${last?.result ? describeResult(last.result) : 'could not be reached'} after ${tries}. Please reach them another way.`,
    };
    const target = r.escalateTo ?? home;
    const out: Notice[] = [{ kind: 'escalation', target, card }];
    // With an escalation target of its own, the chat where the reminder was set still hears how it ended.
    if (target !== home) out.push({ kind: 'reminder-outcome', target: home, card });
    return out;
  }
  if (r.outcome === 'cancelled' || !r.outcome) return [];
  const said =
    r.outcome === 'confirmed' ? 'confirmed the reminder' : describeResult(last?.result ?? r.outcome);
  return [
    {
      kind: 'reminder-outcome',
      target: home,
      card: { ...base, title: `Reminder for ${who}: ${r.outcome}`, text: `${who} ${said}.` },
    },
  ];
}
