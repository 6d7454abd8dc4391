// Meetings after the fact over a fake fetch: PATCH and DELETE of a meeting and its attendance
// reports, in the app form (/users/{organizer}) with the app's token and in the delegated form (/me)
// on-behalf-of the user; a report's records are followed across pages on Graph's own host only.
import assert from 'node:assert/strict';
import pino from 'pino';
import { fakeFetch, type FakeAnswer } from '../../../helpers/fake-fetch';
import type { TokenProvider } from '../../../../calling/graph/app-token';
import { createAttendanceApi } from '../../../../calling/graph/attendance-api';
import { createGraphClient } from '../../../../calling/graph/graph-client';
import { createMeetingsApi } from '../../../../calling/graph/meetings-api';

const BASE = 'https://graph.example.test/v1.0';

function json(status: number, body?: unknown): FakeAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

function harness(replies: FakeAnswer[]) {
  const { fetch, sent } = fakeFetch(() => replies.shift() ?? json(200, {}));
  const tokens: TokenProvider = {
    appToken: () => Promise.resolve('app-token'),
    onBehalfOf: (assertion) => Promise.resolve(`user-token-${assertion}`),
  };
  const graph = createGraphClient({
    baseUrl: BASE,
    tokens,
    logger: pino({ level: 'silent' }),
    sleep: () => Promise.resolve(),
    fetch,
  });
  return { sent, meetings: createMeetingsApi(graph), attendance: createAttendanceApi(graph) };
}

const APP = { kind: 'app', organizerId: 'org-1' } as const;
const USER = { kind: 'user', userAssertion: 'ey.user' } as const;

describe('Graph: meetings after the fact', () => {
  it('PATCHes the new times in the app form and answers the meeting as it now is', async () => {
    const h = harness([json(200, { id: 'm/1', startDateTime: '2031-05-06T13:00:00Z' })]);
    const update = { startDateTime: '2031-05-06T13:00:00Z', endDateTime: '2031-05-06T14:00:00Z' };
    const m = await h.meetings.updateMeeting(APP, 'm/1', update);
    assert.equal(m.startDateTime, '2031-05-06T13:00:00Z');
    const [req] = h.sent;
    assert.equal(req?.method, 'PATCH');
    assert.equal(req?.url, `${BASE}/users/org-1/onlineMeetings/m%2F1`);
    assert.equal(req?.headers['authorization'], 'Bearer app-token');
    assert.deepEqual(JSON.parse(String(req?.body)), update);
  });

  it('DELETEs in the delegated form with the user’s token', async () => {
    const h = harness([json(204)]);
    await h.meetings.deleteMeeting(USER, 'm1');
    assert.equal(h.sent[0]?.method, 'DELETE');
    assert.equal(h.sent[0]?.url, `${BASE}/me/onlineMeetings/m1`);
    assert.equal(h.sent[0]?.headers['authorization'], 'Bearer user-token-ey.user');
  });

  it('lists reports, then reads one with its records across pages', async () => {
    const next = `${BASE}/users/org-1/onlineMeetings/m1/attendanceReports/r1/attendanceRecords?$skiptoken=2`;
    const h = harness([
      json(200, { value: [{ id: 'r2' }, { id: 'r1' }] }),
      json(200, {
        id: 'r1',
        totalParticipantCount: 3,
        attendanceRecords: [{ id: 'a', totalAttendanceInSeconds: 60 }],
        'attendanceRecords@odata.nextLink': next,
      }),
      json(200, { value: [{ id: 'b', totalAttendanceInSeconds: 90 }] }),
    ]);
    const reports = await h.attendance.listAttendanceReports(APP, 'm1');
    assert.deepEqual(
      reports.map((r) => r.id),
      ['r2', 'r1'],
    );
    const report = await h.attendance.getAttendanceReport(APP, 'm1', 'r1');
    assert.deepEqual(
      report.attendanceRecords?.map((r) => r.id),
      ['a', 'b'],
    );
    assert.equal('attendanceRecords@odata.nextLink' in report, false);
    const got = new URL(h.sent[1]?.url ?? '');
    assert.equal(got.pathname, '/v1.0/users/org-1/onlineMeetings/m1/attendanceReports/r1');
    assert.equal(got.searchParams.get('$expand'), 'attendanceRecords');
    assert.equal(h.sent[2]?.url, next);
  });

  it('does not follow a records link to another host', async () => {
    const h = harness([
      json(200, {
        id: 'r1',
        attendanceRecords: [{ id: 'a' }],
        'attendanceRecords@odata.nextLink': 'https://elsewhere.example/records?page=2',
      }),
    ]);
    const report = await h.attendance.getAttendanceReport(USER, 'm1', 'r1');
    assert.deepEqual(
      report.attendanceRecords?.map((r) => r.id),
      ['a'],
    );
    assert.equal(h.sent.length, 1);
    assert.equal(new URL(h.sent[0]?.url ?? '').pathname, '/v1.0/me/onlineMeetings/m1/attendanceReports/r1');
  });
});
