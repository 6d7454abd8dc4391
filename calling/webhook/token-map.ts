/**
 * A bounded map from exact token strings to what was decided about them, each entry until its own expiry
 * (oldest entry out first when full). Entries are found by the token's last characters and confirmed by
 * comparing the whole string: a bearer token is about 1 KB, and hashing all of it on every lookup cost a
 * repeated request more than the rest of its token check. The tail of a signed token is signature bytes,
 * so distinct tokens practically never share one; if two do, the newer entry replaces the older, which
 * costs that token one more full check and can never make a lookup answer for the wrong token.
 */
export interface TokenMap<V> {
  /** What was remembered for exactly this token, unless it expired (nowSec past its untilSec). */
  get(token: string, nowSec: number): V | undefined;
  set(token: string, value: V, untilSec: number): void;
}

// 32 base64url characters: 192 bits of an RS256 signature.
const TAIL_CHARS = 32;

export function createTokenMap<V>(maxEntries: number): TokenMap<V> {
  const entries = new Map<string, { token: string; value: V; untilSec: number }>();
  return {
    get(token, nowSec) {
      const key = token.slice(-TAIL_CHARS);
      const hit = entries.get(key);
      if (!hit || hit.token !== token) return undefined;
      if (nowSec > hit.untilSec) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(token, value, untilSec) {
      if (maxEntries <= 0) return;
      const key = token.slice(-TAIL_CHARS);
      entries.delete(key);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, { token, value, untilSec });
    },
  };
}
