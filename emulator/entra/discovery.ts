// The OpenID documents Entra publishes: per-tenant metadata and the instance-discovery answer.

/** Tenant path segments that are not a tenant id but that Entra accepts. */
export const MULTI_TENANT_SEGMENTS = new Set(['common', 'organizations']);

/** The issuer placeholder Entra prints for the multi-tenant documents. */
const TENANT_TEMPLATE = '{tenantid}';

/** The v2 OpenID configuration for a tenant segment (a tenant id, `common` or `organizations`). */
export function openIdConfiguration(publicBase: string, segment: string): Record<string, unknown> {
  const root = `${publicBase}/${segment}`;
  const issuerTenant = MULTI_TENANT_SEGMENTS.has(segment) ? TENANT_TEMPLATE : segment;
  const host = new URL(publicBase).host;
  return {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${root}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${publicBase}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${publicBase}/oidc/userinfo`,
    authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'cloud_instance_name',
      'cloud_instance_host_name',
      'cloud_graph_host_name',
      'msgraph_host',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${root}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: host,
    cloud_graph_host_name: host,
    msgraph_host: host,
    rbac_url: publicBase,
  };
}

/** The issuer value the keys document attaches to each key. */
export function keysIssuer(publicBase: string, segment: string): string {
  return `${publicBase}/${MULTI_TENANT_SEGMENTS.has(segment) ? TENANT_TEMPLATE : segment}/v2.0`;
}

/** The answer to GET /common/discovery/instance: this host is its own (only) alias. */
export function instanceDiscovery(publicBase: string, query: URLSearchParams): Record<string, unknown> {
  const host = new URL(publicBase).host;
  let tenant = 'common';
  const authorize = query.get('authorization_endpoint');
  if (authorize) {
    try {
      tenant = new URL(authorize).pathname.split('/').filter(Boolean)[0] ?? 'common';
    } catch {
      tenant = 'common';
    }
  }
  return {
    tenant_discovery_endpoint: `${publicBase}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': query.get('api-version') ?? '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}
