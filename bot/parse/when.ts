import { parseSpan } from './span';
import { addDays, instantOf, wallClockAt } from '../../time';

/** The moment and the place the user is in. */
export interface Clock {
  readonly now: number;
  readonly timeZone: string;
}

export type WhenResult = { at: number; next: number } | { error: string };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const SHORT_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
export const WHEN_EXAMPLES = '"at 3pm", "tomorrow 9:00", "in 20 minutes" or "on friday at 10:30"';

type Day =
  | { kind: 'offset'; days: number; evening?: boolean; explicit: boolean }
  | { kind: 'weekday'; weekday: number }
  | { kind: 'date'; year: number; month: number; day: number };
interface ClockTime {
  hour: number;
  minute: number;
  meridiem?: 'am' | 'pm';
}

function weekdayOf(w: string | undefined): number | undefined {
  if (!w) return undefined;
  const long = WEEKDAYS.indexOf(w);
  if (long >= 0) return long;
  const short = SHORT_WEEKDAYS.indexOf(w);
  return short >= 0 ? short : undefined;
}

function parseDay(words: readonly string[], i: number): { day: Day; next: number } | undefined {
  const w = words[i];
  if (w === 'today') return { day: { kind: 'offset', days: 0, explicit: true }, next: i + 1 };
  if (w === 'tonight')
    return { day: { kind: 'offset', days: 0, evening: true, explicit: true }, next: i + 1 };
  if (w === 'tomorrow') return { day: { kind: 'offset', days: 1, explicit: true }, next: i + 1 };
  const onWeekday = w === 'on' ? weekdayOf(words[i + 1]) : weekdayOf(w);
  if (onWeekday !== undefined)
    return { day: { kind: 'weekday', weekday: onWeekday }, next: i + (w === 'on' ? 2 : 1) };
  const dateWord = w === 'on' ? words[i + 1] : w;
  const d = dateWord ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateWord) : null;
  if (d) {
    return {
      day: { kind: 'date', year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) },
      next: i + (w === 'on' ? 2 : 1),
    };
  }
  return undefined;
}

function parseClock(words: readonly string[], i: number): { clock: ClockTime; next: number } | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (w === 'noon' || w === 'midday') return { clock: { hour: 12, minute: 0, meridiem: 'pm' }, next: i + 1 };
  if (w === 'midnight') return { clock: { hour: 0, minute: 0 }, next: i + 1 };
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?(am|pm|a\.m\.|p\.m\.|a|p)?$/.exec(w);
  if (!m) return undefined;
  let next = i + 1;
  let mer = m[3]?.[0] as 'a' | 'p' | undefined;
  const follow = words[i + 1];
  if (!mer && follow && /^(am|pm|a\.m\.?|p\.m\.?)$/.test(follow)) {
    mer = follow[0] as 'a' | 'p';
    next += 1;
  }
  // A bare "3" is only a time when something marks it as one ("at", a day, a meridiem or minutes).
  return {
    clock: {
      hour: Number(m[1]),
      minute: Number(m[2] ?? 0),
      ...(mer ? { meridiem: mer === 'a' ? ('am' as const) : ('pm' as const) } : {}),
    },
    next,
  };
}

function to24h(c: ClockTime): { hour: number; minute: number } | undefined {
  if (c.minute > 59) return undefined;
  if (c.meridiem) {
    if (c.hour < 1 || c.hour > 12) return undefined;
    return { hour: (c.hour % 12) + (c.meridiem === 'pm' ? 12 : 0), minute: c.minute };
  }
  if (c.hour > 23) return undefined;
  // "at 3" in a work chat means the afternoon.
  return { hour: c.hour >= 1 && c.hour < 7 ? c.hour + 12 : c.hour, minute: c.minute };
}

/**
 * Reads a time expression at words[i] (lower-case words). Undefined when there is none there; an error
 * when it starts like one but does not make sense.
 */
export function parseWhen(words: readonly string[], i: number, clock: Clock): WhenResult | undefined {
  const w = words[i];
  if (w === 'now') return { at: clock.now, next: i + 1 };
  if (w === 'in') {
    const span = parseSpan(words, i + 1);
    if (!span) return undefined;
    if (span.minutes < 1) return { error: 'That is no time at all; give a time in the future.' };
    return { at: clock.now + span.minutes * 60_000, next: span.next };
  }
  let day: Day | undefined;
  let time: ClockTime | undefined;
  let j = i;
  for (let round = 0; round < 3; round++) {
    if (words[j] === 'at' && !time) {
      const c = parseClock(words, j + 1);
      if (!c) {
        if (j === i) return undefined;
        return { error: `I could not read "${words[j + 1] ?? ''}" as a time. Try ${WHEN_EXAMPLES}.` };
      }
      time = c.clock;
      j = c.next;
      continue;
    }
    if (!day) {
      const d = parseDay(words, j);
      if (d) {
        day = d.day;
        j = d.next;
        continue;
      }
    }
    if (day && !time) {
      const c = parseClock(words, j);
      if (c && (c.clock.meridiem || /[:.h]/.test(words[j] ?? ''))) {
        time = c.clock;
        j = c.next;
        continue;
      }
    }
    break;
  }
  if (j === i) {
    // A bare "3pm" or "15:30" with nothing before it.
    const c = parseClock(words, i);
    if (!c || (!c.clock.meridiem && !/[:]/.test(words[i] ?? ''))) return undefined;
    time = c.clock;
    j = c.next;
  }
  return resolve(day, time, clock, j);
}

function resolve(day: Day | undefined, time: ClockTime | undefined, clock: Clock, next: number): WhenResult {
  const hm = time
    ? to24h(time)
    : day?.kind === 'offset' && day.evening
      ? { hour: 20, minute: 0 }
      : { hour: 9, minute: 0 };
  if (!hm) return { error: `That is not a time of day. Try ${WHEN_EXAMPLES}.` };
  const today = wallClockAt(clock.now, clock.timeZone);
  let date = { year: today.year, month: today.month, day: today.day };
  if (day?.kind === 'offset') date = addDays(date, day.days);
  if (day?.kind === 'weekday') date = addDays(date, (day.weekday - today.weekday + 7) % 7);
  if (day?.kind === 'date') {
    const probe = new Date(Date.UTC(day.year, day.month - 1, day.day));
    if (probe.getUTCMonth() !== day.month - 1 || probe.getUTCDate() !== day.day) {
      return { error: 'That date does not exist. Write dates as 2025-03-31.' };
    }
    date = { year: day.year, month: day.month, day: day.day };
  }
  let at = instantOf(date, hm.hour, hm.minute, clock.timeZone);
  if (at <= clock.now) {
    if (!day) at = instantOf(addDays(date, 1), hm.hour, hm.minute, clock.timeZone);
    else if (day.kind === 'weekday') at = instantOf(addDays(date, 7), hm.hour, hm.minute, clock.timeZone);
    else return { error: 'That time has already passed; give a time in the future.' };
  }
  return { at, next };
}
