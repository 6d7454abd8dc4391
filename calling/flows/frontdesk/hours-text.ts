// Business hours in words, for people reading the rules (the bot's front desk card): the week with
// days of equal hours grouped, and the holidays still to come.
import type { Hours } from './config-schema';
import { localTime } from './hours';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_NAME: Record<(typeof WEEK)[number], string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

const rangesText = (ranges: readonly string[]): string =>
  ranges.length === 0 ? 'closed' : ranges.map((r) => r.replace('-', '–')).join(', ');

/** The weekly hours, e.g. "Mon–Thu 08:00–18:00; Fri 08:00–17:00; Sat–Sun closed". */
export function describeWeek(hours: Hours): string {
  const groups: Array<{ from: string; to: string; text: string }> = [];
  for (const day of WEEK) {
    const text = rangesText(hours.weekly[day]);
    const last = groups[groups.length - 1];
    if (last && last.text === text) last.to = DAY_NAME[day];
    else groups.push({ from: DAY_NAME[day], to: DAY_NAME[day], text });
  }
  return groups.map((g) => `${g.from === g.to ? g.from : `${g.from}–${g.to}`} ${g.text}`).join('; ');
}

/** The next holidays from `at` (local date) on, e.g. "2026-12-24 Christmas Eve 08:00–12:00"; none: ''. */
export function describeHolidays(hours: Hours, at: number, limit = 3): string {
  const today = localTime(at, hours.timeZone).date;
  return hours.holidays
    .filter((h) => h.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, limit)
    .map((h) => `${h.date}${h.name ? ` ${h.name}` : ''} ${rangesText(h.hours ?? [])}`)
    .join('; ');
}
