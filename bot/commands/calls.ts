import { callsCard } from '../cards/calls-card';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** calls: the live calls with their controls. */
export async function calls(_cmd: CommandOf<'calls'>, s: Scope): Promise<Outcome> {
  const live = await s.ports.calls.listLive();
  return { card: callsCard(live, s.clock.now), inPlace: s.via === 'card' };
}
