import { createSigningKeys, jwksUriOf, type SigningKeys } from '../auth/signing-keys';
import type { Fetch } from '../http/outbound';
import { createFetchJson, type FetchJson } from './fetch-json';
import type { WebhookLogger } from './types';

export interface CallingKeysOptions {
  /** The calling service's OpenID document (CALLING_OPENID_CONFIG_URL); its `jwks_uri` lists the keys. */
  readonly openIdConfigUrl: string;
  /** The fetch the documents are read with (the app's one dispatcher, which trusts EXTRA_CA_FILE). */
  readonly fetch?: Fetch;
  readonly logger: WebhookLogger;
  /** Least time between two fetches once the first load succeeded, and after any failure (default 30 s). */
  readonly minRefreshMs?: number;
  /** Keys older than this are refreshed in the background on their next use (default 2 h). */
  readonly maxAgeMs?: number;
  readonly fetchJson?: FetchJson;
  readonly now?: () => number;
}

/** The calling service's public signing keys, loaded lazily and kept fresh. */
export type CallingKeys = SigningKeys;

/** Builds the key cache for CALLING_OPENID_CONFIG_URL; nothing is fetched until keys are first needed. */
export function createCallingKeys(opts: CallingKeysOptions): CallingKeys {
  return createSigningKeys({
    source: opts.openIdConfigUrl,
    jwksUrl: (fetchJson) => jwksUriOf(opts.openIdConfigUrl, fetchJson),
    fetchJson: opts.fetchJson ?? createFetchJson(opts.fetch ? { fetch: opts.fetch } : {}),
    logger: opts.logger,
    label: 'calling signing keys',
    ...(opts.minRefreshMs !== undefined ? { minRefreshMs: opts.minRefreshMs } : {}),
    ...(opts.maxAgeMs !== undefined ? { maxAgeMs: opts.maxAgeMs } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
}
