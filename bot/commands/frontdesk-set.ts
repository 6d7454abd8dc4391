import type { CommandOf } from './command';
import { currentFrontDesk } from './frontdesk';
import type { Outcome, Scope } from './scope';

/** A rule's switch on the front desk card. */
export async function frontdeskSet(cmd: CommandOf<'frontdeskSet'>, s: Scope): Promise<Outcome> {
  await s.ports.frontDesk.setEnabled(cmd.ruleId, cmd.enabled, s.requester);
  return { card: await currentFrontDesk(s), inPlace: true };
}
