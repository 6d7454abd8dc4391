// Tokens for Graph: app-only (client credentials) per tenant, and on-behalf-of a signed-in user for the
// delegated calls the tab makes. One msal ConfidentialClientApplication per tenant; msal's in-memory
// cache keeps and renews the tokens.
import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import type { Configuration, INetworkModule } from '@azure/msal-node';
import type { Logger } from 'pino';
import { authorityFor } from './authority';
import { defaultFetch, type Fetch } from '../http/outbound';
import { createMsalNetwork } from './msal-network';
import { tokenFailure } from './token-errors';

/** The resource every Graph token is requested for. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Supplies bearer tokens for Graph. */
export interface TokenProvider {
  /** An app-only token for `tenantId` (default: the app's home tenant). */
  appToken(tenantId?: string): Promise<string>;
  /** A delegated token for the user whose access token (for our API) is `userAssertion`. */
  onBehalfOf(
    userAssertion: string,
    opts?: { tenantId?: string; scopes?: readonly string[] },
  ): Promise<string>;
}

/** Settings for createTokenProvider. */
export interface TokenProviderOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The app's home tenant (MicrosoftAppTenantId), used when a request names none. */
  readonly defaultTenantId: string;
  /** ENTRA_AUTHORITY_HOST, e.g. https://login.microsoftonline.com. */
  readonly authorityHost: string;
  /** The fetch token requests go through (the app's one dispatcher). */
  readonly fetch?: Fetch;
  readonly logger: Logger;
  /** Replaces the HTTPS network module (tests). */
  readonly network?: INetworkModule;
}

/** Creates the token provider; no network traffic until the first token is asked for. */
export function createTokenProvider(opts: TokenProviderOptions): TokenProvider {
  const log = opts.logger.child({ module: 'calling.graph.token' });
  const network = opts.network ?? createMsalNetwork(opts.fetch ?? defaultFetch);
  const authorityHost = opts.authorityHost.replace(/\/+$/, '');
  const clients = new Map<string, Promise<ConfidentialClientApplication>>();

  function clientFor(tenantId: string): Promise<ConfidentialClientApplication> {
    const key = tenantId.toLowerCase();
    let client = clients.get(key);
    if (!client) {
      client = build(tenantId);
      // A failed metadata fetch must not stick: the next request tries again.
      client.catch(() => clients.delete(key));
      clients.set(key, client);
    }
    return client;
  }

  async function build(tenantId: string): Promise<ConfidentialClientApplication> {
    const authority = await authorityFor(authorityHost, tenantId, network);
    const config: Configuration = {
      auth: { clientId: opts.clientId, clientSecret: opts.clientSecret, ...authority },
      system: {
        networkClient: network,
        loggerOptions: {
          logLevel: LogLevel.Warning,
          piiLoggingEnabled: false,
          loggerCallback: (level, message, containsPii) => {
            if (!containsPii) log.debug({ msalLevel: LogLevel[level] }, message);
          },
        },
      },
    };
    log.debug(
      { tenantId, authority: authority.authority, known: authority.knownAuthorities },
      'token client created',
    );
    return new ConfidentialClientApplication(config);
  }

  const ctx = (flow: 'client_credentials' | 'on_behalf_of', tenantId: string) => ({
    flow,
    tenantId,
    clientId: opts.clientId,
    authorityHost,
  });

  return {
    async appToken(tenantId = opts.defaultTenantId) {
      try {
        const client = await clientFor(tenantId);
        const result = await client.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
        if (!result?.accessToken) throw new Error('the identity provider returned no access token');
        return result.accessToken;
      } catch (err) {
        throw tokenFailure(err, ctx('client_credentials', tenantId));
      }
    },
    async onBehalfOf(userAssertion, o = {}) {
      const tenantId = o.tenantId ?? opts.defaultTenantId;
      try {
        const client = await clientFor(tenantId);
        const scopes = [...(o.scopes ?? [GRAPH_SCOPE])];
        const result = await client.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes });
        if (!result?.accessToken) throw new Error('the identity provider returned no access token');
        return result.accessToken;
      } catch (err) {
        throw tokenFailure(err, ctx('on_behalf_of', tenantId));
      }
    },
  };
}
