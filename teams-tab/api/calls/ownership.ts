// Which user started which call from the tab. Kept in the store's kv so every instance, and a restart,
// knows whose "my calls" list a call belongs to.
import type { CallView } from '../../../calling';
import type { TabUser } from '../auth/types';
import type { TabKv } from '../ports';

export const TAB_CALLS_NS = 'tab-calls';
// A call's owner record outlives any call; a week bounds the table.
const OWNER_TTL_MS = 7 * 24 * 3600_000;

export interface CallOwner {
  readonly userId: string;
  readonly tenantId: string;
}

/** Remembers and answers whose call a call is. */
export interface CallOwnership {
  remember(callId: string, user: TabUser): Promise<void>;
  /** True when `user` started the call from the tab or is one of its participants. */
  belongsTo(call: CallView, user: Pick<TabUser, 'id'>): Promise<boolean>;
  /** The user's calls among `calls`, with one read of the owner records. */
  filterMine(calls: readonly CallView[], user: Pick<TabUser, 'id'>): Promise<CallView[]>;
}

function isParty(call: CallView, me: string): boolean {
  return (
    call.participants.some((p) => p.identity.id?.toLowerCase() === me) || call.source.id?.toLowerCase() === me
  );
}

/** Ownership over the kv store, with a small in-memory cache of owners. */
export function createCallOwnership(kv: TabKv): CallOwnership {
  const cache = new Map<string, string>();
  return {
    async remember(callId, user) {
      cache.set(callId, user.id);
      const owner: CallOwner = { userId: user.id, tenantId: user.tenantId };
      await kv.put(TAB_CALLS_NS, callId, owner, { ttlMs: OWNER_TTL_MS });
    },
    async belongsTo(call, user) {
      const me = user.id.toLowerCase();
      if (isParty(call, me)) return true;
      let owner = cache.get(call.id);
      if (owner === undefined) {
        // Only found owners are cached: a call placed a moment ago may not be recorded yet.
        owner = (await kv.get<CallOwner>(TAB_CALLS_NS, call.id))?.value.userId;
        if (owner === undefined) return false;
        if (cache.size > 5000) cache.clear();
        cache.set(call.id, owner);
      }
      return owner.toLowerCase() === me;
    },
    async filterMine(calls, user) {
      const me = user.id.toLowerCase();
      const owned = new Set(
        (await kv.list<CallOwner>(TAB_CALLS_NS))
          .filter((e) => e.value.userId.toLowerCase() === me)
          .map((e) => e.key),
      );
      return calls.filter((c) => owned.has(c.id) || isParty(c, me));
    },
  };
}
