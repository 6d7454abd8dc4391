import type { CommandOf } from './command';
import { currentFrontDesk } from './frontdesk';
import type { Outcome, Scope } from './scope';

/** "Post alerts in this chat": escalations and IVR notifications go to this conversation from now on. */
export async function alertsHere(_cmd: CommandOf<'alertsHere'>, s: Scope): Promise<Outcome> {
  await s.alerts.setHere();
  return { card: await currentFrontDesk(s), inPlace: true };
}
