// Call records against the emulator process: a record appears only after its call ends and the
// configured delay (404 before), with sessions and segments ($expand), one session for a P2P call and
// one per participant for a group call; a flush brings pending records at once; 403 without
// CallRecords.Read.All; 400 for an unknown $expand.
import assert from 'node:assert/strict';
import { GraphTestClient, callState } from '../../helpers/graph-test-client';
import type { Wire } from '../../helpers/graph-test-client';
import { delegatedToken, graphAs } from './delegated';
import { PEOPLE, SERVICE_MEDIA, establishedCall, setScript, useWorld } from './fixture';

const DELAY_MS = 1500;

describe('emulator e2e: call records', function () {
  this.timeout(30_000);
  const w = useWorld({ EMULATOR_CALLRECORD_DELAY_MS: String(DELAY_MS) });

  before(async () => {
    for (const id of [PEOPLE.adele, PEOPLE.alex, PEOPLE.diego])
      await setScript(w, id, { onRing: 'answer', answerAfterMs: 200 });
  });

  const chainOf = async (callId: string): Promise<string> =>
    (await w.emu.control('GET', `/emulator/calls/${callId}`)).body.resource.callChainId;
  const hangUp = async (callId: string): Promise<void> => {
    await w.graph.call('DELETE', `/communications/calls/${callId}`);
    await w.hook.waitFor(callState(callId, 'terminated'));
  };
  const waitForRecord = async (id: string, path = ''): Promise<Wire> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = await w.graph.call('GET', `/communications/callRecords/${id}${path}`);
      if (res.status === 200) return res;
      assert.equal(res.status, 404, JSON.stringify(res.body));
      if (Date.now() > deadline) assert.fail(`record ${id} never appeared`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('publishes a P2P call’s record after the delay, with one session and segment', async () => {
    const callId = await establishedCall(w, PEOPLE.adele);
    const chain = await chainOf(callId);
    await hangUp(callId);
    const early = await w.graph.call('GET', `/communications/callRecords/${chain}`);
    assert.equal(early.status, 404);
    assert.equal(early.body.error.code, 'NotFound');
    const endedAt = Date.now();

    const res = await waitForRecord(chain, '?$expand=sessions($expand=segments)');
    assert.ok(Date.now() - endedAt >= DELAY_MS - 300, 'the record waited for the delay');
    const r = res.body;
    assert.match(r['@odata.context'], /#communications\/callRecords\(sessions\(segments\(\)\)\)\/\$entity$/);
    assert.equal(r.id, chain);
    assert.equal(r.type, 'peerToPeer');
    assert.equal(r.version, 1);
    assert.deepEqual(r.modalities, ['audio']);
    assert.ok(Date.parse(r.endDateTime) > Date.parse(r.startDateTime));
    assert.equal(r.organizer.application.id, w.emu.appId);
    const ids = r.participants.map((p: Wire) => p.user?.id ?? p.application?.id).sort();
    assert.deepEqual(ids, [PEOPLE.adele, w.emu.appId].sort());
    assert.equal(r.sessions.length, 1);
    const s = r.sessions[0];
    assert.equal(s.caller['@odata.type'], '#microsoft.graph.callRecords.participantEndpoint');
    assert.equal(s.caller.identity.application.id, w.emu.appId);
    assert.equal(s.caller.userAgent.role, 'customBot');
    assert.equal(s.callee.identity.user.id, PEOPLE.adele);
    assert.equal(s.callee.userAgent['@odata.type'], '#microsoft.graph.callRecords.clientUserAgent');
    assert.equal(s.callee.userAgent.productFamily, 'teams');
    assert.equal(s.failureInfo, null);
    assert.equal(s.segments.length, 1);
    assert.equal(s.segments[0].startDateTime, s.startDateTime);

    const plain = await w.graph.call('GET', `/communications/callRecords/${chain}`);
    assert.equal(plain.body.sessions, undefined);
    const sessionsOnly = await w.graph.call('GET', `/communications/callRecords/${chain}?$expand=sessions`);
    assert.equal(sessionsOnly.body.sessions.length, 1);
    assert.equal(sessionsOnly.body.sessions[0].segments, undefined);
    const list = await w.graph.call('GET', `/communications/callRecords/${chain}/sessions?$expand=segments`);
    assert.equal(list.status, 200);
    assert.equal(list.body.value[0].segments.length, 1);
  });

  it('gives a group call one session per participant with the conference server', async () => {
    const user = (id: string) => ({ identity: { user: { id } } });
    const res = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      targets: [user(PEOPLE.alex), user(PEOPLE.diego)],
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(res.status, 201);
    await w.hook.waitFor(
      (n) =>
        n.resourceUrl === `/communications/calls/${res.body.id}/participants` &&
        n.resourceData.filter((p: Wire) => p.info.identity.user).length === 2,
    );
    const chain = await chainOf(res.body.id);
    await w.emu.control('POST', `/emulator/calls/${res.body.id}/hangup`, { personId: PEOPLE.diego });
    await new Promise((r) => setTimeout(r, 200));
    await hangUp(res.body.id);
    const flushed = await w.emu.control('POST', '/emulator/records/flush');
    assert.ok(flushed.body.flushed.includes(chain), JSON.stringify(flushed.body));
    const rec = await w.graph.call(
      'GET',
      `/communications/callRecords/${chain}?$expand=sessions($expand=segments)`,
    );
    assert.equal(rec.status, 200);
    assert.equal(rec.body.type, 'groupCall');
    assert.equal(rec.body.sessions.length, 3);
    for (const s of rec.body.sessions) {
      assert.equal(s.callee['@odata.type'], '#microsoft.graph.callRecords.serviceEndpoint');
      assert.equal(s.callee.userAgent.role, 'skypeForBusinessAudioVideoMcu');
    }
    const diego = rec.body.sessions.find((s: Wire) => s.caller.identity.user?.id === PEOPLE.diego);
    const alex = rec.body.sessions.find((s: Wire) => s.caller.identity.user?.id === PEOPLE.alex);
    assert.ok(diego && alex);
    assert.ok(
      Date.parse(diego.endDateTime) < Date.parse(alex.endDateTime),
      'Diego left before the call ended',
    );
  });

  it('records an unanswered call with failureInfo at call setup', async () => {
    await setScript(w, PEOPLE.megan, { onRing: 'decline', answerAfterMs: 100 });
    const res = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      targets: [{ identity: { user: { id: PEOPLE.megan } } }],
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    await w.hook.waitFor(callState(res.body.id, 'terminated'));
    const chain = await chainOf(res.body.id);
    await w.emu.control('POST', '/emulator/clock/advance', { ms: DELAY_MS });
    const rec = await w.graph.call('GET', `/communications/callRecords/${chain}?$expand=sessions`);
    assert.equal(rec.status, 200);
    assert.equal(rec.body.sessions[0].failureInfo.stage, 'callSetup');
    assert.equal(rec.body.sessions[0].callee.identity.user.id, PEOPLE.megan);
  });

  it('refuses an unknown $expand, a token without CallRecords.Read.All and a delegated token', async () => {
    const summary = (await w.emu.control('GET', '/emulator/records')).body;
    const id = summary.available[0];
    assert.ok(id, 'an earlier test published a record');
    const bad = await w.graph.call('GET', `/communications/callRecords/${id}?$expand=attendees`);
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /Could not find a property named 'attendees'/);
    const roles = w.emu.tenant.apps[0].graphRoles as string[];
    await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, {
      graphRoles: roles.filter((r) => r !== 'CallRecords.Read.All'),
    });
    try {
      const res = await new GraphTestClient(w.emu).call('GET', `/communications/callRecords/${id}`);
      assert.equal(res.status, 403);
      assert.match(res.body.error.message, /CallRecords\.Read\.All/);
    } finally {
      await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, { graphRoles: roles });
    }
    const token = await delegatedToken(w.emu, PEOPLE.adele, ['User.Read']);
    const delegated = await graphAs(w.emu, token, 'GET', `/communications/callRecords/${id}`);
    assert.equal(delegated.status, 403);
  });
});
