// A person of the seeded tenant as a Graph `user`: every property the emulator knows, and the set
// Graph returns when no $select is given.
import type { Person } from '../people';

/** What GET /users returns without $select (Graph v1.0's default user properties). */
export const DEFAULT_USER_FIELDS = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** Every user property the emulator can fill; other CSDL properties come back as null when selected. */
export function userJson(person: Person): Record<string, unknown> {
  return {
    businessPhones: person.phone ? [person.phone] : [],
    displayName: person.displayName,
    givenName: person.givenName ?? null,
    jobTitle: person.jobTitle ?? null,
    mail: person.mail ?? null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: person.surname ?? null,
    userPrincipalName: person.userPrincipalName,
    id: person.id,
    accountEnabled: true,
    userType: 'Member',
    usageLocation: 'US',
    mailNickname: person.userPrincipalName.split('@')[0] ?? null,
  };
}

/** The user with only the default properties, in Graph's order. */
export function defaultUserJson(person: Person): Record<string, unknown> {
  const all = userJson(person);
  return Object.fromEntries(DEFAULT_USER_FIELDS.map((k) => [k, all[k] ?? null]));
}
