// The bot's meetings port: online meetings created in the app form, on behalf of the organizer (the
// requesting user), which the tenant allows through an application access policy; then kept, moved and
// cancelled through the meetings service that the tab shares, whose changes the bot's cards follow.
import { randomUUID } from 'node:crypto';
import type { MeetingParticipantInfo } from '@microsoft/microsoft-graph-types';
import type { Meeting, MeetingsPort, Person, Requester } from '../../bot';
import type { MeetingRequester } from '../../calling';
import type { StoredMeeting } from '../../calling';
import { mapped } from './port-error';
import type { MeetingBook, MeetingsApi } from './types';

function attendee(p: Person): MeetingParticipantInfo {
  return {
    identity: { user: { id: p.id, displayName: p.displayName } },
    ...(p.userPrincipalName ? { upn: p.userPrincipalName } : {}),
    role: 'attendee',
  };
}

/** The bot's Meeting from the kept record: names and durations, never the attendance report's ids. */
export function meetingOf(m: StoredMeeting): Meeting {
  const a = m.attendance;
  return {
    id: m.id,
    subject: m.subject,
    joinUrl: m.joinUrl,
    start: m.startAt,
    end: m.endAt,
    organizer: { id: m.organizerId, displayName: m.organizerName },
    attendees: m.attendees.map((p) => ({ id: p.id, displayName: p.displayName })),
    ...(m.joinMeetingId ? { joinMeetingId: m.joinMeetingId } : {}),
    ...(m.passcode ? { passcode: m.passcode } : {}),
    status: m.status,
    ...(m.lastChange ? { lastChange: m.lastChange } : {}),
    ...(a
      ? {
          attendance: {
            people: a.people.map((p) => ({ name: p.name, seconds: p.seconds })),
            ...(a.startAt !== undefined ? { startedAt: a.startAt } : {}),
            ...(a.endAt !== undefined ? { endedAt: a.endAt } : {}),
            ...(a.problem ? { problem: a.problem } : {}),
          },
        }
      : {}),
  };
}

/** A chat user as the meetings service knows them: no token, so Graph is asked as the app. */
function requesterOf(by: Requester): MeetingRequester {
  return { userId: by.aadObjectId ?? '', name: by.name, ...(by.tenantId ? { tenantId: by.tenantId } : {}) };
}

/** Creates meetings through createOrGet, so a request Graph retries cannot make a second meeting. */
export function createMeetingsPort(
  api: MeetingsApi,
  book: MeetingBook,
  newId: () => string = randomUUID,
): MeetingsPort {
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
      // Its failures already say what happened and what to do (a meeting without a join link).
      const kept = await book.remember({
        meeting,
        organizer: { id: req.organizer.id, displayName: req.organizer.displayName },
        attendees: req.attendees.map((p) => ({ id: p.id, displayName: p.displayName })),
        subject: req.subject,
        startAt: req.start,
        endAt: req.end,
        via: 'chat',
        ...(req.conversationId ? { conversationId: req.conversationId } : {}),
      });
      return meetingOf(kept);
    },
    get: async (id) => {
      const m = await book.get(id);
      return m && meetingOf(m);
    },
    inConversation: async (conversationId) => (await book.inConversation(conversationId)).map(meetingOf),
    organizedBy: async (organizerId) => (await book.byOrganizer(organizerId)).map(meetingOf),
    move: async (id, to, by) =>
      meetingOf(await mapped(() => book.move(id, { startAt: to.start, endAt: to.end }, requesterOf(by)))),
    cancel: async (id, by) => meetingOf(await mapped(() => book.cancel(id, requesterOf(by)))),
    subscribe: (listener) => book.on((e) => listener(meetingOf(e.meeting))),
  };
}
