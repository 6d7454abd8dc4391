// Injected faults, the keepAlive rule on the emulated clock, request validation, permissions and the
// Graph error format.
import assert from 'node:assert/strict';
import { callState, request } from '../../helpers/graph-test-client';
import { PEOPLE, SERVICE_MEDIA, establishedCall, p2pBody, promptsOf, setScript, useWorld } from './fixture';

describe('emulator e2e: faults, keepAlive and validation', function () {
  this.timeout(30_000);
  const w = useWorld();

  before(async () => {
    await setScript(w, PEOPLE.adele, { onRing: 'answer', answerAfterMs: 100 });
  });

  it('answers the next Graph requests with 429 and Retry-After when a fault is injected', async () => {
    const set = await w.emu.control('POST', '/emulator/faults', {
      graph: { status: 429, count: 2, retryAfterSeconds: 1 },
    });
    assert.equal(set.status, 200);
    for (let i = 0; i < 2; i++) {
      const res = await w.graph.call('GET', '/communications/calls/00000000-0000-4000-8000-000000000000');
      assert.equal(res.status, 429);
      assert.equal(res.headers['retry-after'], '1');
      assert.equal(res.body.error.code, 'TooManyRequests');
    }
    assert.equal(
      (await w.graph.call('GET', '/communications/calls/00000000-0000-4000-8000-000000000000')).status,
      404,
    );
    await w.emu.control('POST', '/emulator/faults', { graph: { status: 503, count: 1 } });
    assert.equal(
      (await w.graph.call('GET', '/communications/calls/00000000-0000-4000-8000-000000000000')).status,
      503,
    );
  });

  it('ends a call without keepAlive for 45 emulated minutes with 408/8537; keepAlive keeps it alive', async () => {
    const id = await establishedCall(w, PEOPLE.adele);
    await w.emu.control('POST', '/emulator/clock/advance', { minutes: 30 });
    assert.equal((await w.graph.call('POST', `/communications/calls/${id}/keepAlive`)).status, 200);
    await w.emu.control('POST', '/emulator/clock/advance', { minutes: 30 });
    assert.equal((await w.graph.call('GET', `/communications/calls/${id}`)).body.state, 'established');
    await w.emu.control('POST', '/emulator/clock/advance', { minutes: 16 });
    const end = await w.hook.waitFor(callState(id, 'terminated', 'deleted'));
    assert.deepEqual([end.resourceData.resultInfo.code, end.resourceData.resultInfo.subcode], [408, 8537]);
    assert.equal((await w.graph.call('POST', `/communications/calls/${id}/keepAlive`)).status, 404);
  });

  it('retries a notification while the callback endpoint is down, and drops one when told to', async () => {
    await w.emu.control('POST', '/emulator/faults', { notifications: { endpointDown: true } });
    const res = await w.graph.call('POST', '/communications/calls', p2pBody(w.hook.url, PEOPLE.adele));
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(w.hook.forCall(res.body.id).length, 0, 'nothing arrives while the endpoint is down');
    await w.emu.control('POST', '/emulator/faults', { notifications: { endpointDown: false } });
    await w.hook.waitFor(callState(res.body.id, 'established'), 15_000);
    const timeline = (await w.emu.control('GET', `/emulator/calls/${res.body.id}/timeline`)).body.value as {
      kind: string;
      event?: string;
    }[];
    assert.ok(
      timeline.some((e) => e.kind === 'delivery' && e.event === 'retried'),
      'the timeline shows the retries',
    );
  });

  it('refuses bodies the CSDL does not allow, naming the property', async () => {
    const base = p2pBody(w.hook.url, PEOPLE.adele);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['unknown property', { ...base, favouriteColour: 'blue' }, /favouriteColour/],
      ['bad enum', { ...base, requestedModalities: ['telepathy'] }, /telepathy/],
      ['wrong type', { ...base, subject: 42 }, /subject/],
      ['missing mediaConfig', { ...base, mediaConfig: undefined }, /mediaConfig/],
      ['plain http callback', { ...base, callbackUri: 'http://example.org/calls' }, /callbackUri/],
      [
        'six targets',
        { ...base, targets: Array.from({ length: 6 }, () => (base.targets as unknown[])[0]) },
        /targets/,
      ],
    ];
    for (const [what, body, message] of cases) {
      const res = await w.graph.call('POST', '/communications/calls', body);
      assert.equal(res.status, 400, what);
      assert.match(res.body.error.message, message, what);
      assert.equal(typeof res.body.error.innerError['request-id'], 'string');
      assert.equal(res.headers['request-id'], res.body.error.innerError['request-id']);
    }
    const id = await establishedCall(w, PEOPLE.adele);
    const long = await w.graph.call('POST', `/communications/calls/${id}/playPrompt`, {
      clientContext: 'x'.repeat(257),
      prompts: promptsOf(`${w.prompts.base}/two-seconds.wav`),
    });
    assert.equal(long.status, 400);
    assert.match(long.body.error.message, /clientContext/);
    const many = await w.graph.call('POST', `/communications/calls/${id}/playPrompt`, {
      prompts: promptsOf(...Array.from({ length: 21 }, () => `${w.prompts.base}/two-seconds.wav`)),
    });
    assert.equal(many.status, 400);
    assert.match(many.body.error.message, /prompts/);
    const loop = await w.graph.call('POST', `/communications/calls/${id}/playPrompt`, {
      loop: true,
      prompts: promptsOf(`${w.prompts.base}/two-seconds.wav`),
    });
    assert.equal(loop.status, 400, 'loop is beta only');
  });

  it('answers 401 without a valid token and echoes client-request-id', async () => {
    const res = await request(`${w.emu.url}/v1.0/communications/calls`, {
      ca: w.emu.ca,
      headers: { 'client-request-id': 'abc-123' },
    });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'InvalidAuthenticationToken');
    assert.equal(res.headers['client-request-id'], 'abc-123');
    assert.equal(res.body.error.innerError['client-request-id'], 'abc-123');
    const forged = await request(`${w.emu.url}/v1.0/communications/calls`, {
      ca: w.emu.ca,
      headers: { authorization: 'Bearer not.a.token' },
    });
    assert.equal(forged.status, 401);
  });

  it('checks the app permissions in the token: 403 7504 without Calls.Initiate.All', async () => {
    const app = w.emu.tenant.apps[0];
    const patched = await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, {
      graphRoles: app.graphRoles.filter((r: string) => r !== 'Calls.Initiate.All'),
    });
    assert.equal(patched.status, 200);
    w.graph.refresh();
    try {
      const res = await w.graph.call('POST', '/communications/calls', p2pBody(w.hook.url, PEOPLE.adele));
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, '7504');
    } finally {
      await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, { graphRoles: app.graphRoles });
      w.graph.refresh();
    }
    assert.equal(
      (await w.graph.call('POST', '/communications/calls', p2pBody(w.hook.url, PEOPLE.adele))).status,
      201,
    );
  });

  it('accepts case-insensitive paths, the /app alias and namespace-qualified actions', async () => {
    const id = await establishedCall(w, PEOPLE.adele);
    assert.equal((await w.graph.call('GET', `/Communications/CALLS/${id}`)).status, 200);
    assert.equal((await w.graph.call('POST', `/app/calls/${id}/KeepAlive`)).status, 200);
    assert.equal(
      (await w.graph.call('POST', `/communications/calls/${id}/microsoft.graph.keepAlive`)).status,
      200,
    );
    const bogus = await w.graph.call('POST', `/communications/calls/${id}/dance`);
    assert.equal(bogus.status, 400);
    assert.match(bogus.body.error.message, /dance/);
  });

  it('lists live and recent calls with their timelines on the control API', async () => {
    const id = await establishedCall(w, PEOPLE.adele);
    await w.graph.call('DELETE', `/communications/calls/${id}`);
    await w.hook.waitFor(callState(id, 'terminated'));
    const list = (await w.emu.control('GET', '/emulator/calls')).body.value as {
      id: string;
      state: string;
    }[];
    assert.equal(list.find((c) => c.id === id)?.state, 'terminated');
    const timeline = (await w.emu.control('GET', `/emulator/calls/${id}/timeline`)).body.value as {
      kind: string;
    }[];
    for (const kind of ['request', 'state', 'notification', 'delivery', 'person'])
      assert.ok(
        timeline.some((e) => e.kind === kind),
        `timeline has ${kind}`,
      );
    assert.deepEqual(SERVICE_MEDIA['@odata.type'], '#microsoft.graph.serviceHostedMediaConfig');
  });
});
