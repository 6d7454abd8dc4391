// Making a new online meeting: a fresh chat thread, join meeting id and passcode, times settled per
// SPEC.md §6, registered where the call engine finds meetings.
import type { Clock } from '../clock';
import type { Person } from '../people';
import { meetingGraphId, newJoinMeetingId, newPasscode, newThreadId } from './ids';
import type { Json, MeetingStore, MeetingView } from './store';
import { meetingTimes } from './times';

const OPTION_KEYS = [
  'lobbyBypassSettings',
  'allowedPresenters',
  'isEntryExitAnnounced',
  'allowMeetingChat',
  'allowTeamworkReactions',
  'recordAutomatically',
];

/** Creates and registers a meeting for the organizer. */
export function createMeeting(
  deps: { meetings: MeetingStore; clock: Clock },
  req: { organizer: Person; appId: string; body: Json; externalId?: string },
): MeetingView {
  const { body } = req;
  const now = deps.clock.now();
  const { start, end } = meetingTimes(body, now);
  const participants = (body.participants ?? {}) as { attendees?: unknown };
  const attendees = Array.isArray(participants.attendees)
    ? (participants.attendees as Json[]).map((a) => ({ ...a, role: a.role ?? 'attendee' }))
    : [];
  const settings = (body.joinMeetingIdSettings ?? {}) as { isPasscodeRequired?: unknown };
  const isPasscodeRequired = settings.isPasscodeRequired !== false;
  const options = Object.fromEntries(
    OPTION_KEYS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]),
  );
  const threadId = newThreadId();
  return deps.meetings.add(
    {
      // The control API names meetings by this id (or the thread id), as it does seeded ones.
      id: meetingGraphId(req.organizer.id, threadId),
      ...(typeof body.subject === 'string' ? { subject: body.subject } : {}),
      organizerId: req.organizer.id,
      threadId,
      joinMeetingId: newJoinMeetingId(),
      ...(isPasscodeRequired ? { passcode: newPasscode() } : {}),
      attendeesInMeeting: [],
    },
    {
      creationDateTime: new Date(now).toISOString(),
      startDateTime: new Date(start).toISOString(),
      endDateTime: new Date(end).toISOString(),
      ...(req.externalId !== undefined ? { externalId: req.externalId } : {}),
      createdByAppId: req.appId,
      attendees,
      options,
      isPasscodeRequired,
    },
  );
}
