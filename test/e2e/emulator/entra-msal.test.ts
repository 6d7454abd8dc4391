// Unmodified @azure/msal-node against the emulated Entra ID over HTTPS on loopback.
import assert from 'node:assert/strict';
import http from 'node:http';
import https from 'node:https';
import type { Configuration, INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { ConfidentialClientApplication, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import type { Entra, EntraTenant } from '../../../emulator/entra';
import { startEntraServer, type EntraServer } from '../../helpers/entra-server';

const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

/** msal's network module over node https, trusting the emulator's local CA. */
class CaTrustingNetworkClient implements INetworkModule {
  private readonly agent: https.Agent;
  constructor(ca: string) {
    this.agent = new https.Agent({ ca, keepAlive: false });
  }
  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }
  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }
  private send<T>(
    method: string,
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    return new Promise((resolve, reject) => {
      const body = options?.body ?? '';
      const headers: Record<string, string | number> = { ...options?.headers };
      if (method === 'POST') headers['content-length'] = Buffer.byteLength(body);
      const req = https.request(
        url,
        { method, headers, agent: this.agent, ...(timeout ? { timeout } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const flat: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
            resolve({
              status: res.statusCode ?? 0,
              headers: flat,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T,
            });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timeout after ${timeout ?? 0} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }
  close(): void {
    this.agent.destroy();
  }
}

describe('emulator/entra with @azure/msal-node over HTTPS (e2e)', () => {
  let tenant: EntraTenant;
  let entra: Entra;
  let server: EntraServer;
  let network: CaTrustingNetworkClient;
  let caPem: string;
  let seen: string[];
  let authorityMetadata: string;
  let cloudDiscoveryMetadata: string;

  before(async () => {
    server = await startEntraServer('sb-entra-msal');
    ({ tenant, entra, caPem, seen } = server);
    network = new CaTrustingNetworkClient(caPem);

    // What the app would fetch once at start-up and hand to msal so that msal itself discovers nothing.
    const tid = tenant.tenantId;
    const base = `https://localhost:${server.port}`;
    authorityMetadata = JSON.stringify(
      (await network.sendGetRequestAsync<object>(`${base}/${tid}/v2.0/.well-known/openid-configuration`))
        .body,
    );
    const authorize = encodeURIComponent(`${base}/${tid}/oauth2/v2.0/authorize`);
    cloudDiscoveryMetadata = JSON.stringify(
      (
        await network.sendGetRequestAsync<object>(
          `${base}/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`,
        )
      ).body,
    );
  });

  after(async () => {
    network.close();
    await server.close();
  });

  /** The msal-node configuration the app copies: emulator authority, no discovery, local CA trusted. */
  function msalConfig(clientSecret: string): Configuration {
    const app = tenant.apps[0];
    if (!app) throw new Error('no app');
    return {
      auth: {
        clientId: app.appId,
        clientSecret,
        authority: `https://localhost:${server.port}/${tenant.tenantId}`,
        knownAuthorities: [`localhost:${server.port}`],
        authorityMetadata,
        cloudDiscoveryMetadata,
      },
      system: { networkClient: network },
    };
  }

  const secret = (): string => tenant.apps[0]?.secrets[0] ?? '';

  it('acquires an app-only Graph token with acquireTokenByClientCredential, then serves it from cache', async () => {
    seen.length = 0;
    const cca = new ConfidentialClientApplication(msalConfig(secret()));
    const result = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
    assert.ok(result?.accessToken);
    assert.equal(result.tokenType, 'Bearer');
    assert.ok(result.expiresOn && result.expiresOn.getTime() - Date.now() > 50 * 60 * 1000);
    const check = await entra.verifyGraphToken(`Bearer ${result.accessToken}`);
    assert.ok(check.ok);
    assert.equal(check.claims.idtyp, 'app');
    assert.deepEqual(check.claims.roles, tenant.apps[0]?.graphRoles);

    const again = await cca.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] });
    assert.equal(again?.accessToken, result.accessToken);
    assert.deepEqual(seen, [`POST /${tenant.tenantId}/oauth2/v2.0/token`], 'one token request, no discovery');
  });

  it('exchanges the user token with acquireTokenOnBehalfOf for a delegated Graph token', async () => {
    const person = tenant.people[1];
    assert.ok(person);
    const userToken = await entra.mintUserToken(person.id);
    const cca = new ConfidentialClientApplication(msalConfig(secret()));
    const result = await cca.acquireTokenOnBehalfOf({
      oboAssertion: userToken,
      scopes: ['https://graph.microsoft.com/User.Read'],
    });
    assert.ok(result?.accessToken);
    const check = await entra.verifyGraphToken(`Bearer ${result.accessToken}`);
    assert.ok(check.ok);
    assert.equal(check.claims.idtyp, 'user');
    assert.equal(check.claims.scp, 'User.Read');
    assert.equal(check.claims.oid, person.id);
    assert.equal(result.account?.username, person.userPrincipalName);
  });

  it('surfaces a missing consent as InteractionRequiredAuthError (AADSTS65001, consent_required)', async () => {
    const person = tenant.people[2];
    assert.ok(person);
    const cca = new ConfidentialClientApplication(msalConfig(secret()));
    const userToken = await entra.mintUserToken(person.id);
    await assert.rejects(
      cca.acquireTokenOnBehalfOf({
        oboAssertion: userToken,
        scopes: ['https://graph.microsoft.com/Mail.Send'],
      }),
      (err: unknown) => {
        assert.ok(err instanceof InteractionRequiredAuthError, String(err));
        assert.equal(err.errorCode, 'invalid_grant');
        assert.equal(err.subError, 'consent_required');
        assert.match(err.errorMessage, /AADSTS65001/);
        return true;
      },
    );
  });

  it('surfaces a wrong secret as msal ServerError invalid_client with AADSTS7000215', async () => {
    const cca = new ConfidentialClientApplication(msalConfig('not-the-secret'));
    await assert.rejects(cca.acquireTokenByClientCredential({ scopes: [GRAPH_DEFAULT] }), (err: unknown) => {
      assert.ok(err instanceof ServerError, String(err));
      assert.equal(err.errorCode, 'invalid_client');
      assert.match(err.errorMessage, /AADSTS7000215/);
      assert.equal(String(err.errorNo), '7000215');
      return true;
    });
  });

  it('also works with msal-node’s own HTTP client given the CA through customAgentOptions', async () => {
    const config = msalConfig(secret());
    config.system = { customAgentOptions: { ca: caPem } };
    const result = await new ConfidentialClientApplication(config).acquireTokenByClientCredential({
      scopes: [GRAPH_DEFAULT],
    });
    assert.equal((await entra.verifyGraphToken(`Bearer ${result?.accessToken ?? ''}`)).ok, true);
  });

  it('answers plain HTTP on the same port', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get(
          `http://127.0.0.1:${server.port}/${tenant.tenantId}/v2.0/.well-known/openid-configuration`,
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () =>
              res.statusCode === 200 ? resolve(text) : reject(new Error(`status ${res.statusCode ?? 0}`)),
            );
          },
        )
        .on('error', reject);
    });
    assert.equal(body, authorityMetadata);
  });
});
