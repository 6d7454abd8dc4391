import type { Meeting } from '../ports';
import { formatMinutes } from '../parse/span';
import { attendanceSection } from './attendance-section';
import {
  card,
  cardTime,
  facts,
  formButton,
  heading,
  inputId,
  openUrl,
  runButton,
  showCard,
  text,
  textInput,
} from './elements';
import type { AdaptiveCard, CardAction, CardElement } from './types';

/** "Move…": the new time and length, read by the meetingMove form for this meeting. */
function moveForm(meeting: Meeting, minutes: number): CardAction {
  return showCard(
    'Move…',
    [
      textInput(
        inputId('meetingMove', 'when', meeting.id),
        'New time',
        'at 4pm, tomorrow 10:00, on friday at 9',
      ),
      textInput(inputId('meetingMove', 'duration', meeting.id), 'How long', `${minutes}m`, false),
    ],
    [formButton('Move meeting', 'meetingMove', { meetingId: meeting.id }, 'positive')],
  );
}

function actionsOf(meeting: Meeting, minutes: number): CardAction[] {
  // A cancelled meeting can no longer be joined or changed: its card keeps no buttons.
  if (meeting.status === 'cancelled') return [];
  const actions: CardAction[] = [
    openUrl('Join meeting', meeting.joinUrl),
    runButton('Have the bot join', { kind: 'join', joinUrl: meeting.joinUrl, subject: meeting.subject }),
  ];
  // Everyone: the organizer and the attendees, each once.
  const everyone = [...new Set([meeting.organizer?.id, ...meeting.attendees.map((p) => p.id)])].filter(
    (id): id is string => id !== undefined,
  );
  if (meeting.attendees.length > 0) {
    actions.push(
      runButton(
        'Call everyone in',
        { kind: 'callEveryone', joinUrl: meeting.joinUrl, subject: meeting.subject, attendeeIds: everyone },
        { style: 'positive' },
      ),
    );
  }
  actions.push(
    moveForm(meeting, minutes),
    runButton('Cancel meeting', { kind: 'meetingCancel', meetingId: meeting.id }, { style: 'destructive' }),
  );
  return actions;
}

/**
 * A meeting Switchboard created: when, who, the join link and buttons to bring the bot and the attendees
 * in, to move or cancel it; once cancelled, who cancelled it and no buttons; once over, who attended.
 */
export function meetingCard(meeting: Meeting): AdaptiveCard {
  const minutes = Math.round((meeting.end - meeting.start) / 60_000);
  const cancelled = meeting.status === 'cancelled';
  const body: CardElement[] = [
    heading(meeting.subject, cancelled ? 'attention' : 'default'),
    text(`${cardTime(meeting.start)} · ${formatMinutes(minutes)}`, cancelled ? { subtle: true } : {}),
  ];
  const change = meeting.lastChange;
  if (cancelled)
    body.push(text(`Cancelled by ${change?.by ?? 'the organizer'}`, { bold: true, color: 'attention' }));
  else if (change?.kind === 'moved')
    body.push(text(`Moved by ${change.by}`, { subtle: true, spacing: 'None' }));
  const rows: Array<[string, string]> = [];
  if (meeting.organizer) rows.push(['Organizer', meeting.organizer.displayName]);
  if (meeting.attendees.length > 0)
    rows.push(['With', meeting.attendees.map((p) => p.displayName).join(', ')]);
  if (meeting.joinMeetingId && !cancelled) rows.push(['Meeting ID', meeting.joinMeetingId]);
  if (meeting.passcode && !cancelled) rows.push(['Passcode', meeting.passcode]);
  if (rows.length > 0) body.push(facts(rows));
  if (meeting.attendance) body.push(attendanceSection(meeting.attendance));
  const fallback = cancelled
    ? `${meeting.subject}: cancelled by ${change?.by ?? 'the organizer'}`
    : `${meeting.subject}: ${meeting.joinUrl}`;
  return card(body, actionsOf(meeting, minutes), { fallbackText: fallback });
}
