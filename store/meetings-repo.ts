// The meetings Switchboard created: one row each, read by id, by meeting chat thread, by the conversation
// the bot posted its card in, and by organizer. Moves, cancellations and attendance each update their
// own columns in one statement, so none of them writes back a stale copy of the others.
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, Store } from './types';
import type { MeetingsTable } from './meeting-table';
import type { MeetingRecords, StoredMeeting } from '../calling';

const DEFAULT_LIMIT = 50;

function json<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

function toMeeting(row: Selectable<MeetingsTable>): StoredMeeting {
  const lastChange = json<StoredMeeting['lastChange']>(row.last_change);
  const attendance = json<StoredMeeting['attendance']>(row.attendance);
  return {
    id: row.id,
    ...(row.tenant_id ? { tenantId: row.tenant_id } : {}),
    organizerId: row.organizer_id,
    organizerName: row.organizer_name,
    subject: row.subject,
    startAt: Number(row.start_at),
    endAt: Number(row.end_at),
    joinUrl: row.join_url,
    ...(row.thread_id ? { threadId: row.thread_id } : {}),
    ...(row.conversation_id ? { conversationId: row.conversation_id } : {}),
    createdVia: row.created_via === 'tab' ? 'tab' : 'chat',
    status: row.status === 'cancelled' ? 'cancelled' : 'scheduled',
    attendees: json<StoredMeeting['attendees']>(row.attendees) ?? [],
    ...(row.join_meeting_id ? { joinMeetingId: row.join_meeting_id } : {}),
    ...(row.passcode ? { passcode: row.passcode } : {}),
    ...(lastChange ? { lastChange } : {}),
    ...(attendance ? { attendance } : {}),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toRow(m: StoredMeeting): Selectable<MeetingsTable> {
  return {
    id: m.id,
    tenant_id: m.tenantId ?? null,
    organizer_id: m.organizerId.toLowerCase(),
    organizer_name: m.organizerName,
    subject: m.subject,
    start_at: m.startAt,
    end_at: m.endAt,
    join_url: m.joinUrl,
    thread_id: m.threadId ?? null,
    conversation_id: m.conversationId ?? null,
    created_via: m.createdVia,
    status: m.status,
    attendees: JSON.stringify(m.attendees),
    join_meeting_id: m.joinMeetingId ?? null,
    passcode: m.passcode ?? null,
    last_change: m.lastChange ? JSON.stringify(m.lastChange) : null,
    attendance: m.attendance ? JSON.stringify(m.attendance) : null,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
}

async function getIn(db: Kysely<Database>, id: string): Promise<StoredMeeting | undefined> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMeeting(row);
}

/** The meeting records on an open store. */
export function createMeetingRecords(store: Pick<Store, 'db'>): MeetingRecords {
  const db = store.db;

  async function change(id: string, set: Updateable<MeetingsTable>): Promise<StoredMeeting | undefined> {
    const res = await db.updateTable('meetings').set(set).where('id', '=', id).executeTakeFirst();
    return Number(res.numUpdatedRows) > 0 ? getIn(db, id) : undefined;
  }

  return {
    async put(meeting) {
      const { id, ...rest } = toRow(meeting);
      await db
        .insertInto('meetings')
        .values({ id, ...rest })
        .onConflict((oc) => oc.column('id').doUpdateSet(rest))
        .execute();
    },

    get: (id) => getIn(db, id),

    async byThread(threadId) {
      const row = await db
        .selectFrom('meetings')
        .selectAll()
        .where('thread_id', '=', threadId)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row && toMeeting(row);
    },

    async inConversation(conversationId, limit = DEFAULT_LIMIT) {
      const rows = await db
        .selectFrom('meetings')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toMeeting);
    },

    async byOrganizer(organizerId, limit = DEFAULT_LIMIT) {
      const rows = await db
        .selectFrom('meetings')
        .selectAll()
        .where('organizer_id', '=', organizerId.toLowerCase())
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toMeeting);
    },

    reschedule: (id, to, c) =>
      change(id, {
        subject: to.subject,
        start_at: to.startAt,
        end_at: to.endAt,
        last_change: JSON.stringify(c),
        updated_at: c.at,
      }),

    cancel: (id, c) => change(id, { status: 'cancelled', last_change: JSON.stringify(c), updated_at: c.at }),

    setAttendance: (id, attendance) =>
      change(id, { attendance: JSON.stringify(attendance), updated_at: attendance.checkedAt }),
  };
}
