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
