// Where tokens come from. For Microsoft's own login hosts msal-node runs its normal discovery; any other
// host (the local emulator, a test double) is declared a known authority and its metadata is handed to
// msal directly, fetched once from the host's OpenID document, so msal never asks Microsoft's instance
// discovery about a host Microsoft does not know.
import type { INetworkModule } from '@azure/msal-node';
import { CallingError } from '../errors';

/** Entra ID hosts of the Microsoft clouds, where msal's own discovery applies. */
const MICROSOFT_LOGIN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

/** The authority part of an msal configuration. */
export interface AuthorityConfig {
  readonly authority: string;
  readonly knownAuthorities?: string[];
  readonly authorityMetadata?: string;
  readonly cloudDiscoveryMetadata?: string;
}

/** True when msal-node can discover this authority host by itself. */
export function isMicrosoftLoginHost(authorityHost: string): boolean {
  return MICROSOFT_LOGIN_HOSTS.has(new URL(authorityHost).hostname.toLowerCase());
}

/** msal authority settings for one tenant under `authorityHost` (no trailing slash needed). */
export async function authorityFor(
  authorityHost: string,
  tenantId: string,
  network: INetworkModule,
): Promise<AuthorityConfig> {
  const base = authorityHost.replace(/\/+$/, '');
  const authority = `${base}/${tenantId}`;
  if (isMicrosoftLoginHost(base)) return { authority };

  const host = new URL(base).host;
  const configUrl = `${authority}/v2.0/.well-known/openid-configuration`;
  const metadata = await fetchOpenIdConfiguration(configUrl, network);
  return {
    authority,
    knownAuthorities: [host],
    authorityMetadata: JSON.stringify(metadata),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: configUrl,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  };
}

async function fetchOpenIdConfiguration(
  url: string,
  network: INetworkModule,
): Promise<Record<string, unknown>> {
  let res;
  try {
    res = await network.sendGetRequestAsync<Record<string, unknown>>(url);
  } catch (err) {
    throw new CallingError(
      'graph_auth_failed',
      `Could not read the identity provider's OpenID configuration at ${url} (${(err as Error).message}). ` +
        'Check ENTRA_AUTHORITY_HOST, that the host is reachable, and EXTRA_CA_FILE if it uses a private CA.',
      { cause: err },
    );
  }
  const doc = res.body;
  if (res.status !== 200 || typeof doc?.token_endpoint !== 'string' || typeof doc.issuer !== 'string') {
    throw new CallingError(
      'graph_auth_failed',
      `The OpenID configuration at ${url} answered ${res.status} without a token_endpoint and issuer. ` +
        'Check ENTRA_AUTHORITY_HOST and the tenant id.',
      { status: res.status },
    );
  }
  return doc;
}
