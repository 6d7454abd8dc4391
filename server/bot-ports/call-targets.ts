// The bot's call targets as the call model's parties, and what to remember about each.
import type { CallTarget } from '../../bot';
import type { CallSource, Party } from '../../calling';
import { PortError } from './port-error';

/** The call model's party for a target. */
export function partyOf(t: CallTarget): Party {
  return t.kind === 'person' ? { user: t.person.id, displayName: t.person.displayName } : { phone: t.number };
}

/**
 * The source a call to these targets needs: Graph places calls to phone numbers only from a resource
 * account (an application instance with a number), so without one such a call is refused here.
 */
export function sourceFor(
  targets: readonly CallTarget[],
  pstn: CallSource | undefined,
): CallSource | undefined {
  if (!targets.some((t) => t.kind === 'phone')) return undefined;
  if (pstn) return pstn;
  throw new PortError(
    'pstn_not_configured',
    'Calling phone numbers is not set up in this deployment.',
    'An administrator must give Switchboard a Teams resource account with a phone number to call from; until then, call people by name.',
  );
}
