import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Fixture } from './entra-fixture';
import { clientCredentials, decode, loadJose, onBehalfOf, openFixture, postToken } from './entra-fixture';

describe('emulator/entra verifyGraphToken', () => {
  let f: Fixture;
  let appToken: string;
  let ourKey: KeyObject;

  before(async () => {
    f = await openFixture();
    appToken = String((await postToken(f, clientCredentials(f))).body['access_token']);
    const stored = JSON.parse(await readFile(path.join(f.dir, 'entra-signing-keys.json'), 'utf8')) as {
      keys: Array<{ privateKeyPem: string }>;
    };
    ourKey = createPrivateKey(stored.keys[0]?.privateKeyPem ?? '');
  });
  after(async () => {
    await f.close();
  });

  /** Re-signs the app token's claims with changes, using the given key and the genuine header. */
  async function resign(
    changes: Record<string, unknown>,
    key: KeyObject = ourKey,
    kid?: string,
  ): Promise<string> {
    const jose = await loadJose();
    const { header, claims } = decode(appToken);
    return new jose.SignJWT({ ...claims, ...changes })
      .setProtectedHeader({ ...(header as { alg: string }), ...(kid ? { kid } : {}) })
      .sign(key);
  }

  async function rejected(authorization: string | undefined): Promise<string> {
    const result = await f.entra.verifyGraphToken(authorization);
    assert.equal(result.ok, false, 'token was accepted');
    if (result.ok) return '';
    assert.equal(result.status, 401);
    assert.equal(result.code, 'InvalidAuthenticationToken');
    return result.message;
  }

  it('accepts an app token from the token endpoint and reports its roles', async () => {
    const result = await f.entra.verifyGraphToken(`Bearer ${appToken}`);
    assert.ok(result.ok);
    assert.equal(result.claims.tid, f.tenant.tenantId);
    assert.equal(result.claims.appid, f.app.appId);
    assert.equal(result.claims.idtyp, 'app');
    assert.deepEqual(result.claims.roles, f.app.graphRoles);
    assert.equal(result.claims.scp, undefined);
    assert.equal(result.claims.raw['iss'], `https://sts.windows.net/${f.tenant.tenantId}/`);
  });

  it('accepts a delegated token and reports scp and oid', async () => {
    const assertion = await f.entra.mintUserToken(f.person.id);
    const obo = String((await postToken(f, onBehalfOf(f, assertion, 'User.Read'))).body['access_token']);
    const result = await f.entra.verifyGraphToken(`Bearer ${obo}`);
    assert.ok(result.ok);
    assert.equal(result.claims.idtyp, 'user');
    assert.equal(result.claims.scp, 'User.Read');
    assert.equal(result.claims.oid, f.person.id);
    assert.deepEqual(result.claims.roles, []);
  });

  it("accepts Graph's application id as the audience", async () => {
    const token = await resign({ aud: '00000003-0000-0000-c000-000000000000' });
    assert.equal((await f.entra.verifyGraphToken(`Bearer ${token}`)).ok, true);
  });

  it('rejects a missing header', async () => {
    assert.equal(await rejected(undefined), 'Access token is empty.');
    assert.equal(await rejected(''), 'Access token is empty.');
    assert.equal(await rejected('Bearer '), 'Access token is empty.');
  });

  it('rejects garbage and other schemes', async () => {
    assert.match(await rejected('Bearer not-a-jwt'), /IDX14100/);
    assert.equal(await rejected(`Basic ${Buffer.from('a:b').toString('base64')}`), 'Access token is empty.');
  });

  it('rejects a token signed by another key, whatever kid it claims', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    assert.match(await rejected(`Bearer ${await resign({}, privateKey)}`), /Invalid signature/);
    assert.match(
      await rejected(`Bearer ${await resign({}, privateKey, 'unknown-kid')}`),
      /Invalid signature/,
    );
  });

  it('rejects an expired token (beyond the five-minute skew)', async () => {
    const start = f.clock.ms;
    try {
      f.clock.ms += 3599_000 + 200_000;
      assert.equal((await f.entra.verifyGraphToken(`Bearer ${appToken}`)).ok, true, 'inside the skew');
      f.clock.ms += 200_000;
      assert.equal(await rejected(`Bearer ${appToken}`), 'Lifetime validation failed, the token is expired.');
    } finally {
      f.clock.ms = start;
    }
  });

  it('rejects a token for another audience (the tab SSO token)', async () => {
    const sso = await f.entra.mintUserToken(f.person.id);
    assert.equal(await rejected(`Bearer ${sso}`), 'Access token validation failure. Invalid audience.');
    assert.equal(
      await rejected(`Bearer ${await resign({ aud: 'https://graph.windows.net' })}`),
      'Access token validation failure. Invalid audience.',
    );
  });

  it('rejects a token from another issuer, even when signed with our key', async () => {
    const other = await resign({ iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/' });
    assert.equal(await rejected(`Bearer ${other}`), 'Access token validation failure. Invalid issuer.');
    const v2 = await resign({ iss: `https://localhost:3979/${f.tenant.tenantId}/v2.0` });
    assert.equal(await rejected(`Bearer ${v2}`), 'Access token validation failure. Invalid issuer.');
  });

  it('rejects a token whose tid is not the tenant', async () => {
    const token = await resign({ tid: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
    assert.match(await rejected(`Bearer ${token}`), /Invalid tenant/);
  });
});
