// Online meetings against the emulator process: create (app form under an application access policy,
// delegated /me form), createOrGet, get by id and by JoinWebUrl / joinMeetingId, the seeded meeting,
// the access-policy 403 and other 4xx bodies, and joining a created meeting with the call engine.
import assert from 'node:assert/strict';
import { GraphTestClient, callState } from '../../helpers/graph-test-client';
import type { Wire } from '../../helpers/graph-test-client';
import { delegatedToken, graphAs } from './delegated';
import { PEOPLE, SERVICE_MEDIA, useWorld } from './fixture';

const SEEDED = {
  threadId: '19:meeting_NmYxNzY1NzEtYjI0YS00NzZhLWJjMjAtNWM1YzFk@thread.v2',
  joinMeetingId: '314159265358',
};

describe('emulator e2e: online meetings', function () {
  this.timeout(30_000);
  const w = useWorld();

  const create = (userId: string, body: Record<string, unknown>) =>
    w.graph.call('POST', `/users/${userId}/onlineMeetings`, body);
  const byUrl = (userId: string, url: string) =>
    w.graph.call(
      'GET',
      `/users/${userId}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${url.replace(/'/g, "''")}'`)}`,
    );

  it('creates a meeting for a user covered by the access policy, with Teams-shaped ids and join link', async () => {
    const res = await create(PEOPLE.adele, { subject: 'Design review' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const m = res.body;
    assert.match(m['@odata.context'], new RegExp(`#users\\('${PEOPLE.adele}'\\)/onlineMeetings/\\$entity$`));
    assert.equal(m.subject, 'Design review');
    assert.match(m.chatInfo.threadId, /^19:meeting_[A-Za-z0-9+/=]{40,}@thread\.v2$/);
    assert.equal(m.chatInfo.messageId, '0');
    assert.equal(Buffer.from(m.id, 'base64').toString('utf8'), `1*${PEOPLE.adele}*0**${m.chatInfo.threadId}`);
    const url = new URL(m.joinWebUrl);
    assert.equal(url.origin, 'https://teams.microsoft.com');
    assert.match(
      m.joinWebUrl,
      /\/l\/meetup-join\/19%3ameeting_[^/]+%40thread\.v2\/0\?context=%7b%22Tid%22%3a%22/,
    );
    const [, thread, message] = /\/meetup-join\/([^/]+)\/([^/?]+)/.exec(url.pathname) as RegExpExecArray;
    assert.equal(decodeURIComponent(thread as string), m.chatInfo.threadId);
    assert.equal(message, '0');
    assert.deepEqual(JSON.parse(url.searchParams.get('context') ?? ''), {
      Tid: w.emu.tenantId,
      Oid: PEOPLE.adele,
    });
    assert.equal(m.participants.organizer.identity.user.id, PEOPLE.adele);
    assert.equal(m.participants.organizer.upn, 'adele.vance@contoso.example');
    assert.match(m.joinMeetingIdSettings.joinMeetingId, /^[1-9]\d{11}$/);
    assert.match(m.joinMeetingIdSettings.passcode, /^[A-Za-z0-9]{6}$/);
    assert.equal(m.joinMeetingIdSettings.isPasscodeRequired, true);
    assert.equal(Date.parse(m.endDateTime) - Date.parse(m.startDateTime), 3_600_000);

    const again = await w.graph.call(
      'GET',
      `/users/${PEOPLE.adele}/onlineMeetings/${encodeURIComponent(m.id)}`,
    );
    assert.equal(again.status, 200);
    assert.equal(again.body.joinWebUrl, m.joinWebUrl);
    const found = await byUrl(PEOPLE.adele, m.joinWebUrl);
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.deepEqual(
      found.body.value.map((x: Wire) => x.id),
      [m.id],
    );
  });

  it('refuses a user no application access policy covers with 403 General', async () => {
    for (const res of [
      await create(PEOPLE.johannaIgnores, { subject: 'x' }),
      await w.graph.call('POST', `/users/${PEOPLE.johannaIgnores}/onlineMeetings/createOrGet`, {
        externalId: 'x',
      }),
      await byUrl(PEOPLE.leeOrganizer, 'https://teams.microsoft.com/l/meetup-join/x/0'),
    ]) {
      assert.equal(res.status, 403, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'General');
      assert.equal(res.body.error.message, 'No application access policy found for this app.');
    }
  });

  it('needs OnlineMeetings.ReadWrite.All to create (403 Forbidden naming it)', async () => {
    const roles = w.emu.tenant.apps[0].graphRoles as string[];
    await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, {
      graphRoles: roles.filter((r) => r !== 'OnlineMeetings.ReadWrite.All'),
    });
    try {
      const limited = new GraphTestClient(w.emu);
      const res = await limited.call('POST', `/users/${PEOPLE.adele}/onlineMeetings`, { subject: 'x' });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'Forbidden');
      assert.match(res.body.error.message, /API requires one of 'OnlineMeetings\.ReadWrite\.All'/);
      // Reading needs only OnlineMeetings.Read.All.
      const read = await limited.call(
        'GET',
        `/users/${PEOPLE.adele}/onlineMeetings?$filter=${encodeURIComponent(`joinMeetingIdSettings/joinMeetingId eq '${SEEDED.joinMeetingId}'`)}`,
      );
      assert.equal(read.status, 200);
    } finally {
      await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, { graphRoles: roles });
    }
  });

  it('shows the seeded meeting to its attendees by join URL and join meeting id', async () => {
    const url = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(SEEDED.threadId)}/0?context=${encodeURIComponent(
      JSON.stringify({ Tid: w.emu.tenantId, Oid: PEOPLE.leeOrganizer }),
    )}`;
    const res = await byUrl(PEOPLE.henrietta, url);
    assert.equal(res.status, 200);
    assert.equal(res.body.value.length, 1);
    const m = res.body.value[0];
    assert.equal(m.chatInfo.threadId, SEEDED.threadId);
    assert.equal(m.participants.organizer.identity.user.id, PEOPLE.leeOrganizer);
    assert.equal(m.joinMeetingIdSettings.passcode, 'SbRd7q');
    assert.equal(
      m.joinWebUrl,
      url.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
    );
    const byJoinId = await w.graph.call(
      'GET',
      `/users/${PEOPLE.adele}/onlineMeetings?$filter=${encodeURIComponent(`joinMeetingIdSettings/joinMeetingId eq '${SEEDED.joinMeetingId}'`)}`,
    );
    assert.equal(byJoinId.body.value[0].id, m.id);
    // Alex is covered by the policy but neither organizes nor attends it.
    const alex = await byUrl(PEOPLE.alex, url);
    assert.deepEqual(alex.body.value, []);
    const byId = await w.graph.call(
      'GET',
      `/users/${PEOPLE.alex}/onlineMeetings/${encodeURIComponent(m.id)}`,
    );
    assert.equal(byId.status, 404);
  });

  it('answers 400 for a corrupted id, a missing or unsupported filter', async () => {
    const corrupted = await w.graph.call(
      'GET',
      `/users/${PEOPLE.adele}/onlineMeetings/${Buffer.from(`0#${SEEDED.threadId}#0`).toString('base64')}`,
    );
    assert.equal(corrupted.status, 400);
    assert.equal(corrupted.body.error.message, 'Meeting Id is corrupted.');
    const noFilter = await w.graph.call('GET', `/users/${PEOPLE.adele}/onlineMeetings`);
    assert.equal(noFilter.status, 400);
    assert.match(noFilter.body.error.message, /^Filter expression expected/);
    const subject = await w.graph.call(
      'GET',
      `/users/${PEOPLE.adele}/onlineMeetings?$filter=${encodeURIComponent("subject eq 'x'")}`,
    );
    assert.equal(subject.status, 400);
  });

  it('createOrGet creates once per externalId (201) and then returns the same meeting (200)', async () => {
    const body = { externalId: 'case-42', subject: 'Case 42', startDateTime: '2030-01-02T10:00:00Z' };
    const first = await w.graph.call('POST', `/users/${PEOPLE.diego}/onlineMeetings/createOrGet`, body);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.externalId, 'case-42');
    assert.equal(first.body.startDateTime, '2030-01-02T10:00:00.000Z');
    assert.equal(first.body.endDateTime, '2030-01-02T11:00:00.000Z');
    const second = await w.graph.call('POST', `/users/${PEOPLE.diego}/onlineMeetings/createOrGet`, body);
    assert.equal(second.status, 200);
    assert.equal(second.body.id, first.body.id);
    const otherOrganizer = await w.graph.call(
      'POST',
      `/users/${PEOPLE.alex}/onlineMeetings/createOrGet`,
      body,
    );
    assert.equal(otherOrganizer.status, 201);
    assert.notEqual(otherOrganizer.body.id, first.body.id);
  });

  it('refuses bad createOrGet and create bodies', async () => {
    const post = (p: string, body: unknown) =>
      w.graph.call('POST', `/users/${PEOPLE.diego}/onlineMeetings${p}`, body);
    const noId = await post('/createOrGet', { subject: 'x' });
    assert.equal(noId.status, 400);
    assert.equal(noId.body.error.details[0].code, 'MissingParameter');
    const endOnly = await post('/createOrGet', { externalId: 'e1', endDateTime: '2030-01-02T10:00:00Z' });
    assert.equal(endOnly.status, 400);
    assert.equal(endOnly.body.error.target, 'startDateTime');
    const backwards = await post('', {
      startDateTime: '2030-01-02T10:00:00Z',
      endDateTime: '2030-01-02T09:00:00Z',
    });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.error.target, 'endDateTime');
    const unknown = await post('', { participants: { attendees: [{ upn: 'a@b.c', badge: 'x' }] } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.details[0].code, 'UnknownProperty');
    const date = await post('', { startDateTime: '2030-01-02' });
    assert.equal(date.status, 400);
    assert.equal(date.body.error.details[0].code, 'InvalidType');
  });

  it('creates a meeting on behalf of a signed-in user with /me (no access policy involved)', async () => {
    const token = await delegatedToken(w.emu, PEOPLE.johannaIgnores, ['OnlineMeetings.ReadWrite']);
    const res = await graphAs(w.emu, token, 'POST', '/me/onlineMeetings', { subject: 'Mine' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.participants.organizer.identity.user.id, PEOPLE.johannaIgnores);
    const got = await graphAs(w.emu, token, 'GET', `/me/onlineMeetings/${encodeURIComponent(res.body.id)}`);
    assert.equal(got.status, 200);
    const app = await w.graph.call('POST', '/me/onlineMeetings', { subject: 'x' });
    assert.equal(app.status, 400);
    assert.equal(app.body.error.message, '/me request is only valid with delegated authentication flow.');
    const readOnly = await delegatedToken(w.emu, PEOPLE.johannaIgnores, ['User.Read']);
    const refused = await graphAs(w.emu, readOnly, 'POST', '/me/onlineMeetings', { subject: 'x' });
    assert.equal(refused.status, 403);
  });

  it('lets the call engine join a created meeting by its join URL and by its join meeting id', async () => {
    const created = await create(PEOPLE.alex, { subject: 'Join me' });
    assert.equal(created.status, 201);
    const url = new URL(created.body.joinWebUrl);
    const threadId = decodeURIComponent(
      (/\/meetup-join\/([^/]+)\//.exec(url.pathname) as RegExpExecArray)[1] as string,
    );
    const context = JSON.parse(url.searchParams.get('context') ?? '{}');
    const joinByUrl = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      chatInfo: { threadId, messageId: '0' },
      meetingInfo: {
        '@odata.type': '#microsoft.graph.organizerMeetingInfo',
        organizer: { user: { id: context.Oid, tenantId: context.Tid } },
      },
      tenantId: context.Tid,
    });
    assert.equal(joinByUrl.status, 201, JSON.stringify(joinByUrl.body));
    await w.hook.waitFor(callState(joinByUrl.body.id, 'established'));

    const s = created.body.joinMeetingIdSettings;
    const joinById = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      meetingInfo: {
        '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo',
        joinMeetingId: s.joinMeetingId,
        passcode: s.passcode,
      },
    });
    assert.equal(joinById.status, 201, JSON.stringify(joinById.body));
    await w.hook.waitFor(callState(joinById.body.id, 'established'));

    const listed = await w.emu.control('GET', '/emulator/meetings');
    assert.equal(listed.status, 200);
    const ids = listed.body.value.map((m: Wire) => m.id);
    assert.ok(ids.includes(created.body.id));
    assert.ok(
      listed.body.value.some((m: Wire) => m.chatInfo.threadId === SEEDED.threadId && m.emulator.seeded),
    );
  });
  it('forgets created meetings on reset and keeps the seeded one', async () => {
    const created = await create(PEOPLE.adele, { subject: 'Short-lived' });
    assert.equal(created.status, 201);
    assert.equal((await w.emu.control('POST', '/emulator/reset')).status, 200);
    const listed = await w.emu.control('GET', '/emulator/meetings');
    assert.deepEqual(
      listed.body.value.map((m: Wire) => m.chatInfo.threadId),
      [SEEDED.threadId],
    );
    const gone = await w.graph.call(
      'GET',
      `/users/${PEOPLE.adele}/onlineMeetings/${encodeURIComponent(created.body.id)}`,
    );
    assert.equal(gone.status, 404);
  });
});
