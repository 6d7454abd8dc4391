// The tab API's meetings after the fact, on the real meetings service (SQLite) with a fake Graph: the
// organizer lists, moves and cancels a meeting the tab created, on-behalf-of herself; anyone else is
// refused before Graph is asked; attendance is read on demand by the organizer and shown to the meeting.
import assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import { CallingError } from '../../../calling';
import { createTabApi } from '../../../teams-tab/api';
import {
  fakeCalling,
  fakeGraph,
  fakeMeetingGraph,
  meetingBook,
  request,
  silentLogger,
  verify,
} from './fakes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field
type Json = any;

const books: Array<{ close(): Promise<void> }> = [];
after(async () => {
  for (const b of books) await b.close();
});

async function setup() {
  const mg = fakeMeetingGraph();
  const book = await meetingBook(mg.graph);
  books.push(book);
  const api = createTabApi({
    verify,
    logger: silentLogger,
    calling: fakeCalling().calling,
    graph: fakeGraph({}).graph,
    meetings: book.meetings,
  });
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await api.edge(request(method, path, { token, ...(body ? { body } : {}) }));
    return { status: res.status, body: res.body as Json };
  };
  const start = Date.now() + 3600_000;
  const created = await call('POST', '/api/tab/meetings', 'token-adele', {
    subject: 'Planning',
    startDateTime: new Date(start).toISOString(),
    endDateTime: new Date(start + 30 * 60_000).toISOString(),
    attendees: ['megan-0000'],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { api, mg, call, start, meeting: created.body.meeting as Json };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CallingError) return err.code;
    throw err;
  }
  return 'resolved';
}

describe('tab API: meetings after the fact', () => {
  it('lists the organizer’s meetings, which she may change', async () => {
    const t = await setup();
    assert.equal(t.meeting.canChange, true);
    assert.equal(t.meeting.status, 'scheduled');
    const mine = await t.call('GET', '/api/tab/meetings', 'token-adele');
    assert.deepEqual(
      mine.body.meetings.map((m: Json) => [m.subject, m.organizerName]),
      [['Planning', 'Adele Vance']],
    );
    assert.deepEqual((await t.call('GET', '/api/tab/meetings', 'token-megan')).body.meetings, []);
  });

  it('moves the meeting on-behalf-of the organizer and refuses anyone else', async () => {
    const t = await setup();
    const path = `/api/tab/meetings/${encodeURIComponent(t.meeting.id)}`;
    const to = {
      startDateTime: new Date(t.start + 86_400_000).toISOString(),
      endDateTime: new Date(t.start + 86_400_000 + 45 * 60_000).toISOString(),
    };
    assert.equal(await code(t.call('PATCH', path, 'token-megan', to)), 'not_organizer');
    assert.equal(t.mg.asked.length, 0, 'Graph was not asked for Megan');
    const bad = await t.call('PATCH', path, 'token-adele', { ...to, endDateTime: to.startDateTime });
    assert.equal(bad.status, 400);

    const moved = await t.call('PATCH', path, 'token-adele', to);
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.meeting.startDateTime, to.startDateTime);
    assert.equal(moved.body.meeting.lastChange.by, 'Adele Vance');
    assert.deepEqual(t.mg.asked[0], {
      op: 'updateMeeting',
      actor: { kind: 'user', userAssertion: 'token-adele' },
      args: [t.meeting.id, to],
    });
  });

  it('cancels for the organizer; the meeting then says so in its context and cannot be changed again', async () => {
    const t = await setup();
    const path = `/api/tab/meetings/${encodeURIComponent(t.meeting.id)}`;
    assert.equal(await code(t.call('DELETE', path, 'token-megan')), 'not_organizer');
    const cancelled = await t.call('DELETE', path, 'token-adele');
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.meeting.status, 'cancelled');
    assert.equal(cancelled.body.meeting.canChange, false);
    assert.deepEqual(t.mg.asked.at(-1)?.op, 'deleteMeeting');
    const view = await t.call(
      'GET',
      `/api/tab/meeting?chatId=${encodeURIComponent(t.meeting.threadId)}`,
      'token-megan',
    );
    assert.equal(view.body.meeting.status, 'cancelled');
    assert.equal(view.body.meeting.lastChange.by, 'Adele Vance');
    assert.equal(await code(t.call('DELETE', path, 'token-adele')), 'meeting_cancelled');
  });

  it('reads attendance on demand for the organizer, by name, and shows it to the meeting', async () => {
    const t = await setup();
    t.mg.reports.push({
      id: 'r1',
      meetingStartDateTime: '2026-11-23T15:00:00Z',
      meetingEndDateTime: '2026-11-23T15:20:00Z',
      attendanceRecords: [
        {
          id: 'a',
          identity: { id: 'megan-0000', displayName: 'Megan Bowen' },
          totalAttendanceInSeconds: 720,
        },
      ],
    });
    const path = `/api/tab/meetings/${encodeURIComponent(t.meeting.id)}/attendance`;
    assert.equal(await code(t.call('GET', path, 'token-megan')), 'not_organizer');
    const read = await t.call('GET', path, 'token-adele');
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.attendance, {
      people: [{ name: 'Megan Bowen', seconds: 720 }],
      startDateTime: '2026-11-23T15:00:00.000Z',
      endDateTime: '2026-11-23T15:20:00.000Z',
    });
    assert.deepEqual(t.mg.asked.at(-1)?.actor, { kind: 'user', userAssertion: 'token-adele' });
    const view = await t.call(
      'GET',
      `/api/tab/meeting?chatId=${encodeURIComponent(t.meeting.threadId)}`,
      'token-megan',
    );
    assert.deepEqual(view.body.meeting.attendance.people, [{ name: 'Megan Bowen', seconds: 720 }]);
  });

  it('answers 503 when the deployment has no meetings service', async () => {
    const api = createTabApi({ verify, logger: silentLogger });
    const res = await api.edge(request('DELETE', '/api/tab/meetings/x', { token: 'token-adele' }));
    assert.equal(res.status, 503);
  });
});
