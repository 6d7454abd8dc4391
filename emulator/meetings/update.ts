// Applying PATCH .../onlineMeetings/{id} to a meeting, by the rules of the update documentation: only
// the properties its table lists may change (the CSDL marks none of the others read-only); a new time
// needs both startDateTime and endDateTime; the organizer never changes; attendees are replaced by the
// full list sent; a complex option (lobbyBypassSettings) keeps the members the body leaves out, as the
// documented example's answer shows.
import type { Person } from '../people';
import { invalidProperty } from '../odata';
import { effectiveOptions } from './meeting-json';
import type { Json, MeetingView } from './store';
import { meetingTimes } from './times';

/** The update page's updatable properties that the v1.0 metadata declares on onlineMeeting. */
export const UPDATABLE = [
  'allowAttendeeToEnableCamera',
  'allowAttendeeToEnableMic',
  'allowBreakoutRooms',
  'allowCopyingAndSharingMeetingContent',
  'allowedLobbyAdmitters',
  'allowedPresenters',
  'allowLiveShare',
  'allowMeetingChat',
  'allowPowerPointSharing',
  'allowRecording',
  'allowTeamworkReactions',
  'allowTranscription',
  'allowWhiteboard',
  'broadcastSettings',
  'endDateTime',
  'isEntryExitAnnounced',
  'lobbyBypassSettings',
  'participants',
  'recordAutomatically',
  'startDateTime',
  'subject',
  'watermarkProtection',
] as const;

const OWN_HANDLING = new Set(['startDateTime', 'endDateTime', 'subject', 'participants']);

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The new start and end, when the body moves the meeting (both or neither). */
function newTimes(body: Json): { start: number; end: number } | undefined {
  if (body.startDateTime === undefined && body.endDateTime === undefined) return undefined;
  for (const name of ['startDateTime', 'endDateTime']) {
    if (body[name] === undefined || body[name] === null)
      throw invalidProperty(
        name,
        `Changing the time of an online meeting needs both 'startDateTime' and 'endDateTime'; '${name}' is missing.`,
      );
  }
  return meetingTimes(body, 0);
}

/** The new attendee list, if any; refuses a body that would change the organizer. */
function newAttendees(organizer: Person, value: unknown): Json[] | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value))
    throw invalidProperty('participants', "Send 'participants' as an object with the full 'attendees' list.");
  const named = value.organizer;
  if (isObject(named)) {
    const identity = named.identity as { user?: { id?: unknown } } | undefined;
    const id = identity?.user?.id;
    const upn = named.upn;
    const other =
      (typeof id === 'string' && id.toLowerCase() !== organizer.id.toLowerCase()) ||
      (typeof upn === 'string' && upn.toLowerCase() !== organizer.userPrincipalName.toLowerCase());
    if (other)
      throw invalidProperty(
        'participants.organizer',
        "The organizer of an online meeting can't be changed after the meeting is created.",
      );
  }
  if (!Array.isArray(value.attendees)) return undefined;
  return (value.attendees as Json[]).map((a) => ({ ...a, role: a.role ?? 'attendee' }));
}

/** Changes the meeting as the (already CSDL-checked) body asks. */
export function applyUpdate(view: MeetingView, organizer: Person, body: Json): void {
  // Everything is checked before anything changes: a refused update leaves the meeting as it was.
  const times = newTimes(body);
  const attendees = newAttendees(organizer, body.participants);
  if (times) {
    view.details.startDateTime = new Date(times.start).toISOString();
    view.details.endDateTime = new Date(times.end).toISOString();
  }
  if (attendees) view.details.attendees = attendees;
  if (typeof body.subject === 'string') view.meeting.subject = body.subject;
  else if (body.subject === null) delete view.meeting.subject;
  const current = effectiveOptions(view);
  for (const name of UPDATABLE) {
    const value = body[name];
    if (OWN_HANDLING.has(name) || value === undefined) continue;
    const before = current[name];
    view.details.options[name] = isObject(before) && isObject(value) ? { ...before, ...value } : value;
  }
}
