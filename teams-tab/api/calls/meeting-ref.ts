// Finding a meeting from what teams-js tells the tab: `chat.id` is the meeting chat's thread id, and
// `meeting.id` is base64 of "0#<thread id>#0". Meetings Switchboard created are kept by the meetings
// service (shared with the bot); others are found in Graph by their join link.
import type { OnlineMeeting } from '@microsoft/microsoft-graph-types';
import type { StoredMeeting } from '../../../calling';

/** Who attended a meeting and for how long (names only), as the tab shows it. */
export interface TabAttendance {
  readonly people: ReadonlyArray<{ name: string; seconds: number }>;
  readonly startDateTime?: string;
  readonly endDateTime?: string;
  readonly problem?: string;
}

/** The Meeting shape of the tab API. */
export interface TabMeeting {
  readonly id: string;
  readonly subject?: string;
  readonly joinWebUrl: string;
  readonly startDateTime?: string;
  readonly endDateTime?: string;
  readonly threadId?: string;
  readonly organizerId?: string;
  readonly organizerName?: string;
  readonly attendees: ReadonlyArray<{ id: string; displayName: string }>;
  /** Present for meetings Switchboard created. */
  readonly status?: 'scheduled' | 'cancelled';
  readonly lastChange?: { kind: 'moved' | 'cancelled'; by: string; at: string };
  readonly attendance?: TabAttendance;
  /** The viewer organized it and Switchboard created it: they may move or cancel it here. */
  readonly canChange?: boolean;
}

/** The thread id named by a context's chat id or meeting id; undefined when neither names one. */
export function threadIdFrom(chatId?: string | null, meetingId?: string | null): string | undefined {
  if (chatId && chatId.startsWith('19:')) return chatId;
  if (!meetingId) return undefined;
  const decoded = Buffer.from(meetingId, 'base64').toString('utf8');
  const m = /^\d+#(19:[^#]+)#\d+$/.exec(decoded);
  return m?.[1];
}

/** Graph's onlineMeeting in the tab's shape. */
export function toTabMeeting(m: OnlineMeeting): TabMeeting {
  const attendees = (m.participants?.attendees ?? []).flatMap((a) => {
    const u = a.identity?.user;
    return u?.id ? [{ id: u.id, displayName: u.displayName ?? a.upn ?? u.id }] : [];
  });
  const organizer = m.participants?.organizer?.identity?.user?.id;
  return {
    id: m.id ?? '',
    ...(m.subject ? { subject: m.subject } : {}),
    joinWebUrl: m.joinWebUrl ?? '',
    ...(m.startDateTime ? { startDateTime: m.startDateTime } : {}),
    ...(m.endDateTime ? { endDateTime: m.endDateTime } : {}),
    ...(m.chatInfo?.threadId ? { threadId: m.chatInfo.threadId } : {}),
    ...(organizer ? { organizerId: organizer } : {}),
    attendees,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A meeting Switchboard created, as `viewerId` sees it. */
export function recordToTabMeeting(m: StoredMeeting, viewerId: string): TabMeeting {
  const a = m.attendance;
  return {
    id: m.id,
    subject: m.subject,
    joinWebUrl: m.joinUrl,
    startDateTime: iso(m.startAt),
    endDateTime: iso(m.endAt),
    ...(m.threadId ? { threadId: m.threadId } : {}),
    organizerId: m.organizerId,
    organizerName: m.organizerName,
    attendees: m.attendees.map((p) => ({ id: p.id, displayName: p.displayName })),
    status: m.status,
    ...(m.lastChange ? { lastChange: { ...m.lastChange, at: iso(m.lastChange.at) } } : {}),
    ...(a
      ? {
          attendance: {
            people: a.people.map((p) => ({ name: p.name, seconds: p.seconds })),
            ...(a.startAt !== undefined ? { startDateTime: iso(a.startAt) } : {}),
            ...(a.endAt !== undefined ? { endDateTime: iso(a.endAt) } : {}),
            ...(a.problem ? { problem: a.problem } : {}),
          },
        }
      : {}),
    canChange: m.status === 'scheduled' && m.organizerId.toLowerCase() === viewerId.toLowerCase(),
  };
}
