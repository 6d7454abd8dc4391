// The signing keys of each tenant's authority ({authority}/{tid}/discovery/v2.0/keys): one key cache per
// tenant, the same cache the calling webhook uses (fetched on first use, again when a token names a key id
// not seen yet, spaced by a minute, only RS256 signing keys of 2,048 bits or more).
import type { KeyObject } from 'node:crypto';
import { createSigningKeys, type FetchJson, type SigningKeys } from '../../../calling';
import type { TabLogger } from '../ports';

export interface TenantKeys {
  /**
   * The key with `kid` for `tenantId`, or undefined when the authority does not publish it; rejects
   * while the tenant's keys could never be loaded (nobody can be checked then).
   */
  find(tenantId: string, kid: string): Promise<KeyObject | undefined>;
}

const REFETCH_SPACING_MS = 60_000;

/** Builds the per-tenant key cache over `fetchJson`. */
export function createTenantKeys(
  authorityHost: string,
  fetchJson: FetchJson,
  logger: TabLogger,
  now: () => number = Date.now,
): TenantKeys {
  const base = authorityHost.replace(/\/+$/, '');
  const tenants = new Map<string, SigningKeys>();

  function keysOf(tenantId: string): SigningKeys {
    let keys = tenants.get(tenantId);
    if (!keys) {
      const url = `${base}/${encodeURIComponent(tenantId)}/discovery/v2.0/keys`;
      keys = createSigningKeys({
        source: url,
        jwksUrl: () => Promise.resolve(url),
        fetchJson,
        logger,
        label: 'tab sign-in keys',
        minRefreshMs: REFETCH_SPACING_MS,
        now,
      });
      tenants.set(tenantId, keys);
    }
    return keys;
  }

  return {
    async find(tenantId, kid) {
      const keys = keysOf(tenantId);
      const key = await keys.find(kid);
      if (!key && !keys.ready()) await keys.ensureReady();
      return key;
    },
  };
}
