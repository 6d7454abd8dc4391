// A person who is connected to a call follows the rest of their script: key presses (counted from when
// they joined) and hanging up. Key presses and hang-ups from the control API take the same paths.
import { keyPlan } from '../people';
import type { CallEngine } from './engine';
import type { CallRec } from './model';

/** What the engine does when a connected person acts. */
export interface PersonActions {
  pressKey(call: CallRec, personId: string, key: string): void;
  hangUp(call: CallRec, personId: string): void;
}

/** Schedules a connected person's scripted keys and hang-up; stops when they leave or the call ends. */
export function startPersonSession(
  engine: CallEngine,
  call: CallRec,
  personId: string,
  actions: PersonActions,
): void {
  const person = engine.directory.person(personId);
  if (!person) return;
  const script = structuredClone(person.script);
  const timers = keyPlan(script).map((press) =>
    engine.later(call, press.atMs, () => {
      if (isConnected(call, personId)) actions.pressKey(call, personId, press.key);
    }),
  );
  if (script.hangUpAfterMs !== undefined) {
    timers.push(
      engine.later(call, script.hangUpAfterMs, () => {
        if (isConnected(call, personId)) actions.hangUp(call, personId);
      }),
    );
  }
  const stop = (): void => {
    for (const t of timers) engine.cancel(call, t);
  };
  call.cleanups.add(stop);
}

/** True while the person is on the call (as its P2P counterpart or in its roster). */
export function isConnected(call: CallRec, personId: string): boolean {
  if (call.state === 'terminated') return false;
  for (const p of call.participants.values()) if (p.personId === personId) return true;
  return false;
}
