// The app's token provider (calling/graph) on behalf of a signed-in user, against the emulator's Entra ID:
// msal-node's on-behalf-of exchange, its metadata fetched once, and a missing consent named. The emulator
// process does not hand out user tokens, so Entra ID runs in this process (test/helpers/entra-server.ts).
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTokenProvider, type TokenProvider } from '../../../calling/graph';
import { createOutbound, type Outbound } from '../../../calling/http';
import { rejectsWith } from '../../helpers/calling-error';
import { startEntraServer, type EntraServer } from '../../helpers/entra-server';

describe('calling/graph token provider: on-behalf-of against the emulated Entra ID (e2e)', function () {
  this.timeout(30_000);
  let server: EntraServer;
  let tokens: TokenProvider;
  let net: Outbound;

  before(async () => {
    server = await startEntraServer('sb-graph-obo');
    net = createOutbound({ extraCa: server.caPem });
    const app = server.tenant.apps[0];
    assert.ok(app);
    tokens = createTokenProvider({
      clientId: app.appId,
      clientSecret: app.secrets[0] ?? '',
      defaultTenantId: server.tenant.tenantId,
      authorityHost: server.base,
      fetch: net.fetch,
      logger: pino({ level: 'silent' }),
    });
  });

  after(async () => {
    await net?.close();
    await server?.close();
  });

  it('exchanges the user’s token for a delegated Graph token, fetching the metadata once and discovering nothing', async () => {
    const person = server.tenant.people[1];
    assert.ok(person);
    const userToken = await server.entra.mintUserToken(person.id);
    server.seen.length = 0;
    const token = await tokens.onBehalfOf(userToken, { scopes: ['https://graph.microsoft.com/User.Read'] });
    const check = await server.entra.verifyGraphToken(`Bearer ${token}`);
    assert.ok(check.ok);
    assert.equal(check.claims.idtyp, 'user');
    assert.equal(check.claims.oid, person.id);
    assert.equal(check.claims.scp, 'User.Read');
    const app = await tokens.appToken();
    assert.equal((await server.entra.verifyGraphToken(`Bearer ${app}`)).ok, true);
    assert.deepEqual(server.seen, [
      `GET /${server.tenant.tenantId}/v2.0/.well-known/openid-configuration`,
      `POST /${server.tenant.tenantId}/oauth2/v2.0/token`,
      `POST /${server.tenant.tenantId}/oauth2/v2.0/token`,
    ]);
  });

  it('says what to do when the user has not consented (AADSTS65001)', async () => {
    const person = server.tenant.people[2];
    assert.ok(person);
    const userToken = await server.entra.mintUserToken(person.id);
    const err = await rejectsWith(
      tokens.onBehalfOf(userToken, { scopes: ['https://graph.microsoft.com/Mail.Send'] }),
      'graph_auth_failed',
    );
    assert.equal(err.graphCode, 'AADSTS65001');
    assert.match(err.message, /has not consented to the delegated Graph permissions/);
  });
});
