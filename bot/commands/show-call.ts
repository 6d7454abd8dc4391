import type { CommandOf } from './command';
import { currentCall } from './current-call';
import type { Outcome, Scope } from './scope';

/** A call card's refresh (Universal Actions): the call's newest state. */
export async function showCall(cmd: CommandOf<'showCall'>, s: Scope): Promise<Outcome> {
  return currentCall(cmd.callId, s);
}
