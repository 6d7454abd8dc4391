import { frontDeskCard } from '../cards/frontdesk-card';
import type { AdaptiveCard } from '../cards/types';
import type { CommandOf } from './command';
import type { Outcome, Scope } from './scope';

/** The front desk card as it is now. */
export async function currentFrontDesk(s: Scope): Promise<AdaptiveCard> {
  const [rules, alertsHere] = await Promise.all([s.ports.frontDesk.listRules(), s.alerts.isHere()]);
  return frontDeskCard(rules, { alertsHere });
}

/** frontdesk: the incoming-call rules with a switch each. */
export async function frontdesk(_cmd: CommandOf<'frontdesk'>, s: Scope): Promise<Outcome> {
  return { card: await currentFrontDesk(s) };
}
