// Finding a meeting from what teams-js tells the tab: `chat.id` is the meeting chat's thread id, and
// `meeting.id` is base64 of "0#<thread id>#0". Meetings the tab created are remembered by thread id.
import type { OnlineMeeting } from '@microsoft/microsoft-graph-types';
import type { TabKv } from '../ports';

export const TAB_MEETINGS_NS = 'tab-meetings';
const MEETING_TTL_MS = 90 * 24 * 3600_000;

/** The Meeting shape of the tab API. */
export interface TabMeeting {
  readonly id: string;
  readonly subject?: string;
  readonly joinWebUrl: string;
  readonly startDateTime?: string;
  readonly endDateTime?: string;
  readonly threadId?: string;
  readonly organizerId?: string;
  readonly attendees: ReadonlyArray<{ id: string; displayName: string }>;
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

/** Remembers meetings by thread id so a tab opened in the meeting finds them again. */
export function createMeetingBook(kv: TabKv) {
  return {
    async remember(m: TabMeeting): Promise<void> {
      if (m.threadId) await kv.put(TAB_MEETINGS_NS, m.threadId, m, { ttlMs: MEETING_TTL_MS });
    },
    async find(threadId: string): Promise<TabMeeting | undefined> {
      return (await kv.get<TabMeeting>(TAB_MEETINGS_NS, threadId))?.value;
    },
  };
}
