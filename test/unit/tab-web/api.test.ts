import assert from 'node:assert/strict';
import { ApiError, createApi } from '../../../teams-tab/web/src/api';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fetch that records requests and answers from a list, in order. */
function fakeFetch(answers: Array<{ status: number; body?: unknown }>): {
  fetch: typeof fetch;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body as string | undefined,
    });
    const a = answers.shift();
    if (!a) throw new Error('no answer left');
    return new Response(a.body === undefined ? null : JSON.stringify(a.body), {
      status: a.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: impl as typeof fetch, sent };
}

describe('tab web: the API client', () => {
  it('sends the SSO token as a bearer and JSON bodies to /api/tab', async () => {
    const f = fakeFetch([{ status: 201, body: { call: { id: 'c1', state: 'establishing' } } }]);
    const api = createApi(async () => 'tok-1', 'http://app', f.fetch);
    const call = await api.call(['u1', 'u2'], 'Hi');
    assert.equal(call.id, 'c1');
    assert.equal(f.sent[0]?.url, 'http://app/api/tab/calls');
    assert.equal(f.sent[0]?.method, 'POST');
    assert.equal(f.sent[0]?.headers.authorization, 'Bearer tok-1');
    assert.deepEqual(JSON.parse(f.sent[0]?.body ?? ''), { targets: ['u1', 'u2'], subject: 'Hi' });
  });

  it('moves, cancels and reads the attendance of a meeting by its escaped id', async () => {
    const meeting = { id: 'MSo1/+=', joinWebUrl: 'j', attendees: [] };
    const f = fakeFetch([
      { status: 200, body: { meeting } },
      { status: 200, body: { meeting: { ...meeting, status: 'cancelled' } } },
      { status: 200, body: { meeting, attendance: null } },
      { status: 200, body: { meetings: [meeting] } },
    ]);
    const api = createApi(async () => 't', '', f.fetch);
    const to = { startDateTime: '2026-11-24T09:00:00.000Z', endDateTime: '2026-11-24T09:30:00.000Z' };
    assert.equal((await api.moveMeeting(meeting.id, to)).id, meeting.id);
    assert.equal((await api.cancelMeeting(meeting.id)).status, 'cancelled');
    assert.equal((await api.meetingAttendance(meeting.id)).attendance, null);
    assert.equal((await api.myMeetings()).length, 1);
    assert.deepEqual(
      f.sent.map((x) => `${x.method} ${x.url}`),
      [
        'PATCH /api/tab/meetings/MSo1%2F%2B%3D',
        'DELETE /api/tab/meetings/MSo1%2F%2B%3D',
        'GET /api/tab/meetings/MSo1%2F%2B%3D/attendance',
        'GET /api/tab/meetings',
      ],
    );
    assert.deepEqual(JSON.parse(f.sent[0]?.body ?? ''), to);
  });

  it('builds queries without empty values and escapes path parts', async () => {
    const f = fakeFetch([
      { status: 200, body: { meeting: null, call: null, participants: [] } },
      { status: 202, body: { operationId: 'op' } },
      { status: 204 },
    ]);
    const api = createApi(async () => 't', '', f.fetch);
    await api.meeting({ chatId: '19:meeting_x@thread.v2', meetingId: undefined });
    await api.mute('call/1', 'p 2');
    assert.equal(await api.hangUp('c'), undefined);
    assert.equal(f.sent[0]?.url, '/api/tab/meeting?chatId=19%3Ameeting_x%40thread.v2');
    assert.equal(f.sent[1]?.url, '/api/tab/calls/call%2F1/participants/p%202/mute');
    assert.equal(f.sent[2]?.url, '/api/tab/calls/c/hangup');
  });

  it('turns an auth refusal into an ApiError that asks for consent', async () => {
    const error = {
      code: 'consent_required',
      reason: 'graph_consent',
      message: 'Allow Switchboard to read presence.',
      consent: { required: true, buttonLabel: 'Allow' },
    };
    const api = createApi(async () => 't', '', fakeFetch([{ status: 403, body: { error } }]).fetch);
    const err = await api.me().then(
      () => assert.fail('should have been refused'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 403);
    assert.equal(err.needsConsent, true);
    assert.equal(err.message, 'Allow Switchboard to read presence.');
    assert.equal(err.body.consent?.buttonLabel, 'Allow');
  });

  it('reports a tenant refusal without a consent button, and a bodiless failure with its status', async () => {
    const f = fakeFetch([
      {
        status: 403,
        body: { error: { code: 'tenant_not_allowed', message: 'No.', consent: { required: false } } },
      },
      { status: 502 },
    ]);
    const api = createApi(async () => 't', '', f.fetch);
    const tenant = await api.me().catch((e: unknown) => e);
    assert.ok(tenant instanceof ApiError);
    assert.equal(tenant.needsConsent, false);
    const bare = await api.history().catch((e: unknown) => e);
    assert.ok(bare instanceof ApiError);
    assert.equal(bare.body.code, 'http_502');
    assert.match(bare.message, /502/);
  });

  it('shows a failed getAuthToken as a consent error and sends nothing', async () => {
    const f = fakeFetch([]);
    const api = createApi(
      async () => {
        throw new Error('resourceRequiresConsent');
      },
      '',
      f.fetch,
    );
    const err = await api.me().catch((e: unknown) => e);
    assert.ok(err instanceof ApiError);
    assert.equal(err.needsConsent, true);
    assert.match(err.message, /resourceRequiresConsent/);
    assert.equal(f.sent.length, 0);
  });
});
