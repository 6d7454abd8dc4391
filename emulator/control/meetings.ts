// Control API for online meetings: every meeting of the tenant, seeded or created through Graph, and
// who has attended each one.
import type { HttpResponse, RequestContext } from '../http';
import { meetingJson, recordsJson, reportJson } from '../meetings';
import type { AttendanceTracker, MeetingStore, MeetingView } from '../meetings';
import { controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

function served(deps: ControlDeps): { meetings: MeetingStore; attendance?: AttendanceTracker } {
  if (!deps.meetings) throw controlNotFound('Online meetings are not served by this emulator.');
  return { meetings: deps.meetings, attendance: deps.attendance };
}

/** GET /emulator/meetings: each meeting as Graph returns it, with who created it and its seed id. */
export function listMeetings(deps: ControlDeps): HttpResponse {
  const { meetings, attendance } = served(deps);
  const { directory } = deps.svc.engine;
  const tenantId = directory.current().tenantId;
  const value = meetings.all().map((view) => ({
    ...meetingJson(view, { tenantId, person: (id) => directory.person(id) }),
    emulator: {
      meetingId: view.meeting.id,
      organizerId: view.meeting.organizerId,
      seeded: view.details.createdByAppId === undefined,
      createdByAppId: view.details.createdByAppId ?? null,
      attendeesInMeeting: view.meeting.attendeesInMeeting,
      inProgress: attendance?.current(view.meeting.id) !== undefined,
      attendanceReports: attendance?.reports(view.meeting.id).length ?? 0,
    },
  }));
  return ok({ value });
}

/**
 * GET /emulator/meetings/{id}/attendance (the emulator's meeting id, the thread id or the Graph id):
 * the occurrence in progress (records counted up to now) and every attendance report with its records.
 */
export function meetingAttendance(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const { meetings, attendance } = served(deps);
  if (!attendance) throw controlNotFound('Meeting attendance is not tracked by this emulator.');
  const wanted = ctx.params.meetingId ?? '';
  const view: MeetingView | undefined = meetings
    .all()
    .find((v) => v.meeting.id === wanted || v.meeting.threadId === wanted || v.graphId === wanted);
  if (!view) throw controlNotFound(`No meeting '${wanted}' in the tenant.`);
  const { directory } = deps.svc.engine;
  const records = {
    view,
    person: (id: string) => directory.person(id),
    app: (id: string) => directory.app(id),
  };
  const current = attendance.current(view.meeting.id);
  return ok({
    meetingId: view.meeting.id,
    graphId: view.graphId,
    inProgress: current
      ? {
          startedAt: new Date(current.startedAt).toISOString(),
          attendanceRecords: recordsJson(current, records, deps.clock.now()),
        }
      : null,
    reports: attendance.reports(view.meeting.id).map((r) => reportJson(r, recordsJson(r, records))),
  });
}
