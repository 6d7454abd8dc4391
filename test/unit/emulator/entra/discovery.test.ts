import assert from 'node:assert/strict';
import { X509Certificate, createHash, createPublicKey } from 'node:crypto';
import type { Fixture } from './entra-fixture';
import { PUBLIC_BASE, get, json, openFixture } from './entra-fixture';

describe('emulator/entra OpenID documents', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => {
    await f.close();
  });

  it('publishes the tenant OpenID configuration with URLs built on the public base', async () => {
    const tid = f.tenant.tenantId;
    const res = await get(f, `/${tid}/v2.0/.well-known/openid-configuration`);
    assert.equal(res?.status, 200);
    assert.match(res?.headers['content-type'] ?? '', /^application\/json/);
    const doc = json(res);
    assert.equal(doc['issuer'], `${PUBLIC_BASE}/${tid}/v2.0`);
    assert.equal(doc['token_endpoint'], `${PUBLIC_BASE}/${tid}/oauth2/v2.0/token`);
    assert.equal(doc['jwks_uri'], `${PUBLIC_BASE}/${tid}/discovery/v2.0/keys`);
    assert.equal(doc['authorization_endpoint'], `${PUBLIC_BASE}/${tid}/oauth2/v2.0/authorize`);
    assert.equal(doc['end_session_endpoint'], `${PUBLIC_BASE}/${tid}/oauth2/v2.0/logout`);
    assert.deepEqual(doc['id_token_signing_alg_values_supported'], ['RS256']);
    assert.ok((doc['token_endpoint_auth_methods_supported'] as string[]).includes('client_secret_post'));
  });

  it('uses the {tenantid} issuer template for common and organizations', async () => {
    for (const segment of ['common', 'organizations']) {
      const doc = json(await get(f, `/${segment}/v2.0/.well-known/openid-configuration`));
      assert.equal(doc['issuer'], `${PUBLIC_BASE}/{tenantid}/v2.0`);
      assert.equal(doc['token_endpoint'], `${PUBLIC_BASE}/${segment}/oauth2/v2.0/token`);
    }
  });

  it('answers an unknown tenant with 400 invalid_tenant AADSTS90002', async () => {
    const res = await get(f, '/00000000-1111-2222-3333-444444444444/v2.0/.well-known/openid-configuration');
    assert.equal(res?.status, 400);
    const body = json(res);
    assert.equal(body['error'], 'invalid_tenant');
    assert.deepEqual(body['error_codes'], [90002]);
  });

  it('publishes keys as Entra does: kid = x5t = SHA-1 thumbprint of x5c, matching n/e', async () => {
    const tid = f.tenant.tenantId;
    const jwks = json(await get(f, `/${tid}/discovery/v2.0/keys`)) as {
      keys: Array<Record<string, unknown>>;
    };
    assert.ok(jwks.keys.length >= 1);
    for (const key of jwks.keys) {
      assert.equal(key['kty'], 'RSA');
      assert.equal(key['use'], 'sig');
      assert.equal(key['issuer'], `${PUBLIC_BASE}/${tid}/v2.0`);
      const der = Buffer.from(String((key['x5c'] as string[])[0]), 'base64');
      assert.equal(key['x5t'], createHash('sha1').update(der).digest('base64url'));
      assert.equal(key['kid'], key['x5t']);
      const fromCert = new X509Certificate(der).publicKey.export({ format: 'jwk' });
      const fromJwk = createPublicKey({
        key: { kty: 'RSA', n: String(key['n']), e: String(key['e']) },
        format: 'jwk',
      }).export({ format: 'jwk' });
      assert.deepEqual(fromJwk, fromCert);
    }
  });

  it('answers instance discovery with this host as the only alias', async () => {
    const authorize = encodeURIComponent(`${PUBLIC_BASE}/${f.tenant.tenantId}/oauth2/v2.0/authorize`);
    const doc = json(
      await get(f, `/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`),
    );
    assert.equal(
      doc['tenant_discovery_endpoint'],
      `${PUBLIC_BASE}/${f.tenant.tenantId}/v2.0/.well-known/openid-configuration`,
    );
    assert.equal(doc['api-version'], '1.1');
    assert.deepEqual(doc['metadata'], [
      { preferred_network: 'localhost:3979', preferred_cache: 'localhost:3979', aliases: ['localhost:3979'] },
    ]);
  });

  it('leaves every other path to the rest of the emulator, and refuses wrong methods', async () => {
    for (const p of [
      '/v1.0/communications/calls',
      '/emulator/clock',
      '/softphone',
      '/',
      `/${f.tenant.tenantId}/oauth2/v2.0/nothing`,
    ]) {
      assert.equal(await get(f, p), undefined, p);
    }
    const res = await get(f, `/${f.tenant.tenantId}/oauth2/v2.0/token`);
    assert.equal(res?.status, 405);
    assert.equal(res?.headers['allow'], 'POST');
  });
});
