// Attendance reports and records in the shapes of Graph's documented examples (meetingAttendanceReport:
// id, totalParticipantCount, meetingStartDateTime, meetingEndDateTime; attendanceRecord: emailAddress,
// totalAttendanceInSeconds, role, identity, attendanceIntervals).
import type { AppRegistration, Person } from '../people';
import type { Attendee, Occurrence } from './attendance';
import { attendeeId, effectiveOptions } from './meeting-json';
import type { Json, MeetingView } from './store';

/** What a record needs besides the attendance: the meeting (roles) and the tenant (names). */
export interface RecordContext {
  view: MeetingView;
  person: (id: string) => Person | undefined;
  app: (id: string) => AppRegistration | undefined;
}

const iso = (ms: number): string => new Date(ms).toISOString();

// The documented examples give each interval in whole seconds (rounded) and the total as their sum.
const seconds = (from: number, to: number): number => Math.round((to - from) / 1000);

/** A meetingAttendanceReport; `records` are included only when asked for ($expand). */
export function reportJson(occurrence: Occurrence, records?: Json[]): Json {
  return {
    id: occurrence.id,
    totalParticipantCount: occurrence.attendees.size,
    meetingStartDateTime: iso(occurrence.startedAt),
    meetingEndDateTime: occurrence.endedAt === undefined ? null : iso(occurrence.endedAt),
    ...(records ? { attendanceRecords: records } : {}),
  };
}

/**
 * attendanceRecord.role is None, Attendee, Presenter or Organizer. A person gets the role the meeting
 * gives them: under allowedPresenters `everyone` or `organization` (the default) everyone in the tenant
 * may present, as the documented example's Presenter shows; under `roleIsPresenter` the role listed
 * for them as an attendee; under `organizer` only the organizer presents. Apps join as attendees.
 */
function roleOf(attendee: Attendee, view: MeetingView): string {
  if (attendee.kind === 'app') return 'Attendee';
  const id = attendee.id.toLowerCase();
  if (view.meeting.organizerId.toLowerCase() === id) return 'Organizer';
  const presenters = effectiveOptions(view).allowedPresenters;
  if (presenters === 'organizer') return 'Attendee';
  if (presenters !== 'roleIsPresenter') return 'Presenter';
  const listed = view.details.attendees.find((a) => attendeeId(a)?.toLowerCase() === id);
  return listed?.role === 'presenter' || listed?.role === 'coorganizer' ? 'Presenter' : 'Attendee';
}

function recordJson(attendee: Attendee, occurrence: Occurrence, ctx: RecordContext, now: number): Json {
  const intervals = attendee.intervals.map((i) => {
    const left = i.leftAt ?? occurrence.endedAt ?? now;
    return {
      joinDateTime: iso(i.joinedAt),
      leaveDateTime: iso(left),
      durationInSeconds: seconds(i.joinedAt, left),
    };
  });
  const person = attendee.kind === 'user' ? ctx.person(attendee.id) : undefined;
  const app = attendee.kind === 'app' ? ctx.app(attendee.id) : undefined;
  return {
    id: attendee.id,
    emailAddress: person ? (person.mail ?? person.userPrincipalName) : null,
    totalAttendanceInSeconds: intervals.reduce((sum, i) => sum + i.durationInSeconds, 0),
    role: roleOf(attendee, ctx.view),
    identity: {
      id: attendee.id,
      displayName: person?.displayName ?? app?.displayName ?? null,
      tenantId: null,
    },
    attendanceIntervals: intervals,
  };
}

/** The occurrence's attendanceRecords, in order of first arrival; `now` closes a meeting in progress. */
export function recordsJson(
  occurrence: Occurrence,
  ctx: RecordContext,
  now = occurrence.endedAt ?? 0,
): Json[] {
  return [...occurrence.attendees.values()].map((a) => recordJson(a, occurrence, ctx, now));
}
