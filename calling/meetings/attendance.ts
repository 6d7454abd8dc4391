// What a meeting's attendance reports add up to: one entry per person (or app) with their stays summed
// over every report (each report is one occurrence of the meeting), named as Graph names them.
import type { AttendanceRecord, MeetingAttendanceReport } from '@microsoft/microsoft-graph-types';
import type { AttendanceEntry, MeetingAttendance } from '../storage';

/** Shown when a record carries neither a name nor an address (Graph leaves both out for some guests). */
export const UNNAMED_ATTENDEE = 'A guest';

function time(iso: string | null | undefined): number | undefined {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

function secondsOf(r: AttendanceRecord): number {
  if (typeof r.totalAttendanceInSeconds === 'number') return Math.max(0, r.totalAttendanceInSeconds);
  return (r.attendanceIntervals ?? []).reduce((sum, i) => sum + Math.max(0, i.durationInSeconds ?? 0), 0);
}

/** The summary of `reports` (with their records), read at `checkedAt`. */
export function summariseAttendance(
  reports: readonly MeetingAttendanceReport[],
  checkedAt: number,
): MeetingAttendance {
  const people = new Map<string, AttendanceEntry>();
  let startAt: number | undefined;
  let endAt: number | undefined;
  for (const report of reports) {
    const s = time(report.meetingStartDateTime);
    const e = time(report.meetingEndDateTime);
    if (s !== undefined) startAt = startAt === undefined ? s : Math.min(startAt, s);
    if (e !== undefined) endAt = endAt === undefined ? e : Math.max(endAt, e);
    for (const r of report.attendanceRecords ?? []) {
      const id = r.identity?.id ?? undefined;
      const email = r.emailAddress ?? undefined;
      const name = r.identity?.displayName || email || UNNAMED_ATTENDEE;
      const key = (id ?? email ?? `${name}#${r.id ?? ''}`).toLowerCase();
      const before = people.get(key);
      people.set(key, {
        ...(id ? { id } : {}),
        name: before?.name ?? name,
        ...(email ? { email } : {}),
        ...((before?.role ?? r.role) ? { role: before?.role ?? r.role ?? '' } : {}),
        seconds: (before?.seconds ?? 0) + secondsOf(r),
      });
    }
  }
  const sorted = [...people.values()].sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name));
  return {
    checkedAt,
    reports: reports.length,
    ...(startAt !== undefined ? { startAt } : {}),
    ...(endAt !== undefined ? { endAt } : {}),
    people: sorted,
  };
}
