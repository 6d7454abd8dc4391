// A new meeting as it is kept, and the checks every change of one makes first.
import type { StoredMeeting } from '../storage';
import { CallingError } from '../errors';
import type { MeetingRequester, NewMeeting } from './types';

function time(iso: string | null | undefined, fallback: number): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : fallback;
}

/** The record of a meeting Graph just created. */
export function recordOf(n: NewMeeting, now: number): StoredMeeting {
  const m = n.meeting;
  if (!m.id || !m.joinWebUrl) {
    throw new CallingError(
      'graph_error',
      'Microsoft Teams created the meeting but did not say how to join it. Try again; if it keeps happening, tell your Switchboard administrator.',
    );
  }
  const settings = m.joinMeetingIdSettings;
  const tenantId = n.tenantId;
  return {
    id: m.id,
    ...(tenantId ? { tenantId } : {}),
    organizerId: n.organizer.id,
    organizerName: n.organizer.displayName,
    subject: m.subject ?? n.subject,
    startAt: time(m.startDateTime, n.startAt),
    endAt: time(m.endDateTime, n.endAt),
    joinUrl: m.joinWebUrl,
    ...(m.chatInfo?.threadId ? { threadId: m.chatInfo.threadId } : {}),
    ...(n.conversationId ? { conversationId: n.conversationId } : {}),
    createdVia: n.via,
    status: 'scheduled',
    attendees: n.attendees.map((a) => ({ id: a.id, displayName: a.displayName })),
    ...(settings?.joinMeetingId ? { joinMeetingId: settings.joinMeetingId } : {}),
    ...(settings?.passcode ? { passcode: settings.passcode } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/** The meeting, or why Switchboard cannot act on it. */
export function known(m: StoredMeeting | undefined, id: string): StoredMeeting {
  if (!m)
    throw new CallingError(
      'meeting_not_found',
      `Switchboard has no meeting ${id}: only meetings created through Switchboard can be changed here. Change others in Teams' calendar.`,
    );
  return m;
}

/** Is `by` the meeting's organizer? */
export function isOrganizer(m: StoredMeeting, by: Pick<MeetingRequester, 'userId'>): boolean {
  return m.organizerId.toLowerCase() === by.userId.toLowerCase();
}

/** Throws unless `by` organized the meeting; `what` is the change, e.g. "move or cancel it". */
export function requireOrganizer(m: StoredMeeting, by: MeetingRequester, what: string): void {
  if (!isOrganizer(m, by))
    throw new CallingError(
      'not_organizer',
      `Only ${m.organizerName}, who organized "${m.subject}", can ${what}. Ask them, or create a meeting of your own.`,
    );
}

/** Throws when the meeting was cancelled. */
export function requireScheduled(m: StoredMeeting): void {
  if (m.status === 'cancelled')
    throw new CallingError(
      'meeting_cancelled',
      `"${m.subject}" was cancelled${m.lastChange ? ` by ${m.lastChange.by}` : ''}; it cannot be changed any more. Create a new meeting instead.`,
    );
}
