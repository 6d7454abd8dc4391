import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import type { Jwk } from './tenant-keys';

/** A JWT split into its decoded parts; undefined when it is not a well-formed compact JWS. */
export interface SplitJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

const PART = /^[A-Za-z0-9_-]+$/;

function decodeObject(part: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    // Not JSON: the caller reports the token as malformed.
    return undefined;
  }
}

/** Splits and decodes a compact JWS without trusting anything in it. */
export function splitJwt(token: string): SplitJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => PART.test(p))) return undefined;
  const [h, p, s] = parts as [string, string, string];
  const header = decodeObject(h);
  const payload = decodeObject(p);
  if (!header || !payload) return undefined;
  return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

/** True when the RS256 signature of `jwt` verifies with the RSA key `jwk`. */
export function rs256Valid(jwt: SplitJwt, jwk: Jwk): boolean {
  if (jwk.kty !== 'RSA') return false;
  try {
    const key = createPublicKey({ key: jwk as unknown as JsonWebKey, format: 'jwk' });
    return verify('RSA-SHA256', Buffer.from(jwt.signingInput), key, jwt.signature);
  } catch {
    // A key the authority published but Node cannot load verifies nothing.
    return false;
  }
}
