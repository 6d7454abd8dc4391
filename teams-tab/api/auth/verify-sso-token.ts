// Validates the tab's Teams SSO token: an Entra ID access token whose audience is our API. The tenant is
// checked before any key is fetched, so a token from an unknown tenant never makes us call its authority.
import { rs256Valid, splitJwt } from './jwt';
import type { TenantKeys } from './tenant-keys';
import type { AuthResult } from './types';

export interface SsoVerifierOptions {
  readonly keys: TenantKeys;
  /** ENTRA_AUTHORITY_HOST, for the v2 issuer `{authority}/{tid}/v2.0`. */
  readonly authorityHost: string;
  /** Accepted `aud` values (the Application ID URI and the app id). Empty: every token is refused. */
  readonly audiences: readonly string[];
  /** Tenants whose users may sign in. Empty: every token is refused. */
  readonly tenants: readonly string[];
  /** The delegated scope `scp` must contain. */
  readonly scope: string;
  readonly now?: () => number;
}

export const SSO_CLOCK_SKEW_SEC = 300;
const MAX_TOKEN_CHARS = 16 * 1024;
const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

export type SsoVerifier = (authorization: string | undefined) => Promise<AuthResult>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Builds the verifier; the signature is checked before any claim other than `tid`. */
export function createSsoVerifier(opts: SsoVerifierOptions): SsoVerifier {
  const now = opts.now ?? Date.now;
  const authority = opts.authorityHost.replace(/\/+$/, '');
  const audiences = new Set(opts.audiences.map((a) => a.toLowerCase()));
  const tenants = new Set(opts.tenants.map((t) => t.toLowerCase()));

  return async (authorization) => {
    const token = authorization && BEARER.exec(authorization)?.[1];
    if (!token) return { ok: false, reason: 'missing' };
    const jwt = token.length <= MAX_TOKEN_CHARS ? splitJwt(token) : undefined;
    if (!jwt) return { ok: false, reason: 'malformed' };
    const { header, payload } = jwt;
    const kid = str(header['kid']);
    if (header['alg'] !== 'RS256' || !kid) return { ok: false, reason: 'malformed', detail: 'alg/kid' };
    const tid = str(payload['tid'])?.toLowerCase();
    if (!tid || !tenants.has(tid)) return { ok: false, reason: 'tenant', detail: tid ?? 'no tid' };
    const jwk = await opts.keys.find(tid, kid);
    if (!jwk || !rs256Valid(jwt, jwk)) return { ok: false, reason: 'signature' };

    const nowSec = Math.floor(now() / 1000);
    const exp = payload['exp'];
    if (typeof exp !== 'number') return { ok: false, reason: 'malformed', detail: 'exp' };
    if (exp + SSO_CLOCK_SKEW_SEC <= nowSec) return { ok: false, reason: 'expired' };
    const nbf = payload['nbf'];
    if (typeof nbf === 'number' && nbf - SSO_CLOCK_SKEW_SEC > nowSec)
      return { ok: false, reason: 'not_yet_valid' };
    const iss = str(payload['iss']);
    if (iss !== `${authority}/${tid}/v2.0` && iss !== `https://sts.windows.net/${tid}/`)
      return { ok: false, reason: 'issuer', detail: iss ?? 'no iss' };
    const aud = str(payload['aud'])?.toLowerCase();
    if (!aud || !audiences.has(aud)) return { ok: false, reason: 'audience', detail: aud ?? 'no aud' };
    const scopes = (str(payload['scp']) ?? '').split(' ');
    if (!scopes.includes(opts.scope)) return { ok: false, reason: 'scope' };
    const oid = str(payload['oid']);
    if (!oid) return { ok: false, reason: 'malformed', detail: 'oid' };
    const upn = str(payload['preferred_username']) ?? str(payload['upn']);
    return {
      ok: true,
      user: {
        id: oid,
        tenantId: tid,
        displayName: str(payload['name']) ?? upn ?? oid,
        ...(upn ? { userPrincipalName: upn } : {}),
        assertion: token,
      },
    };
  };
}
