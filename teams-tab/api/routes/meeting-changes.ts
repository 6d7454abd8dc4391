// Meetings after the fact: the user's meetings that Switchboard created, moving and cancelling one (for
// its organizer only, on-behalf-of them: the same path as creating it), and reading its attendance
// report on demand. Refusals (not the organizer, unknown, already cancelled) are the meetings service's
// errors, which the server maps to 403, 404 and 409 with their message.
import { z } from 'zod';
import type { MeetingRequester } from '../../../calling';
import type { TabUser } from '../auth/types';
import { recordToTabMeeting } from '../calls/meeting-ref';
import type { TabApiParts } from '../create-tab-api';
import { badRequest, TabError } from '../errors';
import type { TabMeetings } from '../ports';
import type { TabRoute } from '../router';
import { parseBody } from './parse';

const isoTime = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date and time');
const MoveBody = z.looseObject({
  startDateTime: isoTime,
  endDateTime: isoTime,
  subject: z.string().trim().min(1).max(250).optional(),
});

/** The meetings service is needed for Switchboard's meetings; without Graph credentials there is none. */
export function needMeetings(meetings: TabMeetings | undefined): TabMeetings {
  if (!meetings)
    throw new TabError(
      503,
      'unavailable',
      'Meetings are not set up in this deployment (MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId are needed).',
    );
  return meetings;
}

/** The signed-in user as the meetings service sees them: Graph is asked on their behalf. */
function requester(user: TabUser): MeetingRequester {
  return { userId: user.id, name: user.displayName, assertion: user.assertion, tenantId: user.tenantId };
}

export function meetingChangeRoutes(p: TabApiParts): TabRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/meetings',
      async handle({ user }) {
        const mine = await needMeetings(p.meetings).byOrganizer(user.id, 20);
        return { status: 200, body: { meetings: mine.map((m) => recordToTabMeeting(m, user.id)) } };
      },
    },
    {
      method: 'PATCH',
      pattern: '/meetings/:id',
      async handle({ req, user, params }) {
        const b = await parseBody(req, MoveBody);
        const startAt = Date.parse(b.startDateTime);
        const endAt = Date.parse(b.endDateTime);
        if (endAt <= startAt) throw badRequest('endDateTime: must be after startDateTime.');
        const moved = await needMeetings(p.meetings).move(
          params.id ?? '',
          { startAt, endAt, ...(b.subject ? { subject: b.subject } : {}) },
          requester(user),
        );
        return { status: 200, body: { meeting: recordToTabMeeting(moved, user.id) } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/meetings/:id',
      async handle({ user, params }) {
        const cancelled = await needMeetings(p.meetings).cancel(params.id ?? '', requester(user));
        return { status: 200, body: { meeting: recordToTabMeeting(cancelled, user.id) } };
      },
    },
    {
      method: 'GET',
      pattern: '/meetings/:id/attendance',
      async handle({ user, params }) {
        const read = await needMeetings(p.meetings).readAttendance(params.id ?? '', requester(user));
        const meeting = recordToTabMeeting(read, user.id);
        return { status: 200, body: { meeting, attendance: meeting.attendance ?? null } };
      },
    },
  ];
}
