import { createHash, randomBytes } from 'node:crypto';
import type { EntraApp, EntraPerson } from './types';
import { GRAPH_RESOURCE } from './types';

export const ACCESS_TOKEN_LIFETIME_SEC = 3599;
// Entra's built-in "Directory Readers"-style role id it stamps on app tokens as wids.
const APP_WIDS = ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'];

/** The v1 issuer Entra writes into tokens for Graph. */
export function stsIssuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/** The v2 issuer published in the tenant's OpenID configuration. */
export function v2Issuer(publicBase: string, tenantId: string): string {
  return `${publicBase}/${tenantId}/v2.0`;
}

/** A stable GUID derived from its inputs, so object ids survive restarts. */
export function stableGuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The object id of an app's service principal in the tenant. */
export function servicePrincipalId(tenantId: string, appId: string): string {
  return stableGuid('service-principal', tenantId, appId);
}

/** Entra's pairwise subject: the same user looks different to different apps. */
function pairwiseSub(personId: string, appId: string): string {
  return createHash('sha256').update(`${personId}|${appId}`).digest('base64url');
}

function opaque(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function times(nowSec: number, lifetimeSec: number): { iat: number; nbf: number; exp: number } {
  // Entra back-dates nbf/iat by five minutes to absorb clock skew.
  return { iat: nowSec - 300, nbf: nowSec - 300, exp: nowSec + lifetimeSec };
}

/** Claims of an app-only Graph token (client credentials), v1 style as Entra issues for Graph. */
export function appGraphClaims(tenantId: string, app: EntraApp, nowSec: number): Record<string, unknown> {
  const oid = servicePrincipalId(tenantId, app.appId);
  return {
    aud: GRAPH_RESOURCE,
    iss: stsIssuer(tenantId),
    ...times(nowSec, ACCESS_TOKEN_LIFETIME_SEC),
    aio: opaque(48),
    app_displayname: app.displayName,
    appid: app.appId,
    appidacr: '1',
    idp: stsIssuer(tenantId),
    idtyp: 'app',
    oid,
    rh: `0.${opaque(32)}.`,
    ...(app.graphRoles.length > 0 ? { roles: [...app.graphRoles] } : {}),
    sub: oid,
    tenant_region_scope: 'NA',
    tid: tenantId,
    uti: opaque(16),
    ver: '1.0',
    wids: APP_WIDS,
    xms_tcdt: nowSec - 86400 * 365,
  };
}

/** Claims of a delegated Graph token obtained on behalf of a user. */
export function delegatedGraphClaims(
  tenantId: string,
  app: EntraApp,
  user: { oid: string; name: string; upn: string },
  scopes: string[],
  nowSec: number,
): Record<string, unknown> {
  return {
    aud: GRAPH_RESOURCE,
    iss: stsIssuer(tenantId),
    ...times(nowSec, ACCESS_TOKEN_LIFETIME_SEC),
    acr: '1',
    aio: opaque(48),
    amr: ['pwd'],
    app_displayname: app.displayName,
    appid: app.appId,
    appidacr: '1',
    idtyp: 'user',
    ipaddr: '127.0.0.1',
    name: user.name,
    oid: user.oid,
    rh: `0.${opaque(32)}.`,
    scp: scopes.join(' '),
    sub: pairwiseSub(user.oid, GRAPH_RESOURCE),
    tenant_region_scope: 'NA',
    tid: tenantId,
    unique_name: user.upn,
    upn: user.upn,
    uti: opaque(16),
    ver: '1.0',
  };
}

/** Claims of a user's access token for an app's own API (the tab's SSO token). */
export function userApiClaims(args: {
  publicBase: string;
  tenantId: string;
  person: EntraPerson;
  audience: string;
  clientId: string;
  scopes: string[];
  lifetimeSec: number;
  version: 1 | 2;
  nowSec: number;
}): Record<string, unknown> {
  const { person, tenantId } = args;
  const common = {
    aud: args.audience,
    ...times(args.nowSec, args.lifetimeSec),
    aio: opaque(48),
    name: person.displayName,
    oid: person.id,
    rh: `0.${opaque(32)}.`,
    scp: args.scopes.join(' '),
    sub: pairwiseSub(person.id, args.clientId),
    tid: tenantId,
    uti: opaque(16),
  };
  if (args.version === 1) {
    return {
      ...common,
      iss: stsIssuer(tenantId),
      amr: ['pwd'],
      appid: args.clientId,
      appidacr: '0',
      idp: stsIssuer(tenantId),
      preferred_username: person.userPrincipalName,
      unique_name: person.userPrincipalName,
      upn: person.userPrincipalName,
      ver: '1.0',
    };
  }
  return {
    ...common,
    iss: v2Issuer(args.publicBase, tenantId),
    azp: args.clientId,
    azpacr: '0',
    preferred_username: person.userPrincipalName,
    ver: '2.0',
  };
}
