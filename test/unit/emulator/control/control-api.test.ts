// The control API's handlers against an in-process call service (no HTTP server, no CSDL needed).
import assert from 'node:assert/strict';
import type { DeliveryFaults } from '../../../../emulator/notify';
import { controlFixture, seed } from '../../../helpers/control-fixture';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';

describe('emulator control API', () => {
  const sent: { url: string; body: object }[] = [];
  let notificationFaults: Required<DeliveryFaults> = {
    drop: 0,
    duplicate: 0,
    reorder: 0,
    endpointDown: false,
  };
  const {
    clock,
    svc,
    graphFaults,
    control: call,
  } = controlFixture({
    now: 5_000_000,
    deliver: (url, body) => sent.push({ url, body }),
    deps: {
      notificationFaults: {
        setFaults: (f) => (notificationFaults = { ...notificationFaults, ...f }),
        getFaults: () => notificationFaults,
      },
    },
  });

  after(() => clock.reset());

  it('reports the tenant with its URLs', async () => {
    const res = await call('GET', '/emulator/tenant');
    const body = res.body as { tenantId: string; urls: { token: string } };
    assert.equal(body.tenantId, seed.tenantId);
    assert.equal(body.urls.token, `https://localhost:3979/${seed.tenantId}/oauth2/v2.0/token`);
  });

  it('replaces a script and refuses an invalid one', async () => {
    assert.equal((await call('PUT', `/emulator/people/${ADELE}/script`, { onRing: 'busy' })).status, 200);
    assert.equal(svc.engine.directory.person(ADELE)?.script.onRing, 'busy');
    const bad = await call('PUT', `/emulator/people/${ADELE}/script`, { onRing: 'perhaps' });
    assert.equal(bad.status, 400);
    assert.equal((await call('PUT', '/emulator/people/nobody/script', { onRing: 'busy' })).status, 404);
  });

  it('places an incoming call to the app webhook, and refuses a second one from the same person', async () => {
    const res = await call('POST', `/emulator/people/${ADELE}/call`, { to: 'app' });
    assert.equal(res.status, 201);
    clock.advance(50);
    assert.equal(sent.at(-1)?.url, seed.apps[0]?.callingWebhook);
    assert.equal((await call('POST', `/emulator/people/${ADELE}/call`, { to: 'app' })).status, 400);
    assert.equal((await call('POST', `/emulator/people/${ADELE}/call`, { to: '+10000000000' })).status, 400);
    const listed = (await call('GET', '/emulator/calls')).body as { value: { id: string; state: string }[] };
    assert.equal(listed.value[0]?.id, (res.body as { callId: string }).callId);
    assert.equal(listed.value[0]?.state, 'incoming');
  });

  it('checks key presses', async () => {
    const id = svc.engine.list()[0]!.id;
    assert.equal((await call('POST', `/emulator/calls/${id}/keys`, { tones: '12x' })).status, 400);
    assert.equal((await call('POST', `/emulator/calls/${id}/keys`, { tones: '12#' })).status, 202);
    assert.equal((await call('POST', '/emulator/calls/nope/keys', { tones: '1' })).status, 404);
  });

  it('sets Graph and notification faults, and checks them', async () => {
    assert.equal((await call('POST', '/emulator/faults', { graph: { status: 429, count: 3 } })).status, 200);
    assert.equal(graphFaults.remaining(), 3);
    assert.equal((await call('POST', '/emulator/faults', { graph: { status: 418, count: 1 } })).status, 400);
    assert.equal(
      (await call('POST', '/emulator/faults', { notifications: { drop: 2, endpointDown: true } })).status,
      200,
    );
    assert.deepEqual(notificationFaults, { drop: 2, duplicate: 0, reorder: 0, endpointDown: true });
    assert.equal((await call('POST', '/emulator/faults', { notifications: { drop: -1 } })).status, 400);
    assert.equal((await call('POST', '/emulator/faults', {})).status, 400);
  });

  it('advances the clock, firing due timers (the unanswered incoming call ends)', async () => {
    const before = clock.now();
    const offset = clock.offsetMs();
    const res = await call('POST', '/emulator/clock/advance', { seconds: 20 });
    assert.equal((res.body as { offsetMs: number }).offsetMs, offset + 20_000);
    assert.equal(clock.now() - before, 20_000);
    assert.equal(svc.engine.list().find((c) => c.remotePersonId === ADELE)?.state, 'terminated');
    assert.equal((await call('POST', '/emulator/clock/advance', { minutes: -1 })).status, 400);
  });

  it('patches an app, then reset restores the seed and drops the calls', async () => {
    const appId = seed.apps[0]!.appId;
    await call('PATCH', `/emulator/apps/${appId}`, {
      graphRoles: ['Calls.Initiate.All'],
      callingWebhook: 'https://bot.example/calls',
    });
    assert.deepEqual(svc.engine.directory.app(appId)?.graphRoles, ['Calls.Initiate.All']);
    assert.equal((await call('PATCH', `/emulator/apps/${appId}`, { graphRoles: 'all' })).status, 400);
    await call('POST', '/emulator/reset');
    assert.equal(svc.engine.list().length, 0);
    assert.equal(svc.engine.directory.app(appId)?.callingWebhook, seed.apps[0]?.callingWebhook);
    assert.equal(svc.engine.directory.person(ADELE)?.script.onRing, 'answer');
    assert.equal(clock.offsetMs(), 0);
    assert.equal(graphFaults.remaining(), 0);
  });

  it('registers another app (201), replaces it (200), refuses a bad one, and reset drops it', async () => {
    const appId = '22bfd41f-550e-477d-8789-f6f7bd2a5e8b';
    const second = {
      displayName: 'Reception bot',
      secrets: ['reception-secret'],
      graphRoles: ['Calls.Initiate.All'],
      callingWebhook: 'https://reception.example/api/calls',
    };
    const created = await call('PUT', `/emulator/apps/${appId}`, second);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(svc.engine.directory.app(appId)?.callingWebhook, second.callingWebhook);
    assert.deepEqual(svc.engine.directory.app(appId)?.delegatedConsent, []);
    const replaced = await call('PUT', `/emulator/apps/${appId}`, { ...second, displayName: 'Front desk' });
    assert.equal(replaced.status, 200);
    assert.equal(svc.engine.directory.current().apps.filter((a) => a.appId === appId).length, 1);
    assert.equal(svc.engine.directory.app(appId)?.displayName, 'Front desk');
    assert.equal((await call('PUT', `/emulator/apps/${appId}`, { ...second, secrets: [] })).status, 400);
    assert.equal((await call('PUT', `/emulator/apps/${appId}`, { secrets: ['x'] })).status, 400);
    assert.equal(
      (await call('PUT', `/emulator/apps/${appId}`, { ...second, callingWebhook: 'ftp://x' })).status,
      400,
    );
    await call('POST', '/emulator/reset');
    assert.equal(svc.engine.directory.app(appId), undefined);
  });
});
