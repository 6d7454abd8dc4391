import type { MeetingAttendanceInfo } from '../ports';
import { cardClock, cardTime, container, facts, text } from './elements';
import type { CardElement } from './types';

// Teams refuses cards over about 28 KB: a large meeting lists its longest stays only.
const MAX_ROWS = 25;

/** How long someone stayed, as people say it: "45 s", "12 min", "1 h 05 min". */
export function formatStay(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Who attended and for how long (names only), or why that could not be read. */
export function attendanceSection(a: MeetingAttendanceInfo): CardElement {
  if (a.problem) {
    return container([text('**Attendance**'), text(a.problem, { subtle: true, color: 'warning' })], {
      separator: true,
    });
  }
  const when =
    a.startedAt !== undefined && a.endedAt !== undefined
      ? ` · ${cardTime(a.startedAt)} – ${cardClock(a.endedAt)}`
      : '';
  const count = a.people.length === 1 ? '1 attendee' : `${a.people.length} attendees`;
  const items: CardElement[] = [
    text(`**Attended**`),
    text(`${count}${when}`, { subtle: true, spacing: 'None' }),
  ];
  const shown = a.people.slice(0, MAX_ROWS);
  if (shown.length > 0) items.push(facts(shown.map((p) => [p.name, formatStay(p.seconds)] as const)));
  const more = a.people.length - shown.length;
  if (more > 0)
    items.push(
      text(`…and ${more} more (the organizer sees everyone in Teams' attendance report).`, { subtle: true }),
    );
  return container(items, { separator: true });
}
