/** A compact JWS split into its parts; nothing here is verified yet. */
export interface JwtParts {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  /** `base64url(header).base64url(payload)`: the bytes the signature covers. */
  readonly signingInput: string;
  readonly signature: Buffer;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
// A JOSE header names an algorithm and a key in well under 1 KB; a larger one is refused undecoded.
const MAX_HEADER_CHARS = 2048;

/** Splits and decodes a compact JWT; undefined unless it has three base64url parts with JSON-object header and payload. */
export function splitJwt(token: string): JwtParts | undefined {
  const dot1 = token.indexOf('.');
  const dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
  if (dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) return undefined;
  if (dot1 === 0 || dot2 === dot1 + 1 || dot1 > MAX_HEADER_CHARS) return undefined;
  const h = token.slice(0, dot1);
  const p = token.slice(dot1 + 1, dot2);
  const s = token.slice(dot2 + 1);
  if (!BASE64URL.test(h) || !BASE64URL.test(p) || !BASE64URL.test(s)) return undefined;
  const header = decodeObject(h);
  const payload = decodeObject(p);
  if (!header || !payload) return undefined;
  return { header, payload, signingInput: token.slice(0, dot2), signature: Buffer.from(s, 'base64url') };
}

function decodeObject(part: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: the caller reports a malformed token.
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
