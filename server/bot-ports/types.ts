// What the bot's ports need from the calling module, named by the shape they use. The calling module's
// own APIs satisfy these structurally; tests pass small fakes.
import type { OnlineMeeting, Presence, User } from '@microsoft/microsoft-graph-types';
import type { CallingApi, MeetingService } from '../../calling';
import type { KeyValue } from '../../calling';

/** Directory reads (calling's users API). */
export interface DirectoryApi {
  getUser(idOrUpn: string): Promise<User>;
  searchUsers(prefix: string, opts?: { top?: number }): Promise<User[]>;
}

/** Presence reads (calling's presence API). */
export interface PresenceApi {
  getPresences(userIds: readonly string[]): Promise<Presence[]>;
}

/** The body of an onlineMeetings createOrGet request. */
export type MeetingRequest = Pick<
  OnlineMeeting,
  'startDateTime' | 'endDateTime' | 'subject' | 'participants'
> & {
  readonly externalId: string;
};

/** Online meetings in the app form: on behalf of an organizer covered by an application access policy. */
export interface MeetingsApi {
  createOrGetMeeting(
    actor: { readonly kind: 'app'; readonly organizerId: string },
    params: MeetingRequest,
  ): Promise<{ meeting: OnlineMeeting; created: boolean }>;
}

/** The meetings Switchboard created, shared with the tab (calling's meetings service). */
export type MeetingBook = Pick<
  MeetingService,
  'remember' | 'get' | 'inConversation' | 'byOrganizer' | 'move' | 'cancel' | 'on'
>;

/** The part of the call model the calls port drives. */
export type CallModel = Pick<
  CallingApi,
  | 'placeCall'
  | 'joinMeeting'
  | 'hangUp'
  | 'transfer'
  | 'participants'
  | 'getCall'
  | 'callModel'
  | 'listCallModels'
  | 'annotate'
  | 'waitForState'
  | 'on'
>;

/** The key-value table: front desk switches an earlier version kept there. */
export type NotesStore = Pick<KeyValue, 'get' | 'put' | 'delete'>;

/** The logging the ports do. */
export interface PortsLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}
