// Changing a meeting after it was created: PATCH (200 with the meeting as it now is) and DELETE (204;
// the meeting is gone for reads and can no longer be joined). Both need the permission create needs,
// and only the organizer may do either.
import { validateEntityBody } from '../csdl';
import { jsonBody } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { throwIssues } from '../odata';
import { WRITE, actingFor, meetingBody, meetingOf } from './acting';
import type { MeetingRouteDeps } from './acting';
import { UPDATABLE, applyUpdate } from './update';

/** PATCH .../onlineMeetings/{meetingId} */
export function update(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { person, base } = actingFor(deps, ctx, WRITE);
  const view = meetingOf(deps, ctx, person, { organizer: 'update the meeting' });
  const body = jsonBody(ctx, false);
  throwIssues(
    validateEntityBody(deps.csdl, 'microsoft.graph.onlineMeeting', body, 'update', { updatable: UPDATABLE }),
  );
  applyUpdate(view, person, body);
  return { status: 200, body: { '@odata.context': `${base}/$entity`, ...meetingBody(deps, view) } };
}

/** DELETE .../onlineMeetings/{meetingId}: calls already in the meeting carry on; nobody new gets in. */
export function remove(deps: MeetingRouteDeps, ctx: RequestContext): HttpResponse {
  const { person } = actingFor(deps, ctx, WRITE);
  const view = meetingOf(deps, ctx, person, { organizer: 'delete the meeting' });
  deps.meetings.remove(view);
  deps.attendance.forget(view.meeting.id);
  return { status: 204 };
}
