import type { Command } from '../commands/command';
import { formatMinutes } from '../parse/span';
import type { Meeting } from '../ports';
import { card, cardTime, heading, row, runButton, sayButton, text } from './elements';
import type { AdaptiveCard, CardElement } from './types';

const when = (m: Pick<Meeting, 'start' | 'end'>) =>
  `${cardTime(m.start)} · ${formatMinutes(Math.round((m.end - m.start) / 60_000))}`;

/** What a move changed, posted where it was asked for (the meeting's own card is edited too). */
export function meetingMovedCard(meeting: Meeting, was: Pick<Meeting, 'start' | 'end'>): AdaptiveCard {
  return card(
    [
      heading('Meeting moved', 'good'),
      text(`"${meeting.subject}" is now ${when(meeting)}.`),
      text(`It was ${when(was)}. The join link stays the same.`, { subtle: true }),
    ],
    [],
    { fallbackText: `Moved "${meeting.subject}"` },
  );
}

/** A cancellation, posted where it was asked for (the meeting's own card loses its buttons). */
export function meetingCancelledCard(meeting: Meeting): AdaptiveCard {
  return card(
    [
      heading('Meeting cancelled'),
      text(`"${meeting.subject}" (${cardTime(meeting.start)}) is cancelled: its join link no longer works.`),
    ],
    [],
    { fallbackText: `Cancelled "${meeting.subject}"` },
  );
}

/** "Which meeting?": one button per candidate, each re-running the command for that meeting. */
export function pickMeetingCard(
  query: string,
  meetings: readonly Meeting[],
  commandFor: (meeting: Meeting) => Command,
): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Which "${query}" did you mean?`),
    text('Several of your meetings match; pick one.', { subtle: true }),
  ];
  for (const m of meetings) {
    body.push(
      row(
        [text(m.subject, { bold: true }), text(when(m), { subtle: true, spacing: 'None' })],
        [runButton('Pick', commandFor(m), { replace: true })],
      ),
    );
  }
  return card(body, [sayButton('Never mind', 'help')], {
    fallbackText: `Which "${query}"? ${meetings.map((m) => m.subject).join(', ')}`,
  });
}
