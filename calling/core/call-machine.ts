// The call state machine as a table: rows are the state we hold, columns what was just observed.
// Graph publishes no state diagram (SPEC §2.2); the cells follow the documented flows, with the rules
// that establishing/established may arrive in either order, duplicates are normal, and terminated is final.
import type { CallState as GraphCallState } from '@microsoft/microsoft-graph-types';

/** Graph's callState values (SPEC §2.2; `ringing` is in the current enum though not in the typings). */
export const CALL_STATES = [
  'incoming',
  'establishing',
  'ringing',
  'established',
  'hold',
  'transferring',
  'transferAccepted',
  'redirecting',
  'terminating',
  'terminated',
] as const;

export type CallState = (typeof CALL_STATES)[number];

// Fails to compile if the published typings gain a state this table does not have.
type Missing = Exclude<GraphCallState, 'unknownFutureValue' | CallState>;
const everyGraphStateCovered: [Missing] extends [never] ? true : Missing = true;
void everyGraphStateCovered;

/** What can happen to a call: a state observed in a notification or GET, its deletion, or a 404. */
export type CallEvent = CallState | 'deleted' | 'gone';

export const CALL_EVENTS: readonly CallEvent[] = [...CALL_STATES, 'deleted', 'gone'];

/**
 * enter: move to the observed state. same: a duplicate of the current state. stale: an older state
 * arriving late, ignored. end: the call is over (terminated). final: ignored, the call already ended.
 * enterIfFailed: move back only if the notification carries a failure resultInfo (a failed transfer
 * returns to established with 500/7000); otherwise it is a late duplicate of the earlier established.
 */
export type Outcome = 'enter' | 'same' | 'stale' | 'end' | 'final' | 'enterIfFailed';

type Row = Record<CallEvent, Outcome>;

// prettier-ignore
export const CALL_MACHINE = {
  //                incoming  establishing ringing  established      hold     transferring transferAccepted redirecting terminating terminated deleted gone
  incoming:         { incoming: 'same',  establishing: 'enter', ringing: 'enter', established: 'enter', hold: 'enter', transferring: 'enter', transferAccepted: 'enter', redirecting: 'enter', terminating: 'enter', terminated: 'end', deleted: 'end', gone: 'end' },
  establishing:     { incoming: 'stale', establishing: 'same',  ringing: 'enter', established: 'enter', hold: 'enter', transferring: 'enter', transferAccepted: 'enter', redirecting: 'enter', terminating: 'enter', terminated: 'end', deleted: 'end', gone: 'end' },
  ringing:          { incoming: 'stale', establishing: 'stale', ringing: 'same',  established: 'enter', hold: 'enter', transferring: 'enter', transferAccepted: 'enter', redirecting: 'enter', terminating: 'enter', terminated: 'end', deleted: 'end', gone: 'end' },
  established:      { incoming: 'stale', establishing: 'stale', ringing: 'stale', established: 'same',  hold: 'enter', transferring: 'enter', transferAccepted: 'enter', redirecting: 'enter', terminating: 'enter', terminated: 'end', deleted: 'end', gone: 'end' },
  hold:             { incoming: 'stale', establishing: 'stale', ringing: 'stale', established: 'enter', hold: 'same',  transferring: 'enter', transferAccepted: 'enter', redirecting: 'enter', terminating: 'enter', terminated: 'end', deleted: 'end', gone: 'end' },
  transferring:     { incoming: 'stale', establishing: 'stale', ringing: 'stale', established: 'enterIfFailed', hold: 'stale', transferring: 'same', transferAccepted: 'enter', redirecting: 'stale', terminating: 'enter', terminated: 'end', deleted: 'end', gone: 'end' },
  transferAccepted: { incoming: 'stale', establishing: 'stale', ringing: 'stale', established: 'enterIfFailed', hold: 'stale', transferring: 'stale', transferAccepted: 'same', redirecting: 'stale', terminating: 'enter', terminated: 'end', deleted: 'end', gone: 'end' },
  redirecting:      { incoming: 'stale', establishing: 'stale', ringing: 'stale', established: 'stale', hold: 'stale', transferring: 'stale', transferAccepted: 'stale', redirecting: 'same', terminating: 'enter', terminated: 'end', deleted: 'end', gone: 'end' },
  terminating:      { incoming: 'stale', establishing: 'stale', ringing: 'stale', established: 'stale', hold: 'stale', transferring: 'stale', transferAccepted: 'stale', redirecting: 'stale', terminating: 'same', terminated: 'end', deleted: 'end', gone: 'end' },
  terminated:       { incoming: 'final', establishing: 'final', ringing: 'final', established: 'final', hold: 'final', transferring: 'final', transferAccepted: 'final', redirecting: 'final', terminating: 'final', terminated: 'final', deleted: 'final', gone: 'final' },
} as const satisfies Record<CallState, Row>;

/** The decision for one event: the outcome and the state the call is in afterwards. */
export interface Decision {
  readonly outcome: Outcome;
  readonly changed: boolean;
  readonly next: CallState;
}

/** Applies one event to the state we hold (undefined: a call we have not seen yet). */
export function decide(current: CallState | undefined, event: CallEvent, carriesFailure = false): Decision {
  if (current === undefined) {
    const next: CallState = event === 'deleted' || event === 'gone' ? 'terminated' : event;
    return { outcome: next === 'terminated' ? 'end' : 'enter', changed: true, next };
  }
  const outcome: Outcome = CALL_MACHINE[current][event];
  switch (outcome) {
    case 'enter':
      return { outcome, changed: true, next: event as CallState };
    case 'enterIfFailed':
      return carriesFailure
        ? { outcome, changed: true, next: event as CallState }
        : { outcome: 'stale', changed: false, next: current };
    case 'end':
      return { outcome, changed: true, next: 'terminated' };
    default:
      return { outcome, changed: false, next: current };
  }
}

/** Whether a string is one of Graph's call states we know. */
export function isCallState(value: unknown): value is CallState {
  return typeof value === 'string' && (CALL_STATES as readonly string[]).includes(value);
}

/** States in which a call is live enough for media and participant actions. */
export const ACTIVE_STATES: ReadonlySet<CallState> = new Set(['established', 'hold']);
