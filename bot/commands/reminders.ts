import { remindersCard } from '../cards/reminder-cards';
import type { Reminder } from '../ports';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** The requester's pending reminders, soonest first: the order "cancel reminder <n>" counts in. */
export async function pendingReminders(s: Scope): Promise<Reminder[]> {
  const all = await s.ports.reminders.list(s.requester);
  return all
    .filter((r) => r.status === 'scheduled')
    .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}

/** reminders: the pending reminders, numbered, each with a cancel button. */
export async function reminders(_cmd: CommandOf<'reminders'>, s: Scope): Promise<Outcome> {
  return { card: remindersCard(await pendingReminders(s)) };
}
