// Which callState may follow which, as the documented flows show them (SPEC.md §2.2). The engine
// refuses any other move, so a bug shows up as an error instead of an impossible notification order.
import type { CallState } from './model';

const NEXT: Record<CallState, readonly CallState[]> = {
  incoming: ['establishing', 'redirecting', 'terminated'],
  establishing: ['established', 'terminating', 'terminated'],
  established: ['hold', 'transferring', 'terminating', 'terminated'],
  hold: ['established', 'terminating', 'terminated'],
  transferring: ['transferAccepted', 'established', 'terminating', 'terminated'],
  transferAccepted: ['terminated'],
  redirecting: ['terminated'],
  terminating: ['terminated'],
  terminated: [],
};

/** True when a call in `from` may move to `to`. */
export function canTransition(from: CallState, to: CallState): boolean {
  return NEXT[from].includes(to);
}

/** States a call may move to from `from`. */
export function nextStates(from: CallState): readonly CallState[] {
  return NEXT[from];
}

/** The notification changeType that announces a call entering `to` (deleted for the end of a call). */
export function changeTypeFor(to: CallState): 'updated' | 'deleted' {
  return to === 'terminated' ? 'deleted' : 'updated';
}

/** States in which media operations (prompts, recordings, tones) are accepted. */
export function acceptsMedia(state: CallState): boolean {
  return state === 'established' || state === 'hold';
}

/** Names the state an action needs, for error messages. */
export function describeState(state: CallState): string {
  return state === 'terminated' ? 'the call has ended' : `the call is ${state}`;
}
