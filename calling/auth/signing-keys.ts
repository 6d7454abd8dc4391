// The one cache of an issuer's public signing keys, for the calling webhook and the tab's SSO alike.
// jose's createRemoteJWKSet is not used: it refetches on every request while the issuer is down (no
// spacing after a failed first load), cannot be given a clock, and has no OpenID-document step.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { FetchJson } from '../webhook/fetch-json';
import type { WebhookLogger } from '../webhook/types';

export interface SigningKeysOptions {
  /** Where the keys come from, for logs and errors (the OpenID document's or the JWKS's URL). */
  readonly source: string;
  /** Finds the JWKS URL (read from an OpenID document, or fixed); called on every fetch. */
  readonly jwksUrl: (fetchJson: FetchJson) => Promise<string>;
  readonly fetchJson: FetchJson;
  readonly logger: WebhookLogger;
  /** What the keys sign, for log lines ("calling signing keys"). */
  readonly label: string;
  /** Least time between two fetches once the first load succeeded, and after any failure (default 30 s). */
  readonly minRefreshMs?: number;
  /** Keys older than this are refreshed in the background on their next use (default 2 h). */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

/** An issuer's public signing keys, loaded lazily and kept fresh. */
export interface SigningKeys {
  /** The key named by a token's `kid` (or `x5t`); an unknown id triggers at most one rate-limited refresh. */
  find(id: string): Promise<KeyObject | undefined>;
  /** True once keys were loaded at least once (later failed refreshes keep the last good keys). */
  ready(): boolean;
  /** Loads the keys if they never were (within the rate limit); rejects with the reason while not loaded. */
  ensureReady(): Promise<void>;
}

interface KeyIndex {
  readonly byId: ReadonlyMap<string, KeyObject>;
  readonly count: number;
}

const MIN_MODULUS_BITS = 2048;

/** Builds the key cache; nothing is fetched until keys are first needed. */
export function createSigningKeys(opts: SigningKeysOptions): SigningKeys {
  const now = opts.now ?? Date.now;
  const minRefreshMs = opts.minRefreshMs ?? 30_000;
  // Microsoft's C# sample re-reads the OpenID configuration every 2 hours.
  const maxAgeMs = opts.maxAgeMs ?? 2 * 60 * 60 * 1000;
  const log = opts.logger;
  let index: KeyIndex | undefined;
  let loadedAt = 0;
  let nextFetchAt = 0;
  let lastError: string | undefined;
  let inflight: Promise<void> | undefined;

  async function load(): Promise<KeyIndex> {
    const jwksUrl = await opts.jwksUrl(opts.fetchJson);
    return indexKeys(await opts.fetchJson(jwksUrl), jwksUrl);
  }

  // Starts a fetch unless one is under way or the last was too recent. Its outcome, good or bad, is
  // recorded in the state above, so nothing is left to reject.
  function startRefresh(): void {
    if (inflight) return;
    const startedAt = now();
    if (startedAt < nextFetchAt) return;
    const first = index === undefined;
    inflight = load()
      .then(
        (loaded) => {
          index = loaded;
          loadedAt = now();
          lastError = undefined;
          // The very first load is free; every later fetch is spaced, so forged kids cannot flood the issuer.
          if (!first) nextFetchAt = startedAt + minRefreshMs;
          log.info({ keys: loaded.count, url: opts.source }, `${opts.label} loaded`);
        },
        (err: unknown) => {
          lastError = err instanceof Error ? err.message : String(err);
          nextFetchAt = startedAt + minRefreshMs;
          log.warn(
            { reason: lastError, url: opts.source, keptLastGoodKeys: index !== undefined },
            index
              ? `${opts.label} refresh failed; keeping the last good keys`
              : `${opts.label} could not be loaded`,
          );
        },
      )
      .finally(() => {
        inflight = undefined;
      });
  }

  async function refresh(): Promise<void> {
    startRefresh();
    await inflight;
  }

  return {
    async find(id) {
      let refreshed = false;
      if (!index) {
        await refresh();
        refreshed = true;
      } else if (now() - loadedAt > maxAgeMs) {
        startRefresh();
      }
      const known = index?.byId.get(id);
      if (known || refreshed) return known;
      // A new kid usually means the issuer rotated its keys: look once more (rate-limited).
      await refresh();
      return index?.byId.get(id);
    },
    ready: () => index !== undefined,
    async ensureReady() {
      if (index) return;
      await refresh();
      if (!index) {
        throw new Error(
          `${opts.label} are not loaded from ${opts.source}: ${lastError ?? 'a retry is due shortly'}`,
        );
      }
    },
  };
}

/** Reads `jwks_uri` from the OpenID document at `configUrl` (relative URIs resolved against it). */
export async function jwksUriOf(configUrl: string, fetchJson: FetchJson): Promise<string> {
  const doc = await fetchJson(configUrl);
  const jwksUri = isRecord(doc) ? doc['jwks_uri'] : undefined;
  if (typeof jwksUri !== 'string' || jwksUri === '') {
    throw new Error(`the OpenID document at ${configUrl} has no jwks_uri`);
  }
  return new URL(jwksUri, configUrl).toString();
}

/** Indexes the usable RS256 signing keys of a JWKS by kid and x5t; throws when none is usable. */
function indexKeys(jwks: unknown, url: string): KeyIndex {
  const entries = isRecord(jwks) && Array.isArray(jwks['keys']) ? (jwks['keys'] as unknown[]) : undefined;
  if (!entries) throw new Error(`${url} is not a JWKS (no "keys" array)`);
  const byId = new Map<string, KeyObject>();
  let count = 0;
  for (const jwk of entries) {
    const key = usableKey(jwk);
    if (!key || !isRecord(jwk)) continue;
    count++;
    for (const id of [jwk['kid'], jwk['x5t']]) if (typeof id === 'string' && id !== '') byId.set(id, key);
  }
  if (count === 0) throw new Error(`${url} lists no usable RS256 signing key`);
  return { byId, count };
}

function usableKey(jwk: unknown): KeyObject | undefined {
  if (!isRecord(jwk) || jwk['kty'] !== 'RSA') return undefined;
  if (jwk['use'] !== undefined && jwk['use'] !== 'sig') return undefined;
  if (jwk['alg'] !== undefined && jwk['alg'] !== 'RS256') return undefined;
  if (typeof jwk['n'] !== 'string' || typeof jwk['e'] !== 'string') return undefined;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty: 'RSA', n: jwk['n'], e: jwk['e'] } as JsonWebKey, format: 'jwk' });
  } catch {
    // One broken entry must not hide the good ones; the caller counts what was usable.
    return undefined;
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  return bits >= MIN_MODULUS_BITS ? key : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
