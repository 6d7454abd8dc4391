import { callCard } from '../cards/call-card';
import { errorCard } from '../cards/error-card';
import { resolveParties } from '../people/resolve';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** connect <A> <B>: click-to-call; the bot calls A and brings B in once A answers. */
export async function connect(cmd: CommandOf<'connect'>, s: Scope): Promise<Outcome> {
  const r = await resolveParties([cmd.a, cmd.b], s, 'connect', ([a, b]) => ({
    kind: 'connect',
    a: a!,
    b: b!,
  }));
  if (!r.ok) return r.outcome;
  const [a, b] = r.targets;
  if (!a || !b) {
    return {
      card: errorCard({
        title: 'Those are the same person',
        message: 'Connecting someone with themselves would only ring one phone.',
        hint: 'Name two different people or numbers.',
        command: 'connect',
        code: 'same_party',
      }),
    };
  }
  const placed = await s.ports.calls.connect(a, b, s.requester);
  return { card: callCard(placed, { now: s.clock.now, refreshUserIds: [s.userId] }), track: placed };
}
