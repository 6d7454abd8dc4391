import { helpCard } from '../cards/help-card';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** help: every command with its usage and a button or form for each. */
export async function help(_cmd: CommandOf<'help'>, _s: Scope): Promise<Outcome> {
  return { card: helpCard() };
}
