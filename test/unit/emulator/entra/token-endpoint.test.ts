import assert from 'node:assert/strict';
import type { Fixture } from './entra-fixture';
import {
  assertEntraError,
  clientCredentials,
  decode,
  get,
  json,
  loadJose,
  openFixture,
  postToken,
} from './entra-fixture';

describe('emulator/entra token endpoint: client credentials', () => {
  let f: Fixture;
  before(async () => {
    f = await openFixture();
  });
  after(async () => {
    await f.close();
  });

  it('issues a v1-style Graph app token carrying the app roles, signed by a published key', async () => {
    const res = await postToken(f, clientCredentials(f));
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body).sort(), [
      'access_token',
      'expires_in',
      'ext_expires_in',
      'token_type',
    ]);
    assert.equal(res.body['token_type'], 'Bearer');
    assert.equal(res.body['expires_in'], 3599);
    assert.equal(res.body['ext_expires_in'], 3599);

    const token = String(res.body['access_token']);
    const { header, claims } = decode(token);
    assert.equal(header['alg'], 'RS256');
    assert.equal(header['kid'], header['x5t']);
    const tid = f.tenant.tenantId;
    assert.equal(claims['iss'], `https://sts.windows.net/${tid}/`);
    assert.equal(claims['aud'], 'https://graph.microsoft.com');
    assert.equal(claims['tid'], tid);
    assert.equal(claims['appid'], f.app.appId);
    assert.equal(claims['idtyp'], 'app');
    assert.equal(claims['ver'], '1.0');
    assert.deepEqual(claims['roles'], f.app.graphRoles);
    assert.match(String(claims['oid']), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(claims['sub'], claims['oid']);
    const nowSec = f.clock.ms / 1000;
    assert.equal(Number(claims['exp']) - nowSec, 3599);
    assert.ok(Number(claims['nbf']) <= nowSec);

    const jose = await loadJose();
    const keys = json(await get(f, `/${tid}/discovery/v2.0/keys`));
    const verified = await jose.jwtVerify(token, jose.createLocalJWKSet(keys as never), {
      currentDate: new Date(f.clock.ms),
    });
    assert.equal(verified.payload['appid'], f.app.appId);
  });

  it('gives the same service principal oid every time and accepts client_secret_basic', async () => {
    const first = decode(String((await postToken(f, clientCredentials(f))).body['access_token'])).claims;
    const { client_id, client_secret, ...rest } = clientCredentials(f);
    const basic = Buffer.from(
      `${encodeURIComponent(client_id ?? '')}:${encodeURIComponent(client_secret ?? '')}`,
    ).toString('base64');
    const res = await postToken(f, rest, { headers: { authorization: `Basic ${basic}` } });
    assert.equal(res.status, 200);
    assert.equal(decode(String(res.body['access_token'])).claims['oid'], first['oid']);
  });

  it('accepts the organizations and common segments, issuing for the one tenant', async () => {
    for (const segment of ['organizations', 'common']) {
      const res = await postToken(f, clientCredentials(f), { segment });
      assert.equal(res.status, 200, segment);
      assert.equal(decode(String(res.body['access_token'])).claims['tid'], f.tenant.tenantId);
    }
  });

  it('reads the roles afresh on every request', async () => {
    const seeded = f.app.graphRoles;
    try {
      f.app.graphRoles = ['Calls.Initiate.All'];
      const res = await postToken(f, clientCredentials(f));
      assert.deepEqual(decode(String(res.body['access_token'])).claims['roles'], ['Calls.Initiate.All']);
      f.app.graphRoles = [];
      const none = await postToken(f, clientCredentials(f));
      assert.equal(
        decode(String(none.body['access_token'])).claims['roles'],
        undefined,
        'no roles claim when none granted',
      );
    } finally {
      f.app.graphRoles = seeded;
    }
  });

  it('echoes client-request-id as the correlation id', async () => {
    const correlation = '6f0c2b6e-0b43-4e6a-9d55-3a3f0c7f1a11';
    const res = await postToken(
      f,
      { ...clientCredentials(f), client_secret: 'nope' },
      { headers: { 'client-request-id': correlation } },
    );
    assert.equal(res.body['correlation_id'], correlation);
  });

  const cases: Array<{
    name: string;
    form: (f: Fixture) => Record<string, string>;
    segment?: string;
    expected: { status: number; error: string; code: number };
  }> = [
    {
      name: 'wrong secret → 401 invalid_client AADSTS7000215',
      form: (f) => ({ ...clientCredentials(f), client_secret: 'wrong' }),
      expected: { status: 401, error: 'invalid_client', code: 7000215 },
    },
    {
      name: 'unknown client → 400 unauthorized_client AADSTS700016',
      form: (f) => ({ ...clientCredentials(f), client_id: '11111111-2222-3333-4444-555555555555' }),
      expected: { status: 400, error: 'unauthorized_client', code: 700016 },
    },
    {
      name: 'no secret or assertion → 401 invalid_client AADSTS7000218',
      form: (f) => {
        const { client_secret: _omit, ...rest } = clientCredentials(f);
        return rest;
      },
      expected: { status: 401, error: 'invalid_client', code: 7000218 },
    },
    {
      name: 'certificate assertion with no certificate registered → 401 invalid_client AADSTS700027',
      form: (f) => {
        const { client_secret: _omit, ...rest } = clientCredentials(f);
        return {
          ...rest,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: 'a.b.c',
        };
      },
      expected: { status: 401, error: 'invalid_client', code: 700027 },
    },
    {
      name: 'missing grant_type → 400 invalid_request AADSTS900144',
      form: (f) => {
        const { grant_type: _omit, ...rest } = clientCredentials(f);
        return rest;
      },
      expected: { status: 400, error: 'invalid_request', code: 900144 },
    },
    {
      name: 'unsupported grant → 400 unsupported_grant_type AADSTS70003',
      form: (f) => ({ ...clientCredentials(f), grant_type: 'password' }),
      expected: { status: 400, error: 'unsupported_grant_type', code: 70003 },
    },
    {
      name: 'missing client_id → 400 invalid_request AADSTS900144',
      form: (f) => {
        const { client_id: _omit, ...rest } = clientCredentials(f);
        return rest;
      },
      expected: { status: 400, error: 'invalid_request', code: 900144 },
    },
    {
      name: 'missing scope → 400 invalid_request AADSTS900144',
      form: (f) => {
        const { scope: _omit, ...rest } = clientCredentials(f);
        return rest;
      },
      expected: { status: 400, error: 'invalid_request', code: 900144 },
    },
    {
      name: 'a named permission instead of /.default → 400 invalid_scope AADSTS1002012',
      form: (f) => ({ ...clientCredentials(f), scope: 'https://graph.microsoft.com/User.Read.All' }),
      expected: { status: 400, error: 'invalid_scope', code: 1002012 },
    },
    {
      name: 'a resource other than Graph → 400 invalid_resource AADSTS500011',
      form: (f) => ({ ...clientCredentials(f), scope: 'api://not-here/.default' }),
      expected: { status: 400, error: 'invalid_resource', code: 500011 },
    },
    {
      name: 'unknown tenant → 400 invalid_request AADSTS90002',
      form: (f) => clientCredentials(f),
      segment: '9d3f5a2e-1111-4f6b-8c5d-000000000000',
      expected: { status: 400, error: 'invalid_request', code: 90002 },
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const res = await postToken(f, c.form(f), c.segment ? { segment: c.segment } : {});
      assertEntraError(res, c.expected);
    });
  }

  it('names the missing parameter in AADSTS900144', async () => {
    const { grant_type: _omit, ...rest } = clientCredentials(f);
    const res = await postToken(f, rest);
    assert.match(String(res.body['error_description']), /following parameter: 'grant_type'/);
  });
});
