// Ringing a simulated person for a call: their script (or the fact that they are already on a call)
// decides whether and when they answer, decline, report busy or let it ring out.
import type { Person } from '../people';
import { ringOutcome } from '../people';
import type { CallEngine } from './engine';
import type { CallRec } from './model';

export type RingFailure = 'decline' | 'busy' | 'ignore';

export interface RingHandlers {
  onAnswer: () => void;
  onFail: (why: RingFailure) => void;
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
  engine.note(call, 'person', { personId: person.id, event: 'ringing', reaction: outcome.kind });
  let settled = false;
  const settle = (): boolean => {
    if (settled) return false;
    settled = true;
    call.ringing.delete(person.id);
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
  const timeout = engine.later(call, timeoutMs, () => fail('ignore'));
  const timer =
    outcome.kind === 'ignore'
      ? undefined
      : engine.later(call, outcome.afterMs, () => {
          if (outcome.kind === 'answer') {
            if (!settle()) return;
            engine.note(call, 'person', { personId: person.id, event: 'answered' });
            handlers.onAnswer();
          } else fail(outcome.kind);
        });
  call.cleanups.add(stop);
  return stop;
}
