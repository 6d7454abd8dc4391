import type { Meeting } from '../ports';
import { formatMinutes } from '../parse/span';
import { card, cardTime, facts, heading, openUrl, runButton, text } from './elements';
import type { AdaptiveCard, CardAction, CardElement } from './types';

/** A created meeting: when, who, the join link, and buttons to bring the bot and the attendees in. */
export function meetingCard(meeting: Meeting): AdaptiveCard {
  const minutes = Math.round((meeting.end - meeting.start) / 60_000);
  const body: CardElement[] = [
    heading(meeting.subject),
    text(`${cardTime(meeting.start)} · ${formatMinutes(minutes)}`),
  ];
  const rows: Array<[string, string]> = [];
  if (meeting.organizer) rows.push(['Organizer', meeting.organizer.displayName]);
  if (meeting.attendees.length > 0)
    rows.push(['With', meeting.attendees.map((p) => p.displayName).join(', ')]);
  if (meeting.joinMeetingId) rows.push(['Meeting ID', meeting.joinMeetingId]);
  if (meeting.passcode) rows.push(['Passcode', meeting.passcode]);
  if (rows.length > 0) body.push(facts(rows));
  const actions: CardAction[] = [
    openUrl('Join meeting', meeting.joinUrl),
    runButton('Have the bot join', { kind: 'join', joinUrl: meeting.joinUrl }),
  ];
  if (meeting.attendees.length > 0) {
    actions.push(
      runButton(
        'Call everyone in',
        { kind: 'callEveryone', joinUrl: meeting.joinUrl, attendeeIds: meeting.attendees.map((p) => p.id) },
        { style: 'positive' },
      ),
    );
  }
  return card(body, actions, { fallbackText: `${meeting.subject}: ${meeting.joinUrl}` });
}
