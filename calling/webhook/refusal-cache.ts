import type { TokenRejection } from './types';

/**
 * Refusals that no later moment or key refresh can turn into acceptance: the same token string will be
 * refused for the same reason again. `unknown_key` (keys may rotate in) and `not_yet_valid` (time passes)
 * are not among them.
 */
export const LASTING_REFUSALS: ReadonlySet<TokenRejection> = new Set<TokenRejection>([
  'malformed_token',
  'alg_not_allowed',
  'issuer_not_allowed',
  'audience_mismatch',
  'expired',
  'tenant_missing',
  'tenant_not_allowed',
  'bad_signature',
]);

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
  const entries = new Map<string, { reason: TokenRejection; untilSec: number }>();
  return {
    get(token, nowSec) {
      const hit = entries.get(token);
      if (!hit) return undefined;
      if (nowSec > hit.untilSec) {
        entries.delete(token);
        return undefined;
      }
      return hit.reason;
    },
    set(token, reason, nowSec) {
      if (maxEntries <= 0 || !LASTING_REFUSALS.has(reason)) return;
      entries.delete(token);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(token, { reason, untilSec: nowSec + ttlSec });
    },
  };
}
