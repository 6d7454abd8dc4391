// What the tab API needs from the rest of the app, handed in by server/app.ts. The Graph parts are
// declared structurally so that the calling module's Graph services fit without this folder reaching
// into calling's internals.
import type { OnlineMeeting, Presence, User } from '@microsoft/microsoft-graph-types';
import type { BoardWatch, CallingApi, ClickToCall, MeetingService, QueueBoards } from '../../calling';
import type { CallRecordSummaries } from '../../calling';

/** A user's delegated token for our API, to be exchanged on-behalf-of them for Graph. */
export type UserAuth = { readonly kind: 'user'; readonly userAssertion: string };
export type AppAuth = { readonly kind: 'app' };
export type TabGraphContext = { readonly tenantId?: string };
export type MeetingActorPort =
  | { readonly kind: 'app'; readonly organizerId: string }
  | { readonly kind: 'user'; readonly userAssertion: string };

/** The Graph services the tab uses (the calling module's, in the app). */
export interface TabGraph {
  readonly presence: {
    getPresences(
      ids: readonly string[],
      auth?: UserAuth | AppAuth,
      ctx?: TabGraphContext,
    ): Promise<Presence[]>;
  };
  readonly users: {
    searchUsers(prefix: string, opts?: { top?: number }, ctx?: TabGraphContext): Promise<User[]>;
    getUser(idOrUpn: string, auth?: UserAuth | AppAuth, ctx?: TabGraphContext): Promise<User>;
  };
  /** Present when presence may be followed with Graph change notifications. */
  readonly graph?: TabGraphRequests;
  readonly meetings: {
    createMeeting(
      actor: MeetingActorPort,
      meeting: OnlineMeeting,
      ctx?: TabGraphContext,
    ): Promise<OnlineMeeting>;
    findMeetingByJoinUrl(
      actor: MeetingActorPort,
      joinWebUrl: string,
      ctx?: TabGraphContext,
    ): Promise<OnlineMeeting | undefined>;
  };
}

/** A raw Graph request (the calling module's client), for subscriptions. */
export interface TabGraphRequests {
  request<T>(spec: {
    readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
    readonly path: string;
    readonly body?: unknown;
    readonly auth?: UserAuth | AppAuth;
    readonly context?: TabGraphContext;
  }): Promise<{ status: number; body?: T }>;
}

/** The subset of the call model the tab drives. */
export type TabCalling = Pick<
  CallingApi,
  | 'placeCall'
  | 'joinMeeting'
  | 'hangUp'
  | 'playPrompt'
  | 'participants'
  | 'callModel'
  | 'listCallModels'
  | 'annotate'
  | 'on'
>;

/** Click-to-call (calling's flows): the tab's Call rings the user first, then brings the other person in. */
export type TabClickToCall = Pick<ClickToCall, 'connect'>;

/**
 * The meetings Switchboard created (calling's meetings service), shared with the bot: the tab keeps the
 * ones it creates there, and moves and cancels them for their organizer on-behalf-of the user.
 */
export type TabMeetings = Pick<
  MeetingService,
  'remember' | 'get' | 'byThread' | 'byOrganizer' | 'move' | 'cancel' | 'readAttendance'
>;

/** The app's Graph call-record summaries (the store's), read for the history chart. */
export type TabRecords = Pick<CallRecordSummaries, 'forUser'>;

/** The logger the tab writes to (pino's shape). */
export interface TabLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** The call queues' boards (calling's) and the watcher that reports a board when it changes. */
export interface TabQueues {
  readonly boards: Pick<QueueBoards, 'names' | 'board' | 'boards'>;
  readonly watch: Pick<BoardWatch, 'subscribe'>;
}
