// The Graph client's request pipeline with a fake fetch and a fake token provider: URLs, headers,
// tokens per tenant and per user, the retry loop, and how the typed APIs read answers.
import assert from 'node:assert/strict';
import pino from 'pino';
import { CallingError } from '../../../../calling/errors';
import type { TokenProvider } from '../../../../calling/graph/app-token';
import { createCallsApi } from '../../../../calling/graph/calls-api';
import { createGraphClient } from '../../../../calling/graph/graph-client';
import { createMeetingsApi } from '../../../../calling/graph/meetings-api';
import { createParticipantsApi } from '../../../../calling/graph/participants-api';
import { createPresenceApi } from '../../../../calling/graph/presence-api';
import { createUsersApi } from '../../../../calling/graph/users-api';
import { rejectsWith } from '../../../helpers/calling-error';
import { fakeFetch, networkError, type FakeAnswer } from '../../../helpers/fake-fetch';

const BASE = 'https://graph.example.test/v1.0';
type Reply = FakeAnswer | Error;

function json(status: number, body?: unknown, headers: Record<string, string> = {}): FakeAnswer {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    status,
    headers: { 'content-type': 'application/json', 'request-id': `req-${status}`, ...headers },
    body: text,
  };
}

function harness(replies: Reply[], opts: { maxAttempts?: number } = {}) {
  const waits: number[] = [];
  const tokenAsks: string[] = [];
  const tokens: TokenProvider = {
    appToken: (tenantId) => (
      tokenAsks.push(`app:${tenantId ?? 'default'}`),
      Promise.resolve(`app-token-${tenantId ?? 'default'}`)
    ),
    onBehalfOf: (assertion, o) => (
      tokenAsks.push(`obo:${assertion}:${o?.tenantId ?? 'default'}`),
      Promise.resolve(`user-token-${assertion}`)
    ),
  };
  const net = fakeFetch(() => replies.shift() ?? json(200, {}));
  const sent = net.sent;
  const graph = createGraphClient({
    baseUrl: BASE,
    tokens,
    logger: pino({ level: 'silent' }),
    maxAttempts: opts.maxAttempts ?? 4,
    sleep: (ms) => (waits.push(ms), Promise.resolve()),
    fetch: net.fetch,
  });
  return { graph, sent, waits, tokenAsks };
}

describe('Graph client pipeline', () => {
  it('sends version-less paths under GRAPH_BASE_URL with one bearer token and a client-request-id', async () => {
    const h = harness([json(200, { id: 'c1', state: 'established' })]);
    const call = await createCallsApi(h.graph).getCall('c1', { tenantId: 't-9' });
    assert.equal(call.state, 'established');
    const [req] = h.sent;
    assert.equal(req?.method, 'GET');
    assert.equal(req?.url, `${BASE}/communications/calls/c1`);
    assert.equal(req?.headers['authorization'], 'Bearer app-token-t-9');
    assert.match(
      req?.headers['client-request-id'] ?? '',
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.deepEqual(h.tokenAsks, ['app:t-9']);
  });

  it('retries a 429 after Retry-After with a fresh id and a fresh (not appended) token', async () => {
    const h = harness([
      json(429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'retry-after': '2' }),
      json(200, {}),
    ]);
    const res = await h.graph.request({ method: 'POST', path: '/communications/calls/c1/keepAlive' });
    assert.equal(res.attempts, 2);
    assert.deepEqual(h.waits, [2000]);
    assert.equal(h.sent.length, 2);
    assert.notEqual(h.sent[0]?.headers['client-request-id'], h.sent[1]?.headers['client-request-id']);
    assert.equal(h.sent[1]?.headers['authorization'], 'Bearer app-token-default');
    assert.equal(res.clientRequestId, h.sent[1]?.headers['client-request-id']);
  });

  it('gives up after the allowed attempts with graph_throttled', async () => {
    const h = harness([json(429), json(429), json(429), json(429), json(200)]);
    const err = await rejectsWith(
      h.graph.request({ method: 'GET', path: '/users/u1/presence' }),
      'graph_throttled',
    );
    assert.equal(h.sent.length, 4);
    assert.equal(h.waits.length, 3, 'exponential backoff between attempts when no Retry-After');
    assert.ok(h.waits[0]! < h.waits[1]! && h.waits[1]! < h.waits[2]!, `waits ${h.waits.join(',')}`);
    assert.equal(err.clientRequestId, h.sent[3]?.headers['client-request-id']);
  });

  it('never repeats a POST whose connection dropped after sending: graph_timeout, outcome unknown', async () => {
    const lost = networkError('ECONNRESET', 'socket hang up');
    const h = harness([lost, json(201, { id: 'c2' })]);
    const err = await rejectsWith(
      createCallsApi(h.graph).createCall({ callbackUri: 'https://x/cb' }),
      'graph_timeout',
    );
    assert.equal(h.sent.length, 1);
    assert.match(err.message, /may or may not have taken effect/);
  });

  it('repeats a POST that never left (connection refused), and a GET whose connection dropped', async () => {
    const refused = networkError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:443');
    const h = harness([refused, json(201, { id: 'c3' })]);
    const call = await createCallsApi(h.graph).createCall({ callbackUri: 'https://x/cb' });
    assert.equal(call.id, 'c3');
    assert.equal(h.sent.length, 2);

    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const h2 = harness([timeout, json(200, { id: 'c3' })]);
    await createCallsApi(h2.graph).getCall('c3');
    assert.equal(h2.sent.length, 2);
  });

  it('reports an untrusted certificate without retrying, pointing at EXTRA_CA_FILE', async () => {
    const h = harness([
      networkError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
    ]);
    const err = await rejectsWith(
      h.graph.request({ method: 'GET', path: '/communications/calls/c1' }),
      'graph_error',
    );
    assert.equal(h.sent.length, 1);
    assert.match(err.message, /EXTRA_CA_FILE/);
  });

  it('reads an operation id from the Location header when the body has none', async () => {
    const h = harness([
      {
        status: 202,
        headers: { location: `${BASE}/communications/calls/c1/operations/op-7` },
      },
      json(200, { '@odata.type': '#microsoft.graph.playPromptOperation', id: 'op-8', status: 'running' }),
    ]);
    const participants = createParticipantsApi(h.graph);
    const hold = await participants.startHoldMusic('c1', 'p1', { clientContext: 'ctx-1' });
    assert.equal(hold.id, 'op-7');
    assert.equal(h.sent[0]?.url, `${BASE}/communications/calls/c1/participants/p1/startHoldMusic`);
    assert.deepEqual(JSON.parse(String(h.sent[0]?.body)), { clientContext: 'ctx-1' });
    const play = await createCallsApi(h.graph).playPrompt('c1', { prompts: [] });
    assert.equal(play.id, 'op-8');
  });

  it('finds a meeting by join URL with an encoded OData filter, as the user (on-behalf-of)', async () => {
    const join =
      "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%22Tid%22%7d&o'k=1";
    const h = harness([json(200, { value: [{ id: 'm1', joinWebUrl: join }] })]);
    const meeting = await createMeetingsApi(h.graph).findMeetingByJoinUrl(
      { kind: 'user', userAssertion: 'ey.user' },
      join,
      { tenantId: 't-2' },
    );
    assert.equal(meeting?.id, 'm1');
    const url = new URL(h.sent[0]?.url ?? '');
    assert.equal(url.pathname, '/v1.0/me/onlineMeetings');
    assert.equal(url.searchParams.get('$filter'), `JoinWebUrl eq '${join.replace("'", "''")}'`);
    assert.equal(h.sent[0]?.headers['authorization'], 'Bearer user-token-ey.user');
    assert.deepEqual(h.tokenAsks, ['obo:ey.user:t-2']);
  });

  it('creates-or-gets a meeting in the app form and tells created from existing', async () => {
    const h = harness([
      json(201, { id: 'm1', subject: 'Standup' }),
      json(200, { id: 'm1', subject: 'Standup' }),
    ]);
    const meetings = createMeetingsApi(h.graph);
    const actor = { kind: 'app', organizerId: 'org-1' } as const;
    const first = await meetings.createOrGetMeeting(actor, { externalId: 'x-1', subject: 'Standup' });
    const again = await meetings.createOrGetMeeting(actor, { externalId: 'x-1', subject: 'Standup' });
    assert.deepEqual([first.created, again.created], [true, false]);
    assert.equal(h.sent[0]?.url, `${BASE}/users/org-1/onlineMeetings/createOrGet`);
    assert.equal(h.sent[0]?.headers['authorization'], 'Bearer app-token-default');
    assert.deepEqual(JSON.parse(String(h.sent[0]?.body)), { externalId: 'x-1', subject: 'Standup' });
  });

  it('searches users by display-name prefix with the quote escaped', async () => {
    const h = harness([json(200, { value: [{ id: 'u1', displayName: "Ann O'Neil" }] })]);
    const found = await createUsersApi(h.graph).searchUsers("Ann O'", { top: 5 });
    assert.equal(found[0]?.id, 'u1');
    const url = new URL(h.sent[0]?.url ?? '');
    assert.equal(url.pathname, '/v1.0/users');
    assert.equal(url.searchParams.get('$filter'), "startswith(displayName,'Ann O''')");
    assert.equal(url.searchParams.get('$top'), '5');
  });

  it('asks presence for at most 650 ids per request, once per id', async () => {
    const ids = Array.from({ length: 1400 }, (_, i) => `u${i}`);
    const h = harness([
      json(200, { value: [{ id: 'a' }] }),
      json(200, { value: [{ id: 'b' }] }),
      json(200, { value: [{ id: 'c' }] }),
    ]);
    const out = await createPresenceApi(h.graph).getPresences([...ids, 'u0']);
    assert.deepEqual(
      out.map((p) => p.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      h.sent.map((r) => (JSON.parse(String(r.body)) as { ids: string[] }).ids.length),
      [650, 650, 100],
    );
    assert.ok(h.sent.every((r) => r.url === `${BASE}/communications/getPresencesByUserId`));
  });

  it('follows nextLink on its own host only', async () => {
    const h = harness([
      json(200, {
        value: [{ id: 'p1' }],
        '@odata.nextLink': `${BASE}/communications/calls/c1/participants?$skiptoken=a=b`,
      }),
      json(200, { value: [{ id: 'p2' }], '@odata.nextLink': 'https://elsewhere.example/v1.0/next' }),
    ]);
    const list = await createParticipantsApi(h.graph).listParticipants('c1');
    assert.deepEqual(
      list.map((p) => p.id),
      ['p1', 'p2'],
    );
    assert.equal(h.sent.length, 2);
    assert.equal(h.sent[1]?.url, `${BASE}/communications/calls/c1/participants?$skiptoken=a=b`);
  });

  it('refuses a plain-http GRAPH_BASE_URL', () => {
    assert.throws(
      () =>
        createGraphClient({
          baseUrl: 'http://graph.example.test/v1.0',
          tokens: {} as TokenProvider,
          logger: pino({ level: 'silent' }),
        }),
      (err: unknown) => err instanceof CallingError && /https/.test(err.message),
    );
  });
});
