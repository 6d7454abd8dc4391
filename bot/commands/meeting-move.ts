import { errorCard } from '../cards/error-card';
import { meetingCard } from '../cards/meeting-card';
import { meetingMovedCard } from '../cards/meeting-notices';
import { instantOf, wallClockAt } from '../../time';
import type { CommandOf } from './command';
import { meetingTarget, refusal } from './meeting-target';
import type { Outcome, Scope } from './scope';

/** The time of day of `at` on the (local) day of `day`: "move to 4pm" keeps the meeting's day. */
function onDayOf(day: number, at: number, timeZone: string): number {
  const d = wallClockAt(day, timeZone);
  const t = wallClockAt(at, timeZone);
  return instantOf({ year: d.year, month: d.month, day: d.day }, t.hour, t.minute, timeZone);
}

/**
 * meeting move [subject] to <when> [for <duration>], or the meeting card's "Move…": the organizer moves a
 * meeting Switchboard made (its length stays unless a new one is given). Its card shows the new time.
 */
export async function meetingMove(cmd: CommandOf<'meetingMove'>, s: Scope): Promise<Outcome> {
  const t = await meetingTarget(cmd, s, 'move');
  if (!t.ok) return t.outcome;
  const m = t.meeting;
  const refused = refusal(m, s, 'move');
  if (refused) return refused;
  const length = cmd.durationMin !== undefined ? cmd.durationMin * 60_000 : m.end - m.start;
  const start =
    cmd.start === undefined
      ? m.start
      : cmd.keepDay
        ? onDayOf(m.start, cmd.start, s.clock.timeZone)
        : cmd.start;
  if (start < s.clock.now) {
    return {
      card: errorCard({
        title: 'That time has passed',
        message: `"${m.subject}" cannot start in the past.`,
        hint: 'Give a time still to come, with its day: "meeting move to tomorrow 10:00".',
        command: 'meeting',
        code: 'time_passed',
      }),
    };
  }
  const moved = await s.ports.meetings.move(m.id, { start, end: start + length }, s.requester);
  return s.via === 'card' && cmd.meetingId && !cmd.subject
    ? { card: meetingCard(moved), inPlace: true, meeting: moved }
    : { card: meetingMovedCard(moved, m) };
}
