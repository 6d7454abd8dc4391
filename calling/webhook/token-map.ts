/**
 * A bounded map from exact token strings to what was decided about them, each entry until its own expiry
 * (oldest entry out first when full). Graph sends one token with many notifications until it nears
 * expiry, so a token's verdict is looked up far more often than it is decided.
 */
export interface TokenMap<V> {
  /** What was remembered for exactly this token, unless it expired (nowSec past its untilSec). */
  get(token: string, nowSec: number): V | undefined;
  set(token: string, value: V, untilSec: number): void;
}

export function createTokenMap<V>(maxEntries: number): TokenMap<V> {
  const entries = new Map<string, { value: V; untilSec: number }>();
  return {
    get(token, nowSec) {
      const hit = entries.get(token);
      if (!hit) return undefined;
      if (nowSec > hit.untilSec) {
        entries.delete(token);
        return undefined;
      }
      return hit.value;
    },
    set(token, value, untilSec) {
      if (maxEntries <= 0) return;
      entries.delete(token);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(token, { value, untilSec });
    },
  };
}
