import assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import { createTabApi } from '../../../teams-tab/api';
import {
  fakeCalling,
  fakeGraph,
  fakeMeetingGraph,
  meetingBook,
  participant,
  request,
  silentLogger,
  TENANT,
  verify,
} from './fakes';

const MEGAN_PRESENCE = { id: 'megan-0000', availability: 'Busy', activity: 'InACall' };

const books: Array<{ close(): Promise<void> }> = [];
after(async () => {
  for (const b of books) await b.close();
});

async function setup() {
  const c = fakeCalling();
  const g = fakeGraph({ 'megan-0000': MEGAN_PRESENCE });
  const book = await meetingBook(fakeMeetingGraph().graph);
  books.push(book);
  const api = createTabApi({
    verify,
    logger: silentLogger,
    calling: c.calling,
    graph: g.graph,
    meetings: book.meetings,
  });
  return { c, g, edge: api.edge };
}

type ErrorBody = { error: { code: string; reason: string; consent: { required: boolean } } };

describe('tab API: people, presence and meetings', () => {
  it('reads presence on behalf of the user (their token, their tenant)', async () => {
    const t = await setup();
    const res = await t.edge(
      request('GET', '/api/tab/presence?ids=megan-0000,nobody', { token: 'token-adele' }),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { presences: [MEGAN_PRESENCE] });
    assert.deepEqual(t.g.asked[0], {
      op: 'getPresences',
      auth: { kind: 'user', userAssertion: 'token-adele' },
      ctx: { tenantId: TENANT },
      args: ['megan-0000', 'nobody'],
    });
  });

  it('turns a missing delegated consent into the consent answer', async () => {
    const t = await setup();
    const err = Object.assign(
      new Error('Could not get an on-behalf-of token for tenant x: AADSTS65001: The user has not consented.'),
      { code: 'graph_auth_failed' },
    );
    t.g.fail(err);
    const res = await t.edge(request('GET', '/api/tab/presence?ids=megan-0000', { token: 'token-adele' }));
    assert.equal(res.status, 403);
    const body = res.body as ErrorBody;
    assert.equal(body.error.code, 'consent_required');
    assert.equal(body.error.reason, 'graph_consent');
    assert.equal(body.error.consent.required, true);
  });

  it('lets other Graph failures through to the server’s error mapping', async () => {
    const t = await setup();
    t.g.fail(Object.assign(new Error('Graph said no'), { code: 'graph_error' }));
    await assert.rejects(
      t.edge(request('GET', '/api/tab/presence?ids=megan-0000', { token: 'token-adele' })),
      /Graph said no/,
    );
  });

  it('searches people and refuses an empty search', async () => {
    const t = await setup();
    const res = await t.edge(request('GET', '/api/tab/people?search=meg', { token: 'token-adele' }));
    assert.deepEqual(res.body, {
      people: [{ id: 'megan-0000', displayName: 'Megan Bowen', mail: 'megan@contoso.example' }],
    });
    assert.equal(
      (await t.edge(request('GET', '/api/tab/people?search=', { token: 'token-adele' }))).status,
      400,
    );
  });

  it('creates a meeting as the user, has the bot join, and finds it again from the Teams context', async () => {
    const t = await setup();
    const created = await t.edge(
      request('POST', '/api/tab/meetings', {
        token: 'token-adele',
        body: {
          subject: 'Planning',
          startDateTime: '2026-11-23T15:00:00Z',
          endDateTime: '2026-11-23T15:30:00Z',
          attendees: ['megan-0000'],
          botJoins: true,
        },
      }),
    );
    assert.equal(created.status, 201);
    const body = created.body as {
      meeting: { joinWebUrl: string; threadId: string };
      call: { id: string; kind: string };
    };
    assert.equal(body.call.kind, 'meeting');
    const create = t.g.asked.find((a) => a.op === 'createMeeting')!;
    assert.deepEqual(create.auth, { kind: 'user', userAssertion: 'token-adele' });
    assert.deepEqual((create.args as { participants: unknown }).participants, {
      attendees: [{ identity: { user: { id: 'megan-0000' } } }],
    });
    const join = t.c.asked.find((a) => a.op === 'joinMeeting')!;
    assert.deepEqual(join.args[0], body.meeting.joinWebUrl);
    // The call knows whose it is and which meeting it is in, by name.
    assert.deepEqual(join.args[1], {
      displayName: 'Switchboard',
      origin: { surface: 'tab', requestedBy: { id: 'adele-0000', name: 'Adele Vance' } },
      meeting: { subject: 'Planning' },
    });

    const call = t.c.calls.get(body.call.id)!;
    t.c.calls.set(call.id, {
      ...call,
      state: 'established',
      phase: 'connected',
      people: [participant('p1', 'megan-0000', 'Megan Bowen'), participant('p0', '', '', true)],
    });
    const meetingId = Buffer.from(`0#${body.meeting.threadId}#0`).toString('base64');
    const res = await t.edge(
      request('GET', `/api/tab/meeting?meetingId=${encodeURIComponent(meetingId)}`, { token: 'token-adele' }),
    );
    assert.equal(res.status, 200);
    const m = res.body as {
      meeting: { subject: string };
      call: { id: string };
      participants: Array<{ id: string; presence?: unknown }>;
    };
    assert.equal(m.meeting.subject, 'Planning');
    assert.equal(m.call.id, call.id);
    assert.deepEqual(m.participants.find((p) => p.id === 'p1')?.presence, MEGAN_PRESENCE);

    const leave = await t.edge(
      request('POST', '/api/tab/meeting/leave', {
        token: 'token-adele',
        body: { chatId: body.meeting.threadId },
      }),
    );
    assert.equal(leave.status, 204);
    assert.deepEqual(t.c.asked.at(-1), { op: 'hangUp', args: [call.id, { by: 'Adele Vance' }] });
  });

  it('names the organizer of a meeting Graph found by its link, never by a raw id', async () => {
    const t = await setup();
    const url = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_other%40thread.v2/0';
    t.g.byJoinUrl.set(url, {
      id: 'm-other',
      subject: 'Design review',
      joinWebUrl: url,
      chatInfo: { threadId: '19:meeting_other@thread.v2' },
      participants: { organizer: { identity: { user: { id: 'megan-0000' } } } },
    });
    const res = await t.edge(
      request(
        'GET',
        `/api/tab/meeting?chatId=${encodeURIComponent('19:meeting_other@thread.v2')}&joinWebUrl=${encodeURIComponent(url)}`,
        { token: 'token-adele' },
      ),
    );
    assert.equal(res.status, 200);
    const m = (res.body as { meeting: { organizerId: string; organizerName?: string } }).meeting;
    assert.equal(m.organizerId, 'megan-0000');
    assert.equal(m.organizerName, 'Megan Bowen');
  });

  it('refuses a meeting that ends before it starts, and a context without meeting ids', async () => {
    const t = await setup();
    const bad = await t.edge(
      request('POST', '/api/tab/meetings', {
        token: 'token-adele',
        body: { subject: 'x', startDateTime: '2026-11-23T15:00:00Z', endDateTime: '2026-11-23T14:00:00Z' },
      }),
    );
    assert.equal(bad.status, 400);
    assert.equal((await t.edge(request('GET', '/api/tab/meeting', { token: 'token-adele' }))).status, 400);
    assert.equal(t.g.asked.length, 0);
  });
});
