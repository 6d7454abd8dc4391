// Online meetings after the fact, against the emulator process: PATCH (updatable properties only) and
// DELETE (gone for reads and joins), and attendance reports filled from people who joined through the
// control API and left at different times on the emulator's clock.
import assert from 'node:assert/strict';
import { callState } from '../../helpers/graph-test-client';
import type { Received, Wire } from '../../helpers/graph-test-client';
import { PEOPLE, SERVICE_MEDIA, useWorld } from './fixture';

describe('emulator e2e: online meetings after the fact', function () {
  this.timeout(30_000);
  const w = useWorld();

  const meetingPath = (id: string) => `/users/${PEOPLE.adele}/onlineMeetings/${encodeURIComponent(id)}`;

  async function createMeeting(subject: string): Promise<Wire> {
    const res = await w.graph.call('POST', `/users/${PEOPLE.adele}/onlineMeetings`, { subject });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }

  it('updates a meeting, refuses a read-only property by name, and deletes it for good', async () => {
    const m = await createMeeting('Quarterly review');
    const moved = await w.graph.call('PATCH', meetingPath(m.id), {
      subject: 'Quarterly review (moved)',
      startDateTime: '2031-05-06T13:00:00Z',
      endDateTime: '2031-05-06T14:00:00Z',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.subject, 'Quarterly review (moved)');
    assert.equal(moved.body.startDateTime, '2031-05-06T13:00:00.000Z');
    assert.equal(moved.body.joinWebUrl, m.joinWebUrl);

    const readOnly = await w.graph.call('PATCH', meetingPath(m.id), {
      joinMeetingIdSettings: { passcode: 'x' },
    });
    assert.equal(readOnly.status, 400);
    assert.equal(readOnly.body.error.target, 'joinMeetingIdSettings');
    assert.match(readOnly.body.error.message, /'joinMeetingIdSettings'/);

    const deleted = await w.graph.call('DELETE', meetingPath(m.id));
    assert.equal(deleted.status, 204);
    assert.equal((await w.graph.call('GET', meetingPath(m.id))).status, 404);
    const join = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      meetingInfo: {
        '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo',
        joinMeetingId: m.joinMeetingIdSettings.joinMeetingId,
        passcode: m.joinMeetingIdSettings.passcode,
      },
    });
    assert.equal(join.status, 404, 'a deleted meeting can no longer be joined');
    const person = await w.emu.control('POST', `/emulator/people/${PEOPLE.alex}/call`, {
      to: 'app',
      meetingId: m.id,
    });
    assert.equal(person.status, 404);
    const listed = (await w.emu.control('GET', '/emulator/meetings')).body.value as Wire[];
    assert.ok(!listed.some((x) => x.id === m.id));
  });

  /** The person invites the app into the meeting (control API); the app answers. Returns the call id. */
  async function personJoins(personId: string, meetingId: string): Promise<string> {
    const res = await w.emu.control('POST', `/emulator/people/${personId}/call`, { to: 'app', meetingId });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const id = res.body.callId as string;
    await w.hook.waitFor(callState(id, 'incoming', 'created'));
    const answer = await w.graph.call('POST', `/communications/calls/${id}/answer`, {
      callbackUri: w.hook.url,
      acceptedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    await w.hook.waitFor(callState(id, 'established'));
    return id;
  }

  const left = (callId: string) => (n: Received) =>
    n.resourceUrl === `/communications/calls/${callId}/participants` && n.changeType === 'deleted';

  it('reports who attended and for how long once the meeting has ended', async () => {
    const m = await createMeeting('Planning');
    const alexCall = await personJoins(PEOPLE.alex, m.id);
    const diegoCall = await personJoins(PEOPLE.diego, m.id);
    const reports = `${meetingPath(m.id)}/attendanceReports`;

    await w.emu.control('POST', '/emulator/clock/advance', { seconds: 60 });
    await w.emu.control('POST', `/emulator/calls/${alexCall}/hangup`, { personId: PEOPLE.alex });
    await w.hook.waitFor(left(alexCall));
    await w.emu.control('POST', '/emulator/clock/advance', { seconds: 90 });
    await w.emu.control('POST', `/emulator/calls/${diegoCall}/hangup`, { personId: PEOPLE.diego });
    await w.hook.waitFor(left(diegoCall));
    const live = (await w.emu.control('GET', `/emulator/meetings/${encodeURIComponent(m.id)}/attendance`))
      .body;
    assert.ok(live.inProgress, 'the app is still in the meeting');
    assert.deepEqual((await w.graph.call('GET', reports)).body.value, []);

    for (const id of [alexCall, diegoCall]) {
      assert.equal((await w.graph.call('DELETE', `/communications/calls/${id}`)).status, 204);
      await w.hook.waitFor(callState(id, 'terminated', 'deleted'));
    }
    const list = await w.graph.call('GET', reports);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.value.length, 1);
    const report = list.body.value[0];
    assert.equal(report.totalParticipantCount, 3);
    const got = await w.graph.call('GET', `${reports}/${report.id}?$expand=attendanceRecords`);
    assert.equal(got.status, 200, JSON.stringify(got.body));
    const records = got.body.attendanceRecords as Wire[];
    const seconds = (id: string): number => {
      const record = records.find((r) => r.identity.id === id);
      assert.ok(record, `no record for ${id}`);
      const [interval] = record.attendanceIntervals;
      const exact = (Date.parse(interval.leaveDateTime) - Date.parse(interval.joinDateTime)) / 1000;
      assert.equal(interval.durationInSeconds, Math.round(exact));
      assert.equal(record.totalAttendanceInSeconds, interval.durationInSeconds);
      return record.totalAttendanceInSeconds;
    };
    // The clock advances make the minutes; the real time the requests take adds a second or two.
    const alex = seconds(PEOPLE.alex);
    const diego = seconds(PEOPLE.diego);
    assert.ok(alex >= 60 && alex <= 62, `Alex ${alex} s`);
    assert.ok(diego >= 150 && diego <= 153, `Diego ${diego} s`);
    assert.ok(seconds(w.emu.appId) >= diego);
    assert.equal(
      records.find((r) => r.identity.id === PEOPLE.alex).emailAddress,
      'alex.wilber@contoso.example',
    );
    const asRecords = await w.graph.call('GET', `${reports}/${report.id}/attendanceRecords`);
    assert.deepEqual(asRecords.body.value, records);
    const control = (await w.emu.control('GET', `/emulator/meetings/${encodeURIComponent(m.id)}/attendance`))
      .body;
    assert.equal(control.inProgress, null);
    assert.deepEqual(control.reports[0].attendanceRecords, records);
  });
});
