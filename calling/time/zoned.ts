// Wall-clock time in IANA time zones, on Luxon: the one place the bot's parser, reminders and the
// front desk's hours turn "09:00 in Europe/Paris" into an instant and back. Around a DST change a local
// time may not exist or exist twice; the rule here is the usual one (RFC 5545, Temporal's "compatible"):
// a skipped time moves forward by the gap, a repeated time takes its first (earlier) occurrence.
import { DateTime, IANAZone } from 'luxon';

export interface CalendarDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
}

export interface WallClock extends CalendarDate {
  readonly hour: number;
  readonly minute: number;
  /** 0 = Sunday */
  readonly weekday: number;
}

/** True when the zone name is a known IANA zone. */
export function isTimeZone(name: string | undefined): name is string {
  return typeof name === 'string' && name !== '' && IANAZone.isValidZone(name);
}

/** The wall clock in `timeZone` at the instant `ms`. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const t = DateTime.fromMillis(ms, { zone: timeZone });
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, weekday: t.weekday % 7 };
}

/** The instant at which the zone's clock shows this date and time (a skipped time moves forward). */
export function instantOf(date: CalendarDate, hour: number, minute: number, timeZone: string): number {
  return firstOccurrence(DateTime.fromObject({ ...date, hour, minute }, { zone: timeZone }));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ABSOLUTE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant of an ISO 8601 time: with Z or an offset it is taken as is; a local date-time
 * (`YYYY-MM-DD[T ]HH:MM[:SS[.sss]]`) is read in `timeZone`. Undefined for text that is not such a time.
 */
export function instantOfIso(iso: string, timeZone: string): number | undefined {
  const text = iso.trim();
  if (!ABSOLUTE.test(text) && !LOCAL.test(text)) return undefined;
  const t = DateTime.fromISO(text.replace(' ', 'T'), { zone: timeZone });
  if (!t.isValid) return undefined;
  return ABSOLUTE.test(text) ? t.toMillis() : firstOccurrence(t);
}

/** The instant shown as local time in the zone, e.g. "2025-04-01 09:00 (Europe/Paris)". */
export function showInZone(instant: number, timeZone: string): string {
  return `${DateTime.fromMillis(instant, { zone: timeZone }).toFormat('yyyy-LL-dd HH:mm')} (${timeZone})`;
}

const SHOWN = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) \(([^()\s]+)\)$/;

/**
 * The instant a text written by showInZone stands for, so that a surface can show it in its own
 * viewer's time; undefined for any other text. A time the zone's clock shows twice (the hour a DST
 * change repeats) reads as its first occurrence, as instantOfIso does.
 */
export function instantShownInZone(text: string): number | undefined {
  const m = SHOWN.exec(text.trim());
  if (!m || !isTimeZone(m[3])) return undefined;
  return instantOfIso(`${m[1]}T${m[2]}`, m[3]);
}

/** The calendar date `days` after the given one. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = DateTime.fromObject(date, { zone: 'UTC' }).plus({ days });
  return { year: d.year, month: d.month, day: d.day };
}

// Luxon reads a repeated local time at its later offset; the earliest of the possible instants is kept.
function firstOccurrence(t: DateTime): number {
  return Math.min(t.toMillis(), ...t.getPossibleOffsets().map((o) => o.toMillis()));
}
