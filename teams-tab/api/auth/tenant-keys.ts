// The signing keys of each tenant's authority ({authority}/{tid}/discovery/v2.0/keys), fetched on first
// use and again when a token names a key id we have not seen (Entra rolls its keys), at most once a minute.
import type { FetchJson } from './fetch-json';

/** A JSON Web Key as the authority publishes it. */
export interface Jwk {
  readonly kid?: string;
  readonly kty?: string;
  readonly [k: string]: unknown;
}

export interface TenantKeys {
  /** The key with `kid` for `tenantId`, or undefined when the authority does not publish it. */
  find(tenantId: string, kid: string): Promise<Jwk | undefined>;
}

const REFETCH_SPACING_MS = 60_000;

/** Builds the per-tenant key cache over `fetchJson`. */
export function createTenantKeys(
  authorityHost: string,
  fetchJson: FetchJson,
  now: () => number = Date.now,
): TenantKeys {
  const base = authorityHost.replace(/\/+$/, '');
  const cache = new Map<string, { keys: Jwk[]; fetchedAt: number }>();
  const pending = new Map<string, Promise<Jwk[]>>();

  async function load(tenantId: string): Promise<Jwk[]> {
    const doc = (await fetchJson(`${base}/${encodeURIComponent(tenantId)}/discovery/v2.0/keys`)) as {
      keys?: unknown;
    };
    const keys = Array.isArray(doc?.keys)
      ? (doc.keys as Jwk[]).filter((k) => typeof k?.kid === 'string')
      : [];
    cache.set(tenantId, { keys, fetchedAt: now() });
    return keys;
  }

  function refresh(tenantId: string): Promise<Jwk[]> {
    let p = pending.get(tenantId);
    if (!p) {
      p = load(tenantId).finally(() => pending.delete(tenantId));
      pending.set(tenantId, p);
    }
    return p;
  }

  return {
    async find(tenantId, kid) {
      const cached = cache.get(tenantId);
      const hit = cached?.keys.find((k) => k.kid === kid);
      if (hit) return hit;
      if (cached && now() - cached.fetchedAt < REFETCH_SPACING_MS) return undefined;
      return (await refresh(tenantId)).find((k) => k.kid === kid);
    },
  };
}
