import { errorCard } from '../cards/error-card';
import { pickMeetingCard } from '../cards/meeting-notices';
import type { Meeting } from '../ports';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

type ChangeCommand = CommandOf<'meetingMove'> | CommandOf<'meetingCancel'>;
export type MeetingTarget = { ok: true; meeting: Meeting } | { ok: false; outcome: Outcome };

const fails = (title: string, message: string, hint: string, code: string): MeetingTarget => ({
  ok: false,
  outcome: { card: errorCard({ title, message, hint, code, command: 'meeting' }) },
});

/** Still worth moving or cancelling: not cancelled, not over. */
const open = (m: Meeting, now: number) => m.status === 'scheduled' && m.end > now;

/**
 * Which meeting a change means, so that it is never a guess: the one a card's button names; else the
 * requester's own meeting whose subject matches (a pick card when several do); else the newest one still
 * to come whose card is in this chat.
 */
export async function meetingTarget(
  cmd: ChangeCommand,
  s: Scope,
  verb: 'move' | 'cancel',
): Promise<MeetingTarget> {
  const meetings = s.ports.meetings;
  if (cmd.meetingId) {
    const m = await meetings.get(cmd.meetingId);
    return m
      ? { ok: true, meeting: m }
      : fails(
          'I do not know that meeting',
          'Switchboard has no record of that meeting any more.',
          "Change it in Teams' calendar.",
          'meeting_not_found',
        );
  }
  if (cmd.subject) {
    const me = s.requester.aadObjectId;
    const q = cmd.subject.toLowerCase();
    const mine = me ? await meetings.organizedBy(me) : [];
    const hits = mine.filter((m) => open(m, s.clock.now) && m.subject.toLowerCase().includes(q));
    const exact = hits.filter((m) => m.subject.toLowerCase() === q);
    const [only] = exact.length === 1 ? exact : hits;
    if (only && (hits.length === 1 || exact.length === 1)) return { ok: true, meeting: only };
    if (hits.length > 1)
      return {
        ok: false,
        outcome: {
          card: pickMeetingCard(cmd.subject, hits.slice(0, 8), (m) => ({ ...cmd, meetingId: m.id })),
        },
      };
    return fails(
      'Which meeting?',
      `You have no upcoming meeting called "${cmd.subject}" that I created.`,
      `Check the subject, send "meeting ${verb}" in the chat where its card is, or use the buttons on its card.`,
      'meeting_not_found',
    );
  }
  const here = (await meetings.inConversation(s.conversationId)).find((m) => open(m, s.clock.now));
  if (here) return { ok: true, meeting: here };
  return fails(
    'Which meeting?',
    'There is no upcoming meeting in this chat that I created.',
    `Name it ("meeting ${verb} Budget review"), or use the buttons on the meeting's card.`,
    'meeting_not_found',
  );
}

/** The error card when the requester may not change the meeting (only its organizer may), or it is cancelled. */
export function refusal(m: Meeting, s: Scope, verb: 'move' | 'cancel'): Outcome | undefined {
  const organizer = m.organizer;
  if (organizer && organizer.id.toLowerCase() !== s.requester.aadObjectId?.toLowerCase()) {
    return {
      card: errorCard({
        title: 'Only the organizer can do that',
        message: `Only ${organizer.displayName}, who organized "${m.subject}", can ${verb} it.`,
        hint: 'Ask them, or create a meeting of your own with "meet".',
        code: 'not_organizer',
      }),
    };
  }
  if (m.status === 'cancelled') {
    return {
      card: errorCard({
        title: 'That meeting is cancelled',
        message: `"${m.subject}" was cancelled${m.lastChange ? ` by ${m.lastChange.by}` : ''}.`,
        hint: 'Create a new one with "meet".',
        code: 'meeting_cancelled',
      }),
    };
  }
  return undefined;
}
