import { errorCard } from '../cards/error-card';
import { noticeCard } from '../cards/notice-card';
import { remindersCard, targetName } from '../cards/reminder-cards';
import { runButton } from '../cards/elements';
import type { CommandOf } from './command';
import { pendingReminders } from './reminders';
import type { Outcome, Scope } from './scope';

/** cancel reminder <n> (or a card's Cancel button, which names the reminder by id). */
export async function cancelReminder(cmd: CommandOf<'cancelReminder'>, s: Scope): Promise<Outcome> {
  const pending = await pendingReminders(s);
  const target = cmd.id !== undefined ? pending.find((r) => r.id === cmd.id) : pending[(cmd.index ?? 0) - 1];
  if (!target || !(await s.ports.reminders.cancel(target.id, s.requester))) {
    const which = cmd.index !== undefined ? `number ${cmd.index}` : 'that one';
    return {
      card: errorCard({
        title: 'No such reminder',
        message: `You have no pending reminder ${which}; it may have been cancelled or already made.`,
        hint: 'Send "reminders" to see the current list and its numbers.',
        command: 'cancel reminder',
        code: 'reminder_not_found',
      }),
      inPlace: s.via === 'card',
    };
  }
  if (s.via === 'card')
    return { card: remindersCard(pending.filter((r) => r.id !== target.id)), inPlace: true };
  return {
    card: noticeCard(
      'Reminder cancelled',
      `I will not call ${targetName(target.target)} about "${target.message}".`,
      [runButton('My reminders', { kind: 'reminders' })],
    ),
  };
}
