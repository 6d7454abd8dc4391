// Typed presence reads (SPEC §7): one user, or many in chunks of at most 650 ids per request.
import type { Presence } from '@microsoft/microsoft-graph-types';
import { CallingError } from '../errors';
import { seg } from './operation-result';
import type { GraphAuth, GraphClient, GraphContext } from './types';

/** Graph's limit on ids per getPresencesByUserId request. */
export const PRESENCE_BATCH_LIMIT = 650;

/** The presence API. `auth` defaults to the app's token; pass a user's to read as that user (delegated). */
export interface PresenceApi {
  getPresence(userId: string, auth?: GraphAuth, ctx?: GraphContext): Promise<Presence>;
  /** Presence of many users, in the order Graph returns them; duplicates are asked once. */
  getPresences(userIds: readonly string[], auth?: GraphAuth, ctx?: GraphContext): Promise<Presence[]>;
}

/** The presence API over `graph`. */
export function createPresenceApi(graph: GraphClient): PresenceApi {
  return {
    async getPresence(userId, auth, ctx) {
      const res = await graph.request<Presence>({
        method: 'GET',
        path: `/users/${seg(userId)}/presence`,
        auth,
        context: ctx,
      });
      if (!res.body) throw new CallingError('graph_error', `Graph returned no presence for user ${userId}.`);
      return res.body;
    },
    async getPresences(userIds, auth, ctx) {
      const ids = [...new Set(userIds)];
      const out: Presence[] = [];
      // One chunk at a time: presence is throttled per app and tenant (SPEC §9).
      for (let i = 0; i < ids.length; i += PRESENCE_BATCH_LIMIT) {
        const res = await graph.request<{ value?: Presence[] }>({
          method: 'POST',
          path: '/communications/getPresencesByUserId',
          body: { ids: ids.slice(i, i + PRESENCE_BATCH_LIMIT) },
          auth,
          context: ctx,
          // A read sent as POST: safe to repeat.
          idempotent: true,
        });
        out.push(...(res.body?.value ?? []));
      }
      return out;
    },
  };
}
