import type { CommandOf } from './command';
import { actOnCallWith } from './invite';
import type { Outcome, Scope } from './scope';

/** The call card's Transfer form: hands a 1:1 call over to someone else. */
export async function transfer(cmd: CommandOf<'transfer'>, s: Scope): Promise<Outcome> {
  return actOnCallWith(
    cmd,
    s,
    (t) => s.ports.calls.transfer(cmd.callId, t, s.requester),
    (n) => `Transferring to ${n}…`,
  );
}
