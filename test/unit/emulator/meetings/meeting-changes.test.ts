// PATCH and DELETE of an online meeting: the properties the update documentation lists (others refused
// with a 400 naming them), both times together, the organizer fixed, the permissions create needs, and
// a deleted meeting gone for reads and joins.
import assert from 'node:assert/strict';
import { APP, graphHarness } from '../graph/graph-harness';
import type { Harness } from '../graph/graph-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
// Covered by no application access policy.
const JOHANNA = '26ac7d24-184d-4632-a0c6-d69a864c95d2';

type Body = Record<string, unknown> & {
  id: string;
  error?: { code: string; message: string; target?: string; details?: { code: string }[] };
};

describe('emulator online meetings: update and delete', () => {
  let h: Harness;
  let meeting: Body;
  const at = (userId: string, id: string) => `/users/${userId}/onlineMeetings/${encodeURIComponent(id)}`;
  const patch = (body: unknown, userId = ADELE) => h.graph(APP.appId, 'PATCH', at(userId, meeting.id), body);

  beforeEach(async () => {
    h = graphHarness();
    const res = await h.graph(APP.appId, 'POST', `/users/${ADELE}/onlineMeetings`, {
      subject: 'Design review',
      participants: { attendees: [{ identity: { user: { id: ALEX } }, upn: 'alex.wilber@contoso.example' }] },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    meeting = res.body as Body;
  });
  afterEach(() => h.stop());

  it('updates subject and times (200 with the meeting as it now is; GET agrees)', async () => {
    const res = await patch({
      subject: 'Design review (moved)',
      startDateTime: '2030-03-04T09:00:00-07:00',
      endDateTime: '2030-03-04T09:30:00-07:00',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const body = res.body as Body;
    assert.match(String(body['@odata.context']), /#users\('[^']+'\)\/onlineMeetings\/\$entity$/);
    assert.equal(body.id, meeting.id);
    assert.equal(body.subject, 'Design review (moved)');
    assert.equal(body.startDateTime, '2030-03-04T16:00:00.000Z');
    assert.equal(body.endDateTime, '2030-03-04T16:30:00.000Z');
    assert.equal(body.joinWebUrl, meeting.joinWebUrl, 'the join link stays');
    const got = (await h.graph(APP.appId, 'GET', at(ADELE, meeting.id))).body as Body;
    assert.equal(got.subject, 'Design review (moved)');
    assert.equal(got.endDateTime, '2030-03-04T16:30:00.000Z');
  });

  it('refuses a property the update documentation does not list, naming it', async () => {
    for (const [name, value] of [
      ['joinWebUrl', 'https://teams.microsoft.com/l/meetup-join/x/0'],
      ['chatInfo', { threadId: 'x' }],
      ['externalId', 'other'],
    ] as const) {
      const res = await patch({ subject: 'x', [name]: value });
      assert.equal(res.status, 400, name);
      const error = (res.body as Body).error;
      assert.equal(error?.target, name);
      assert.equal(error?.details?.[0]?.code, 'ReadOnlyProperty');
      assert.ok(error?.message.includes(`'${name}'`), error?.message);
    }
    const unknownEnum = await patch({ allowedPresenters: 'nobody' });
    assert.equal(unknownEnum.status, 400, 'updatable properties are still checked against the CSDL');
    const got = (await h.graph(APP.appId, 'GET', at(ADELE, meeting.id))).body as Body;
    assert.equal(got.subject, 'Design review', 'a refused update changes nothing');
  });

  it('needs both times, keeps the organizer, replaces attendees and merges a complex option', async () => {
    const startOnly = await patch({ startDateTime: '2030-03-04T09:00:00Z' });
    assert.equal(startOnly.status, 400);
    assert.equal((startOnly.body as Body).error?.target, 'endDateTime');
    const backwards = await patch({
      startDateTime: '2030-03-04T09:00:00Z',
      endDateTime: '2030-03-04T08:00:00Z',
    });
    assert.equal((backwards.body as Body).error?.target, 'endDateTime');
    const organizer = await patch({
      startDateTime: '2030-03-04T09:00:00Z',
      endDateTime: '2030-03-04T10:00:00Z',
      participants: { organizer: { identity: { user: { id: ALEX } } } },
    });
    assert.equal(organizer.status, 400);
    assert.equal((organizer.body as Body).error?.target, 'participants.organizer');
    const unchanged = (await h.graph(APP.appId, 'GET', at(ADELE, meeting.id))).body as Body;
    assert.equal(unchanged.startDateTime, meeting.startDateTime, 'a refused update moves nothing');

    const res = await patch({
      participants: { attendees: [{ upn: 'diego.siciliani@contoso.example', role: 'presenter' }] },
      lobbyBypassSettings: { isDialInBypassEnabled: true },
      allowAttendeeToEnableCamera: false,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const body = res.body as Body & {
      participants: { attendees: { upn: string; role: string }[] };
      lobbyBypassSettings: unknown;
    };
    assert.deepEqual(
      body.participants.attendees.map((a) => [a.upn, a.role]),
      [['diego.siciliani@contoso.example', 'presenter']],
    );
    assert.deepEqual(body.lobbyBypassSettings, { scope: 'organization', isDialInBypassEnabled: true });
    assert.equal(body.allowAttendeeToEnableCamera, false);
  });

  it('asks what create asks: the role, the access policy, the delegated scope, and the organizer', async () => {
    const app = h.svc.engine.directory.app(APP.appId);
    assert.ok(app);
    const roles = app.graphRoles;
    app.graphRoles = roles.filter((r) => r !== 'OnlineMeetings.ReadWrite.All');
    const noRole = await patch({ subject: 'x' });
    assert.equal(noRole.status, 403);
    assert.match((noRole.body as Body).error?.message ?? '', /OnlineMeetings\.ReadWrite\.All/);
    assert.equal((await h.graph(APP.appId, 'DELETE', at(ADELE, meeting.id))).status, 403);
    app.graphRoles = roles;

    const mine = await h.graphAs(JOHANNA, ['OnlineMeetings.ReadWrite'], 'POST', '/me/onlineMeetings', {
      subject: 'Mine',
    });
    assert.equal(mine.status, 201);
    const id = (mine.body as Body).id;
    const policy = await h.graph(APP.appId, 'PATCH', at(JOHANNA, id), { subject: 'x' });
    assert.equal(policy.status, 403);
    assert.equal((policy.body as Body).error?.code, 'General');
    const path = `/me/onlineMeetings/${encodeURIComponent(id)}`;
    const readOnly = await h.graphAs(JOHANNA, ['OnlineMeetings.Read'], 'PATCH', path, { subject: 'x' });
    assert.equal(readOnly.status, 403);
    const own = await h.graphAs(JOHANNA, ['OnlineMeetings.ReadWrite'], 'PATCH', path, { subject: 'Ours' });
    assert.equal(own.status, 200);
    assert.equal((own.body as Body).subject, 'Ours');

    const attendee = await patch({ subject: 'x' }, ALEX);
    assert.equal(attendee.status, 403, 'an attendee sees the meeting but cannot change it');
  });

  it('deletes: 204, then the meeting is gone for GET, PATCH, DELETE and joining', async () => {
    const settings = meeting.joinMeetingIdSettings as { joinMeetingId: string; passcode: string };
    const res = await h.graph(APP.appId, 'DELETE', at(ADELE, meeting.id));
    assert.equal(res.status, 204);
    assert.equal(res.body, undefined);
    assert.equal((await h.graph(APP.appId, 'GET', at(ADELE, meeting.id))).status, 404);
    assert.equal((await patch({ subject: 'x' })).status, 404);
    assert.equal((await h.graph(APP.appId, 'DELETE', at(ADELE, meeting.id))).status, 404);
    const join = await h.graph(APP.appId, 'POST', '/communications/calls', {
      callbackUri: 'https://app.example/api/calls',
      requestedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      meetingInfo: {
        '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo',
        joinMeetingId: settings.joinMeetingId,
        passcode: settings.passcode,
      },
    });
    assert.equal(join.status, 404);
  });
});
