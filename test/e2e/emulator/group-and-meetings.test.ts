// Group calls and meetings: ad-hoc group call with invite, participant mute and hold music; joining the
// seeded meeting with organizerMeetingInfo + chatInfo and with joinMeetingIdMeetingInfo.
import assert from 'node:assert/strict';
import { callState } from '../../helpers/graph-test-client';
import type { Received } from '../../helpers/graph-test-client';
import {
  PEOPLE,
  SERVICE_MEDIA,
  assertAllVerified,
  assertTwin,
  establishedCall,
  setScript,
  useWorld,
} from './fixture';
import type { Wire } from '../../helpers/graph-test-client';

const MEETING = {
  threadId: '19:meeting_NmYxNzY1NzEtYjI0YS00NzZhLWJjMjAtNWM1YzFk@thread.v2',
  joinMeetingId: '314159265358',
  passcode: 'SbRd7q',
};
const user = (id: string) => ({
  '@odata.type': '#microsoft.graph.invitationParticipantInfo',
  identity: {
    '@odata.type': '#microsoft.graph.identitySet',
    user: { '@odata.type': '#microsoft.graph.identity', id },
  },
});
const userIds = (roster: Wire[]): string[] =>
  roster
    .map((p) => p.info.identity.user?.id)
    .filter(Boolean)
    .sort();

describe('emulator e2e: group calls and meetings', function () {
  this.timeout(30_000);
  const w = useWorld({ EMULATOR_RING_TIMEOUT_MS: '3000' });

  before(async () => {
    for (const id of [PEOPLE.adele, PEOPLE.alex, PEOPLE.diego])
      await setScript(w, id, { onRing: 'answer', answerAfterMs: 200 });
  });

  const roster = (callId: string, predicate: (value: Wire[]) => boolean) => (n: Received) =>
    n.resourceUrl === `/communications/calls/${callId}/participants` &&
    n.changeType === 'updated' &&
    predicate(n.resourceData);

  it('places a group call, invites a third person, mutes a participant and plays hold music', async () => {
    const res = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      targets: [user(PEOPLE.adele), user(PEOPLE.alex)],
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const id = res.body.id;
    await w.hook.waitFor(callState(id, 'established'));
    const both = await w.hook.waitFor(roster(id, (v) => userIds(v).length === 2));
    assert.deepEqual(userIds(both.resourceData), [PEOPLE.adele, PEOPLE.alex].sort());
    assertTwin(both, 'participants-updated', { arrays: 'best' });

    const invite = await w.graph.call('POST', `/communications/calls/${id}/participants/invite`, {
      participants: [user(PEOPLE.diego)],
      clientContext: 'invite-diego',
    });
    assert.equal(invite.status, 200, JSON.stringify(invite.body));
    assert.equal(invite.body.status, 'running');
    assert.ok(invite.headers.location);
    const done = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${invite.body.id}`));
    assert.equal(done.resourceData.status, 'completed');
    assertTwin(done, 'invite-completed');
    const three = await w.hook.waitFor(roster(id, (v) => userIds(v).length === 3));
    assert.ok(
      w.hook.indexOf((n) => n === done || n.resourceUrl.endsWith(`/operations/${invite.body.id}`)) <
        w.hook.indexOf(roster(id, (v) => userIds(v).length === 3)),
      'operation before roster',
    );

    const diego = three.resourceData.find((p: Wire) => p.info.identity.user?.id === PEOPLE.diego);
    const mute = await w.graph.call('POST', `/communications/calls/${id}/participants/${diego.id}/mute`, {
      clientContext: 'mute-diego',
    });
    assert.equal(mute.status, 200);
    assert.equal(mute.body['@odata.type'], '#microsoft.graph.muteParticipantOperation');
    const muted = await w.hook.waitFor(
      roster(id, (v) => v.some((p: Wire) => p.id === diego.id && p.isMuted === true)),
    );
    assertTwin(muted, 'participants-updated', { arrays: 'best' });
    const got = await w.graph.call('GET', `/communications/calls/${id}/participants/${diego.id}`);
    assert.equal(got.body.isMuted, true);

    const hold = await w.graph.call(
      'POST',
      `/communications/calls/${id}/participants/${diego.id}/startHoldMusic`,
      { clientContext: 'hold-diego' },
    );
    assert.equal(hold.status, 202);
    assert.equal(hold.body.status, 'running');
    const held = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${hold.body.id}`));
    assertTwin(held, 'holdmusic-started');
    const adele = three.resourceData.find((p: Wire) => p.info.identity.user?.id === PEOPLE.adele);
    const second = await w.graph.call(
      'POST',
      `/communications/calls/${id}/participants/${adele.id}/startHoldMusic`,
      {},
    );
    assert.equal(second.status, 400, 'only one participant on hold at a time');

    assert.equal(
      (await w.graph.call('DELETE', `/communications/calls/${id}/participants/${diego.id}`)).status,
      204,
    );
    await w.hook.waitFor(
      (n) => n.resourceUrl === `/communications/calls/${id}/participants` && n.changeType === 'deleted',
    );
    const list = await w.graph.call('GET', `/communications/calls/${id}/participants`);
    assert.deepEqual(userIds(list.body.value), [PEOPLE.adele, PEOPLE.alex].sort());
  });

  it('moves a person from their P2P call into another call (invite with replacesCallId); the old call ends', async () => {
    const oldCall = await establishedCall(w, PEOPLE.adele);
    const main = await establishedCall(w, PEOPLE.alex);
    // Only the first participant of a replacing invite is read; Diego is ignored, never rung.
    const invite = await w.graph.call('POST', `/communications/calls/${main}/participants/invite`, {
      participants: [{ ...user(PEOPLE.adele), replacesCallId: oldCall }, user(PEOPLE.diego)],
    });
    assert.equal(invite.status, 200, JSON.stringify(invite.body));
    assert.deepEqual(
      invite.body.participants.map((p: Wire) => p.identity.user.id),
      [PEOPLE.adele],
    );
    const timeline = (await w.emu.control('GET', `/emulator/calls/${main}/timeline`)).body.value as Wire[];
    const ignored = timeline.find((e) => e.event === 'invite-participants-ignored');
    assert.deepEqual(ignored?.ignored, [PEOPLE.diego]);
    const done = await w.hook.waitFor((n) => n.resourceUrl.endsWith(`/operations/${invite.body.id}`));
    assert.equal(done.resourceData.status, 'completed');
    const ended = await w.hook.waitFor(callState(oldCall, 'terminated', 'deleted'));
    assert.deepEqual(
      [ended.resourceData.resultInfo.code, ended.resourceData.resultInfo.subcode],
      [200, 18503],
    );
    // The P2P call became a group call: its roster is announced with both people.
    const both = await w.hook.waitFor(roster(main, (v) => userIds(v).length === 2));
    assert.deepEqual(userIds(both.resourceData), [PEOPLE.adele, PEOPLE.alex].sort());
    const diego = (await w.emu.control('GET', `/emulator/people/${PEOPLE.diego}`)).body;
    assert.equal(diego.inCall, false, 'the ignored participant was never rung');
    const two = await w.graph.call('POST', `/communications/calls/${main}/participants/invite`, {
      participants: [user(PEOPLE.diego), user(PEOPLE.megan)],
    });
    assert.equal(two.status, 400, 'several invitees need a call with chatInfo');
  });

  it('refuses a group call with more than five targets and an invite of several people without chatInfo', async () => {
    const six = Array.from({ length: 6 }, () => user(PEOPLE.megan));
    const res = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      targets: six,
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /targets/);
  });

  it('ends an ad-hoc group call with 200/5013 when nobody joins', async () => {
    const res = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      targets: [user(PEOPLE.isaiahDeclines), user(PEOPLE.joniBusy)],
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    const end = await w.hook.waitFor(callState(res.body.id, 'terminated', 'deleted'));
    assert.deepEqual([end.resourceData.resultInfo.code, end.resourceData.resultInfo.subcode], [200, 5013]);
  });

  it('joins the seeded meeting with organizerMeetingInfo + chatInfo; the people in it are in the roster', async () => {
    const res = await w.graph.call('POST', '/communications/calls', {
      '@odata.type': '#microsoft.graph.call',
      callbackUri: w.hook.url,
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: MEETING.threadId, messageId: '0' },
      meetingInfo: {
        '@odata.type': '#microsoft.graph.organizerMeetingInfo',
        organizer: {
          '@odata.type': '#microsoft.graph.identitySet',
          user: {
            '@odata.type': '#microsoft.graph.identity',
            id: PEOPLE.leeOrganizer,
            tenantId: w.emu.tenantId,
          },
        },
      },
      tenantId: w.emu.tenantId,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await w.hook.waitFor(callState(res.body.id, 'established'));
    const r = await w.hook.waitFor(roster(res.body.id, () => true));
    assert.deepEqual(userIds(r.resourceData), [PEOPLE.adele, PEOPLE.henrietta].sort());
    assert.ok(
      r.resourceData.some((p: Wire) => p.info.identity.application?.id === w.emu.appId),
      'the app is in the roster',
    );
  });

  it('joins the seeded meeting with joinMeetingIdMeetingInfo; a wrong passcode is refused', async () => {
    const body = (passcode: string) => ({
      callbackUri: w.hook.url,
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      meetingInfo: {
        '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo',
        joinMeetingId: MEETING.joinMeetingId,
        passcode,
      },
      tenantId: w.emu.tenantId,
    });
    const wrong = await w.graph.call('POST', '/communications/calls', body('nope'));
    assert.equal(wrong.status, 403);
    const res = await w.graph.call('POST', '/communications/calls', body(MEETING.passcode));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await w.hook.waitFor(callState(res.body.id, 'established'));
    const r = await w.hook.waitFor(roster(res.body.id, () => true));
    assert.deepEqual(userIds(r.resourceData), [PEOPLE.adele, PEOPLE.henrietta].sort());
  });

  it('refuses to join a meeting that does not exist', async () => {
    const res = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      meetingInfo: {
        '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo',
        joinMeetingId: '999999999999',
        passcode: null,
      },
    });
    assert.equal(res.status, 404);
  });

  it('signed every notification with the published calling keys', () => {
    assertAllVerified(w);
  });
});
