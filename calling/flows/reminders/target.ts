// Whom a flow calls: an Entra user (object id) or an E.164 phone number, as data and as a call party.
import type { Party } from '../../core';
import type { ReminderTarget } from './types';

const E164 = /^\+[1-9]\d{6,14}$/;
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads "who": an E.164 number or a user object id; undefined when it is neither. */
export function targetOf(who: string, name?: string): ReminderTarget | undefined {
  const text = who.trim();
  const named = name?.trim() ? { name: name.trim() } : {};
  if (E164.test(text)) return { kind: 'phone', number: text, ...named };
  if (OBJECT_ID.test(text)) return { kind: 'user', id: text.toLowerCase(), ...named };
  return undefined;
}

/** The call party for a target. */
export function partyOf(t: ReminderTarget): Party {
  const displayName = t.name ? { displayName: t.name } : {};
  return t.kind === 'phone' ? { phone: t.number, ...displayName } : { user: t.id, ...displayName };
}

/** The target in words: the name when known, else the number or id. */
export function describeTarget(t: ReminderTarget): string {
  if (t.name) return t.name;
  return t.kind === 'phone' ? t.number : `user ${t.id}`;
}
