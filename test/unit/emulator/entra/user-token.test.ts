import assert from 'node:assert/strict';
import type { Fixture } from './entra-fixture';
import { PUBLIC_BASE, decode, get, json, loadJose, openFixture } from './entra-fixture';

describe('emulator/entra mintUserToken', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => {
    await f.close();
  });

  it('mints the tab SSO token: our API as audience, the issuer of the OpenID document, the user’s claims', async () => {
    const token = await f.entra.mintUserToken(f.person.id);
    const tid = f.tenant.tenantId;
    const config = json(await get(f, `/${tid}/v2.0/.well-known/openid-configuration`));
    const jose = await loadJose();
    const keys = json(await get(f, String(config['jwks_uri']).slice(PUBLIC_BASE.length)));
    const { payload } = await jose.jwtVerify(token, jose.createLocalJWKSet(keys as never), {
      issuer: String(config['issuer']),
      audience: f.app.identifierUri,
      currentDate: new Date(f.clock.ms),
    });
    assert.equal(payload['scp'], 'access_as_user');
    assert.equal(payload['oid'], f.person.id);
    assert.equal(payload['tid'], tid);
    assert.equal(payload['name'], f.person.displayName);
    assert.equal(payload['preferred_username'], f.person.userPrincipalName);
    assert.equal(payload['azp'], f.app.appId);
    assert.equal(payload['ver'], '2.0');
    assert.equal(Number(payload['exp']) - f.clock.ms / 1000, 3600);
  });

  it('honours audience, scopes, lifetime and client options', async () => {
    const token = await f.entra.mintUserToken(f.person.id, {
      audience: 'api://elsewhere',
      scopes: ['access_as_user', 'Other.Scope'],
      lifetimeSec: 120,
      clientId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    });
    const { claims } = decode(token);
    assert.equal(claims['aud'], 'api://elsewhere');
    assert.equal(claims['scp'], 'access_as_user Other.Scope');
    assert.equal(Number(claims['exp']) - f.clock.ms / 1000, 120);
    assert.equal(claims['azp'], '1fec8e78-bce4-4aaf-ab1b-5451cc387264');
  });

  it('mints the v1 shape on request (sts.windows.net issuer, appid, upn)', async () => {
    const { claims } = decode(await f.entra.mintUserToken(f.person.id, { version: 1 }));
    assert.equal(claims['iss'], `https://sts.windows.net/${f.tenant.tenantId}/`);
    assert.equal(claims['appid'], f.app.appId);
    assert.equal(claims['upn'], f.person.userPrincipalName);
    assert.equal(claims['ver'], '1.0');
    assert.equal(claims['azp'], undefined);
  });

  it('gives each app a different pairwise subject for the same user', async () => {
    const a = decode(await f.entra.mintUserToken(f.person.id)).claims['sub'];
    const b = decode(await f.entra.mintUserToken(f.person.id, { clientId: 'another-client' })).claims['sub'];
    assert.equal(typeof a, 'string');
    assert.notEqual(a, b);
  });

  it('refuses people and apps the tenant does not have', async () => {
    await assert.rejects(f.entra.mintUserToken('no-such-person'), /no person/);
    await assert.rejects(f.entra.mintUserToken(f.person.id, { appId: 'no-such-app' }), /no app/);
  });
});
