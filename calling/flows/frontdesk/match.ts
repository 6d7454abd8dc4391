// Does a caller match a rule's list? By directory name, Teams user id, phone number pattern, or
// being anonymous (no identity the app can see).
import type { PartyIdentity } from '../../core';
import type { Directory } from '../runtime';
import type { CallerMatch } from './config-schema';

const digitsOf = (s: string) => s.replace(/[^0-9+]/g, '');

/** A phone pattern (`*` any digits, `?` one digit) as a regular expression over E.164. */
export function phonePattern(pattern: string): RegExp {
  const raw = pattern
    .split('')
    .map((c) => (c === '*' ? '[0-9]*' : c === '?' ? '[0-9]' : c === '+' ? '\\+' : /[0-9]/.test(c) ? c : ''))
    .join('');
  return new RegExp(`^${raw}$`);
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** True when the caller is the one the matcher names. */
export function callerMatches(caller: PartyIdentity, m: CallerMatch, dir: Directory): boolean {
  if (typeof m === 'string') {
    const p = dir.people[m];
    if (!p) return false;
    if ('user' in p) return caller.kind === 'user' && same(caller.id, p.user);
    if ('phone' in p) return caller.kind === 'phone' && caller.id === p.phone;
    return false;
  }
  if ('user' in m) return caller.kind === 'user' && same(caller.id, m.user);
  if ('phone' in m)
    return caller.kind === 'phone' && !!caller.id && phonePattern(m.phone).test(digitsOf(caller.id));
  return caller.kind === 'unknown' || caller.kind === 'encrypted' || !caller.id;
}
