// One key per person across a call's life, whether the app rang them (a Party) or the roster named them
// (an identitySet): a user's object id in lower case, an E.164 number, an app's id; a guest or anyone
// else is known by their participant id.
import type { PartyIdentity } from '../identity';
import type { Party } from '../requests';
import type { Rung } from './annotations';

/** Who a party the app rings is. */
export function rungOfParty(p: Party): Rung {
  const name = p.displayName ? { name: p.displayName } : {};
  if ('user' in p) return { key: p.user.toLowerCase(), kind: 'person', userId: p.user, ...name };
  if ('phone' in p) return { key: p.phone, kind: 'phone', phone: p.phone, ...name };
  return { key: `app:${p.applicationInstance.toLowerCase()}`, kind: 'app', ...name };
}

/** Who a participant of the roster (or a caller) is; `fallbackKey` when the identity names nobody. */
export function rungOfIdentity(who: PartyIdentity, fallbackKey: string): Rung {
  const name = who.displayName ? { name: who.displayName } : {};
  if (who.kind === 'user' && who.id)
    return { key: who.id.toLowerCase(), kind: 'person', userId: who.id, ...name };
  if (who.kind === 'phone' && who.id) return { key: who.id, kind: 'phone', phone: who.id, ...name };
  if ((who.kind === 'application' || who.kind === 'applicationInstance') && who.id)
    return { key: `app:${who.id.toLowerCase()}`, kind: 'app', ...name };
  return { key: fallbackKey, kind: 'guest', ...name };
}
