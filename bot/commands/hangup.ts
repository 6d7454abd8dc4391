import type { CommandOf } from './command';
import { currentCall } from './current-call';
import type { Outcome, Scope } from './scope';

/** The call card's Hang up button. */
export async function hangup(cmd: CommandOf<'hangup'>, s: Scope): Promise<Outcome> {
  await s.ports.calls.hangUp(cmd.callId, s.requester);
  return currentCall(cmd.callId, s, 'Hanging up…');
}
