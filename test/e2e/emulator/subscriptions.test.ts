// Change-notification subscriptions against the emulator process: the validation handshake, delivery of
// a call record as changeNotificationCollection with clientState (no token), presence notifications,
// renewal by PATCH, lifecycle notices and expiry on the emulator clock, and the 4xx bodies.
import assert from 'node:assert/strict';
import { GraphTestClient, callState } from '../../helpers/graph-test-client';
import type { Wire } from '../../helpers/graph-test-client';
import { compareShape } from '../../helpers/shape';
import { delegatedToken, graphAs } from './delegated';
import { PEOPLE, establishedCall, setScript, useWorld, twin } from './fixture';
import { Subscriber } from './subscriber';

const GRADY = 'e379f344-1c81-49b1-b5f5-49d5bd653e0d';
const MINUTE = 60_000;

describe('emulator e2e: subscriptions', function () {
  this.timeout(40_000);
  const w = useWorld({
    EMULATOR_CALLRECORD_DELAY_MS: '600000',
    EMULATOR_SUBSCRIPTION_VALIDATION_TIMEOUT_MS: '1000',
  });
  let sub: Subscriber;

  before(async () => {
    sub = await Subscriber.start();
    for (const id of [PEOPLE.adele, PEOPLE.alex])
      await setScript(w, id, { onRing: 'answer', answerAfterMs: 200 });
  });
  after(async () => {
    await sub?.stop();
  });

  /** Emulated now plus some minutes, as an ISO date (the emulator judges expiry by its own clock). */
  const inMinutes = async (minutes: number): Promise<string> => {
    const now = Date.parse((await w.emu.control('GET', '/emulator/clock')).body.now);
    return new Date(now + minutes * MINUTE).toISOString();
  };
  const subscribe = (body: Record<string, unknown>) => w.graph.call('POST', '/subscriptions', body);
  const records = async (path: string, extra: Record<string, unknown> = {}) => ({
    changeType: 'created',
    notificationUrl: sub.url(path),
    resource: '/communications/callRecords',
    expirationDateTime: await inMinutes(120),
    clientState: 'secret-client-state',
    ...extra,
  });
  const endedCallChain = async (personId: string): Promise<string> => {
    const callId = await establishedCall(w, personId);
    const chain = (await w.emu.control('GET', `/emulator/calls/${callId}`)).body.resource.callChainId;
    await w.graph.call('DELETE', `/communications/calls/${callId}`);
    await w.hook.waitFor(callState(callId, 'terminated'));
    return chain;
  };

  it('validates the endpoint, then delivers a call record with clientState and no token', async () => {
    const res = await subscribe(
      await records('/records', { notificationUrl: `${sub.url('/records')}?tenant=contoso` }),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const v = sub.validations.find((x) => x.path === '/records');
    assert.ok(v, 'the handshake reached the endpoint');
    assert.match(v.contentType ?? '', /^text\/plain/);
    assert.equal(v.body, '');
    assert.match(v.rawQuery, /^\?tenant=contoso&validationToken=/);
    assert.match(v.token, / /, 'the token needs URL-decoding');
    const s = res.body;
    assert.match(s['@odata.context'], /#subscriptions\/\$entity$/);
    assert.equal(s.resource, '/communications/callRecords');
    assert.equal(s.changeType, 'created');
    assert.equal(s.clientState, 'secret-client-state');
    assert.equal(s.applicationId, w.emu.appId);
    assert.match(s.expirationDateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    assert.equal(s.latestSupportedTlsVersion, 'v1_2');

    const chain = await endedCallChain(PEOPLE.adele);
    await w.emu.control('POST', '/emulator/records/flush');
    const n = await sub.waitFor('/records', (x) => x.resourceData?.id === chain);
    assert.deepEqual(compareShape(n, twin('callrecord-created')), []);
    assert.equal(n.subscriptionId, s.id);
    assert.equal(n.clientState, 'secret-client-state');
    assert.equal(n.changeType, 'created');
    assert.equal(n.resource, `communications/callRecords/${chain}`);
    assert.equal(n.tenantId, w.emu.tenantId);
    assert.equal(n.resourceData['@odata.type'], '#Microsoft.Graph.callRecord');
    assert.match(n.subscriptionExpirationDateTime, /\.\d{7}\+00:00$/);
    const post = sub.posts.find((p) => p.path === '/records');
    assert.ok(post);
    assert.equal(post.query, '?tenant=contoso');
    assert.equal(post.headers.authorization, undefined);
    assert.match(String(post.headers['content-type']), /^application\/json/);
    const record = await w.graph.call('GET', `/communications/callRecords/${chain}`);
    assert.equal(record.status, 200);
  });

  it('honours a participant filter on call records', async () => {
    const res = await subscribe(
      await records('/megan-only', {
        resource: `/communications/callRecords?$filter=participants/any(p:p/id eq '${PEOPLE.megan}')`,
      }),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await setScript(w, PEOPLE.megan, { onRing: 'answer', answerAfterMs: 200 });
    const adeleChain = await endedCallChain(PEOPLE.adele);
    const meganChain = await endedCallChain(PEOPLE.megan);
    await w.emu.control('POST', '/emulator/records/flush');
    await sub.waitFor('/megan-only', (x) => x.resourceData?.id === meganChain);
    await sub.waitFor('/records', (x) => x.resourceData?.id === adeleChain);
    assert.equal(sub.items('/megan-only').filter((x) => x.resourceData?.id === adeleChain).length, 0);
  });

  it('tells presence subscribers about a change, renews by PATCH, warns before expiry and then removes', async () => {
    const created = await subscribe({
      changeType: 'updated',
      notificationUrl: sub.url('/presence'),
      lifecycleNotificationUrl: sub.url('/lifecycle'),
      resource: `/communications/presences?$filter=id in ('${GRADY}','${PEOPLE.megan}')`,
      expirationDateTime: await inMinutes(30),
      clientState: 'presence-state',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.ok(
      sub.validations.some((v) => v.path === '/lifecycle'),
      'the lifecycle URL was validated too',
    );

    await w.emu.control('PUT', `/emulator/people/${GRADY}/presence`, {
      availability: 'BeRightBack',
      activity: 'BeRightBack',
    });
    const n = await sub.waitFor('/presence', (x) => x.resourceData?.id === GRADY);
    assert.equal(n.changeType, 'updated');
    assert.equal(n.clientState, 'presence-state');
    assert.equal(n.resource, `communications/presences('${GRADY}')`);

    await w.emu.control('POST', '/emulator/clock/advance', { minutes: 21 });
    const reauth = await sub.waitFor('/lifecycle', (x) => x.lifecycleEvent === 'reauthorizationRequired');
    assert.equal(reauth.subscriptionId, id);
    assert.equal(reauth.clientState, 'presence-state');

    const tooLong = await w.graph.call('PATCH', `/subscriptions/${id}`, {
      expirationDateTime: await inMinutes(61),
    });
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.error.code, 'ExtensionError');
    assert.equal(tooLong.body.error.message, 'Subscription expiration can only be 60 minutes in the future.');
    const fixed = await w.graph.call('PATCH', `/subscriptions/${id}`, { clientState: 'new' });
    assert.equal(fixed.status, 400);
    const renewed = await w.graph.call('PATCH', `/subscriptions/${id}`, {
      expirationDateTime: await inMinutes(60),
    });
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    assert.ok(Date.parse(renewed.body.expirationDateTime) > Date.parse(created.body.expirationDateTime));

    // Past the first expiry, the renewed subscription still stands.
    await w.emu.control('POST', '/emulator/clock/advance', { minutes: 45 });
    assert.equal((await w.graph.call('GET', `/subscriptions/${id}`)).status, 200);
    await w.emu.control('POST', '/emulator/clock/advance', { minutes: 16 });
    const removed = await sub.waitFor('/lifecycle', (x) => x.lifecycleEvent === 'subscriptionRemoved');
    assert.equal(removed.subscriptionId, id);
    const gone = await w.graph.call('GET', `/subscriptions/${id}`);
    assert.equal(gone.status, 404);
    assert.equal(
      (await w.graph.call('PATCH', `/subscriptions/${id}`, { expirationDateTime: await inMinutes(30) }))
        .status,
      404,
    );

    const before = sub.items('/presence').length;
    await w.emu.control('PUT', `/emulator/people/${PEOPLE.megan}/presence`, {
      availability: 'DoNotDisturb',
      activity: 'DoNotDisturb',
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(sub.items('/presence').length, before, 'no delivery after expiry');
  });

  it('fails the create when the endpoint does not echo the token exactly, in time and with 200', async () => {
    sub.handshake('/encoded', 'encoded');
    sub.handshake('/error', 'error');
    sub.handshake('/silent', 'silent');
    const encoded = await subscribe(await records('/encoded'));
    assert.equal(encoded.status, 400);
    assert.equal(encoded.body.error.code, 'ValidationError');
    assert.equal(
      encoded.body.error.message,
      'Subscription validation request failed. Response must exactly match validationToken query parameter.',
    );
    const error = await subscribe(await records('/error'));
    assert.equal(error.status, 400);
    assert.equal(
      error.body.error.message,
      'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
    );
    const silent = await subscribe(await records('/silent'));
    assert.equal(silent.status, 400);
    assert.equal(silent.body.error.code, 'InvalidRequest');
    assert.equal(silent.body.error.message, 'Subscription validation request timed out.');
    const list = await w.graph.call('GET', '/subscriptions');
    assert.ok(!list.body.value.some((s: Wire) => /encoded|error|silent/.test(s.notificationUrl)));
  });

  it('refuses lifetimes, change types, URLs and bodies Graph refuses', async () => {
    const tooLong = await subscribe(await records('/x', { expirationDateTime: await inMinutes(4231) }));
    assert.equal(tooLong.status, 400);
    assert.equal(tooLong.body.error.code, 'ExtensionError');
    assert.equal(
      tooLong.body.error.message,
      'Subscription expiration can only be 4230 minutes in the future.',
    );
    assert.equal(
      (await subscribe(await records('/x', { expirationDateTime: await inMinutes(4229) }))).status,
      201,
    );
    const past = await subscribe(await records('/x', { expirationDateTime: await inMinutes(-1) }));
    assert.equal(past.status, 400);
    const presence = await subscribe(
      await records('/x', {
        resource: `/communications/presences/${GRADY}`,
        changeType: 'updated',
        expirationDateTime: await inMinutes(61),
      }),
    );
    assert.equal(
      presence.body.error.message,
      'Subscription expiration can only be 60 minutes in the future.',
    );
    const deleted = await subscribe(await records('/x', { changeType: 'created,deleted' }));
    assert.equal(deleted.status, 400);
    assert.match(deleted.body.error.message, /change type 'deleted' is not supported/);
    const plainHttp = await subscribe(
      await records('/x', { notificationUrl: 'http://bot.contoso.example/notify' }),
    );
    assert.equal(plainHttp.status, 400);
    assert.equal(plainHttp.body.error.target, 'notificationUrl');
    const resource = await subscribe(await records('/x', { resource: '/me/messages' }));
    assert.equal(resource.status, 400);
    const state = await subscribe(await records('/x', { clientState: 'x'.repeat(129) }));
    assert.equal(state.status, 400);
    assert.equal(state.body.error.target, 'clientState');
    const { resource: _r, ...noResource } = await records('/x');
    const missing = await subscribe(noResource);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details[0].code, 'MissingProperty');
    const unknown = await subscribe(await records('/x', { notificationUri: 'https://x' }));
    assert.equal(unknown.body.error.details[0].code, 'UnknownProperty');
    const tls = await subscribe(await records('/x', { latestSupportedTlsVersion: '1.2' }));
    assert.equal(tls.body.error.details[0].code, 'InvalidEnumValue');
  });

  it('answers 403 ExtensionError without the resource’s permission, and deletes with 204', async () => {
    const roles = w.emu.tenant.apps[0].graphRoles as string[];
    await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, {
      graphRoles: roles.filter((r) => r !== 'CallRecords.Read.All'),
    });
    try {
      const res = await new GraphTestClient(w.emu).call('POST', '/subscriptions', await records('/denied'));
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'ExtensionError');
      assert.match(res.body.error.message, /^Operation: Create; Exception: \[Status Code: Forbidden;/);
      assert.ok(
        sub.validations.some((v) => v.path === '/denied'),
        'Graph validates before it authorizes',
      );
    } finally {
      await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, { graphRoles: roles });
    }
    const token = await delegatedToken(w.emu, PEOPLE.adele, ['Presence.Read.All']);
    const delegated = await graphAs(w.emu, token, 'POST', '/subscriptions', await records('/delegated'));
    assert.equal(delegated.status, 403);
    const presence = await graphAs(w.emu, token, 'POST', '/subscriptions', {
      ...(await records('/delegated')),
      resource: `/communications/presences/${GRADY}`,
      changeType: 'updated',
      expirationDateTime: await inMinutes(30),
    });
    assert.equal(presence.status, 201, JSON.stringify(presence.body));
    assert.equal(presence.body.creatorId, PEOPLE.adele);

    const created = await subscribe(await records('/to-delete'));
    assert.equal((await w.graph.call('DELETE', `/subscriptions/${created.body.id}`)).status, 204);
    assert.equal((await w.graph.call('GET', `/subscriptions/${created.body.id}`)).status, 404);
    const again = await w.graph.call('DELETE', `/subscriptions/${created.body.id}`);
    assert.equal(again.status, 404);
    const listed = await w.emu.control('GET', '/emulator/subscriptions');
    assert.ok(
      listed.body.value.some(
        (s: Wire) => s.notificationUrl.startsWith(sub.url('/records')) && s.deliveries.length > 0,
      ),
    );
  });
});
