// The meetings module's own shapes: who asks, what a new meeting brings, what changes are announced.
import type { OnlineMeeting } from '@microsoft/microsoft-graph-types';
import type { AttendanceApi, MeetingsApi } from '../graph';
import type { CallingStorage, MeetingPerson, StoredMeeting } from '../storage';

/** Who asks for a change: the signed-in user of the tab (with their token) or a chat user (without). */
export interface MeetingRequester {
  /** Entra object id. */
  readonly userId: string;
  readonly name: string;
  /**
   * The user's token for our API (the tab): Graph is then called on their behalf. Without it the app
   * acts for the organizer under the application access policy (the bot's way).
   */
  readonly assertion?: string;
  readonly tenantId?: string;
}

/** A meeting just created through Graph, and what Switchboard knows about it besides. */
export interface NewMeeting {
  /** Graph's answer to the create. */
  readonly meeting: OnlineMeeting;
  readonly organizer: MeetingPerson;
  readonly attendees: readonly MeetingPerson[];
  /** What was asked, for what Graph's answer leaves out. */
  readonly subject: string;
  readonly startAt: number;
  readonly endAt: number;
  readonly via: 'chat' | 'tab';
  /** The conversation where the bot posts the meeting's card. */
  readonly conversationId?: string;
  readonly tenantId?: string;
}

/** A new time (and optionally a new subject) for a meeting. */
export interface MeetingMove {
  readonly startAt: number;
  readonly endAt: number;
  readonly subject?: string;
}

export type MeetingEventKind = 'created' | 'moved' | 'cancelled' | 'attendance';

/** A meeting changed (in this instance); listeners render it again. */
export interface MeetingEvent {
  readonly kind: MeetingEventKind;
  readonly meeting: StoredMeeting;
}

/** The Graph calls the module makes. */
export type MeetingGraph = Pick<MeetingsApi, 'updateMeeting' | 'deleteMeeting'> &
  Pick<AttendanceApi, 'listAttendanceReports' | 'getAttendanceReport'>;

/** The part of the call model the module listens to: a call that ends may end a meeting. */
export interface MeetingCalls {
  on(
    name: 'terminated',
    handler: (e: { readonly call: { readonly resource: Readonly<Record<string, unknown>> } }) => void,
  ): () => void;
}

export interface MeetingsLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface MeetingServiceOptions {
  readonly store: CallingStorage;
  readonly graph: MeetingGraph;
  readonly logger: MeetingsLogger;
  /** When given, a call of the app's that ends in a meeting has the meeting's attendance read soon. */
  readonly calls?: MeetingCalls;
  readonly now?: () => number;
  /** How often due attendance checks are claimed (default 5 s). */
  readonly pollMs?: number;
}

/** The meetings service; nothing runs before start(). */
export interface MeetingService {
  /** Keeps a meeting Graph just created and plans the reading of its attendance. */
  remember(n: NewMeeting): Promise<StoredMeeting>;
  get(id: string): Promise<StoredMeeting | undefined>;
  byThread(threadId: string): Promise<StoredMeeting | undefined>;
  /** Meetings whose card was posted in this conversation, newest first. */
  inConversation(conversationId: string, limit?: number): Promise<StoredMeeting[]>;
  /** Meetings this user organized through Switchboard, newest first. */
  byOrganizer(organizerId: string, limit?: number): Promise<StoredMeeting[]>;
  /** New times for the organizer's meeting (Graph PATCH); throws CallingError. */
  move(id: string, to: MeetingMove, by: MeetingRequester): Promise<StoredMeeting>;
  /** Cancels the organizer's meeting (Graph DELETE); throws CallingError. */
  cancel(id: string, by: MeetingRequester): Promise<StoredMeeting>;
  /** Reads the attendance reports now, as the organizer `by` (or as the app for the organizer). */
  readAttendance(id: string, by?: MeetingRequester): Promise<StoredMeeting>;
  /** A call in the meeting with this chat thread ended: read its attendance soon. */
  callEnded(threadId: string): Promise<void>;
  /** Every change made in this instance; returns the unsubscribe function. */
  on(listener: (e: MeetingEvent) => void): () => void;
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs due attendance checks once. */
  tick(): Promise<number>;
}
