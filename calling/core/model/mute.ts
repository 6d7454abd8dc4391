// A mute's life in the call model. Asked for: "muting…" until confirmed. In a group call or meeting the
// roster confirms it (withSeen, annotations.ts); a 1:1 call has no roster (SPEC §3.1), so there the
// completed muteParticipant operation is Graph's confirmation (withMuted).
import type { CallMeta, PersonNote } from './annotations';

/** Whom a mute is for: Graph's participant id, and the person's key when it was found by who they are. */
export interface MuteTarget {
  readonly participantId: string;
  readonly key?: string;
}

const isTarget = (p: PersonNote, t: MuteTarget) =>
  p.participantId === t.participantId || (t.key !== undefined && p.key === t.key);

function withTarget(meta: CallMeta, t: MuteTarget, edit: (p: PersonNote) => PersonNote): CallMeta {
  if (!meta.people?.some((p) => isTarget(p, t))) return meta;
  return { ...meta, people: meta.people.map((p) => (isTarget(p, t) ? edit(p) : p)) };
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
