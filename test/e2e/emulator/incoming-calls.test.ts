// Incoming calls: a person (control API) calls the app; the webhook gets `created`/incoming and the test
// answers, rejects, redirects or lets it time out.
import assert from 'node:assert/strict';
import { callState } from '../../helpers/graph-test-client';
import type { Received } from '../../helpers/graph-test-client';
import { PEOPLE, SERVICE_MEDIA, assertAllVerified, assertTwin, setScript, useWorld } from './fixture';
import type { Wire } from '../../helpers/graph-test-client';

describe('emulator e2e: incoming calls', function () {
  this.timeout(30_000);
  const w = useWorld({ EMULATOR_INCOMING_TIMEOUT_MS: '1500', EMULATOR_RING_TIMEOUT_MS: '3000' });

  before(async () => {
    await setScript(w, PEOPLE.alex, { onRing: 'answer', answerAfterMs: 300 });
    await setScript(w, PEOPLE.isaiahDeclines, { onRing: 'decline', answerAfterMs: 100 });
  });

  async function incoming(personId: string, body: object = { to: 'app' }): Promise<Received> {
    const res = await w.emu.control('POST', `/emulator/people/${personId}/call`, body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return w.hook.waitFor(callState(res.body.callId, 'incoming', 'created'));
  }

  it('announces the call to the webhook as created/incoming, and the app answers it', async () => {
    const created = await incoming(PEOPLE.adele);
    assertTwin(created, 'incoming-call');
    const call = created.resourceData;
    assert.equal(call.direction, 'incoming');
    assert.equal(call.source.identity.user.id, PEOPLE.adele);
    assert.equal(call.targets[0].identity.application.id, w.emu.appId);
    const answer = await w.graph.call('POST', `/communications/calls/${call.id}/answer`, {
      callbackUri: w.hook.url,
      acceptedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    assert.equal(answer.raw.length, 0);
    await w.hook.waitFor(callState(call.id, 'establishing', 'updated'));
    await w.hook.waitFor(callState(call.id, 'established', 'updated'));
    assert.ok(
      w.hook.indexOf(callState(call.id, 'establishing')) < w.hook.indexOf(callState(call.id, 'established')),
    );
    const again = await w.graph.call('POST', `/communications/calls/${call.id}/answer`, {
      callbackUri: w.hook.url,
      acceptedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(again.status, 400);
    const roster = await w.graph.call('GET', `/communications/calls/${call.id}/participants`);
    assert.equal(roster.status, 200);
    assert.deepEqual(
      roster.body.value
        .map((p: Wire) => Object.keys(p.info.identity).filter((k) => k !== '@odata.type')[0])
        .sort(),
      ['application', 'user'],
    );
  });

  it('answers 400 naming the property when the answer body is wrong', async () => {
    const created = await incoming(PEOPLE.alex);
    const id = created.resourceData.id;
    const unknown = await w.graph.call('POST', `/communications/calls/${id}/answer`, {
      acceptedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      colour: 'blue',
    });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /colour/);
    const badEnum = await w.graph.call('POST', `/communications/calls/${id}/answer`, {
      acceptedModalities: ['smell'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(badEnum.status, 400);
    assert.match(badEnum.body.error.message, /smell/);
    const missing = await w.graph.call('POST', `/communications/calls/${id}/answer`, {
      acceptedModalities: ['audio'],
    });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /mediaConfig/);
    assert.ok(missing.body.error.innerError['request-id']);
    await w.graph.call('POST', `/communications/calls/${id}/reject`, {});
  });

  it('rejects: 202 then a bare deleted notification', async () => {
    const created = await incoming(PEOPLE.diego);
    const id = created.resourceData.id;
    const res = await w.graph.call('POST', `/communications/calls/${id}/reject`, { reason: 'busy' });
    assert.equal(res.status, 202);
    const gone = await w.hook.waitFor(
      (n) => n.resourceUrl === `/communications/calls/${id}` && n.changeType === 'deleted',
    );
    assertTwin(gone, 'rejected-deleted');
  });

  it('ends an unanswered incoming call after the timeout with 408/1106', async () => {
    const created = await incoming(PEOPLE.megan);
    const started = Date.now();
    const end = await w.hook.waitFor(callState(created.resourceData.id, 'terminated', 'deleted'), 6000);
    assert.ok(Date.now() - started >= 1300, 'ended before the incoming timeout');
    assert.deepEqual([end.resourceData.resultInfo.code, end.resourceData.resultInfo.subcode], [408, 1106]);
    assertTwin(end, 'terminated');
  });

  it('announces a call to the resource account number with a phone caller and an applicationInstance target', async () => {
    const created = await incoming(PEOPLE.henrietta, { to: '+14255550199' });
    assertTwin(created, 'incoming-call-pstn');
    assert.equal(created.resourceData.source.identity.phone.id, '+14255550104');
    assert.equal(
      created.resourceData.targets[0].identity.applicationInstance.id,
      '546fd721-0aaa-408b-bb40-d970693cd379',
    );
    await w.graph.call('POST', `/communications/calls/${created.resourceData.id}/reject`, {});
  });

  it('redirects to several people at once: the first to answer wins (answeredBy), the app leg ends', async () => {
    const created = await incoming(PEOPLE.diego);
    const id = created.resourceData.id;
    const user = (uid: string) => ({ identity: { user: { id: uid } } });
    const tooShort = await w.graph.call('POST', `/communications/calls/${id}/redirect`, {
      targets: [user(PEOPLE.alex)],
      timeout: 10,
    });
    assert.equal(tooShort.status, 400);
    assert.match(tooShort.body.error.message, /timeout/);
    const res = await w.graph.call('POST', `/communications/calls/${id}/redirect`, {
      targets: [user(PEOPLE.isaiahDeclines), user(PEOPLE.alex)],
      timeout: 20,
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const end = await w.hook.waitFor(callState(id, 'terminated', 'deleted'));
    assert.equal(end.resourceData.resultInfo.code, 200);
    const timeline = (await w.emu.control('GET', `/emulator/calls/${id}/timeline`)).body.value as Wire[];
    assert.ok(
      timeline.some((e) => e.kind === 'person' && e.personId === PEOPLE.alex && e.event === 'answered'),
    );
    const summary = (await w.emu.control('GET', `/emulator/calls/${id}`)).body;
    assert.equal(summary.resource.answeredBy.identity.user.id, PEOPLE.alex);
  });

  it('ends a redirect nobody takes with the most telling failure (declined)', async () => {
    const created = await incoming(PEOPLE.diego);
    const id = created.resourceData.id;
    const res = await w.graph.call('POST', `/communications/calls/${id}/redirect`, {
      targets: [{ identity: { user: { id: PEOPLE.isaiahDeclines } } }],
    });
    assert.equal(res.status, 202);
    const end = await w.hook.waitFor(callState(id, 'terminated', 'deleted'));
    assert.deepEqual([end.resourceData.resultInfo.code, end.resourceData.resultInfo.subcode], [480, 10134]);
  });

  it('invites the app into a meeting (chatInfo + tokenMeetingInfo); answering joins the meeting roster', async () => {
    const created = await incoming(PEOPLE.diego, { to: 'app', meetingId: 'seed-standup' });
    assertTwin(created, 'incoming-group-invite');
    const invite = created.resourceData;
    assert.equal(invite.meetingInfo['@odata.type'], '#microsoft.graph.tokenMeetingInfo');
    const answer = await w.graph.call('POST', `/communications/calls/${invite.id}/answer`, {
      callbackUri: w.hook.url,
      acceptedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(answer.status, 202);
    const roster = await w.hook.waitFor(
      (n) => n.resourceUrl === `/communications/calls/${invite.id}/participants`,
    );
    const users = roster.resourceData
      .map((p: Wire) => p.info.identity.user?.id)
      .filter(Boolean)
      .sort();
    assert.deepEqual(users, [PEOPLE.adele, PEOPLE.henrietta, PEOPLE.diego].sort());
    // The token lets the app join the same meeting again on a call of its own.
    const rejoin = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      chatInfo: invite.chatInfo,
      meetingInfo: invite.meetingInfo,
    });
    assert.equal(rejoin.status, 201, JSON.stringify(rejoin.body));
    await w.hook.waitFor(callState(rejoin.body.id, 'established'));
  });

  it('signed every notification with the published calling keys', () => {
    assertAllVerified(w);
  });
});
