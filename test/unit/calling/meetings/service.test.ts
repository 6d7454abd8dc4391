// The meetings service over a real SQLite store and a fake of its Graph interface: the organizer moves
// and cancels (as the app for the chat, on-behalf-of for the tab), anyone else is refused before Graph
// is asked, and the attendance job reads the reports after the meeting's end (again later while Graph
// has none), names people and sums their stays; a missing permission is kept as a problem to show.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MeetingAttendanceReport, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import {
  ATTENDANCE_JOB,
  CallingError,
  createMeetingService,
  type MeetingEvent,
  type MeetingGraph,
  type MeetingService,
} from '../../../../calling';
import { openStore, type Store } from '../../../../store';

const ADELE = { id: '86528ee4-da06-4aa2-9aed-32e626300172', displayName: 'Adele Vance' };
const MEGAN = { id: '2c0fd3f4-495a-4f8d-9668-9ce043008303', displayName: 'Megan Bowen' };
const T0 = Date.parse('2026-11-20T10:00:00Z');
const MIN = 60_000;
const silent = { info: () => undefined, warn: () => undefined };

/** Graph as the service uses it: answers from tables, remembers what it was asked. */
class FakeGraph implements MeetingGraph {
  readonly asked: Array<{ op: string; actor: unknown; args: unknown[] }> = [];
  reports: MeetingAttendanceReport[] = [];
  failReports?: CallingError;
  updateMeeting: MeetingGraph['updateMeeting'] = async (actor, id, update) => {
    this.asked.push({ op: 'update', actor, args: [id, update] });
    return { id, ...update } as OnlineMeeting;
  };
  deleteMeeting: MeetingGraph['deleteMeeting'] = async (actor, id) => {
    this.asked.push({ op: 'delete', actor, args: [id] });
  };
  listAttendanceReports: MeetingGraph['listAttendanceReports'] = async (actor, id) => {
    this.asked.push({ op: 'reports', actor, args: [id] });
    if (this.failReports) throw this.failReports;
    return this.reports.map(({ attendanceRecords: _records, ...r }) => r);
  };
  getAttendanceReport: MeetingGraph['getAttendanceReport'] = async (actor, id, reportId) => {
    this.asked.push({ op: 'report', actor, args: [id, reportId] });
    const r = this.reports.find((x) => x.id === reportId);
    if (!r) throw new CallingError('graph_not_found', 'no report');
    return r;
  };
}

const record = (id: string, name: string | null, seconds: number, email: string | null = null) => ({
  id: `rec-${id}-${seconds}`,
  emailAddress: email,
  totalAttendanceInSeconds: seconds,
  role: 'Presenter',
  identity: { id, displayName: name },
  attendanceIntervals: [],
});

describe('calling meetings: the service', function () {
  this.timeout(20_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-meetings-'));
  let store: Store;
  let graph: FakeGraph;
  let service: MeetingService;
  let events: MeetingEvent[];
  let now = T0;
  let n = 0;

  beforeEach(async () => {
    store = await openStore({ sqlitePath: path.join(dir, `m${++n}.db`) });
    graph = new FakeGraph();
    now = T0;
    service = createMeetingService({ store, graph, logger: silent, now: () => now });
    events = [];
    service.on((e) => events.push(e));
  });
  afterEach(() => store.close());
  after(() => rmSync(dir, { recursive: true, force: true }));

  const remember = (subject = 'Budget review') =>
    service.remember({
      meeting: {
        id: 'MSo1',
        subject,
        joinWebUrl: 'https://teams.example/l/meetup-join/x',
        startDateTime: new Date(T0 + 60 * MIN).toISOString(),
        endDateTime: new Date(T0 + 90 * MIN).toISOString(),
        chatInfo: { threadId: '19:meeting_x@thread.v2' },
      },
      organizer: ADELE,
      attendees: [MEGAN],
      subject,
      startAt: 0,
      endAt: 0,
      via: 'chat',
      conversationId: 'conv-1',
    });

  const job = async () => (await store.jobs.list({ kind: ATTENDANCE_JOB }))[0];
  const code = async (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (err: unknown) => (err instanceof CallingError ? err.code : String(err)),
    );

  it('moves the organizer’s meeting as the app for the organizer, and plans its attendance after the new end', async () => {
    const m = await remember();
    assert.equal((await job())?.dueAt, m.endAt + 5 * MIN);
    const moved = await service.move(
      m.id,
      { startAt: T0 + 120 * MIN, endAt: T0 + 165 * MIN },
      { userId: ADELE.id.toUpperCase(), name: 'Adele Vance' },
    );
    assert.deepEqual(graph.asked[0], {
      op: 'update',
      actor: { kind: 'app', organizerId: ADELE.id },
      args: [
        'MSo1',
        {
          startDateTime: new Date(T0 + 120 * MIN).toISOString(),
          endDateTime: new Date(T0 + 165 * MIN).toISOString(),
        },
      ],
    });
    assert.deepEqual([moved.startAt, moved.endAt], [T0 + 120 * MIN, T0 + 165 * MIN]);
    assert.deepEqual(moved.lastChange, { kind: 'moved', by: 'Adele Vance', at: T0 });
    assert.equal((await job())?.dueAt, T0 + 170 * MIN);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['created', 'moved'],
    );
  });

  it('refuses anyone but the organizer before asking Graph, and a cancelled meeting for good', async () => {
    const m = await remember();
    const megan = { userId: MEGAN.id, name: 'Megan Bowen' };
    assert.equal(await code(service.cancel(m.id, megan)), 'not_organizer');
    assert.equal(
      await code(service.move(m.id, { startAt: T0 + MIN, endAt: T0 + 2 * MIN }, megan)),
      'not_organizer',
    );
    assert.equal(await code(service.cancel('other', megan)), 'meeting_not_found');
    assert.deepEqual(graph.asked, []);

    const adele = { userId: ADELE.id, name: 'Adele Vance', assertion: 'ey.adele', tenantId: 't-1' };
    const cancelled = await service.cancel(m.id, adele);
    assert.deepEqual(graph.asked[0], {
      op: 'delete',
      actor: { kind: 'user', userAssertion: 'ey.adele' },
      args: ['MSo1'],
    });
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.lastChange?.by, 'Adele Vance');
    assert.equal(await job(), undefined, 'no attendance check for a cancelled meeting');
    assert.equal(await code(service.cancel(m.id, adele)), 'meeting_cancelled');
    assert.equal(
      await code(service.move(m.id, { startAt: T0 + MIN, endAt: T0 + 2 * MIN }, adele)),
      'meeting_cancelled',
    );
  });

  it('refuses a time in the past or an end before the start', async () => {
    const m = await remember();
    const adele = { userId: ADELE.id, name: 'Adele Vance' };
    assert.equal(
      await code(service.move(m.id, { startAt: T0 - 10 * MIN, endAt: T0 }, adele)),
      'invalid_request',
    );
    assert.equal(
      await code(service.move(m.id, { startAt: T0 + 9 * MIN, endAt: T0 + 9 * MIN }, adele)),
      'invalid_request',
    );
  });

  it('reads attendance after the end, again later while Graph has no report, then sums each person over the reports', async () => {
    const m = await remember();
    now = m.endAt + 5 * MIN;
    assert.equal(await service.tick(), 1);
    const waiting = await job();
    assert.ok(waiting && waiting.dueAt > now, 'tried again later');
    assert.equal((await service.get(m.id))?.attendance, undefined);

    graph.reports = [
      {
        id: 'r2',
        meetingStartDateTime: new Date(T0 + 100 * MIN).toISOString(),
        meetingEndDateTime: new Date(T0 + 110 * MIN).toISOString(),
        attendanceRecords: [record(MEGAN.id, 'Megan Bowen', 300, 'megan@contoso.example')],
      },
      {
        id: 'r1',
        meetingStartDateTime: new Date(T0 + 60 * MIN).toISOString(),
        meetingEndDateTime: new Date(T0 + 90 * MIN).toISOString(),
        attendanceRecords: [
          record(ADELE.id, 'Adele Vance', 1800),
          record(MEGAN.id, 'Megan Bowen', 420),
          record('guest-1', null, 60),
        ],
      },
    ];
    now = waiting.dueAt;
    assert.equal(await service.tick(), 1);
    const a = (await service.get(m.id))?.attendance;
    assert.deepEqual(
      a?.people.map((p) => [p.name, p.seconds]),
      [
        ['Adele Vance', 1800],
        ['Megan Bowen', 720],
        ['A guest', 60],
      ],
    );
    assert.deepEqual([a?.reports, a?.startAt, a?.endAt], [2, T0 + 60 * MIN, T0 + 110 * MIN]);
    assert.equal(await job(), undefined, 'done once a report was found');
    assert.deepEqual(
      events.map((e) => e.kind),
      ['created', 'attendance'],
    );
  });

  it('keeps a missing permission as the problem the card shows, and stops asking', async () => {
    const m = await remember();
    graph.failReports = new CallingError('graph_permission_missing', 'needs OnlineMeetingArtifact.Read.All');
    now = m.endAt + 5 * MIN;
    await service.tick();
    assert.match((await service.get(m.id))?.attendance?.problem ?? '', /OnlineMeetingArtifact\.Read\.All/);
    assert.equal(await job(), undefined);
  });

  it('checks at once when a call in the meeting ends, and reads on demand for the organizer only', async () => {
    const m = await remember();
    await service.callEnded('19:meeting_x@thread.v2');
    assert.equal((await job())?.dueAt, T0);
    graph.reports = [{ id: 'r1', attendanceRecords: [record(MEGAN.id, 'Megan Bowen', 61)] }];
    const megan = { userId: MEGAN.id, name: 'Megan Bowen', assertion: 'ey.megan' };
    assert.equal(await code(service.readAttendance(m.id, megan)), 'not_organizer');
    const read = await service.readAttendance(m.id, {
      userId: ADELE.id,
      name: 'Adele Vance',
      assertion: 'ey.a',
    });
    assert.equal(read.attendance?.people[0]?.name, 'Megan Bowen');
    assert.deepEqual(graph.asked.at(-1)?.actor, { kind: 'user', userAssertion: 'ey.a' });
  });
});
