import { meetingCard } from '../cards/meeting-card';
import { meetingCancelledCard } from '../cards/meeting-notices';
import type { CommandOf } from './command';
import { meetingTarget, refusal } from './meeting-target';
import type { Outcome, Scope } from './scope';

/**
 * meeting cancel [subject], or the meeting card's "Cancel meeting": the organizer cancels a meeting
 * Switchboard made. Pressed on the meeting's card, the card itself now says who cancelled it; typed,
 * a confirmation is posted (and the meeting's card is edited all the same).
 */
export async function meetingCancel(cmd: CommandOf<'meetingCancel'>, s: Scope): Promise<Outcome> {
  const t = await meetingTarget(cmd, s, 'cancel');
  if (!t.ok) return t.outcome;
  const refused = refusal(t.meeting, s, 'cancel');
  if (refused) return refused;
  const cancelled = await s.ports.meetings.cancel(t.meeting.id, s.requester);
  return s.via === 'card' && cmd.meetingId && !cmd.subject
    ? { card: meetingCard(cancelled), inPlace: true, meeting: cancelled }
    : { card: meetingCancelledCard(cancelled) };
}
