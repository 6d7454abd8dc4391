// The meetings Switchboard created, as the calling module keeps them: one record per meeting that the
// bot and the tab both read and change. Times are epoch milliseconds.

/** Someone invited to a meeting. */
export interface MeetingPerson {
  readonly id: string;
  readonly displayName: string;
}

/** The last thing that happened to a meeting after it was made, and who did it (a name). */
export interface MeetingChange {
  readonly kind: 'moved' | 'cancelled';
  readonly by: string;
  readonly at: number;
}

/** One person (or app) in the attendance: a name, never a bare id, and how long they stayed. */
export interface AttendanceEntry {
  /** Graph's identity id, for merging several reports; not for display. */
  readonly id?: string;
  readonly name: string;
  readonly email?: string;
  /** Organizer, Presenter, Attendee... as Graph names the role. */
  readonly role?: string;
  readonly seconds: number;
}

/** What the attendance reports of a meeting add up to. */
export interface MeetingAttendance {
  /** When the reports were read. */
  readonly checkedAt: number;
  /** How many reports (occurrences of the meeting) were summed. */
  readonly reports: number;
  /** The first arrival and the last departure over those reports. */
  readonly startAt?: number;
  readonly endAt?: number;
  /** Longest stay first. */
  readonly people: readonly AttendanceEntry[];
  /** Why the reports could not be read (a missing permission or policy), in words for people. */
  readonly problem?: string;
}

/** A meeting Switchboard created. */
export interface StoredMeeting {
  readonly id: string;
  readonly tenantId?: string;
  readonly organizerId: string;
  readonly organizerName: string;
  readonly subject: string;
  readonly startAt: number;
  readonly endAt: number;
  readonly joinUrl: string;
  readonly threadId?: string;
  readonly conversationId?: string;
  readonly createdVia: 'chat' | 'tab';
  readonly status: 'scheduled' | 'cancelled';
  readonly attendees: readonly MeetingPerson[];
  readonly joinMeetingId?: string;
  readonly passcode?: string;
  readonly lastChange?: MeetingChange;
  readonly attendance?: MeetingAttendance;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * The meetings table. Each change touches only its own columns, so a move and an attendance update
 * that race do not undo each other.
 */
export interface MeetingRecords {
  /** Stores a new meeting, or replaces the row of the same id (a create that was repeated). */
  put(meeting: StoredMeeting): Promise<void>;
  get(id: string): Promise<StoredMeeting | undefined>;
  /** The newest meeting with this chat thread (a call in the meeting names its thread). */
  byThread(threadId: string): Promise<StoredMeeting | undefined>;
  /** Meetings whose card was posted in this conversation, newest first. */
  inConversation(conversationId: string, limit?: number): Promise<StoredMeeting[]>;
  /** Meetings this user organized, newest first. */
  byOrganizer(organizerId: string, limit?: number): Promise<StoredMeeting[]>;
  /** New times (and subject); undefined when there is no such meeting. */
  reschedule(
    id: string,
    to: { readonly subject: string; readonly startAt: number; readonly endAt: number },
    change: MeetingChange,
  ): Promise<StoredMeeting | undefined>;
  cancel(id: string, change: MeetingChange): Promise<StoredMeeting | undefined>;
  setAttendance(id: string, attendance: MeetingAttendance): Promise<StoredMeeting | undefined>;
}
