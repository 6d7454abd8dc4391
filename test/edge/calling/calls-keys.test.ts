import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateTls } from '../../../emulator/tls';
import { startApp, type TestApp } from '../../helpers/app';
import { startKeyAuthority, type KeyAuthority } from '../../helpers/calling-keys';
import { APP_ID, inbox, postCalls, TENANT } from './webhook-client';
import { NOTIFICATIONS } from '../../helpers/fixtures';

const PAYLOAD = JSON.parse(readFileSync(path.join(NOTIFICATIONS, 'established.json'), 'utf8')) as unknown;

interface Readiness {
  status: string;
  checks: Array<{ name: string; ok: boolean; reason?: string }>;
}
async function readyz(t: TestApp): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`${t.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness };
}
const keysCheck = (r: Readiness) => r.checks.find((c) => c.name === 'calling-keys');

async function withApp(keys: KeyAuthority, env: Record<string, string> = {}): Promise<TestApp> {
  return startApp({
    CALLING_OPENID_CONFIG_URL: keys.openIdConfigUrl,
    MicrosoftAppId: APP_ID,
    MicrosoftAppTenantId: TENANT,
    ...env,
  });
}

describe('POST /api/calls: the calling keys on the real server', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });
  async function setUp(env: Record<string, string> = {}) {
    const keys = await startKeyAuthority({ appId: APP_ID, tenantId: TENANT });
    cleanup.push(() => keys.close());
    const t = await withApp(keys, env);
    cleanup.push(() => t.stop());
    return { keys, t };
  }
  const jti = (() => {
    let n = 0;
    return () => ({ jti: `token-${++n}` });
  })();

  it('keys are fetched lazily; /readyz loads them and reports calling-keys ready', async () => {
    const { keys, t } = await setUp();
    assert.equal(keys.fetches.jwks, 0, 'nothing is fetched at start-up');
    const r = await readyz(t);
    assert.equal(r.status, 200);
    assert.equal(keysCheck(r.body)?.ok, true);
    assert.equal(keys.fetches.openId, 1);
    assert.equal(keys.fetches.jwks, 1);
  });

  it('key rotation: a new kid triggers one refresh and is accepted', async () => {
    const { keys, t } = await setUp();
    assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims(jti())))).status, 202);
    assert.equal(keys.fetches.jwks, 1);
    await keys.rotate({ dropOld: true });
    assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims(jti())))).status, 202);
    assert.equal(keys.fetches.jwks, 2);
    assert.equal((await inbox(t)).length, 2);
  });

  it('refreshes are rate-limited: a burst of unknown kids costs one JWKS fetch', async () => {
    const { keys, t } = await setUp();
    assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims(jti())))).status, 202);
    const stranger = await keys.newKey();
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        postCalls(t, PAYLOAD, keys.sign(keys.claims(jti()), { key: stranger, kid: `unknown-${i}` })),
      ),
    );
    assert.deepEqual(
      burst.map((r) => r.status),
      Array(8).fill(403),
    );
    assert.equal(keys.fetches.jwks, 2, 'one load, one refresh');
    // Inside the 30 s window even a genuinely rotated key waits for the next refresh.
    await keys.rotate();
    assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims(jti())))).status, 403);
    assert.equal(keys.fetches.jwks, 2);
    assert.equal((await inbox(t)).length, 1);
  });

  it('JWKS endpoint down after the first load: the last good keys still verify, readiness holds', async () => {
    const { keys, t } = await setUp();
    assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims(jti())))).status, 202);
    keys.failJwks(true);
    // An unknown kid forces a refresh that fails; the known key must survive it.
    assert.equal(
      (await postCalls(t, PAYLOAD, keys.sign(keys.claims(jti()), { kid: 'forces-refresh' }))).status,
      403,
    );
    assert.equal(keys.fetches.jwks, 2);
    assert.ok(t.logs.some((l) => /keeping the last good keys/.test(String(l['msg'])) && l['level'] === 40));
    assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims(jti())))).status, 202);
    assert.equal((await readyz(t)).status, 200);
    assert.equal((await inbox(t)).length, 2);
  });

  it('keys never loaded: /readyz is 503 naming calling-keys, and notifications are refused', async () => {
    const { keys, t } = await setUp();
    keys.failJwks(true);
    const r = await readyz(t);
    assert.equal(r.status, 503);
    assert.equal(keysCheck(r.body)?.ok, false);
    assert.match(keysCheck(r.body)?.reason ?? '', /not loaded .*503/);
    assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims(jti())))).status, 403);
    assert.equal((await inbox(t)).length, 0);
  });

  it('no MicrosoftAppId configured: every notification is refused (fail closed)', async () => {
    const keys = await startKeyAuthority({ appId: APP_ID, tenantId: TENANT });
    cleanup.push(() => keys.close());
    const t = await startApp({ CALLING_OPENID_CONFIG_URL: keys.openIdConfigUrl });
    cleanup.push(() => t.stop());
    const res = await postCalls(t, PAYLOAD, keys.sign(keys.claims()));
    assert.equal(res.status, 403);
    assert.match(res.error?.message ?? '', /MicrosoftAppId/);
  });

  describe('an https key authority with a local CA', () => {
    let dir: string;
    let tls: Awaited<ReturnType<typeof loadOrCreateTls>>;
    before(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-calling-ca-'));
      tls = await loadOrCreateTls(dir);
    });
    after(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    async function httpsAuthority() {
      const keys = await startKeyAuthority({
        appId: APP_ID,
        tenantId: TENANT,
        tls: { certPem: tls.certPem, keyPem: tls.keyPem },
      });
      cleanup.push(() => keys.close());
      assert.match(keys.openIdConfigUrl, /^https:/);
      return keys;
    }

    it('is trusted through EXTRA_CA_FILE', async () => {
      const keys = await httpsAuthority();
      const t = await withApp(keys, { EXTRA_CA_FILE: tls.caPath });
      cleanup.push(() => t.stop());
      assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims()))).status, 202);
    });

    it('is not trusted without it', async () => {
      const keys = await httpsAuthority();
      const t = await withApp(keys);
      cleanup.push(() => t.stop());
      assert.equal((await postCalls(t, PAYLOAD, keys.sign(keys.claims()))).status, 403);
      assert.equal(keys.fetches.openId, 0, 'the TLS handshake failed before any document was served');
      const r = await readyz(t);
      assert.equal(keysCheck(r.body)?.ok, false);
    });
  });
});
