import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { startApp, TEST_APP_ID, TEST_TENANT_ID, type TestApp } from '../../helpers/app';
import { startSsoAuthority, type SsoAuthority } from './sso-authority';

const USER_ID = '3f2a9c1e-0000-4000-8000-0000000000a1';
const FOREIGN_TENANT = '99999999-0000-4000-8000-000000000000';

interface ErrorBody {
  error: {
    code: string;
    reason?: string;
    message: string;
    consent?: { required: boolean; buttonLabel?: string };
  };
}

describe('edge: /api/tab/* Teams SSO', function () {
  let authority: SsoAuthority;
  let t: TestApp;
  const audience = `api://localhost/${TEST_APP_ID}`;

  function claims(over: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return {
      aud: audience,
      iss: `${authority.url}/${TEST_TENANT_ID}/v2.0`,
      tid: TEST_TENANT_ID,
      oid: USER_ID,
      name: 'Adele Vance',
      preferred_username: 'adele@contoso.example',
      scp: 'access_as_user',
      iat: now - 60,
      nbf: now - 60,
      exp: now + 3600,
      ver: '2.0',
      ...over,
    };
  }

  async function get(path: string, token?: string) {
    const res = await fetch(`${t.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as unknown };
  }

  before(async function () {
    authority = await startSsoAuthority();
    // No client secret: the app runs without calling, which the tab reports as 503 on call routes.
    t = await startApp({ ENTRA_AUTHORITY_HOST: authority.url });
  });
  after(async function () {
    await t?.stop();
    await authority?.close();
  });

  it('answers /me for a valid v2 token, naming the user from its claims', async function () {
    const res = await get('/api/tab/me', authority.token(claims()));
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      user: {
        id: USER_ID,
        tenantId: TEST_TENANT_ID,
        displayName: 'Adele Vance',
        userPrincipalName: 'adele@contoso.example',
      },
      features: { calling: false, presenceUpdates: 'polling', queues: false },
    });
  });

  it('accepts a v1 token (sts.windows.net issuer, bare app id audience)', async function () {
    const token = authority.token(
      claims({ iss: `https://sts.windows.net/${TEST_TENANT_ID}/`, aud: TEST_APP_ID, ver: '1.0' }),
    );
    assert.equal((await get('/api/tab/me', token)).status, 200);
  });

  const refusals: Array<{
    name: string;
    token: () => string | undefined;
    status: number;
    code: string;
    reason: string;
    consent: boolean;
  }> = [
    {
      name: 'no token',
      token: () => undefined,
      status: 401,
      code: 'consent_required',
      reason: 'missing',
      consent: true,
    },
    {
      name: 'garbage',
      token: () => 'not.a.jwt',
      status: 401,
      code: 'consent_required',
      reason: 'malformed',
      consent: true,
    },
    {
      name: 'a signature by another key',
      token: () => authority.token(claims(), { forged: true }),
      status: 401,
      code: 'consent_required',
      reason: 'signature',
      consent: true,
    },
    {
      name: 'an unknown key id',
      token: () => authority.token(claims(), { kid: 'rolled-away' }),
      status: 401,
      code: 'consent_required',
      reason: 'signature',
      consent: true,
    },
    {
      name: 'a signature by a published key of only 1,024 bits',
      token: () => authority.token(claims(), { short: true }),
      status: 401,
      code: 'consent_required',
      reason: 'signature',
      consent: true,
    },
    {
      name: 'a token signed with alg none',
      token: () => {
        const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
        return `${b64({ alg: 'none', kid: 'tab-test-key' })}.${b64(claims())}.`;
      },
      status: 401,
      code: 'consent_required',
      reason: 'malformed',
      consent: true,
    },
    {
      name: 'the wrong audience',
      token: () => authority.token(claims({ aud: 'https://graph.microsoft.com' })),
      status: 401,
      code: 'consent_required',
      reason: 'audience',
      consent: true,
    },
    {
      name: 'the wrong issuer',
      token: () => authority.token(claims({ iss: `https://evil.example/${TEST_TENANT_ID}/v2.0` })),
      status: 401,
      code: 'consent_required',
      reason: 'issuer',
      consent: true,
    },
    {
      name: 'an expired token (beyond the 5 min skew)',
      token: () => authority.token(claims({ exp: Math.floor(Date.now() / 1000) - 301 })),
      status: 401,
      code: 'consent_required',
      reason: 'expired',
      consent: true,
    },
    {
      name: 'a foreign tenant',
      token: () =>
        authority.token(claims({ tid: FOREIGN_TENANT, iss: `${authority.url}/${FOREIGN_TENANT}/v2.0` })),
      status: 403,
      code: 'tenant_not_allowed',
      reason: 'tenant',
      consent: false,
    },
    {
      name: 'a token without our scope',
      token: () => authority.token(claims({ scp: 'User.Read' })),
      status: 403,
      code: 'consent_required',
      reason: 'scope',
      consent: true,
    },
  ];

  for (const r of refusals) {
    it(`refuses ${r.name} with ${r.status} and the consent shape`, async function () {
      const res = await get('/api/tab/me', r.token());
      assert.equal(res.status, r.status);
      const body = res.body as ErrorBody;
      assert.equal(body.error.code, r.code);
      assert.equal(body.error.reason, r.reason);
      assert.equal(body.error.consent?.required, r.consent);
      if (r.consent) assert.ok(body.error.consent?.buttonLabel);
      assert.ok(body.error.message.length > 20, 'a sentence the UI can show');
    });
  }

  it('accepts a token expired less than the 5 min skew ago', async function () {
    const token = authority.token(claims({ exp: Math.floor(Date.now() / 1000) - 200 }));
    assert.equal((await get('/api/tab/me', token)).status, 200);
  });

  it('never fetches keys for a foreign tenant', async function () {
    const before = authority.fetches();
    await get(
      '/api/tab/me',
      authority.token(claims({ tid: FOREIGN_TENANT, iss: `${authority.url}/${FOREIGN_TENANT}/v2.0` })),
    );
    assert.equal(authority.fetches(), before);
  });

  it('answers 503 on call routes when calling is not set up, and 404 for unknown routes', async function () {
    const token = authority.token(claims());
    const calls = await get('/api/tab/calls', token);
    assert.equal(calls.status, 503);
    assert.equal((calls.body as ErrorBody).error.code, 'unavailable');
    const none = await get('/api/tab/nothing-here', token);
    assert.equal(none.status, 404);
  });

  it('refuses an event-stream ticket it never issued', async function () {
    const res = await get('/api/tab/events?ticket=made-up');
    assert.equal(res.status, 401);
    assert.equal((res.body as ErrorBody).error.reason, 'ticket');
  });
});
