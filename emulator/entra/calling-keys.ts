import { randomUUID } from 'node:crypto';
import type { KeySet } from './key-set';
import { signJwt } from './jwt';

/** The issuer the calling service writes into notification tokens. */
export const CALLING_ISSUER = 'https://api.botframework.com';
const NOTIFICATION_TOKEN_LIFETIME_SEC = 3600;
/** A token is renewed once this little of its lifetime is left (the receiver's clock may run ahead). */
const NOTIFICATION_TOKEN_RENEW_SEC = 600;

/** What CALLING_OPENID_CONFIG_URL returns: the issuer and where the calling keys live. */
export function callingOpenIdConfiguration(publicBase: string): Record<string, unknown> {
  return {
    issuer: CALLING_ISSUER,
    jwks_uri: `${publicBase}/calling/v1/keys`,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
  };
}

/** Signs the bearer token for one notification POST with the current calling key. */
export function signCallingToken(
  keys: KeySet,
  claims: { aud: string; tid: string },
  nowMs: number,
): Promise<string> {
  const nowSec = Math.floor(nowMs / 1000);
  return signJwt(keys.current(), {
    iss: CALLING_ISSUER,
    aud: claims.aud,
    tid: claims.tid,
    iat: nowSec,
    nbf: nowSec,
    exp: nowSec + NOTIFICATION_TOKEN_LIFETIME_SEC,
    jti: randomUUID(),
  });
}

/**
 * The bearer tokens of notification POSTs. Graph signs one token per app and tenant and sends it with
 * every notification until it nears expiry, so a receiver verifies the signature once, not per POST;
 * a rotated key takes over with the next token.
 */
export function createNotificationTokens(
  keys: KeySet,
  now: () => number,
): (claims: { aud: string; tid: string }) => Promise<string> {
  const tokens = new Map<string, { token: Promise<string>; renewAtSec: number }>();
  return (claims) => {
    const nowMs = now();
    const nowSec = Math.floor(nowMs / 1000);
    const key = `${keys.current().kid} ${claims.aud} ${claims.tid}`;
    const held = tokens.get(key);
    if (held && nowSec < held.renewAtSec) return held.token;
    for (const [k, t] of tokens) if (nowSec >= t.renewAtSec) tokens.delete(k);
    // The promise is kept, so a burst of notifications waits for one signature instead of each signing.
    const token = signCallingToken(keys, claims, nowMs);
    tokens.set(key, {
      token,
      renewAtSec: nowSec + NOTIFICATION_TOKEN_LIFETIME_SEC - NOTIFICATION_TOKEN_RENEW_SEC,
    });
    token.catch(() => tokens.delete(key));
    return token;
  };
}
