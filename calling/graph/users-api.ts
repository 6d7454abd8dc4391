// Directory reads used to resolve people by name or id (bot commands, call targets).
import type { User } from '@microsoft/microsoft-graph-types';
import { CallingError } from '../errors';
import { seg } from './operation-result';
import type { GraphAuth, GraphClient, GraphContext } from './types';

const USER_FIELDS = 'id,displayName,userPrincipalName,mail,jobTitle,businessPhones,mobilePhone';

/** The users API. `auth` defaults to the app's token. */
export interface UsersApi {
  /** One user by object id or user principal name. */
  getUser(idOrUpn: string, auth?: GraphAuth, ctx?: GraphContext): Promise<User>;
  /** Users whose display name starts with `prefix` (at most `top`, default 10). */
  searchUsers(prefix: string, opts?: { top?: number; auth?: GraphAuth }, ctx?: GraphContext): Promise<User[]>;
}

/** The users API over `graph`. */
export function createUsersApi(graph: GraphClient): UsersApi {
  return {
    async getUser(idOrUpn, auth, ctx) {
      const res = await graph.request<User>({
        method: 'GET',
        path: `/users/${seg(idOrUpn)}`,
        query: { $select: USER_FIELDS },
        auth,
        context: ctx,
      });
      if (!res.body) throw new CallingError('graph_error', `Graph returned no body for user ${idOrUpn}.`);
      return res.body;
    },
    async searchUsers(prefix, opts = {}, ctx) {
      const top = Math.min(Math.max(1, Math.trunc(opts.top ?? 10)), 999);
      const res = await graph.request<{ value?: User[] }>({
        method: 'GET',
        path: '/users',
        // OData string literal: a quote inside is doubled.
        query: {
          $filter: `startswith(displayName,'${prefix.replace(/'/g, "''")}')`,
          $top: String(top),
          $select: USER_FIELDS,
        },
        auth: opts.auth,
        context: ctx,
      });
      return res.body?.value ?? [];
    },
  };
}
