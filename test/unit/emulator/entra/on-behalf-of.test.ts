import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { Fixture } from './entra-fixture';
import { assertEntraError, decode, loadJose, onBehalfOf, openFixture, postToken } from './entra-fixture';

const OIDC = 'openid profile offline_access';

describe('emulator/entra token endpoint: on-behalf-of', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => {
    await f.close();
  });

  it('exchanges the tab user token for a delegated Graph token with the requested, consented scopes', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id);
    const res = await postToken(
      f,
      onBehalfOf(f, assertion, `https://graph.microsoft.com/User.Read Presence.Read.All ${OIDC}`),
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body['token_type'], 'Bearer');
    assert.equal(
      res.body['scope'],
      'https://graph.microsoft.com/User.Read https://graph.microsoft.com/Presence.Read.All',
    );
    assert.equal(res.body['expires_in'], 3599);
    const { claims } = decode(String(res.body['access_token']));
    assert.equal(claims['aud'], 'https://graph.microsoft.com');
    assert.equal(claims['iss'], `https://sts.windows.net/${f.tenant.tenantId}/`);
    assert.equal(claims['scp'], 'User.Read Presence.Read.All');
    assert.equal(claims['idtyp'], 'user');
    assert.equal(claims['oid'], f.person.id);
    assert.equal(claims['upn'], f.person.userPrincipalName);
    assert.equal(claims['name'], f.person.displayName);
    assert.equal(claims['appid'], f.app.appId);
    assert.equal(claims['tid'], f.tenant.tenantId);
    assert.equal(claims['roles'], undefined);

    // "openid" was asked for, so an id token for the middle tier comes along, as Entra does.
    const id = decode(String(res.body['id_token'])).claims;
    assert.equal(id['aud'], f.app.appId);
    assert.equal(id['oid'], f.person.id);
  });

  it('grants every consented Graph permission for /.default, never the app’s own API scope', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id);
    const res = await postToken(f, onBehalfOf(f, assertion, 'https://graph.microsoft.com/.default'));
    assert.equal(res.status, 200);
    const scp = String(decode(String(res.body['access_token'])).claims['scp']).split(' ');
    assert.deepEqual(scp.sort(), f.app.delegatedConsent.filter((s) => s !== 'access_as_user').sort());
    assert.equal(res.body['id_token'], undefined);
  });

  it('accepts a v1 user token (sts.windows.net issuer) as the assertion too', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id, { version: 1 });
    const res = await postToken(f, onBehalfOf(f, assertion, 'User.Read'));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(decode(String(res.body['access_token'])).claims['scp'], 'User.Read');
  });

  it('refuses a scope without consent: 400 invalid_grant AADSTS65001, suberror consent_required', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id);
    const res = await postToken(
      f,
      onBehalfOf(
        f,
        assertion,
        `https://graph.microsoft.com/User.Read https://graph.microsoft.com/Mail.Send ${OIDC}`,
      ),
    );
    assertEntraError(res, { status: 400, error: 'invalid_grant', code: 65001, suberror: 'consent_required' });
    assert.match(
      String(res.body['error_description']),
      new RegExp(`application with ID '${f.app.appId}' named '${f.app.displayName}'`),
    );
  });

  it('follows a consent change made while running', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id);
    const seeded = f.app.delegatedConsent;
    try {
      f.app.delegatedConsent = [...seeded, 'Mail.Send'];
      const res = await postToken(f, onBehalfOf(f, assertion, 'https://graph.microsoft.com/Mail.Send'));
      assert.equal(res.status, 200);
    } finally {
      f.app.delegatedConsent = seeded;
    }
  });

  it('refuses an assertion addressed to another API: 400 invalid_grant AADSTS500131', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id, { audience: 'api://someone-else' });
    assertEntraError(await postToken(f, onBehalfOf(f, assertion, 'User.Read')), {
      status: 400,
      error: 'invalid_grant',
      code: 500131,
    });
  });

  it('refuses an expired assertion: 400 invalid_grant AADSTS500133', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id, { lifetimeSec: 60 });
    const start = f.clock.ms;
    try {
      f.clock.ms += 61_000;
      assertEntraError(await postToken(f, onBehalfOf(f, assertion, 'User.Read')), {
        status: 400,
        error: 'invalid_grant',
        code: 500133,
      });
    } finally {
      f.clock.ms = start;
    }
  });

  it('refuses an assertion signed by a key Entra never published: 400 invalid_grant AADSTS50013', async () => {
    const jose = await loadJose();
    const genuine = await f.entra.mintUserToken(f.person.id);
    const { header, claims } = decode(genuine);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await new jose.SignJWT(claims)
      .setProtectedHeader(header as { alg: string })
      .sign(privateKey);
    assertEntraError(await postToken(f, onBehalfOf(f, forged, 'User.Read')), {
      status: 400,
      error: 'invalid_grant',
      code: 50013,
    });
  });

  it('requires the assertion and requested_token_use (AADSTS900144) and a valid secret (AADSTS7000215)', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id);
    const { assertion: _a, ...noAssertion } = onBehalfOf(f, assertion, 'User.Read');
    assertEntraError(await postToken(f, noAssertion), {
      status: 400,
      error: 'invalid_request',
      code: 900144,
    });
    const { requested_token_use: _r, ...noUse } = onBehalfOf(f, assertion, 'User.Read');
    assertEntraError(await postToken(f, noUse), { status: 400, error: 'invalid_request', code: 900144 });
    const wrongSecret = { ...onBehalfOf(f, assertion, 'User.Read'), client_secret: 'guess' };
    assertEntraError(await postToken(f, wrongSecret), {
      status: 401,
      error: 'invalid_client',
      code: 7000215,
    });
  });
});
