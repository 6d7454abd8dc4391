import { stsIssuer } from './claims';
import type { JwtVerifier } from './jwt';
import { JwtCheckFailed, peekClaims } from './jwt';
import type { EntraTenant, GraphTokenCheck } from './types';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from './types';

// Graph tolerates five minutes of clock skew on nbf/exp.
const CLOCK_SKEW_SEC = 300;
const CODE = 'InvalidAuthenticationToken';

function reject(message: string): GraphTokenCheck {
  return { ok: false, status: 401, code: CODE, message };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function failureMessage(err: JwtCheckFailed): string {
  switch (err.reason) {
    case 'expired':
      return 'Lifetime validation failed, the token is expired.';
    case 'not_yet_valid':
      return 'Lifetime validation failed, the token is not yet valid.';
    case 'malformed':
      return 'Access token validation failure. The token is malformed.';
    case 'signature':
      return 'Access token validation failure. Invalid signature.';
    case 'claim':
      if (err.claim === 'aud') return 'Access token validation failure. Invalid audience.';
      if (err.claim === 'iss') return 'Access token validation failure. Invalid issuer.';
      return `Access token validation failure. Missing or invalid claim '${err.claim ?? ''}'.`;
  }
}

/** Checks a Graph request's bearer token the way Graph does, answering with Graph's error code and message. */
export async function verifyGraphToken(
  authorization: string | undefined,
  deps: {
    tenant: EntraTenant;
    nowMs: number;
    verify: JwtVerifier;
  },
): Promise<GraphTokenCheck> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return reject('Access token is empty.');
  const token = match[1];
  try {
    await peekClaims(token);
  } catch (err) {
    if (!(err instanceof JwtCheckFailed)) throw err;
    return reject(
      'IDX14100: JWT is not well formed, there are no dots (.). The token needs to be in JWS or JWE Compact Serialization Format.',
    );
  }
  const tid = deps.tenant.tenantId;
  let payload: Record<string, unknown>;
  try {
    payload = await deps.verify(token, {
      nowMs: deps.nowMs,
      clockToleranceSec: CLOCK_SKEW_SEC,
      requiredClaims: ['exp', 'nbf', 'tid'],
    });
  } catch (err) {
    if (!(err instanceof JwtCheckFailed)) throw err;
    return reject(failureMessage(err));
  }
  // Audience before issuer: an app's own SSO token sent to Graph should read as the wrong audience.
  const aud = payload['aud'];
  if (aud !== GRAPH_RESOURCE && aud !== GRAPH_APP_ID)
    return reject('Access token validation failure. Invalid audience.');
  if (payload['iss'] !== stsIssuer(tid)) return reject('Access token validation failure. Invalid issuer.');
  if (payload['tid'] !== tid) return reject('Access token validation failure. Invalid tenant.');
  const scp = typeof payload['scp'] === 'string' ? payload['scp'] : undefined;
  const oid = typeof payload['oid'] === 'string' ? payload['oid'] : undefined;
  const idtyp =
    payload['idtyp'] === 'user' || (payload['idtyp'] === undefined && scp !== undefined) ? 'user' : 'app';
  return {
    ok: true,
    claims: {
      tid,
      appid: typeof payload['appid'] === 'string' ? payload['appid'] : '',
      roles: strings(payload['roles']),
      ...(scp !== undefined ? { scp } : {}),
      ...(oid !== undefined ? { oid } : {}),
      idtyp,
      raw: { ...payload },
    },
  };
}
