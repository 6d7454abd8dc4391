// An online meeting as Graph returns it (SPEC.md §6): ids, times, join URL, chat, join-by-id
// settings, participants and the meeting options.
import type { Person } from '../people';
import { joinWebUrlOf } from './ids';
import type { Json, MeetingView } from './store';

/** The person as a meetingParticipantInfo. */
export function participantInfo(
  person: Person | undefined,
  id: string,
  tenantId: string,
  role: string,
): Json {
  return {
    identity: {
      application: null,
      device: null,
      user: { id, displayName: null, tenantId, identityProvider: 'AAD' },
    },
    upn: person?.userPrincipalName ?? null,
    role,
  };
}

/** The meeting options a meeting has until its create or update body says otherwise. */
const DEFAULT_OPTIONS: Json = {
  lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
  allowedPresenters: 'everyone',
  isEntryExitAnnounced: true,
  allowMeetingChat: 'enabled',
  allowTeamworkReactions: true,
  recordAutomatically: false,
};

/** The meeting's options as Graph shows them: the defaults, then what create and update set. */
export function effectiveOptions(view: MeetingView): Json {
  return { ...DEFAULT_OPTIONS, ...view.details.options };
}

/** The onlineMeeting resource. */
export function meetingJson(
  view: MeetingView,
  ctx: { tenantId: string; person: (id: string) => Person | undefined },
): Json {
  const { meeting, details } = view;
  const organizer = participantInfo(
    ctx.person(meeting.organizerId),
    meeting.organizerId,
    ctx.tenantId,
    'presenter',
  );
  const seededAttendees = meeting.attendeesInMeeting
    .filter((id) => !details.attendees.some((a) => attendeeId(a) === id))
    .map((id) => participantInfo(ctx.person(id), id, ctx.tenantId, 'attendee'));
  const joinWebUrl = joinWebUrlOf(meeting.threadId, ctx.tenantId, meeting.organizerId);
  const passcode = details.isPasscodeRequired ? (meeting.passcode ?? null) : null;
  return {
    id: view.graphId,
    creationDateTime: details.creationDateTime,
    startDateTime: details.startDateTime,
    endDateTime: details.endDateTime,
    joinWebUrl,
    subject: meeting.subject ?? null,
    isBroadcast: false,
    externalId: details.externalId ?? null,
    videoTeleconferenceId: null,
    participants: { organizer, attendees: [...details.attendees, ...seededAttendees] },
    chatInfo: { threadId: meeting.threadId, messageId: '0', replyChainMessageId: null },
    joinMeetingIdSettings: {
      isPasscodeRequired: details.isPasscodeRequired,
      joinMeetingId: meeting.joinMeetingId ?? null,
      passcode,
    },
    audioConferencing: null,
    ...effectiveOptions(view),
    joinInformation: {
      content: `data:text/html,${encodeURIComponent(`<p>Join the meeting: <a href="${joinWebUrl}">${joinWebUrl}</a></p>`)}`,
      contentType: 'html',
    },
  };
}

/** The user id of a meetingParticipantInfo, if it names one. */
export function attendeeId(info: Json): string | undefined {
  const identity = info.identity as { user?: { id?: unknown } } | undefined;
  return typeof identity?.user?.id === 'string' ? identity.user.id : undefined;
}
