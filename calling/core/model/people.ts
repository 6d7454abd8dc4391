// Everyone in a call's life, from the people the app noted (rung, invited, seen in the roster), the
// roster as it stands, the caller of an incoming call and the app's own leg. A 1:1 call has no roster
// (Graph sends roster notifications for group calls and meetings only), so there the call's own state
// says whether the person answered; in a group call only the roster does. Once the call has ended
// nobody is still ringing, and after a completed transfer the people it connected talk on.
import type { StoredCall } from '../../storage';
import { identityOfInfo, type PartyIdentity } from '../identity';
import type { CallOutcome } from '../outcomes';
import { ringOutcome } from '../outcomes';
import { readRoster, type RosterEntry } from '../roster';
import type { CallMeta, PersonNote } from './annotations';
import type { CallPerson, PersonStatus } from './call';
import { rungOfIdentity } from './keys';

export interface PeopleContext {
  readonly appName: string;
  readonly connectedAt?: number;
  readonly endedAt?: number;
  /** How the call ended, once it has. */
  readonly ended?: CallOutcome;
  /** The call is being (or was) put through to its transfer target. */
  readonly transferAccepted: boolean;
  /** Placed to one person (P2P): no roster follows, so an established call means they answered. */
  readonly oneToOne: boolean;
}

const FALLBACK: Record<CallPerson['kind'], string> = {
  person: 'Someone',
  phone: 'A phone caller',
  app: 'An app',
  guest: 'A guest',
};

interface Seen {
  readonly entry: RosterEntry;
  readonly who: PartyIdentity;
  readonly key: string;
}

function firstAt(n: PersonNote, status: PersonStatus): number | undefined {
  return n.history.find((h) => h.status === status)?.at;
}

function lastAt(n: PersonNote, status: PersonStatus): number | undefined {
  return n.history.filter((h) => h.status === status).at(-1)?.at;
}

/** A noted person's status now, when the roster does not have them. */
function statusOf(n: PersonNote, rosterSeen: boolean, ctx: PeopleContext): PersonStatus {
  const last = n.history.at(-1)?.status ?? 'ringing';
  const answered1to1 = ctx.oneToOne && !rosterSeen && n.via === 'target' && ctx.connectedAt !== undefined;
  const putThrough = n.via === 'transfer' && (ctx.transferAccepted || ctx.ended === 'transferred');
  // The app's leg leaves a completed transfer, but the person it put through is still talking.
  const handedOver = ctx.ended === 'transferred';
  if (last === 'ringing') {
    if (putThrough) return 'joined';
    if (answered1to1) return ctx.ended && !handedOver ? 'left' : 'joined';
    if (ctx.ended) return n.via === 'target' && !rosterSeen ? ringOutcome(ctx.ended) : 'noAnswer';
    return 'ringing';
  }
  if (last === 'joined') return (ctx.ended && !handedOver) || rosterSeen ? 'left' : 'joined';
  return last;
}

function personOf(
  n: PersonNote,
  seen: Seen | undefined,
  rosterSeen: boolean,
  ctx: PeopleContext,
  known?: PersonStatus,
): CallPerson {
  const r = seen?.entry.resource;
  const status: PersonStatus = known ?? (seen && !ctx.ended ? 'joined' : statusOf(n, rosterSeen, ctx));
  // The roster says who is muted; without one (a 1:1 call) the completed mute operation did (mute.ts).
  const muted = r ? r['isMuted'] === true : n.mutedAt !== undefined;
  const joinedAt =
    firstAt(n, 'joined') ?? (status === 'joined' || status === 'left' ? ctx.connectedAt : undefined);
  const leftAt = status === 'left' ? (lastAt(n, 'left') ?? ctx.endedAt) : undefined;
  const name = n.name ?? seen?.who.displayName ?? n.phone ?? FALLBACK[n.kind];
  const participantId = seen?.entry.id ?? n.participantId;
  return {
    key: n.key,
    ...(participantId && status === 'joined' ? { participantId } : {}),
    kind: n.kind,
    name,
    ...(n.userId ? { userId: n.userId } : {}),
    ...(n.phone ? { phone: n.phone } : {}),
    status,
    muted,
    ...(n.muteAskedAt !== undefined && !muted && status === 'joined' ? { mutePending: true } : {}),
    ...(r?.['isInLobby'] === true ? { inLobby: true } : {}),
    isSelf: false,
    ...(firstAt(n, 'ringing') !== undefined ? { invitedAt: firstAt(n, 'ringing') } : {}),
    ...(joinedAt !== undefined && status !== 'ringing' ? { joinedAt } : {}),
    ...(leftAt !== undefined ? { leftAt } : {}),
  };
}

/** Whether a roster entry is the app's own leg. */
function isSelf(c: StoredCall, e: RosterEntry, who: PartyIdentity): boolean {
  if (c.myParticipantId !== null) return e.id === c.myParticipantId;
  // Before Graph named our participant id: the app that placed the call is its source.
  const source = identityOfInfo(c.resource['source']);
  return (
    c.direction !== 'incoming' && who.kind === source.kind && who.id !== undefined && who.id === source.id
  );
}

/** The people of a call, the app's own leg first. */
export function peopleOf(c: StoredCall, meta: CallMeta, ctx: PeopleContext): CallPerson[] {
  const roster = readRoster(c.participants);
  const rosterSeen = Object.keys(roster.present).length > 0 || Object.keys(roster.gone).length > 0;
  let self: RosterEntry | undefined;
  const seen: Seen[] = [];
  for (const entry of Object.values(roster.present)) {
    const who = identityOfInfo(entry.resource['info']);
    if (isSelf(c, entry, who)) self = entry;
    else seen.push({ entry, who, key: rungOfIdentity(who, entry.id).key });
  }
  const used = new Set<Seen>();
  const match = (n: PersonNote) => {
    const found =
      seen.find((s) => n.participantId !== undefined && s.entry.id === n.participantId) ??
      seen.find((s) => s.key === n.key);
    if (found) used.add(found);
    return found;
  };
  const people: CallPerson[] = [
    {
      key: 'self',
      ...(c.myParticipantId && !ctx.ended ? { participantId: c.myParticipantId } : {}),
      kind: 'app',
      name: ctx.appName,
      status: ctx.ended ? 'left' : 'joined',
      muted: self?.resource['isMuted'] === true,
      isSelf: true,
      ...(ctx.connectedAt !== undefined ? { joinedAt: ctx.connectedAt } : {}),
      ...(ctx.ended && ctx.endedAt !== undefined ? { leftAt: ctx.endedAt } : {}),
    },
  ];
  // The caller of an incoming call without a roster (1:1): the call's own state says where they stand,
  // and their note, if the app has one (a mute starts it), says the rest.
  const caller =
    c.direction === 'incoming' && !rosterSeen
      ? rungOfIdentity(identityOfInfo(c.resource['source']), 'caller')
      : undefined;
  const callerStatus: PersonStatus = ctx.ended
    ? 'left'
    : ctx.connectedAt !== undefined
      ? 'joined'
      : 'ringing';
  const known = (n: PersonNote) => (n.key === caller?.key ? callerStatus : undefined);
  for (const n of meta.people ?? []) people.push(personOf(n, match(n), rosterSeen, ctx, known(n)));
  for (const s of seen) {
    if (used.has(s)) continue;
    const r = rungOfIdentity(s.who, s.entry.id);
    const note: PersonNote = { ...r, participantId: s.entry.id, via: 'seen', history: [] };
    people.push(personOf(note, s, rosterSeen, ctx));
  }
  if (c.direction === 'incoming') {
    const from = caller ?? rungOfIdentity(identityOfInfo(c.resource['source']), 'caller');
    if (!people.some((p) => p.key === from.key)) {
      const note: PersonNote = { ...from, via: 'seen', history: [] };
      people.push(personOf(note, undefined, rosterSeen, ctx, callerStatus));
    }
  }
  return people;
}
