// A mute's life in the call model. Asked for: "muting…" until confirmed. In a group call or meeting the
// roster confirms it (withSeen, annotations.ts); a 1:1 call has no roster (SPEC §3.1), so there the
// completed muteParticipant operation is Graph's confirmation (withMuted). The caller of an incoming 1:1
// call is in no roster and was never rung, so the app has no note of them until it mutes them: the mute
// starts one (people.ts shows it as the caller).
import type { CallMeta, PersonNote, Rung } from './annotations';

/**
 * Whom a mute is for: Graph's participant id, and who the person is when they were found by who they
 * are (Graph's list of participants).
 */
export interface MuteTarget {
  readonly participantId: string;
  readonly who?: Rung;
}

const isTarget = (p: PersonNote, t: MuteTarget) =>
  p.participantId === t.participantId || (t.who !== undefined && p.key === t.who.key);

function withTarget(meta: CallMeta, t: MuteTarget, edit: (p: PersonNote) => PersonNote): CallMeta {
  const people = meta.people ?? [];
  if (people.some((p) => isTarget(p, t)))
    return { ...meta, people: people.map((p) => (isTarget(p, t) ? edit(p) : p)) };
  if (!t.who) return meta;
  const seen: PersonNote = { ...t.who, participantId: t.participantId, via: 'seen', history: [] };
  return { ...meta, people: [...people, edit(seen)] };
}

/** A mute was asked for (or, with `asked` false, failed); the person learns their participant id. */
export function withMuteAsked(
  meta: CallMeta,
  target: MuteTarget | string,
  at: number,
  asked = true,
): CallMeta {
  const t = typeof target === 'string' ? { participantId: target } : target;
  return withTarget(meta, t, (p) => {
    if (asked) return { ...p, participantId: t.participantId, muteAskedAt: at };
    const { muteAskedAt: _dropped, ...rest } = p;
    return rest;
  });
}

/** Graph completed the mute of someone in a call without a roster: they are muted. */
export function withMuted(meta: CallMeta, target: MuteTarget, at: number): CallMeta {
  return withTarget(meta, target, (p) => {
    const { muteAskedAt: _confirmed, ...rest } = p;
    return { ...rest, participantId: target.participantId, mutedAt: at };
  });
}
