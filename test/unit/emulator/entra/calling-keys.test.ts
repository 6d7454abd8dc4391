import assert from 'node:assert/strict';
import type { Fixture } from './entra-fixture';
import {
  PUBLIC_BASE,
  clientCredentials,
  decode,
  get,
  json,
  loadJose,
  openFixture,
  postToken,
} from './entra-fixture';

type Jwks = { keys: Array<Record<string, unknown>> };

describe('emulator/entra calling-service keys', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => {
    await f.close();
  });

  it('publishes the calling OpenID configuration', async () => {
    const doc = json(await get(f, '/calling/v1/.well-known/OpenIdConfiguration'));
    assert.deepEqual(doc, {
      issuer: 'https://api.botframework.com',
      jwks_uri: `${PUBLIC_BASE}/calling/v1/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    });
  });

  it('signs notification tokens with a calling key, not an Entra key', async () => {
    const jose = await loadJose();
    const token = await f.entra.signCallingNotification({ aud: f.app.appId, tid: f.tenant.tenantId });
    const calling = json(await get(f, '/calling/v1/keys')) as Jwks;
    const entra = json(await get(f, `/${f.tenant.tenantId}/discovery/v2.0/keys`)) as Jwks;
    const { header, claims } = decode(token);
    assert.ok(calling.keys.some((k) => k['kid'] === header['kid']));
    assert.ok(!entra.keys.some((k) => k['kid'] === header['kid']), 'separate key sets');

    const { payload } = await jose.jwtVerify(token, jose.createLocalJWKSet(calling as never), {
      issuer: 'https://api.botframework.com',
      audience: f.app.appId,
      currentDate: new Date(f.clock.ms),
      algorithms: ['RS256'],
    });
    assert.equal(payload['tid'], f.tenant.tenantId);
    assert.equal(Number(payload['exp']) - Number(payload['iat']), 3600);
    assert.equal(payload['nbf'], payload['iat']);
    assert.equal(payload['iat'], Math.floor(f.clock.ms / 1000));
    await assert.rejects(
      jose.jwtVerify(token, jose.createLocalJWKSet(entra as never)),
      /no applicable key|JWKSNoMatchingKey/i,
    );
    assert.equal(claims['aud'], f.app.appId);
  });

  it('reuses one notification token per app and tenant until it nears expiry, as Graph does', async () => {
    const claims = { aud: f.app.appId, tid: f.tenant.tenantId };
    const first = await f.entra.signCallingNotification(claims);
    f.clock.ms += 49 * 60_000;
    assert.equal(await f.entra.signCallingNotification(claims), first, 'the same token 49 min later');
    const other = await f.entra.signCallingNotification({ ...claims, aud: 'another-app-id' });
    assert.notEqual(other, first, 'another audience gets its own token');
    assert.equal(decode(other).claims['aud'], 'another-app-id');
    f.clock.ms += 2 * 60_000;
    const renewed = await f.entra.signCallingNotification(claims);
    assert.notEqual(renewed, first, 'renewed once under 10 min of its hour remain');
    assert.equal(decode(renewed).claims['iat'], Math.floor(f.clock.ms / 1000));
  });

  it('rotates: a new kid signs from then on, the old key stays published', async () => {
    const jose = await loadJose();
    const before = json(await get(f, '/calling/v1/keys')) as Jwks;
    const oldToken = await f.entra.signCallingNotification({ aud: f.app.appId, tid: f.tenant.tenantId });
    const newKid = await f.entra.rotateCallingKey();
    const after = json(await get(f, '/calling/v1/keys')) as Jwks;
    assert.equal(after.keys.length, before.keys.length + 1);
    assert.ok(!before.keys.some((k) => k['kid'] === newKid));
    assert.ok(after.keys.some((k) => k['kid'] === newKid));

    const newToken = await f.entra.signCallingNotification({ aud: f.app.appId, tid: f.tenant.tenantId });
    assert.equal(decode(newToken).header['kid'], newKid);
    const opts = { currentDate: new Date(f.clock.ms) };
    // A receiver holding the old key set meets an unknown kid until it refreshes.
    await assert.rejects(jose.jwtVerify(newToken, jose.createLocalJWKSet(before as never), opts));
    await jose.jwtVerify(newToken, jose.createLocalJWKSet(after as never), opts);
    await jose.jwtVerify(oldToken, jose.createLocalJWKSet(after as never), opts);
  });

  it('keeps both key sets across a restart, so earlier tokens stay valid', async () => {
    const appToken = String((await postToken(f, clientCredentials(f))).body['access_token']);
    const entraBefore = json(await get(f, `/${f.tenant.tenantId}/discovery/v2.0/keys`));
    const callingBefore = json(await get(f, '/calling/v1/keys'));
    const callingToken = await f.entra.signCallingNotification({ aud: f.app.appId, tid: f.tenant.tenantId });

    const restarted = await openFixture(f.dir);
    restarted.clock.ms = f.clock.ms;
    assert.deepEqual(json(await get(restarted, `/${f.tenant.tenantId}/discovery/v2.0/keys`)), entraBefore);
    assert.deepEqual(json(await get(restarted, '/calling/v1/keys')), callingBefore);
    assert.equal((await restarted.entra.verifyGraphToken(`Bearer ${appToken}`)).ok, true);
    const again = await restarted.entra.signCallingNotification({ aud: f.app.appId, tid: f.tenant.tenantId });
    assert.equal(
      decode(again).header['kid'],
      decode(callingToken).header['kid'],
      'current calling key survives',
    );
  });
});
