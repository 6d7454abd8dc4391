// Validates the tab's Teams SSO token: an Entra ID access token whose audience is our API. The tenant is
// checked before any key is fetched, so a token from an unknown tenant never makes us call its authority.
import { verifyJwt, type JwtClaims, type JwtRejection } from '../../../calling';
import type { TenantKeys } from './tenant-keys';
import type { AuthFailureReason, AuthResult } from './types';

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

const REASONS: Readonly<Record<JwtRejection | 'tenant', AuthFailureReason>> = {
  malformed: 'malformed',
  alg_not_allowed: 'malformed',
  issuer: 'issuer',
  audience: 'audience',
  expired: 'expired',
  not_yet_valid: 'not_yet_valid',
  unknown_key: 'signature',
  bad_signature: 'signature',
  tenant: 'tenant',
};

/** Builds the verifier; the tenant is checked first, then the claims, and the signature before the user. */
export function createSsoVerifier(opts: SsoVerifierOptions): SsoVerifier {
  const now = opts.now ?? Date.now;
  const authority = opts.authorityHost.replace(/\/+$/, '');
  const tenants = new Set(opts.tenants.map((t) => t.toLowerCase()));
  const tenantOf = (claims: JwtClaims) => str(claims['tid'])?.toLowerCase();

  return async (authorization) => {
    const token = authorization && BEARER.exec(authorization)?.[1];
    if (!token) return { ok: false, reason: 'missing' };
    if (token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'malformed' };
    const checked = await verifyJwt<'tenant'>(token, {
      admit: (claims) => {
        const tid = tenantOf(claims);
        return tid && tenants.has(tid) ? undefined : 'tenant';
      },
      issuers: (claims) => [
        `${authority}/${tenantOf(claims)}/v2.0`,
        `https://sts.windows.net/${tenantOf(claims)}/`,
      ],
      audiences: opts.audiences,
      findKey: (kid, claims) => opts.keys.find(tenantOf(claims) ?? '', kid),
      clockToleranceSec: SSO_CLOCK_SKEW_SEC,
      nowMs: now(),
    });
    if (!checked.ok) return { ok: false, reason: REASONS[checked.reason] };
    const payload = checked.claims;
    const scopes = (str(payload['scp']) ?? '').split(' ');
    if (!scopes.includes(opts.scope)) return { ok: false, reason: 'scope' };
    const oid = str(payload['oid']);
    if (!oid) return { ok: false, reason: 'malformed', detail: 'oid' };
    const upn = str(payload['preferred_username']) ?? str(payload['upn']);
    return {
      ok: true,
      user: {
        id: oid,
        tenantId: tenantOf(payload) ?? '',
        displayName: str(payload['name']) ?? upn ?? oid,
        ...(upn ? { userPrincipalName: upn } : {}),
        assertion: token,
      },
    };
  };
}
