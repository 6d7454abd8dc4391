// The `meetings` table (migration 0004): how the store keeps calling's StoredMeeting.

/** Row shape of the `meetings` table, as Kysely sees it. */
export interface MeetingsTable {
  /** Graph's onlineMeeting id, exactly as Graph spelled it. */
  id: string;
  tenant_id: string | null;
  /** The organizer's Entra object id, lower-case. */
  organizer_id: string;
  organizer_name: string;
  subject: string;
  start_at: number;
  end_at: number;
  join_url: string;
  /** The meeting chat's thread id (19:meeting_...@thread.v2). */
  thread_id: string | null;
  /** The conversation where the bot posted the meeting's card. */
  conversation_id: string | null;
  created_via: string;
  status: string;
  /** JSON: the invited attendees ({ id, displayName }[]). */
  attendees: string;
  join_meeting_id: string | null;
  passcode: string | null;
  /** JSON: the last move or cancellation ({ kind, by, at }). */
  last_change: string | null;
  /** JSON: who attended and for how long, once a report was read. */
  attendance: string | null;
  created_at: number;
  updated_at: number;
}
