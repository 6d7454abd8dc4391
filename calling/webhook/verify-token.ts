import { verifyJwt, type JwtRejection } from '../auth/verify-jwt';
import type { CallingKeys } from './openid-keys';
import { createRefusalCache } from './refusal-cache';
import { createTokenMap } from './token-map';
import type { TokenCheck, TokenRejection, TokenVerifier } from './types';

/** Issuers the calling service writes (SPEC §10.1: Teams docs show the first, Microsoft's sample accepts both). */
export const CALLING_ISSUERS: readonly string[] = [
  'https://api.botframework.com',
  'https://graph.microsoft.com',
];
/** The tenant claim as .NET maps `tid`; Microsoft's C# sample reads this name. */
export const MAPPED_TENANT_CLAIM = 'http://schemas.microsoft.com/identity/claims/tenantid';
/** Clock skew tolerated on `exp` and `nbf`. */
export const CLOCK_SKEW_SEC = 300;
// A real calling token is about 1 KB; anything far larger is refused before it is even split.
const MAX_TOKEN_CHARS = 16 * 1024;
const MAX_HEADER_CHARS = 2048;
const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
// How Graph writes the header. A token is only remembered after it came out of BEARER, so a header of
// exactly this prefix and a remembered token needs no regex to be answered.
const BEARER_PREFIX = 'Bearer ';

export interface TokenVerifierOptions {
  readonly keys: Pick<CallingKeys, 'find'>;
  /** MicrosoftAppId: the only audience accepted. Unset means every token is refused (fail closed). */
  readonly appId: string | undefined;
  /** TENANT_ALLOWLIST: when set, only these tenants may call. */
  readonly tenantAllowlist?: readonly string[];
  readonly now?: () => number;
  /** How many verified tokens to remember (default 1000). */
  readonly cacheSize?: number;
  /** How many token strings refused for a bad signature to remember (default 1000), each for 10 minutes. */
  readonly refusalCacheSize?: number;
}

type TenantRejection = 'tenant_missing' | 'tenant_not_allowed';
const REJECTIONS: Readonly<Record<JwtRejection | TenantRejection, TokenRejection>> = {
  malformed: 'malformed_token',
  alg_not_allowed: 'alg_not_allowed',
  issuer: 'issuer_not_allowed',
  audience: 'audience_mismatch',
  expired: 'expired',
  not_yet_valid: 'not_yet_valid',
  unknown_key: 'unknown_key',
  bad_signature: 'bad_signature',
  tenant_missing: 'tenant_missing',
  tenant_not_allowed: 'tenant_not_allowed',
};

// A refused token is remembered long enough to make a replay storm cheap, not for ever.
const REFUSAL_TTL_SEC = 600;

/** Verifies calling-notification bearer tokens, cheapest checks first and the RS256 signature last. */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const now = opts.now ?? Date.now;
  const appId = opts.appId?.toLowerCase();
  const allow = opts.tenantAllowlist && new Set(opts.tenantAllowlist.map((t) => t.toLowerCase()));
  // Verified tokens, each with the verdict to answer (one object, so a cache hit allocates nothing).
  const verified = createTokenMap<TokenCheck>(opts.cacheSize ?? 1000);
  const refused = createRefusalCache(opts.refusalCacheSize ?? 1000, REFUSAL_TTL_SEC);
  const refusals = new Map<TokenRejection, TokenCheck>();
  const no = (reason: TokenRejection): TokenCheck => {
    let check = refusals.get(reason);
    if (!check) refusals.set(reason, (check = Object.freeze({ ok: false, reason })));
    return check;
  };

  function remembered(token: string, nowSec: number): TokenCheck | undefined {
    const hit = verified.get(token, nowSec);
    if (hit) return hit;
    const known = refused.get(token, nowSec);
    return known ? no(known) : undefined;
  }

  // What the header alone decides: a refusal, a remembered verdict, or the token still to be checked.
  function triage(authorization: string | string[] | undefined, nowSec: number): TokenCheck | string {
    if (!appId) return no('not_configured');
    if (authorization === undefined || authorization === '') return no('missing_authorization');
    if (typeof authorization !== 'string' || authorization.length > MAX_TOKEN_CHARS + 16) {
      return no('malformed_authorization');
    }
    const quick = authorization.startsWith(BEARER_PREFIX)
      ? authorization.slice(BEARER_PREFIX.length)
      : undefined;
    const hit = quick === undefined ? undefined : remembered(quick, nowSec);
    if (hit) return hit;
    const token = BEARER.exec(authorization)?.[1];
    if (!token || token.length > MAX_TOKEN_CHARS) return no('malformed_authorization');
    // Graph's own spelling was looked up already; only another spelling of the header needs a second look.
    return (token === quick ? undefined : remembered(token, nowSec)) ?? token;
  }

  // Every check that needs no key comes first (jose's, in verifyJwt); the signature is the only crypto.
  async function check(token: string, nowSec: number): Promise<TokenCheck> {
    // A JOSE header names an algorithm and a key in well under 1 KB; a larger one is refused undecoded.
    if (token.indexOf('.') > MAX_HEADER_CHARS) return no('malformed_token');
    const result = await verifyJwt<TenantRejection>(token, {
      issuers: () => CALLING_ISSUERS,
      audiences: [appId ?? ''],
      admit: (claims) => {
        const tenant = tenantOf(claims);
        if (!tenant) return 'tenant_missing';
        return allow && !allow.has(tenant) ? 'tenant_not_allowed' : undefined;
      },
      findKey: (id) => opts.keys.find(id),
      clockToleranceSec: CLOCK_SKEW_SEC,
      nowMs: nowSec * 1000,
    });
    if (!result.ok) return no(REJECTIONS[result.reason]);
    const ok: TokenCheck = Object.freeze({ ok: true, tenantId: tenantOf(result.claims) ?? '' });
    const exp = result.claims['exp'];
    verified.set(token, ok, (typeof exp === 'number' ? exp : nowSec) + CLOCK_SKEW_SEC);
    return ok;
  }

  const nowSec = () => Math.floor(now() / 1000);
  return {
    recall(authorization) {
      const t = triage(authorization, nowSec());
      return typeof t === 'string' ? undefined : t;
    },
    async verify(authorization) {
      const at = nowSec();
      const t = triage(authorization, at);
      if (typeof t !== 'string') return t;
      const result = await check(t, at);
      if (!result.ok) refused.set(t, result.reason, at);
      return result;
    },
  };
}

function tenantOf(payload: Readonly<Record<string, unknown>>): string | undefined {
  const tid = payload['tid'] ?? payload[MAPPED_TENANT_CLAIM];
  return typeof tid === 'string' && tid.trim() !== '' ? tid.trim().toLowerCase() : undefined;
}
