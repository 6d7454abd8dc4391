// What the bot needs from the rest of the app. server/ adapts the calling module to these ports; the bot
// never sees Graph or the calling module itself. Times are epoch milliseconds, as in the store.

/** A person in the directory (Entra ID user). `id` is the object id. */
export interface Person {
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
  readonly userPrincipalName?: string;
  /** E.164 business phone, when the directory has one. */
  readonly phone?: string;
}

/** Who asked for something: the Teams user behind the activity. */
export interface Requester {
  /** Entra object id (activity.from.aadObjectId); absent for guests the directory does not know. */
  readonly aadObjectId?: string;
  readonly name: string;
  readonly tenantId?: string;
}

/** Someone to call: a directory person (Teams call) or a phone number (PSTN, E.164). */
export type CallTarget =
  { readonly kind: 'person'; readonly person: Person } | { readonly kind: 'phone'; readonly number: string };

/** The bot's view of a call's life; the calling module maps Graph's callState onto it. */
export type CallPhase = 'ringing' | 'connecting' | 'connected' | 'onHold' | 'transferring' | 'ended';

/** Where one person stands in a call, as the call model says (the same words on every surface). */
export type ParticipantStatus =
  'ringing' | 'joined' | 'left' | 'declined' | 'busy' | 'noAnswer' | 'unreachable' | 'removed';

export interface CallParticipant {
  /** The participant id the calling module uses for mute and the like (or a stable key until joined). */
  readonly id: string;
  readonly name: string;
  readonly kind: 'person' | 'phone' | 'bot' | 'guest';
  /** A person's Entra object id, when known. */
  readonly userId?: string;
  /** As the roster confirms it. */
  readonly muted: boolean;
  /** A mute was asked for and is not confirmed yet. */
  readonly mutePending?: boolean;
  readonly status: ParticipantStatus;
  /** The status in the catalogue's words ("declined", "no answer"), as every surface says it. */
  readonly statusWords?: string;
}

/** A snapshot of one call, as listed and as pushed on every change: a render of the call model. */
export interface LiveCall {
  readonly id: string;
  readonly kind: 'p2p' | 'pstn' | 'group' | 'connect' | 'meeting' | 'incoming' | 'announce' | 'reminder';
  readonly phase: CallPhase;
  readonly subject?: string;
  /** The meeting the call is in, when it is one. */
  readonly meeting?: { readonly joinUrl?: string; readonly subject?: string };
  readonly participants: readonly CallParticipant[];
  readonly createdAt: number;
  /** When the call was first established. */
  readonly connectedAt?: number;
  readonly endedAt?: number;
  /** Why it ended, in the catalogue's words ("declined", "no answer", "hung up by Adele Vance"). */
  readonly endReason?: string;
  /** Who started it from the bot, when it was the bot. */
  readonly requestedBy?: Requester;
  /** The call model's version: grows with every stored change; the bot ignores an older one. */
  readonly version?: number;
}

export interface CallsPort {
  /** A 1:1 call to a person (Teams) or a number (PSTN); resolves once Graph accepted the call. */
  placeCall(target: CallTarget, by: Requester): Promise<LiveCall>;
  placeGroupCall(targets: readonly CallTarget[], by: Requester, subject?: string): Promise<LiveCall>;
  /** Click-to-call: calls A, and when A answers, brings B in. */
  connect(a: CallTarget, b: CallTarget, by: Requester): Promise<LiveCall>;
  hangUp(callId: string, by: Requester): Promise<void>;
  muteParticipant(callId: string, participantId: string, by: Requester): Promise<void>;
  invite(callId: string, target: CallTarget, by: Requester): Promise<void>;
  transfer(callId: string, target: CallTarget, by: Requester): Promise<void>;
  listLive(): Promise<readonly LiveCall[]>;
  get(callId: string): Promise<LiveCall | undefined>;
  /**
   * The bot joins an online meeting; with `invite`, those people are called into it once it is joined.
   * `subject` names the call after the meeting.
   */
  joinMeeting(
    joinUrl: string,
    by: Requester,
    invite?: readonly CallTarget[],
    subject?: string,
  ): Promise<LiveCall>;
  /** Every change of every call; returns the unsubscribe function. */
  subscribe(listener: (call: LiveCall) => void): () => void;
}

/** One person's stay in a meeting, from its attendance report. */
export interface MeetingAttendee {
  /** Their name as Teams reports it (never a bare id). */
  readonly name: string;
  /** How long they were in, summed over the meeting's occurrences. */
  readonly seconds: number;
}

/** Who attended a meeting, once it has ended and Teams has published the attendance report. */
export interface MeetingAttendanceInfo {
  /** Longest stay first. */
  readonly people: readonly MeetingAttendee[];
  /** The first arrival and the last departure. */
  readonly startedAt?: number;
  readonly endedAt?: number;
  /** Why the report could not be read, and what to do about it. */
  readonly problem?: string;
}

export interface Meeting {
  readonly id: string;
  readonly subject: string;
  readonly joinUrl: string;
  readonly start: number;
  readonly end: number;
  readonly organizer?: Person;
  readonly attendees: readonly Person[];
  /** Dial-in details when the tenant has audio conferencing. */
  readonly joinMeetingId?: string;
  readonly passcode?: string;
  readonly status: 'scheduled' | 'cancelled';
  /** The last move or cancellation: what, by whom (a name), when. */
  readonly lastChange?: { readonly kind: 'moved' | 'cancelled'; readonly by: string; readonly at: number };
  readonly attendance?: MeetingAttendanceInfo;
}

export interface MeetingsPort {
  /**
   * Creates an online meeting on the organizer's behalf (needs an application access policy) and
   * remembers it, with the conversation its card is posted in.
   */
  create(req: {
    readonly organizer: Person;
    readonly subject: string;
    readonly start: number;
    readonly end: number;
    readonly attendees: readonly Person[];
    readonly conversationId?: string;
  }): Promise<Meeting>;
  /** A meeting Switchboard created. */
  get(id: string): Promise<Meeting | undefined>;
  /** Meetings whose card was posted in this conversation, newest first. */
  inConversation(conversationId: string): Promise<readonly Meeting[]>;
  /** Meetings this person organized through Switchboard (chat or tab), newest first. */
  organizedBy(organizerId: string): Promise<readonly Meeting[]>;
  /** New times for the organizer's meeting; refused for anyone else. */
  move(id: string, to: { readonly start: number; readonly end: number }, by: Requester): Promise<Meeting>;
  /** Cancels the organizer's meeting; refused for anyone else. */
  cancel(id: string, by: Requester): Promise<Meeting>;
  /** Every change of a meeting (moved, cancelled, attendance known); returns the unsubscribe function. */
  subscribe(listener: (meeting: Meeting) => void): () => void;
}

export interface PeoplePort {
  /** People whose name, mail or user principal name matches; best matches first. */
  search(query: string, opts?: { readonly limit?: number }): Promise<readonly Person[]>;
  getById(id: string): Promise<Person | undefined>;
}

/** Graph's availability values. */
export type Availability =
  | 'Available'
  | 'AvailableIdle'
  | 'Away'
  | 'BeRightBack'
  | 'Busy'
  | 'BusyIdle'
  | 'DoNotDisturb'
  | 'Offline'
  | 'PresenceUnknown';

export interface PresenceInfo {
  readonly id: string;
  readonly availability: Availability;
  /** Graph's activity, e.g. InACall, InAMeeting, Presenting, Away. */
  readonly activity: string;
}

export interface PresencePort {
  getMany(ids: readonly string[]): Promise<readonly PresenceInfo[]>;
}

export type ReminderStatus = 'scheduled' | 'calling' | 'done' | 'failed' | 'cancelled';

export interface Reminder {
  readonly id: string;
  readonly target: CallTarget;
  readonly dueAt: number;
  readonly message: string;
  readonly status: ReminderStatus;
  readonly requestedBy: Requester;
}

export interface RemindersPort {
  /** `replyTo` is the conversation the outcome is posted to (through the notifier). */
  schedule(req: {
    readonly target: CallTarget;
    readonly dueAt: number;
    readonly message: string;
    readonly requestedBy: Requester;
    readonly replyTo: string;
    /** The requester's IANA time zone (Teams' localTimezone): notices state the time in it. */
    readonly timeZone?: string;
  }): Promise<Reminder>;
  /** The requester's reminders that have not happened yet. */
  list(by: Requester): Promise<readonly Reminder[]>;
  /** False when there was no such pending reminder of this requester. */
  cancel(id: string, by: Requester): Promise<boolean>;
}

/** An incoming-call rule of the front desk (answer and run a menu, redirect, reject, ...). */
export interface FrontDeskRule {
  readonly id: string;
  readonly name: string;
  /** One line: when it applies and what it does. */
  readonly description: string;
  readonly enabled: boolean;
  /** Short lines: the people it names, an hours rule's hours, time zone and whether it is open now. */
  readonly details?: readonly string[];
}

export interface FrontDeskPort {
  listRules(): Promise<readonly FrontDeskRule[]>;
  setEnabled(ruleId: string, enabled: boolean, by: Requester): Promise<FrontDeskRule>;
}

/** An agent's place in a queue: free, rung for a caller, on a queue call, or signed out of the queue. */
export type QueueAgentState = 'idle' | 'ringing' | 'onCall' | 'signedOut';

/** A waiting caller on a queue's board. */
export interface QueueBoardCaller {
  /** 1 = next to be put through. */
  readonly position: number;
  /** A name or a number; never anything the caller said. */
  readonly caller: string;
  readonly waitedMs: number;
  /** The agent rung for them now, by name. */
  readonly ringing?: string;
}

export interface QueueBoardAgent {
  readonly id: string;
  readonly name: string;
  readonly state: QueueAgentState;
  readonly signedIn: boolean;
  readonly presence: PresenceInfo;
}

/** A queue's board, as the calling module computes it (the tab shows the same). */
export interface QueueBoardView {
  readonly queue: string;
  readonly description?: string;
  /** When it was read (epoch ms): waits are counted to this moment. */
  readonly at: number;
  readonly callers: readonly QueueBoardCaller[];
  readonly longestWaitMs?: number;
  readonly agents: readonly QueueBoardAgent[];
  /** Why presence shows as unknown, when it could not be read. */
  readonly presenceProblem?: string;
}

export interface QueuesPort {
  /** Every configured queue's board. */
  list(): Promise<readonly QueueBoardView[]>;
  /** One queue's board; undefined when there is no such queue. */
  board(queue: string): Promise<QueueBoardView | undefined>;
  /** The requester signs in to or out of a queue; refused unless they are one of its agents. */
  setSignedIn(queue: string, signedIn: boolean, by: Requester): Promise<QueueBoardView>;
  /** A queue's board whenever it changes; returns the unsubscribe function. */
  subscribe(listener: (board: QueueBoardView) => void): () => void;
}

/** Everything the bot talks to; server/ builds each from the calling module. */
export interface BotPorts {
  readonly calls: CallsPort;
  readonly meetings: MeetingsPort;
  readonly people: PeoplePort;
  readonly presence: PresencePort;
  readonly reminders: RemindersPort;
  readonly frontDesk: FrontDeskPort;
  readonly queues: QueuesPort;
}

/**
 * What a port throws when an operation fails: a stable `code`, a sentence for people, and optionally what to
 * do about it. Any Error with these fields is shown as an error card; other errors get a generic one.
 */
export interface PortFailure {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}
