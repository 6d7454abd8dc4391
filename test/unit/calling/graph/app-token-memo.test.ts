// The app-only token memo in front of msal: one msal lookup per tenant until five minutes before the
// token expires, one for a burst of concurrent requests, none kept after a failure. Real msal-node, with
// a network module standing in for Entra ID.
import assert from 'node:assert/strict';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import pino from 'pino';
import { APP_TOKEN_RENEW_MS, createTokenProvider } from '../../../../calling/graph/app-token';

const HOST = 'https://login.test.example';
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';

/** Entra ID as msal sees it: the tenant's metadata, and a token endpoint that counts its requests. */
function fakeEntra(expiresInSec = 3600) {
  const state = { posts: 0, failNext: 0 };
  const ok = <T>(body: T): NetworkResponse<T> => ({ headers: {}, body, status: 200 });
  const network: INetworkModule = {
    sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
      const tenant = new URL(url).pathname.split('/')[1] ?? '';
      const base = `${HOST}/${tenant}`;
      return Promise.resolve(
        ok({
          issuer: `${base}/v2.0`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        } as T),
      );
    },
    sendPostRequestAsync<T>(_url: string, _o?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      state.posts += 1;
      if (state.failNext > 0) {
        state.failNext -= 1;
        return Promise.resolve({
          headers: {},
          status: 401,
          body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret.' } as T,
        });
      }
      return Promise.resolve(
        ok({
          token_type: 'Bearer',
          expires_in: expiresInSec,
          ext_expires_in: expiresInSec,
          access_token: `token-${state.posts}`,
        } as T),
      );
    },
  };
  return { network, state };
}

describe('calling/graph app token memo', () => {
  const original = ConfidentialClientApplication.prototype.acquireTokenByClientCredential;
  let lookups = 0;
  beforeEach(() => {
    lookups = 0;
    ConfidentialClientApplication.prototype.acquireTokenByClientCredential = function (
      this: ConfidentialClientApplication,
      ...args: Parameters<typeof original>
    ) {
      lookups += 1;
      return original.apply(this, args);
    };
  });
  afterEach(() => {
    ConfidentialClientApplication.prototype.acquireTokenByClientCredential = original;
  });

  function provider(network: INetworkModule, now: () => number) {
    return createTokenProvider({
      clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      clientSecret: 'secret',
      defaultTenantId: TENANT,
      authorityHost: HOST,
      network,
      logger: pino({ level: 'silent' }),
      now,
    });
  }

  it('asks msal once, then hands out the same token until five minutes before it expires', async () => {
    const { network, state } = fakeEntra(3600);
    let clock = Date.now();
    const tokens = provider(network, () => clock);
    assert.equal(await tokens.appToken(), 'token-1');
    assert.equal(await tokens.appToken(TENANT.toUpperCase()), 'token-1');
    assert.equal(lookups, 1);
    clock += 3600_000 - APP_TOKEN_RENEW_MS - 1000;
    assert.equal(await tokens.appToken(), 'token-1');
    assert.equal(lookups, 1, 'still inside the token’s life less the renewal margin');
    clock += 2000;
    // Past the margin msal is asked again; its own cache (on the real clock) still holds the token.
    assert.equal(await tokens.appToken(), 'token-1');
    assert.equal(lookups, 2);
    assert.equal(state.posts, 1);
  });

  it('asks msal once for a burst of concurrent requests, and once per tenant', async () => {
    const { network, state } = fakeEntra();
    const tokens = provider(network, Date.now);
    const got = await Promise.all(Array.from({ length: 20 }, () => tokens.appToken()));
    assert.deepEqual(new Set(got), new Set(['token-1']));
    assert.equal(lookups, 1);
    assert.equal(await tokens.appToken(OTHER_TENANT), 'token-2');
    assert.equal(lookups, 2);
    assert.equal(state.posts, 2);
  });

  it('keeps nothing after a failure: the next request asks again and gets a token', async () => {
    const { network, state } = fakeEntra();
    state.failNext = 1;
    const tokens = provider(network, Date.now);
    await assert.rejects(tokens.appToken(), (err: Error) =>
      /client secret|invalid_client/i.test(err.message),
    );
    assert.equal(await tokens.appToken(), 'token-2');
    assert.equal(lookups, 2);
  });

  it('asks msal every time for a token it says does not expire within the margin', async () => {
    const { network } = fakeEntra(APP_TOKEN_RENEW_MS / 1000 - 60);
    const tokens = provider(network, Date.now);
    await tokens.appToken();
    await tokens.appToken();
    assert.equal(lookups, 2);
  });
});
