import { createTokenMap } from './token-map';
import type { TokenRejection } from './types';

/**
 * The refusals worth remembering: a signature that does not verify against the published key cost an RSA
 * check and will fail the same way again. Every other refusal is decided by cheap checks before any crypto,
 * and `unknown_key` (keys may rotate in) or `not_yet_valid` (time passes) may not last; remembering those
 * would only let junk tokens crowd the cache.
 */
export const REMEMBERED_REFUSALS: ReadonlySet<TokenRejection> = new Set<TokenRejection>(['bad_signature']);

/** Recently refused token strings, so a token sent again is refused without decoding or crypto. */
export interface RefusalCache {
  get(token: string, nowSec: number): TokenRejection | undefined;
  set(token: string, reason: TokenRejection, nowSec: number): void;
}

/**
 * A bounded cache of exact token strings (oldest first out), each kept at most `ttlSec`. It only saves
 * work on repeats: a token never seen before still pays for every check, so varied forgeries cost what
 * the checks cost and merely cycle through this cache, never through the cache of verified tokens.
 */
export function createRefusalCache(maxEntries: number, ttlSec: number): RefusalCache {
  const entries = createTokenMap<TokenRejection>(maxEntries);
  return {
    get: (token, nowSec) => entries.get(token, nowSec),
    set(token, reason, nowSec) {
      if (REMEMBERED_REFUSALS.has(reason)) entries.set(token, reason, nowSec + ttlSec);
    },
  };
}
