// The bot's meetings port: online meetings created in the app form, on behalf of the organizer (the
// requesting user), which the tenant allows through an application access policy.
import { randomUUID } from 'node:crypto';
import type { MeetingParticipantInfo, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import type { Meeting, MeetingsPort, Person } from '../../bot';
import { mapped, PortError } from './port-error';
import type { MeetingsApi } from './types';

function attendee(p: Person): MeetingParticipantInfo {
  return {
    identity: { user: { id: p.id, displayName: p.displayName } },
    ...(p.userPrincipalName ? { upn: p.userPrincipalName } : {}),
    role: 'attendee',
  };
}

function time(iso: string | null | undefined, fallback: number): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : fallback;
}

/** The bot's Meeting from Graph's onlineMeeting and the request that made it. */
export function meetingOf(
  m: OnlineMeeting,
  req: { organizer: Person; subject: string; start: number; end: number; attendees: readonly Person[] },
): Meeting {
  const joinUrl = m.joinWebUrl;
  if (!m.id || !joinUrl) {
    throw new PortError(
      'graph_error',
      'Microsoft Teams created the meeting but did not say how to join it.',
      'Try again; if it keeps happening, tell your Switchboard administrator.',
    );
  }
  const settings = m.joinMeetingIdSettings;
  return {
    id: m.id,
    subject: m.subject ?? req.subject,
    joinUrl,
    start: time(m.startDateTime, req.start),
    end: time(m.endDateTime, req.end),
    organizer: req.organizer,
    attendees: req.attendees,
    ...(settings?.joinMeetingId ? { joinMeetingId: settings.joinMeetingId } : {}),
    ...(settings?.passcode ? { passcode: settings.passcode } : {}),
  };
}

/** Creates meetings through createOrGet, so a request Graph retries cannot make a second meeting. */
export function createMeetingsPort(api: MeetingsApi, newId: () => string = randomUUID): MeetingsPort {
  return {
    async create(req) {
      const { meeting } = await mapped(() =>
        api.createOrGetMeeting(
          { kind: 'app', organizerId: req.organizer.id },
          {
            externalId: newId(),
            subject: req.subject,
            startDateTime: new Date(req.start).toISOString(),
            endDateTime: new Date(req.end).toISOString(),
            participants: { attendees: req.attendees.map(attendee) },
          },
        ),
      );
      return meetingOf(meeting, req);
    },
  };
}
