// Redirect to another app (the redirect documentation's first example): a second app registered through
// the control API with a webhook of its own receives the redirected caller as a new incoming call,
// signed for it, and answers it with its own token; the first app's leg ends as redirected.
import assert from 'node:assert/strict';
import { GraphTestClient, WebhookReceiver, callState } from '../../helpers/graph-test-client';
import { forSuite } from '../../helpers/suite';
import { PEOPLE, SERVICE_MEDIA, useWorld } from './fixture';

const RECEPTION = '22bfd41f-550e-477d-8789-f6f7bd2a5e8b';
const SECRET = 'reception-secret';

describe('emulator e2e: redirect to an application target', function () {
  this.timeout(30_000);
  const w = useWorld();
  // The second app's webhook accepts only tokens whose audience is the second app.
  const reception = forSuite(
    async () => {
      const hook = await WebhookReceiver.start({ emulatorUrl: w.emu.url, ca: w.emu.ca, appId: RECEPTION });
      const res = await w.emu.control('PUT', `/emulator/apps/${RECEPTION}`, {
        displayName: 'Reception bot',
        secrets: [SECRET],
        graphRoles: ['Calls.Initiate.All', 'Calls.AccessMedia.All'],
        callingWebhook: hook.url,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const graph = new GraphTestClient({ ...w.emu, appId: RECEPTION, appSecret: SECRET });
      return { hook, graph };
    },
    (r) => r.hook.stop(),
  );

  const application = (id: string, displayName = 'Reception bot') => ({
    '@odata.type': '#microsoft.graph.invitationParticipantInfo',
    identity: {
      '@odata.type': '#microsoft.graph.identitySet',
      application: { '@odata.type': '#microsoft.graph.identity', displayName, id },
    },
  });

  async function incomingFrom(personId: string): Promise<string> {
    const res = await w.emu.control('POST', `/emulator/people/${personId}/call`, { to: 'app' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await w.hook.waitFor(callState(res.body.callId, 'incoming', 'created'));
    return res.body.callId;
  }

  it('delivers the caller to the other app, which answers with its own token; the first leg ends 200/7000', async () => {
    const first = await incomingFrom(PEOPLE.alex);
    const res = await w.graph.call('POST', `/communications/calls/${first}/redirect`, {
      targets: [application(RECEPTION)],
      callbackUri: w.hook.url,
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));

    const created = await reception.hook.waitFor((n) => n.changeType === 'created');
    assert.equal(created.post.verified, true, created.post.error);
    assert.equal(created.post.claims?.aud, RECEPTION, 'the token is for the second app');
    const leg = created.resourceData;
    assert.equal(leg.state, 'incoming');
    assert.notEqual(leg.id, first);
    assert.equal(leg.source.identity.user.id, PEOPLE.alex);
    assert.equal(leg.targets[0].identity.application.id, RECEPTION);
    assert.equal(
      w.hook.forCall(leg.id).length,
      0,
      "the first app's webhook hears nothing of the second app's call",
    );

    const answer = await reception.graph.call('POST', `/communications/calls/${leg.id}/answer`, {
      callbackUri: reception.hook.url,
      acceptedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    const ended = await w.hook.waitFor(callState(first, 'terminated', 'deleted'));
    assert.deepEqual(
      [ended.resourceData.resultInfo.code, ended.resourceData.resultInfo.subcode],
      [200, 7000],
    );
    await reception.hook.waitFor(callState(leg.id, 'established', 'updated'));
    const summary = (await w.emu.control('GET', `/emulator/calls/${first}`)).body;
    assert.equal(summary.resource.answeredBy.identity.application.id, RECEPTION);
    const roster = await reception.graph.call('GET', `/communications/calls/${leg.id}/participants`);
    assert.ok(
      roster.body.value.some(
        (p: { info: { identity: { user?: { id: string } } } }) => p.info.identity.user?.id === PEOPLE.alex,
      ),
    );
    assert.equal((await w.graph.call('GET', `/communications/calls/${leg.id}`)).status, 404);

    assert.equal((await reception.graph.call('DELETE', `/communications/calls/${leg.id}`)).status, 204);
    await reception.hook.waitFor(callState(leg.id, 'terminated', 'deleted'));
    assert.ok(reception.hook.posts.every((p) => p.verified && p.claims?.aud === RECEPTION));
  });

  it('ends the redirected leg 480/10037 when no such app is registered', async () => {
    const first = await incomingFrom(PEOPLE.diego);
    const res = await w.graph.call('POST', `/communications/calls/${first}/redirect`, {
      targets: [application('0b8fd2bb-2cb5-4d0f-9d21-3d1f6fe1ab11', 'nobody')],
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const ended = await w.hook.waitFor(callState(first, 'terminated', 'deleted'));
    assert.deepEqual(
      [ended.resourceData.resultInfo.code, ended.resourceData.resultInfo.subcode],
      [480, 10037],
    );
  });
});
