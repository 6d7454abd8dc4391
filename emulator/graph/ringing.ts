// Ringing a simulated person for a call: their script (or the fact that they are already on a call)
// decides whether and when they answer, decline, report busy or let it ring out. While the phone rings,
// someone may also pick up or decline by hand for the person (the softphone page, the control API).
import type { Person } from '../people';
import { ringOutcome } from '../people';
import type { CallEngine } from './engine';
import type { CallRec } from './model';

export type RingFailure = 'decline' | 'busy' | 'ignore';

export interface RingHandlers {
  onAnswer: () => void;
  onFail: (why: RingFailure) => void;
}

/** The rings in progress per call, by person id (lower case), with what picking up does. */
const pending = new WeakMap<CallRec, Map<string, (how: 'answer' | 'decline') => void>>();

/** Answers or declines a ring in progress by hand; false when the person's phone is not ringing for call. */
export function pickUp(call: CallRec, personId: string, how: 'answer' | 'decline'): boolean {
  const act = pending.get(call)?.get(personId.toLowerCase());
  if (!act) return false;
  act(how);
  return true;
}

/**
 * Rings `person` on behalf of `call`. Returns a function that stops the ringing (simulring: another
 * target answered first). Nothing fires once the call has ended.
 */
export function ringPerson(
  engine: CallEngine,
  call: CallRec,
  person: Person,
  timeoutMs: number,
  handlers: RingHandlers,
): () => void {
  const outcome = ringOutcome(person.script, engine.isEngaged(person.id, call));
  call.ringing.add(person.id);
  const key = person.id.toLowerCase();
  let settled = false;
  const settle = (): boolean => {
    if (settled) return false;
    settled = true;
    call.ringing.delete(person.id);
    pending.get(call)?.delete(key);
    engine.cancel(call, timer);
    engine.cancel(call, timeout);
    call.cleanups.delete(stop);
    return true;
  };
  const stop = (): void => {
    settle();
  };
  const fail = (why: RingFailure): void => {
    if (!settle()) return;
    engine.note(call, 'person', { personId: person.id, event: why === 'ignore' ? 'noAnswer' : why });
    handlers.onFail(why);
  };
  const answer = (): void => {
    if (!settle()) return;
    engine.note(call, 'person', { personId: person.id, event: 'answered' });
    handlers.onAnswer();
  };
  // A busy line cannot be picked up; every other ring can, whatever the script would do later.
  if (outcome.kind !== 'busy') {
    const rings = pending.get(call) ?? new Map<string, (how: 'answer' | 'decline') => void>();
    rings.set(key, (how) => (how === 'answer' ? answer() : fail('decline')));
    pending.set(call, rings);
  }
  engine.note(call, 'person', { personId: person.id, event: 'ringing', reaction: outcome.kind });
  const timeout = engine.later(call, timeoutMs, () => fail('ignore'));
  const timer =
    outcome.kind === 'ignore' || outcome.kind === 'manual'
      ? undefined
      : engine.later(call, outcome.afterMs, () => {
          if (outcome.kind === 'answer') answer();
          else fail(outcome.kind);
        });
  call.cleanups.add(stop);
  return stop;
}
