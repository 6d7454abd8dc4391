// The bot's directory port over Graph users.
import type { User } from '@microsoft/microsoft-graph-types';
import type { PeoplePort, Person } from '../../bot';
import { mapped, PortError } from './port-error';
import type { DirectoryApi } from './types';

const E164 = /^\+[1-9]\d{6,14}$/;

/** A Graph user as the bot's Person; undefined for a user without an id or a name. */
export function personOf(u: User): Person | undefined {
  if (!u.id) return undefined;
  const displayName = u.displayName?.trim() || u.mail || u.userPrincipalName;
  if (!displayName) return undefined;
  const phone = [...(u.businessPhones ?? []), u.mobilePhone]
    .map((p) => p?.replace(/[\s().-]/g, ''))
    .find((p): p is string => p !== undefined && E164.test(p));
  return {
    id: u.id,
    displayName,
    ...(u.mail ? { mail: u.mail } : {}),
    ...(u.userPrincipalName ? { userPrincipalName: u.userPrincipalName } : {}),
    ...(phone ? { phone } : {}),
  };
}

function isNotFound(err: unknown): boolean {
  return err instanceof PortError && err.code === 'graph_not_found';
}

/** Looks a user up by object id or user principal name; undefined when the directory has nobody. */
async function lookUp(api: DirectoryApi, idOrUpn: string): Promise<Person | undefined> {
  try {
    return personOf(await mapped(() => api.getUser(idOrUpn)));
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** People by name (display-name prefix) or by address (user principal name, then name prefix). */
export function createPeoplePort(api: DirectoryApi): PeoplePort {
  return {
    async search(query, opts = {}) {
      const text = query.trim();
      if (!text) return [];
      const limit = Math.max(1, opts.limit ?? 10);
      if (text.includes('@')) {
        // Mail and user principal name are the same address for most people; the directory reads one
        // user by UPN directly, which is exact and cheap.
        const byUpn = await lookUp(api, text);
        if (byUpn) return [byUpn];
      }
      const users = await mapped(() => api.searchUsers(text, { top: limit }));
      return users.flatMap((u) => personOf(u) ?? []).slice(0, limit);
    },
    async getById(id) {
      if (!id.trim()) return undefined;
      return lookUp(api, id.trim());
    },
  };
}
