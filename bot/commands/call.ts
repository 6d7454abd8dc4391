import { callCard } from '../cards/call-card';
import { resolveParties } from '../people/resolve';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** call <person|number>: the bot places a 1:1 call and posts the live call card. */
export async function call(cmd: CommandOf<'call'>, s: Scope): Promise<Outcome> {
  const r = await resolveParties([cmd.target], s, 'call', ([target]) => ({ kind: 'call', target: target! }));
  if (!r.ok) return r.outcome;
  const placed = await s.ports.calls.placeCall(r.targets[0]!, s.requester);
  return { card: callCard(placed, { now: s.clock.now, refreshUserIds: [s.userId] }), track: placed };
}
