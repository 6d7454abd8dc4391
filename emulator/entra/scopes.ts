import { EntraError, failures } from './entra-error';
import type { EntraApp } from './types';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from './types';

/** OpenID Connect scopes that msal adds to every user flow; they name no resource. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
// The conventional scope of an app's own API (Teams SSO); consent to it never grants anything on Graph.
const OWN_API_SCOPE = 'access_as_user';

export function isGraphResource(resource: string): boolean {
  const r = resource.replace(/\/+$/, '').toLowerCase();
  return r === GRAPH_RESOURCE || r === GRAPH_APP_ID;
}

/** Splits "https://graph.microsoft.com/User.Read" into resource and permission; bare names mean Graph. */
function splitScope(scope: string): { resource: string; permission: string } {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return { resource: GRAPH_RESOURCE, permission: scope };
  return { resource: scope.slice(0, slash), permission: scope.slice(slash + 1) };
}

export function scopeList(raw: string): string[] {
  return raw.split(' ').filter((s) => s !== '');
}

/** client_credentials takes exactly one "<resource>/.default" and the resource must be Graph. */
export function checkClientCredentialsScope(raw: string, tenantId: string): void {
  const scopes = scopeList(raw);
  const bad = scopes.find((s) => !s.endsWith('/.default'));
  if (bad !== undefined || scopes.length !== 1) throw new EntraError(failures.notDefaultScope(bad ?? raw));
  const { resource } = splitScope(scopes[0] as string);
  if (!isGraphResource(resource)) throw new EntraError(failures.unknownResource(resource, tenantId));
}

/** The OBO grant: Graph permissions requested, each of which must be consented for the app. */
export function grantDelegatedScopes(
  raw: string,
  app: EntraApp,
  tenantId: string,
): { granted: string[]; oidc: string[] } {
  const requested = scopeList(raw);
  const oidc = requested.filter((s) => OIDC_SCOPES.has(s.toLowerCase()));
  const wanted = new Set<string>();
  let everything = false;
  for (const scope of requested.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()))) {
    const { resource, permission } = splitScope(scope);
    if (!isGraphResource(resource)) throw new EntraError(failures.unknownResource(resource, tenantId));
    if (permission === '.default') everything = true;
    else wanted.add(permission);
  }
  // An OIDC-only request still yields a Graph token, as Entra does; it carries what was consented.
  if (wanted.size === 0) everything = true;
  const graphConsent = app.delegatedConsent.filter((p) => p !== OWN_API_SCOPE);
  const consented = new Map(graphConsent.map((p) => [p.toLowerCase(), p]));
  const granted: string[] = [];
  for (const permission of wanted) {
    const match = consented.get(permission.toLowerCase());
    if (!match) throw new EntraError(failures.consentRequired(app));
    granted.push(match);
  }
  if (everything) {
    for (const p of graphConsent) if (!granted.includes(p)) granted.push(p);
  }
  return { granted, oidc };
}
