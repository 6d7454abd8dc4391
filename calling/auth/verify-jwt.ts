// The one RS256 bearer-token verifier, on jose, for the calling webhook's Graph tokens and the tab's SSO
// tokens. Everything that needs no key is decided first (the caller's own rule, then the claims), so a
// token that would be refused anyway never makes anyone fetch keys.
import type { KeyObject } from 'node:crypto';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

// jose is ESM-only; import() keeps this CommonJS build free of require(esm).
type Jose = typeof JoseModule;
let jose: Promise<Jose> | undefined;
const loadJose = (): Promise<Jose> => (jose ??= import('jose'));

/** Why a token was refused, before the caller maps it onto its own codes. */
export type JwtRejection =
  | 'malformed'
  | 'alg_not_allowed'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'unknown_key'
  | 'bad_signature';

export type JwtClaims = Readonly<Record<string, unknown>>;

export interface JwtRules<R extends string> {
  /** Accepted `iss` values; may depend on the (not yet verified) claims, e.g. a per-tenant issuer. */
  readonly issuers: (claims: JwtClaims) => readonly string[];
  /** Accepted `aud` values, compared without case (ids are GUIDs); one of an `aud` array suffices. */
  readonly audiences: readonly string[];
  /** The caller's own rule on the unverified claims (a tenant allowlist), checked before anything else. */
  readonly admit?: (claims: JwtClaims) => R | undefined;
  /** The key the header's `kid` (or `x5t`) names. */
  readonly findKey: (id: string, claims: JwtClaims) => Promise<KeyObject | undefined>;
  readonly clockToleranceSec: number;
  readonly nowMs: number;
}

export type JwtResult<R extends string> =
  | { readonly ok: true; readonly claims: JwtClaims }
  | { readonly ok: false; readonly reason: JwtRejection | R };

const NONE_HEADER = Buffer.from('{"alg":"none"}').toString('base64url');

class KeyRefused extends Error {
  constructor(readonly reason: 'malformed' | 'unknown_key') {
    super(reason);
  }
}

/** Verifies a compact RS256 JWT: decoded, admitted, claims checked, then the signature (jose throughout). */
export async function verifyJwt<R extends string>(token: string, rules: JwtRules<R>): Promise<JwtResult<R>> {
  const j = await loadJose();
  let claims: JwtClaims;
  try {
    j.decodeProtectedHeader(token);
    claims = j.decodeJwt(token);
  } catch {
    // Not three base64url parts with a JSON object header and payload.
    return { ok: false, reason: 'malformed' };
  }
  const refused = rules.admit?.(claims);
  if (refused) return { ok: false, reason: refused };
  try {
    // jose checks claims only after the signature; the same payload re-framed as an unsecured JWT has
    // them checked first, by jose's own rules (NumericDate types, the skew on exp and nbf).
    j.UnsecuredJWT.decode(`${NONE_HEADER}.${token.split('.')[1] ?? ''}.`, {
      issuer: [...rules.issuers(claims)],
      currentDate: new Date(rules.nowMs),
      clockTolerance: rules.clockToleranceSec,
      requiredClaims: ['exp'],
    });
    if (!audienceMatches(claims['aud'], rules.audiences)) return { ok: false, reason: 'audience' };
    await j.compactVerify(
      token,
      async (header) => {
        const id = header.kid ?? (typeof header['x5t'] === 'string' ? header['x5t'] : undefined);
        if (!id) throw new KeyRefused('malformed');
        const key = await rules.findKey(id, claims);
        if (!key) throw new KeyRefused('unknown_key');
        return key;
      },
      { algorithms: ['RS256'] },
    );
  } catch (err) {
    return { ok: false, reason: classify(err, j) };
  }
  return { ok: true, claims };
}

function classify(err: unknown, j: Jose): JwtRejection {
  if (err instanceof KeyRefused) return err.reason;
  const e = j.errors;
  if (err instanceof e.JOSEAlgNotAllowed) return 'alg_not_allowed';
  if (err instanceof e.JWSSignatureVerificationFailed) return 'bad_signature';
  if (err instanceof e.JWTExpired) return 'expired';
  if (err instanceof e.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'nbf' && err.reason === 'check_failed') return 'not_yet_valid';
  }
  if (err instanceof e.JOSEError) return 'malformed';
  // Anything else is a fault of ours (a key cache that threw), not a verdict on the token.
  throw err;
}

function audienceMatches(aud: unknown, accepted: readonly string[]): boolean {
  const ok = (a: unknown) =>
    typeof a === 'string' && accepted.some((x) => x.toLowerCase() === a.toLowerCase());
  // RFC 7519 allows an array of audiences; ours must be among them.
  return Array.isArray(aud) ? aud.some(ok) : ok(aud);
}
