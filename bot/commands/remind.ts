import { errorCard } from '../cards/error-card';
import { reminderSetCard } from '../cards/reminder-cards';
import { resolveParties } from '../people/resolve';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** remind <person> <when> <message>: schedules a reminder call; its outcome is posted back here. */
export async function remind(cmd: CommandOf<'remind'>, s: Scope): Promise<Outcome> {
  if (cmd.dueAt <= s.clock.now) {
    return {
      card: errorCard({
        title: 'That time has passed',
        message: 'The reminder time is already in the past.',
        hint: 'Give a time in the future, like "in 20 minutes" or "tomorrow 9:00".',
        command: 'remind',
        code: 'time_passed',
      }),
    };
  }
  const r = await resolveParties([cmd.target], s, 'remind', ([target]) => ({ ...cmd, target: target! }));
  if (!r.ok) return r.outcome;
  const reminder = await s.ports.reminders.schedule({
    target: r.targets[0]!,
    dueAt: cmd.dueAt,
    message: cmd.message,
    requestedBy: s.requester,
    replyTo: s.conversationId,
    timeZone: s.clock.timeZone,
  });
  return { card: reminderSetCard(reminder, { timeZone: s.clock.timeZone }) };
}
