// Tokens for Graph: app-only (client credentials) per tenant, and on-behalf-of a signed-in user for the
// delegated calls the tab makes. One msal ConfidentialClientApplication per tenant; msal's in-memory
// cache keeps and renews the tokens. The app-only token is also kept here, per tenant, until five
// minutes before it expires: every Graph request asks for one, and msal's cache lookup (building the
// request, hashing keys, scanning the cache) cost more than the request's own JSON under a burst of
// calls. Renewal stays msal's: the memo only answers while msal would hand back the same token.
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
  /** The clock the app-token memo reads (tests); Date.now by default. */
  readonly now?: () => number;
}

/**
 * How long before its expiry an app token stops being handed out from the memo, so msal is asked
 * again. Five minutes is msal's own renewal margin, so the memo never holds a token msal would renew.
 */
export const APP_TOKEN_RENEW_MS = 5 * 60_000;

/** Creates the token provider; no network traffic until the first token is asked for. */
export function createTokenProvider(opts: TokenProviderOptions): TokenProvider {
  const log = opts.logger.child({ module: 'calling.graph.token' });
  const network = opts.network ?? createMsalNetwork(opts.fetch ?? defaultFetch);
  const authorityHost = opts.authorityHost.replace(/\/+$/, '');
  const clients = new Map<string, Promise<ConfidentialClientApplication>>();
  const now = opts.now ?? Date.now;
  // Per tenant: the token msal gave and when to stop using it, or the request for one in flight (so a
  // burst of requests asks msal once).
  const memo = new Map<string, { token: string; until: number } | Promise<string>>();

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
    appToken(tenantId = opts.defaultTenantId) {
      const key = tenantId.toLowerCase();
      const kept = memo.get(key);
      if (kept instanceof Promise) return kept;
      if (kept && now() < kept.until) return Promise.resolve(kept.token);
      const asking = (async () => {
        try {
          const client = await clientFor(tenantId);
          const result = await client.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
          if (!result?.accessToken) throw new Error('the identity provider returned no access token');
          const expires = result.expiresOn?.getTime();
          // A token without an expiry is not kept: msal is asked every time, as before.
          if (expires !== undefined && Number.isFinite(expires))
            memo.set(key, { token: result.accessToken, until: expires - APP_TOKEN_RENEW_MS });
          else memo.delete(key);
          return result.accessToken;
        } catch (err) {
          memo.delete(key);
          throw tokenFailure(err, ctx('client_credentials', tenantId));
        }
      })();
      memo.set(key, asking);
      return asking;
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
