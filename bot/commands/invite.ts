import { resolveParties } from '../people/resolve';
import type { CallTarget } from '../ports';
import type { CommandOf } from './command';
import { currentCall } from './current-call';
import type { Outcome, Scope } from './scope';

/** Resolves the person or number a call control names, then acts on the call unless it has ended. */
export async function actOnCallWith(
  cmd: CommandOf<'invite'> | CommandOf<'transfer'>,
  s: Scope,
  act: (target: CallTarget) => Promise<void>,
  note: (name: string) => string,
): Promise<Outcome> {
  const r = await resolveParties([cmd.target], s, cmd.kind, ([target]) => ({ ...cmd, target: target! }));
  if (!r.ok) return r.outcome;
  const target = r.targets[0]!;
  const call = await s.liveCall(cmd.callId);
  if (call?.phase === 'ended') return currentCall(cmd.callId, s);
  await act(target);
  return currentCall(
    cmd.callId,
    s,
    note(target.kind === 'person' ? target.person.displayName : target.number),
  );
}

/** The call card's Invite form: brings another person or number into the call. */
export async function invite(cmd: CommandOf<'invite'>, s: Scope): Promise<Outcome> {
  return actOnCallWith(
    cmd,
    s,
    (t) => s.ports.calls.invite(cmd.callId, t, s.requester),
    (n) => `Inviting ${n}…`,
  );
}
