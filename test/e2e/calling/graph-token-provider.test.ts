// The app's token provider (calling/graph) on behalf of a signed-in user, against the emulator's Entra ID:
// msal-node's on-behalf-of exchange, its metadata fetched once, and a missing consent named.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createTokenProvider, type TokenProvider } from '../../../calling/graph';
import { createOutbound, type Outbound } from '../../../calling/http';
import { createEntra } from '../../../emulator/entra';
import type { Entra, EntraTenant } from '../../../emulator/entra';
import { listenDual, loadOrCreateTls } from '../../../emulator/tls';
import type { DualListener } from '../../../emulator/tls';
import { rejectsWith } from '../../helpers/calling-error';

// On-behalf-of needs a signed-in user's token; the emulator process does not hand those out, so this
// block runs the emulator's Entra ID in-process on an HTTPS loopback port with its own local CA.
describe('calling/graph token provider: on-behalf-of against the emulated Entra ID (e2e)', function () {
  this.timeout(30_000);
  let dir: string;
  let tenant: EntraTenant;
  let entra: Entra;
  let server: DualListener;
  let tokens: TokenProvider;
  let net: Outbound;
  const requests: string[] = [];

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sb-graph-obo-'));
    tenant = JSON.parse(
      await readFile(path.join(__dirname, '../../../emulator/seed/tenant.json'), 'utf8'),
    ) as EntraTenant;
    const tls = await loadOrCreateTls(dir);
    net = createOutbound({ extraCa: tls.caCertPem });
    const holder: { entra?: Entra } = {};
    server = await listenDual(
      (req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const url = new URL(req.url ?? '/', 'https://placeholder');
          requests.push(`${req.method ?? ''} ${url.pathname}`);
          const answer = holder.entra?.handle({
            method: req.method ?? 'GET',
            path: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
          // Not chained: restify, loaded by other files in this process, patches writeHead to return nothing.
          const reply = (status: number, headers: Record<string, string>, body?: string) => {
            res.writeHead(status, headers);
            res.end(body);
          };
          void (answer ?? Promise.resolve(undefined)).then(
            (out) => (out ? reply(out.status, out.headers, out.body) : reply(404, {})),
            (err: Error) => reply(500, {}, err.message),
          );
        });
      },
      { port: 0, host: '127.0.0.1', tls },
    );
    const authorityHost = `https://localhost:${server.port}`;
    entra = await createEntra({
      publicBase: authorityHost,
      dataDir: dir,
      tenant: () => tenant,
      now: () => Date.now(),
    });
    holder.entra = entra;
    const app = tenant.apps[0];
    assert.ok(app);
    tokens = createTokenProvider({
      clientId: app.appId,
      clientSecret: app.secrets[0] ?? '',
      defaultTenantId: tenant.tenantId,
      authorityHost,
      fetch: net.fetch,
      logger: pino({ level: 'silent' }),
    });
  });

  after(async () => {
    await net?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('exchanges the user’s token for a delegated Graph token, fetching the metadata once and discovering nothing', async () => {
    const person = tenant.people[1];
    assert.ok(person);
    const userToken = await entra.mintUserToken(person.id);
    requests.length = 0;
    const token = await tokens.onBehalfOf(userToken, { scopes: ['https://graph.microsoft.com/User.Read'] });
    const check = await entra.verifyGraphToken(`Bearer ${token}`);
    assert.ok(check.ok);
    assert.equal(check.claims.idtyp, 'user');
    assert.equal(check.claims.oid, person.id);
    assert.equal(check.claims.scp, 'User.Read');
    const app = await tokens.appToken();
    assert.equal((await entra.verifyGraphToken(`Bearer ${app}`)).ok, true);
    assert.deepEqual(requests, [
      `GET /${tenant.tenantId}/v2.0/.well-known/openid-configuration`,
      `POST /${tenant.tenantId}/oauth2/v2.0/token`,
      `POST /${tenant.tenantId}/oauth2/v2.0/token`,
    ]);
  });

  it('says what to do when the user has not consented (AADSTS65001)', async () => {
    const person = tenant.people[2];
    assert.ok(person);
    const userToken = await entra.mintUserToken(person.id);
    const err = await rejectsWith(
      tokens.onBehalfOf(userToken, { scopes: ['https://graph.microsoft.com/Mail.Send'] }),
      'graph_auth_failed',
    );
    assert.equal(err.graphCode, 'AADSTS65001');
    assert.match(err.message, /has not consented to the delegated Graph permissions/);
  });
});
