// Control API for online meetings: every meeting of the tenant, seeded or created through Graph.
import type { HttpResponse } from '../http';
import { meetingJson } from '../meetings';
import { controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

/** GET /emulator/meetings: each meeting as Graph returns it, with who created it and its seed id. */
export function listMeetings(deps: ControlDeps): HttpResponse {
  if (!deps.meetings) throw controlNotFound('Online meetings are not served by this emulator.');
  const { directory } = deps.svc.engine;
  const tenantId = directory.current().tenantId;
  const value = deps.meetings.all().map((view) => ({
    ...meetingJson(view, { tenantId, person: (id) => directory.person(id) }),
    emulator: {
      meetingId: view.meeting.id,
      organizerId: view.meeting.organizerId,
      seeded: view.details.createdByAppId === undefined,
      createdByAppId: view.details.createdByAppId ?? null,
      attendeesInMeeting: view.meeting.attendeesInMeeting,
    },
  }));
  return ok({ value });
}
