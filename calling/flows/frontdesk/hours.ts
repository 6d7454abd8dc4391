// Business hours in a time zone: a weekly schedule plus holidays (closed, or special hours).
import { wallClockAt } from '../../time';
import type { Hours } from './config-schema';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** The wall-clock date, weekday and minute of the day of an instant in a time zone. */
export function localTime(
  at: number,
  timeZone: string,
): { date: string; day: (typeof DAYS)[number]; minute: number } {
  const t = wallClockAt(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${t.year}-${pad(t.month)}-${pad(t.day)}`,
    day: DAYS[t.weekday] ?? 'sun',
    minute: t.hour * 60 + t.minute,
  };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether the desk is open at an instant, and why (for the call's timeline). */
export function openAt(hours: Hours, at: number): { open: boolean; why: string } {
  const t = localTime(at, hours.timeZone);
  const holiday = hours.holidays.find((h) => h.date === t.date);
  const ranges = holiday ? (holiday.hours ?? []) : hours.weekly[t.day];
  const label = holiday ? `holiday ${holiday.name ?? t.date}` : t.day;
  const hhmm = `${String(Math.floor(t.minute / 60)).padStart(2, '0')}:${String(t.minute % 60).padStart(2, '0')}`;
  const inside = ranges.find((r) => {
    const [a, b] = r.split('-') as [string, string];
    return t.minute >= minutes(a) && t.minute < minutes(b);
  });
  if (inside) return { open: true, why: `open: ${label} ${hhmm} ${hours.timeZone} is within ${inside}` };
  const list = ranges.length ? ranges.join(', ') : 'closed all day';
  return { open: false, why: `closed: ${label} ${hhmm} ${hours.timeZone} (hours: ${list})` };
}
