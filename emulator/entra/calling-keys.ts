import { randomUUID } from 'node:crypto';
import type { KeySet } from './key-set';
import { signJwt } from './jwt';

/** The issuer the calling service writes into notification tokens. */
export const CALLING_ISSUER = 'https://api.botframework.com';
const NOTIFICATION_TOKEN_LIFETIME_SEC = 3600;

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
