import { showInZone } from '../../time';
import type { CallTarget, Reminder } from '../ports';
import { card, cardTime, heading, row, runButton, sayButton, text } from './elements';
import type { AdaptiveCard, CardElement } from './types';

/** "Adele Vance" or "+14255550100". */
export function targetName(target: CallTarget): string {
  return target.kind === 'person' ? target.person.displayName : target.number;
}

/**
 * Confirmation after "remind": when, whom, what, and a way to take it back. The card shows the time in
 * each viewer's local time; its plain text (notifications, clients without card functions) states it
 * in the user's time zone (Teams' localTimezone).
 */
export function reminderSetCard(reminder: Reminder, opts: { timeZone: string }): AdaptiveCard {
  return card(
    [
      heading('Reminder set', 'good'),
      text(`I will call **${targetName(reminder.target)}** on ${cardTime(reminder.dueAt)} and say:`),
      text(`"${reminder.message}"`, { subtle: true }),
    ],
    [
      runButton('Cancel it', { kind: 'cancelReminder', id: reminder.id }, { style: 'destructive' }),
      runButton('My reminders', { kind: 'reminders' }),
    ],
    { fallbackText: `Reminder set for ${showInZone(reminder.dueAt, opts.timeZone)}` },
  );
}

/** The pending reminders, numbered as "cancel reminder <n>" counts them. */
export function remindersCard(reminders: readonly Reminder[]): AdaptiveCard {
  if (reminders.length === 0) {
    return card(
      [heading('Reminders'), text('You have no pending reminders.', { subtle: true })],
      [sayButton('How to set one', 'help')],
      { fallbackText: 'You have no pending reminders.' },
    );
  }
  const body: CardElement[] = [heading(`Reminders (${reminders.length})`)];
  reminders.forEach((r, i) => {
    body.push(
      row(
        [
          text(`**${i + 1}.** ${cardTime(r.dueAt)} · ${targetName(r.target)}`),
          text(r.message, { subtle: true, spacing: 'None' }),
        ],
        [runButton('Cancel', { kind: 'cancelReminder', id: r.id }, { style: 'destructive' })],
      ),
    );
  });
  return card(body, [], { fallbackText: reminders.map((r, i) => `${i + 1}. ${r.message}`).join('\n') });
}
