// A consultation leg: a call the app places to bring someone into another call it is in (click-to-call
// rings B on a call of its own while A waits, then transfers A's call onto it). The leg is part of the
// call it serves, not a call of its own: its people show in that call's people with their status on
// the leg (ringing, joined, declined, busy, no answer), the call reads `transferring` while a leg is
// live, and no surface lists the leg apart. Both rows say so in their annotations: the leg names the
// call it serves (`consultFor`), that call lists its legs (`consultations`).
import type { CallMeta } from './annotations';
import type { Call, CallPerson } from './call';

/** The leg's note: it serves that call (its key); nothing for a call that serves none. */
export function withConsultFor(meta: CallMeta, callKey: string | undefined): CallMeta {
  return callKey === undefined || meta.consultFor === callKey ? meta : { ...meta, consultFor: callKey };
}

/** The served call's note: one more leg (its key). */
export function withConsultation(meta: CallMeta, legKey: string): CallMeta {
  const legs = meta.consultations ?? [];
  return legs.includes(legKey) ? meta : { ...meta, consultations: [...legs, legKey] };
}

/**
 * Someone rung on a leg, as the served call shows them: as the leg says, except that once the served
 * call ended nobody is still ringing for it (the leg is hung up with it).
 */
function personOnLeg(p: CallPerson, servedEnded: boolean): CallPerson {
  return servedEnded && p.status === 'ringing' ? { ...p, status: 'noAnswer' } : p;
}

/**
 * The people of a call with those of its legs: a person the call already names (the target of the
 * transfer onto the leg) takes the leg's status, in place; the others follow, in the legs' order.
 */
export function peopleWithLegs(
  own: readonly CallPerson[],
  legs: readonly Call[],
  servedEnded: boolean,
): CallPerson[] {
  const people = [...own];
  for (const leg of legs)
    for (const p of leg.people) {
      if (p.isSelf) continue;
      const shown = personOnLeg(p, servedEnded);
      const i = people.findIndex((q) => !q.isSelf && q.key === p.key);
      if (i < 0) people.push(shown);
      else people[i] = shown;
    }
  return people;
}

/** Whether a leg still rings someone or holds them for the call it serves. */
export const legIsLive = (leg: Call) => leg.phase !== 'ended';
