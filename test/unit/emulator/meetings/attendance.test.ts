// Attendance reports and records, filled from who was in the emulated meeting and for how long on the
// emulator's clock: people who invited the app in, and the app while its call was connected. A report
// exists per occurrence once the last participant has left.
import assert from 'node:assert/strict';
import { startIncoming } from '../../../../emulator/graph';
import type { CallRec } from '../../../../emulator/graph';
import type { SeedMeeting } from '../../../../emulator/people';
import { APP, graphHarness } from '../graph/graph-harness';
import type { Harness } from '../graph/graph-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const DIEGO = '78377b16-9ba5-4342-9ed8-cf0ae0629405';
const MEDIA = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' };

interface Interval {
  joinDateTime: string;
  leaveDateTime: string;
  durationInSeconds: number;
}
interface AttendanceRecord {
  id: string;
  emailAddress: string | null;
  totalAttendanceInSeconds: number;
  role: string;
  identity: { id: string; displayName: string | null; tenantId: null };
  attendanceIntervals: Interval[];
}
interface Report {
  id: string;
  totalParticipantCount: number;
  meetingStartDateTime: string;
  meetingEndDateTime: string;
  attendanceRecords?: AttendanceRecord[];
}

describe('emulator online meetings: attendance reports', () => {
  let h: Harness;
  let graphId: string;
  let meeting: SeedMeeting;
  const reports = (query = '') =>
    h.graph(
      APP.appId,
      'GET',
      `/users/${ADELE}/onlineMeetings/${encodeURIComponent(graphId)}/attendanceReports${query}`,
    );
  const step = (...ms: number[]) => ms.forEach((m) => h.clock.advance(m));

  beforeEach(async () => {
    h = graphHarness({ incomingTimeoutMs: 600_000 });
    const res = await h.graph(APP.appId, 'POST', `/users/${ADELE}/onlineMeetings`, { subject: 'Planning' });
    assert.equal(res.status, 201);
    graphId = (res.body as { id: string }).id;
    const found = h.svc.engine.directory.current().meetings.find((m) => m.id === graphId);
    assert.ok(found);
    meeting = found;
  });
  afterEach(() => h.stop());

  /** The person invites the app into the meeting and the app answers; returns the app's call. */
  async function joins(personId: string): Promise<CallRec> {
    const person = h.svc.engine.directory.person(personId);
    assert.ok(person);
    const call = startIncoming(h.svc, {
      person,
      app: APP,
      webhook: 'https://app.example/api/calls',
      meeting,
    });
    step(50);
    const res = await h.graph(APP.appId, 'POST', `/communications/calls/${call.id}/answer`, {
      callbackUri: 'https://app.example/api/calls',
      acceptedModalities: ['audio'],
      mediaConfig: MEDIA,
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    step(50, 300);
    assert.equal(call.state, 'established');
    return call;
  }

  async function hangUp(call: CallRec): Promise<void> {
    assert.equal((await h.graph(APP.appId, 'DELETE', `/communications/calls/${call.id}`)).status, 204);
    step(50, 100);
    assert.equal(call.state, 'terminated');
  }

  it('lists each participant with the seconds they were in, once the last one has left', async () => {
    const t0 = h.clock.now();
    const first = await joins(ALEX); // Alex is in from t0+50 ms, the app from t0+400 ms
    const second = await joins(DIEGO); // Diego from t0+450 ms
    step(60_000);
    h.svc.actions.hangUp(first, ALEX); // t0+60.8 s
    step(90_000);
    h.svc.actions.hangUp(second, DIEGO); // t0+150.8 s
    assert.deepEqual(
      (await reports()).body,
      {
        '@odata.context': `https://localhost:1/v1.0/$metadata#users('${ADELE}')/onlineMeetings('${graphId}')/attendanceReports`,
        value: [],
      },
      'no report while the app is still in the meeting',
    );
    await hangUp(first);
    await hangUp(second); // the app leaves at t0+151 s, when its last call goes to terminating

    const list = (await reports()).body as { value: Report[] };
    assert.equal(list.value.length, 1);
    const [summary] = list.value;
    assert.ok(summary);
    assert.deepEqual(summary.attendanceRecords, [], 'records are empty in the list, as documented');
    assert.equal(summary.totalParticipantCount, 3);
    assert.equal(summary.meetingStartDateTime, new Date(t0 + 50).toISOString());
    assert.equal(summary.meetingEndDateTime, new Date(t0 + 151_000).toISOString());

    const base = `/users/${ADELE}/onlineMeetings/${encodeURIComponent(graphId)}/attendanceReports/${summary.id}`;
    const plain = (await h.graph(APP.appId, 'GET', base)).body as Report;
    assert.equal(plain.id, summary.id);
    assert.equal('attendanceRecords' in plain, false, 'a navigation property, returned only when expanded');
    const expanded = (await h.graph(APP.appId, 'GET', `${base}?$expand=attendanceRecords`)).body as Report;
    const records = expanded.attendanceRecords ?? [];
    const byId = new Map(records.map((r) => [r.identity.id, r]));
    assert.deepEqual(
      [ALEX, DIEGO, APP.appId].map((id) => byId.get(id)?.totalAttendanceInSeconds),
      [61, 150, 151],
    );
    const alex = byId.get(ALEX);
    assert.deepEqual(alex, {
      id: ALEX,
      emailAddress: 'alex.wilber@contoso.example',
      totalAttendanceInSeconds: 61,
      role: 'Presenter',
      identity: { id: ALEX, displayName: 'Alex Wilber', tenantId: null },
      attendanceIntervals: [
        {
          joinDateTime: new Date(t0 + 50).toISOString(),
          leaveDateTime: new Date(t0 + 60_800).toISOString(),
          durationInSeconds: 61,
        },
      ],
    });
    assert.equal(byId.get(APP.appId)?.role, 'Attendee');
    assert.equal(byId.get(APP.appId)?.emailAddress, null);
    assert.equal(byId.get(APP.appId)?.identity.displayName, APP.displayName);
    const listed = (await h.graph(APP.appId, 'GET', `${base}/attendanceRecords`)).body as {
      value: unknown[];
    };
    assert.deepEqual(listed.value, records);
  });

  it('gives a person who leaves and comes back one interval per stay; a new occurrence gets its own report', async () => {
    const host = await joins(DIEGO);
    const visit = await joins(ALEX);
    step(10_000);
    h.svc.actions.hangUp(visit, ALEX);
    step(5_000);
    const back = await joins(ALEX);
    step(20_000);
    h.svc.actions.hangUp(back, ALEX);
    for (const call of [visit, back, host]) if (call.state !== 'terminated') await hangUp(call);
    const again = await joins(ALEX);
    step(30_000);
    await hangUp(again);

    const list = ((await reports('?$expand=attendanceRecords')).body as { value: Report[] }).value;
    assert.equal(list.length, 2, 'one report per occurrence');
    const [newest, oldest] = list;
    assert.ok(newest && oldest);
    assert.ok(newest.meetingStartDateTime > oldest.meetingEndDateTime, 'newest first');
    const alex = oldest.attendanceRecords?.find((r) => r.identity.id === ALEX);
    assert.deepEqual(
      alex?.attendanceIntervals.map((i) => i.durationInSeconds),
      [10, 20],
    );
    assert.equal(alex?.totalAttendanceInSeconds, 30);
    assert.equal(newest.totalParticipantCount, 2);
  });

  it('needs OnlineMeetingArtifact.Read.All, the access policy and the organizer; unknown reports are 404', async () => {
    await hangUp(await joins(ALEX));
    const app = h.svc.engine.directory.app(APP.appId);
    assert.ok(app);
    const roles = app.graphRoles;
    app.graphRoles = roles.filter((r) => r !== 'OnlineMeetingArtifact.Read.All');
    const noRole = await reports();
    assert.equal(noRole.status, 403);
    assert.match(JSON.stringify(noRole.body), /OnlineMeetingArtifact\.Read\.All/);
    app.graphRoles = roles;
    const path = `/onlineMeetings/${encodeURIComponent(graphId)}/attendanceReports`;
    const organizer = await h.graphAs(ADELE, ['OnlineMeetingArtifact.Read.All'], 'GET', `/me${path}`);
    assert.equal(organizer.status, 200);
    assert.equal((organizer.body as { value: unknown[] }).value.length, 1);
    const withoutScope = await h.graphAs(ADELE, ['OnlineMeetings.ReadWrite'], 'GET', `/me${path}`);
    assert.equal(withoutScope.status, 403);
    assert.equal((await reports('/d3e1a36e-51d0-4c3b-9d0a-9a0fb1b3c7a1')).status, 404);
    await h.graph(APP.appId, 'PATCH', `/users/${ADELE}/onlineMeetings/${encodeURIComponent(graphId)}`, {
      participants: { attendees: [{ identity: { user: { id: ALEX } } }] },
    });
    const attendee = await h.graph(APP.appId, 'GET', `/users/${ALEX}${path}`);
    assert.equal(attendee.status, 403, 'an attendee sees the meeting but not its reports');
  });
});
