import { timingSafeEqual } from 'node:crypto';
import { EntraError, failures } from './entra-error';
import { MULTI_TENANT_SEGMENTS } from './discovery';
import type { EntraApp, EntraTenant } from './types';

export const GRANT_CLIENT_CREDENTIALS = 'client_credentials';
export const GRANT_JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const SUPPORTED_GRANTS = new Set([GRANT_CLIENT_CREDENTIALS, GRANT_JWT_BEARER]);

/** A token request after the checks every grant shares: tenant, grant type, client and its credential. */
export interface AuthenticatedRequest {
  grantType: string;
  app: EntraApp;
  params: URLSearchParams;
}

/** Resolves a path's tenant segment; `common` and `organizations` mean the emulator's one tenant. */
export function resolveTenant(segment: string, tenant: EntraTenant): boolean {
  return (
    MULTI_TENANT_SEGMENTS.has(segment.toLowerCase()) ||
    segment.toLowerCase() === tenant.tenantId.toLowerCase()
  );
}

/** client_secret_basic: "Basic base64(urlencode(id):urlencode(secret))". */
function basicCredentials(header: string | string[] | undefined): { id: string; secret: string } | undefined {
  if (typeof header !== 'string' || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Runs Entra's shared checks in its order; throws EntraError with the matching AADSTS failure. */
export function authenticateTokenRequest(
  segment: string,
  tenant: EntraTenant,
  body: string,
  headers: Record<string, string | string[] | undefined>,
): AuthenticatedRequest {
  if (!resolveTenant(segment, tenant)) throw new EntraError(failures.tenantNotFound(segment));
  const params = new URLSearchParams(body);
  const grantType = params.get('grant_type');
  if (!grantType) throw new EntraError(failures.missingParameter('grant_type'));
  if (!SUPPORTED_GRANTS.has(grantType)) throw new EntraError(failures.unsupportedGrant(grantType));

  const basic = basicCredentials(headers['authorization']);
  const clientId = params.get('client_id') ?? basic?.id;
  if (!clientId) throw new EntraError(failures.missingParameter('client_id'));
  const app = tenant.apps.find((a) => a.appId.toLowerCase() === clientId.toLowerCase());
  if (!app) throw new EntraError(failures.unknownClient(clientId, tenant.tenantId));

  if (params.get('client_assertion')) throw new EntraError(failures.noCertificate(app.appId));
  const secret = params.get('client_secret') ?? basic?.secret;
  if (!secret) throw new EntraError(failures.missingCredential());
  if (!app.secrets.some((s) => sameSecret(secret, s))) throw new EntraError(failures.wrongSecret(app.appId));

  if (!params.get('scope')) throw new EntraError(failures.missingParameter('scope'));
  return { grantType, app, params };
}
