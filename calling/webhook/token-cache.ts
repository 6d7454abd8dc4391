/** Tokens that already passed every check, so a repeated token (Graph reuses one for a while) skips the crypto. */
export interface TokenCache {
  /** The tenant of a verified token still inside its validity window, else undefined. */
  get(token: string, nowSec: number): string | undefined;
  set(token: string, tenantId: string, validUntilSec: number): void;
}

/** A bounded cache: when full, the oldest entry goes first. */
export function createTokenCache(maxEntries: number): TokenCache {
  const entries = new Map<string, { tenantId: string; validUntilSec: number }>();
  return {
    get(token, nowSec) {
      const hit = entries.get(token);
      if (!hit) return undefined;
      if (nowSec > hit.validUntilSec) {
        entries.delete(token);
        return undefined;
      }
      return hit.tenantId;
    },
    set(token, tenantId, validUntilSec) {
      if (maxEntries <= 0) return;
      entries.delete(token);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(token, { tenantId, validUntilSec });
    },
  };
}
