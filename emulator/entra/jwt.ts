import { createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { KeySet, SigningKey } from './key-set';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

// jose is ESM-only; loading it with import() keeps this CommonJS build free of require(esm).
type Jose = typeof JoseModule;
let jose: Promise<Jose> | undefined;
function loadJose(): Promise<Jose> {
  jose ??= import('jose');
  return jose;
}

/** Why a token was refused, in terms the callers map to Entra's or Graph's own errors. */
export type JwtFailureReason = 'malformed' | 'signature' | 'expired' | 'not_yet_valid' | 'claim';

export class JwtCheckFailed extends Error {
  constructor(
    readonly reason: JwtFailureReason,
    readonly claim?: string,
  ) {
    super(claim ? `${reason} (${claim})` : reason);
  }
}

export interface JwtCheck {
  nowMs: number;
  clockToleranceSec?: number;
  audience?: string[];
  issuer?: string;
  requiredClaims?: string[];
}

export type JwtVerifier = (token: string, check: JwtCheck) => Promise<Record<string, unknown>>;

const privateKeys = new Map<string, KeyObject>();

function privateKeyOf(key: SigningKey): KeyObject {
  let found = privateKeys.get(key.kid);
  if (!found) {
    found = createPrivateKey(key.privateKeyPem);
    privateKeys.set(key.kid, found);
  }
  return found;
}

/** Signs claims as an RS256 JWT whose header names the key the way Entra does (kid and x5t). */
export async function signJwt(key: SigningKey, claims: Record<string, unknown>): Promise<string> {
  const { SignJWT } = await loadJose();
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: key.x5t, kid: key.kid })
    .sign(privateKeyOf(key));
}

/** Reads a JWT's claims without checking it; throws JwtCheckFailed('malformed') if it is not a JWT. */
export async function peekClaims(token: string): Promise<Record<string, unknown>> {
  const { decodeJwt } = await loadJose();
  try {
    return decodeJwt(token);
  } catch {
    throw new JwtCheckFailed('malformed');
  }
}

function classify(err: unknown, j: Jose): JwtCheckFailed {
  if (err instanceof j.errors.JWTExpired) return new JwtCheckFailed('expired', 'exp');
  if (err instanceof j.errors.JWTClaimValidationFailed) {
    return err.claim === 'nbf'
      ? new JwtCheckFailed('not_yet_valid', 'nbf')
      : new JwtCheckFailed('claim', err.claim);
  }
  if (err instanceof j.errors.JWSInvalid || err instanceof j.errors.JWTInvalid)
    return new JwtCheckFailed('malformed');
  return new JwtCheckFailed('signature');
}

/** Verifies RS256 JWTs against every key a key set publishes (rotation keeps old keys valid). */
export function makeVerifier(keys: KeySet): JwtVerifier {
  let cachedFor = '';
  let jwks: ReturnType<Jose['createLocalJWKSet']> | undefined;
  return async (token, check) => {
    const j = await loadJose();
    const ids = keys
      .all()
      .map((k) => k.kid)
      .join(',');
    if (!jwks || ids !== cachedFor) {
      jwks = j.createLocalJWKSet(keys.jwks());
      cachedFor = ids;
    }
    try {
      const { payload } = await j.jwtVerify(token, jwks, {
        algorithms: ['RS256'],
        currentDate: new Date(check.nowMs),
        ...(check.clockToleranceSec !== undefined ? { clockTolerance: check.clockToleranceSec } : {}),
        ...(check.audience ? { audience: check.audience } : {}),
        ...(check.issuer ? { issuer: check.issuer } : {}),
        ...(check.requiredClaims ? { requiredClaims: check.requiredClaims } : {}),
      });
      return payload;
    } catch (err) {
      throw classify(err, j);
    }
  };
}
