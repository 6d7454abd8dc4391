// What the app knows about a call beyond Graph's resource and roster: why it was placed, for whom,
// whom it rang (with names), each person's status over time, when it connected, who hung up. Kept in
// the call's row (`meta`), changed only by the pure functions below, in the same transaction as the
// change they describe (a placement, a roster notification, an operation's result, a hang-up request).
import type { CallMeeting, CallOrigin, CallPurpose, PersonStatus } from './call';

export { withMuteAsked, withMuted, type MuteTarget } from './mute';

/** One person the app rang or saw, and what became of them. */
export interface PersonNote {
  readonly key: string;
  readonly kind: 'person' | 'phone' | 'app' | 'guest';
  readonly name?: string;
  readonly userId?: string;
  readonly phone?: string;
  /** Graph's participant id, once the roster named them. */
  readonly participantId?: string;
  /** How they came to the call: rung as its target, invited, the target of a transfer, or seen. */
  readonly via: 'target' | 'invite' | 'transfer' | 'seen';
  /** The operation (invite) that rings them; its failure says how the ring ended. */
  readonly op?: string;
  /** Every status they had, oldest first. */
  readonly history: ReadonlyArray<{ readonly status: PersonStatus; readonly at: number }>;
  /** A mute was asked for at this time and has not been confirmed yet (mute.ts). */
  readonly muteAskedAt?: number;
  /** Graph completed a mute of them in a call without a roster, where that completion confirms it. */
  readonly mutedAt?: number;
}

/** The annotations of one call, as stored. */
export interface CallMeta {
  readonly purpose?: CallPurpose;
  readonly origin?: CallOrigin;
  readonly subject?: string;
  readonly meeting?: CallMeeting;
  readonly people?: readonly PersonNote[];
  readonly connectedAt?: number;
  /** The app was asked to hang up: when, and by whom (a name) when a person asked. */
  readonly hangUp?: { readonly at: number; readonly by?: string };
  /** This call is a consultation leg of that call (its key): it shows there (consultation.ts). */
  readonly consultFor?: string;
  /** The keys of this call's consultation legs, oldest first. */
  readonly consultations?: readonly string[];
}

/** What a caller of the calling API may say about a call. */
export interface CallAnnotations {
  readonly purpose?: CallPurpose;
  readonly origin?: CallOrigin;
  readonly subject?: string;
  readonly meeting?: CallMeeting;
}

/** Someone the app rings: the key and what is known of them. */
export interface Rung {
  readonly key: string;
  readonly kind: PersonNote['kind'];
  readonly name?: string;
  readonly userId?: string;
  readonly phone?: string;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** Reads stored annotations tolerantly (empty for anything that is not an object). */
export function readMeta(value: unknown): CallMeta {
  const m = obj(value);
  if (!m) return {};
  const people = Array.isArray(m['people'])
    ? (m['people'] as unknown[]).filter(
        (p): p is PersonNote => typeof obj(p)?.['key'] === 'string' && Array.isArray(obj(p)?.['history']),
      )
    : undefined;
  return { ...(m as CallMeta), ...(people ? { people } : {}) };
}

/** Merges what a caller said about the call (the meeting's fields are merged one by one). */
export function withAnnotations(meta: CallMeta, a: CallAnnotations): CallMeta {
  return {
    ...meta,
    ...(a.purpose ? { purpose: a.purpose } : {}),
    ...(a.origin ? { origin: a.origin } : {}),
    ...(a.subject ? { subject: a.subject } : {}),
    ...(a.meeting ? { meeting: { ...meta.meeting, ...a.meeting } } : {}),
  };
}

const last = (n: PersonNote): PersonStatus | undefined => n.history.at(-1)?.status;

function upsert(
  meta: CallMeta,
  key: string,
  make: () => PersonNote,
  edit: (n: PersonNote) => PersonNote,
): CallMeta {
  const people = meta.people ?? [];
  const i = people.findIndex((p) => p.key === key);
  if (i < 0) return { ...meta, people: [...people, edit(make())] };
  const next = [...people];
  next[i] = edit(people[i]!);
  return { ...meta, people: next };
}

function withStatus(n: PersonNote, status: PersonStatus, at: number): PersonNote {
  return last(n) === status ? n : { ...n, history: [...n.history, { status, at }] };
}

/** People being rung (the call's targets, invitees, a transfer target); someone in the call stays joined. */
export function withRinging(
  meta: CallMeta,
  rung: readonly Rung[],
  via: PersonNote['via'],
  at: number,
  op?: string,
): CallMeta {
  let next = meta;
  for (const r of rung) {
    next = upsert(
      next,
      r.key,
      () => ({ key: r.key, kind: r.kind, via, history: [] }),
      (n) => {
        const named = {
          ...n,
          ...(r.name && !n.name ? { name: r.name } : {}),
          ...(r.userId ? { userId: r.userId } : {}),
          ...(r.phone ? { phone: r.phone } : {}),
          ...(op ? { op } : {}),
          ...(n.via === 'seen' ? { via } : {}),
        };
        return last(n) === 'joined' ? named : withStatus(named, 'ringing', at);
      },
    );
  }
  return next;
}

/** Someone the roster named: joined (or, when `left`, gone from it). */
export function withSeen(
  meta: CallMeta,
  who: Rung & { readonly participantId: string; readonly muted?: boolean },
  status: 'joined' | 'left',
  at: number,
): CallMeta {
  return upsert(
    meta,
    who.key,
    () => ({ key: who.key, kind: who.kind, via: 'seen', history: [] }),
    (n) => {
      // The roster confirmed the mute (or they left): nothing is pending any more.
      const settled = who.muted === true || status === 'left';
      const { muteAskedAt: _asked, ...confirmed } = n;
      const base: PersonNote = {
        ...(settled ? confirmed : n),
        participantId: who.participantId,
        ...(who.name ? { name: who.name } : {}),
        ...(who.userId ? { userId: who.userId } : {}),
        ...(who.phone ? { phone: who.phone } : {}),
      };
      return withStatus(base, status, at);
    },
  );
}

/** The ring of an operation (an invitation) failed: those it rang and who never joined get `status`. */
export function withRingFailed(meta: CallMeta, op: string, status: PersonStatus, at: number): CallMeta {
  if (!meta.people?.some((p) => p.op === op)) return meta;
  return {
    ...meta,
    people: meta.people.map((p) => (p.op === op && last(p) === 'ringing' ? withStatus(p, status, at) : p)),
  };
}

/** A transfer failed: its target, still ringing, gets `status`. */
export function withTransferFailed(meta: CallMeta, status: PersonStatus, at: number): CallMeta {
  if (!meta.people?.some((p) => p.via === 'transfer')) return meta;
  return {
    ...meta,
    people: meta.people.map((p) =>
      p.via === 'transfer' && last(p) === 'ringing' ? withStatus(p, status, at) : p,
    ),
  };
}

/** The first time the call connected. */
export function withConnected(meta: CallMeta, at: number): CallMeta {
  return meta.connectedAt === undefined ? { ...meta, connectedAt: at } : meta;
}

/** The app was asked to hang up (by a person, when `by` names them). */
export function withHangUp(meta: CallMeta, at: number, by?: string): CallMeta {
  return { ...meta, hangUp: { at, ...(by ? { by } : {}) } };
}
