// The tab API's wire shapes, as teams-tab/api/README.md describes them.

export interface Person {
  id: string;
  displayName: string;
  mail?: string;
  userPrincipalName?: string;
  jobTitle?: string;
}

/** A team member on the board (GET /api/tab/teams/:groupId/members). */
export interface TeamMember extends Person {
  owner?: boolean;
}

export interface Presence {
  id: string;
  availability: string;
  activity: string;
}

export interface Participant {
  id: string;
  /** The call model's key for the person: the same in `people`, whatever their kind. */
  key: string;
  userId?: string;
  displayName?: string;
  kind: string;
  isMuted: boolean;
  /** A mute was asked for and is not confirmed yet. */
  mutePending?: boolean;
  isInLobby: boolean;
  isBot: boolean;
  presence?: Presence;
}

/** Where someone rung or seen stands in a call (the call model's words). */
export type PersonStatus =
  'ringing' | 'joined' | 'left' | 'declined' | 'busy' | 'noAnswer' | 'unreachable' | 'removed';

export interface Call {
  id: string;
  state: string;
  direction: 'incoming' | 'outgoing';
  subject?: string;
  kind: 'p2p' | 'group' | 'meeting';
  phase: 'ringing' | 'connecting' | 'connected' | 'onHold' | 'transferring' | 'ended';
  purpose: string;
  /** In the call now. */
  participants: Participant[];
  /** Everyone rung or seen, with where they stand. */
  people: Array<{ key: string; name: string; userId?: string; status: PersonStatus; isBot: boolean }>;
  requestedBy?: string;
  createdAt: string;
  connectedAt?: string;
  endedAt?: string;
  /** The same words as the chat's cards: "declined", "busy", "hung up by Adele Vance". */
  endReason?: string;
  /** Grows with every change of the call; an older one is dropped. */
  version: number;
}

/** Keeps the newer of two versions of a call. */
export function newer(shown: Call | undefined, next: Call): boolean {
  return !shown || next.version > shown.version;
}

/** Who attended a meeting and for how long, from its attendance report (names only). */
export interface Attendance {
  people: Array<{ name: string; seconds: number }>;
  startDateTime?: string;
  endDateTime?: string;
  /** Why the report could not be read, and what to do about it. */
  problem?: string;
}

export interface Meeting {
  id: string;
  subject?: string;
  joinWebUrl: string;
  startDateTime?: string;
  endDateTime?: string;
  threadId?: string;
  organizerId?: string;
  organizerName?: string;
  attendees: Person[];
  /** Present for meetings Switchboard created. */
  status?: 'scheduled' | 'cancelled';
  lastChange?: { kind: 'moved' | 'cancelled'; by: string; at: string };
  attendance?: Attendance;
  /** The viewer organized it and Switchboard created it: they may move or cancel it. */
  canChange?: boolean;
}

export interface Me {
  user: { id: string; tenantId: string; displayName: string; userPrincipalName?: string };
  features: { calling: boolean; presenceUpdates: 'subscription' | 'polling'; queues?: boolean };
}

/** A call queue's board (GET /api/tab/queues, and `queue` events): the chat's queue card shows the same. */
export interface QueueBoard {
  queue: string;
  description?: string;
  /** When it was read: waits are counted to this moment. */
  at: string;
  callers: { position: number; caller: string; waitedMs: number; ringing?: string }[];
  longestWaitMs?: number;
  agents: {
    id: string;
    name: string;
    state: 'idle' | 'ringing' | 'onCall' | 'signedOut';
    signedIn: boolean;
    availability: string;
    activity: string;
  }[];
  presenceProblem?: string;
}

export interface HistoryDay {
  date: string;
  calls: number;
  totalSeconds: number;
}

export interface History {
  days: HistoryDay[];
  totals: { calls: number; totalSeconds: number; averageSeconds: number };
}

export interface MeetingView {
  meeting: Meeting | null;
  call: Call | null;
  participants: Participant[];
}

export interface Prompt {
  name: string;
  label: string;
}

/** How the tab API describes a failure (auth failures add reason and consent). */
export interface ErrorBody {
  code: string;
  message: string;
  reason?: string;
  consent?: { required: boolean; buttonLabel?: string };
}
