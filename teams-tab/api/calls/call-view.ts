// The Call and Participant shapes of the tab API (README "Shapes"): a render of the call model, field by
// field. Phase, purpose, each person's status and the end's words are the model's, as on the chat's cards.
import type { Call, CallPerson } from '../../../calling';
import type { TabUser } from '../auth/types';

export interface TabParticipant {
  readonly id: string;
  /** The call model's key for the person, as in `people`: how the tab matches the two. */
  readonly key: string;
  readonly userId?: string;
  readonly displayName?: string;
  readonly kind: string;
  readonly isMuted: boolean;
  /** A mute was asked for and the roster has not confirmed it yet. */
  readonly mutePending?: boolean;
  readonly isInLobby: boolean;
  readonly isBot: boolean;
  readonly presence?: { id: string; availability: string; activity: string };
}

/** Everyone rung or seen, with where they stand (the model's status). */
export interface TabPerson {
  readonly key: string;
  readonly name: string;
  readonly userId?: string;
  readonly status: CallPerson['status'];
  readonly isBot: boolean;
}

export interface TabCall {
  readonly id: string;
  readonly state: string;
  readonly phase: Call['phase'];
  readonly purpose: Call['purpose'];
  readonly direction: 'incoming' | 'outgoing';
  readonly subject?: string;
  readonly kind: 'p2p' | 'group' | 'meeting';
  /** Who is in the call now. */
  readonly participants: TabParticipant[];
  readonly people: TabPerson[];
  readonly requestedBy?: string;
  readonly createdAt: string;
  readonly connectedAt?: string;
  readonly endedAt?: string;
  /** The catalogue's words: "declined", "busy", "hung up by Adele Vance". */
  readonly endReason?: string;
  readonly version: number;
}

const KINDS: Record<CallPerson['kind'], string> = {
  person: 'user',
  phone: 'phone',
  app: 'application',
  guest: 'guest',
};

/** One person in the call as the tab shows it. */
export function toTabParticipant(p: CallPerson): TabParticipant {
  return {
    id: p.participantId ?? p.key,
    key: p.key,
    ...(p.userId ? { userId: p.userId } : {}),
    displayName: p.name,
    kind: KINDS[p.kind],
    isMuted: p.muted,
    ...(p.mutePending ? { mutePending: true } : {}),
    isInLobby: p.inLobby === true,
    isBot: p.isSelf || p.kind === 'app',
  };
}

function kindOf(call: Call): TabCall['kind'] {
  if (call.purpose === 'meeting') return 'meeting';
  return call.purpose === 'group' ? 'group' : 'p2p';
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A call as the tab shows it. */
export function toTabCall(call: Call): TabCall {
  return {
    id: call.id,
    state: call.state,
    phase: call.phase,
    purpose: call.purpose,
    direction: call.direction,
    ...(call.subject ? { subject: call.subject } : {}),
    kind: kindOf(call),
    participants: call.people.filter((p) => p.status === 'joined').map(toTabParticipant),
    people: call.people.map((p) => ({
      key: p.key,
      name: p.name,
      ...(p.userId ? { userId: p.userId } : {}),
      status: p.status,
      isBot: p.isSelf || p.kind === 'app',
    })),
    ...(call.origin.requestedBy ? { requestedBy: call.origin.requestedBy.name } : {}),
    createdAt: iso(call.createdAt),
    ...(call.connectedAt !== undefined ? { connectedAt: iso(call.connectedAt) } : {}),
    ...(call.endedAt !== undefined ? { endedAt: iso(call.endedAt) } : {}),
    ...(call.end ? { endReason: call.end.words } : {}),
    version: call.version,
  };
}

/** The thread id of a meeting call, if it is one. */
export function threadIdOf(call: Call): string | undefined {
  return call.meeting?.threadId;
}

/** Whose call it is: the person who asked for it (its origin), or anyone rung into it. */
export function isUsersCall(call: Call, user: Pick<TabUser, 'id'>): boolean {
  const me = user.id.toLowerCase();
  if (call.origin.requestedBy?.id?.toLowerCase() === me) return true;
  return call.people.some((p) => p.userId?.toLowerCase() === me);
}

/** Where a request from the tab came from, for the call model's origin. */
export function fromTab(user: Pick<TabUser, 'id' | 'displayName'>) {
  return { surface: 'tab' as const, requestedBy: { id: user.id, name: user.displayName } };
}
