// The meetings in memory: each change sets only its own fields, as meetings.ts documents.
import type { MeetingRecords, StoredMeeting } from '../meetings';
import { copy } from './json';

const DEFAULT_LIMIT = 50;

const newestFirst = (a: StoredMeeting, b: StoredMeeting) => b.createdAt - a.createdAt;

export function createMemoryMeetings(): MeetingRecords {
  const meetings = new Map<string, StoredMeeting>();
  const find = (match: (m: StoredMeeting) => boolean, limit: number) =>
    [...meetings.values()].filter(match).sort(newestFirst).slice(0, limit).map(copy);

  function change(id: string, fields: Partial<StoredMeeting>): StoredMeeting | undefined {
    const had = meetings.get(id);
    if (!had) return undefined;
    const next = copy({ ...had, ...fields });
    meetings.set(id, next);
    return copy(next);
  }

  return {
    async put(meeting) {
      meetings.set(meeting.id, copy({ ...meeting, organizerId: meeting.organizerId.toLowerCase() }));
    },

    async get(id) {
      const m = meetings.get(id);
      return m && copy(m);
    },

    byThread: async (threadId) => find((m) => m.threadId === threadId, 1)[0],

    inConversation: async (conversationId, limit = DEFAULT_LIMIT) =>
      find((m) => m.conversationId === conversationId, limit),

    byOrganizer: async (organizerId, limit = DEFAULT_LIMIT) =>
      find((m) => m.organizerId === organizerId.toLowerCase(), limit),

    reschedule: async (id, to, c) =>
      change(id, {
        subject: to.subject,
        startAt: to.startAt,
        endAt: to.endAt,
        lastChange: c,
        updatedAt: c.at,
      }),

    cancel: async (id, c) => change(id, { status: 'cancelled', lastChange: c, updatedAt: c.at }),

    setAttendance: async (id, attendance) => change(id, { attendance, updatedAt: attendance.checkedAt }),
  };
}
