import { errorCard } from '../cards/error-card';
import { meetingCard } from '../cards/meeting-card';
import { resolvePeople } from '../people/resolve';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** meet <subject> [at] [for] [with]: creates an online meeting on the requester's behalf and posts its card. */
export async function meet(cmd: CommandOf<'meet'>, s: Scope): Promise<Outcome> {
  const organizer = s.requester.aadObjectId
    ? await s.ports.people.getById(s.requester.aadObjectId)
    : undefined;
  if (!organizer) {
    return {
      card: errorCard({
        title: 'I cannot create the meeting for you',
        message:
          "Meetings are created on your behalf, and your account is not in this organization's directory.",
        hint: 'Ask a colleague from the organization to create it.',
        code: 'requester_unknown',
      }),
    };
  }
  const r = await resolvePeople(cmd.attendees, s, 'meet', (attendees) => ({ ...cmd, attendees }));
  if (!r.ok) return r.outcome;
  const attendees = r.people.filter((p) => p.id !== organizer.id);
  const start = cmd.start ?? s.clock.now;
  const subject =
    cmd.subject ||
    (attendees.length > 0
      ? `Meeting with ${attendees.map((p) => p.displayName.split(' ')[0]).join(', ')}`
      : 'Switchboard meeting');
  const meeting = await s.ports.meetings.create({
    organizer,
    subject,
    start,
    end: start + cmd.durationMin * 60_000,
    attendees,
    conversationId: s.conversationId,
  });
  return { card: meetingCard(meeting), meeting };
}
