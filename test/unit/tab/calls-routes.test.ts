import assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CallRecordSummary } from '../../../calling';
import { createCallRecordSummaries, openStore, type Store } from '../../../store';
import type { ConnectRequest } from '../../../calling';
import { createTabApi, type TabApi } from '../../../teams-tab/api';
import {
  ADELE,
  fakeCalling,
  fakeGraph,
  MEGAN,
  participant,
  request,
  silentLogger,
  TENANT,
  verify,
} from './fakes';

function setup(graph?: ReturnType<typeof fakeGraph>['graph']) {
  const c = fakeCalling();
  const connects: ConnectRequest[] = [];
  const clickToCall = {
    async connect(req: ConnectRequest) {
      connects.push(req);
      c.asked.push({ op: 'connect', args: [req] });
      const placed = await c.calling.placeCall({ to: { user: req.a } });
      return {
        id: 'cc-1',
        a: { kind: 'user' as const, id: req.a },
        b: { kind: 'user' as const, id: req.b },
        requestedBy: req.requestedBy,
        status: 'calling' as const,
        callId: placed.id,
        createdAt: 0,
        updatedAt: 0,
      };
    },
  };
  const api: TabApi = createTabApi({
    verify,
    logger: silentLogger,
    calling: c.calling,
    clickToCall,
    prompts: [{ name: 'please-hold.wav', label: 'Please hold' }],
    ...(graph ? { graph } : {}),
  });
  return { ...c, connects, api, edge: api.edge };
}

type Body = Record<string, unknown> & { error?: { code: string; message: string } };

describe('tab API: calls', () => {
  it('Call with one person connects the user with them: the user is rung first, then they are brought in', async () => {
    const t = setup();
    const res = await t.edge(
      request('POST', '/api/tab/calls', { token: 'token-adele', body: { targets: ['megan-0000'] } }),
    );
    assert.equal(res.status, 201);
    assert.deepEqual(t.connects, [
      {
        a: ADELE.id,
        aName: 'Adele Vance',
        b: 'megan-0000',
        requestedBy: { id: ADELE.id, name: 'Adele Vance' },
      },
    ]);
    const call = (res.body as { call: { id: string; purpose: string; requestedBy: string } }).call;
    // Whose call it is lives in the call model, not in a store of the tab's own.
    assert.deepEqual(t.asked.find((a) => a.op === 'annotate')?.args, [
      call.id,
      { purpose: 'connect', origin: { surface: 'tab', requestedBy: { id: ADELE.id, name: 'Adele Vance' } } },
    ]);
    assert.equal(call.purpose, 'connect');
    assert.equal(call.requestedBy, 'Adele Vance');
  });

  it('Call names the other person from the directory, so the call never speaks their id', async () => {
    const t = setup(fakeGraph({}).graph);
    await t.edge(
      request('POST', '/api/tab/calls', { token: 'token-adele', body: { targets: ['megan-0000'] } }),
    );
    assert.equal(t.connects[0]?.bName, 'Megan Bowen');
  });

  it('a group call from the tab includes the user', async () => {
    const t = setup();
    await t.edge(request('POST', '/api/tab/calls', { token: 'token-adele', body: { targets: ['a', 'b'] } }));
    const req = t.asked[0]?.args[0] as { to: Array<{ user: string }>; purpose: string; origin: unknown };
    assert.deepEqual(
      req.to.map((p) => p.user),
      [ADELE.id, 'a', 'b'],
    );
    assert.equal(req.purpose, 'group');
    assert.deepEqual(req.origin, { surface: 'tab', requestedBy: { id: ADELE.id, name: 'Adele Vance' } });
  });

  it('places a group call for several targets and connects two people', async () => {
    const t = setup();
    const group = await t.edge(
      request('POST', '/api/tab/calls', {
        token: 'token-adele',
        body: { targets: ['a', 'b', 'c'], subject: 'Sync' },
      }),
    );
    assert.equal((group.body as { call: { kind: string; subject: string } }).call.kind, 'group');
    assert.deepEqual(
      (t.asked[0]?.args[0] as { to: Array<{ user: string }> }).to.map((p) => p.user),
      [ADELE.id, 'a', 'b', 'c'],
    );
    assert.equal((group.body as { call: { subject: string } }).call.subject, 'Sync');
    const connect = await t.edge(
      request('POST', '/api/tab/calls/connect', { token: 'token-adele', body: { first: 'a', second: 'b' } }),
    );
    assert.equal(connect.status, 201);
    const req = t.asked[1]?.args[0] as { to: Array<{ user: string }>; subject: string };
    assert.deepEqual(
      req.to.map((p) => p.user),
      ['a', 'b'],
    );
    assert.match(req.subject, /Adele Vance/);
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    const t = setup();
    for (const body of [
      {},
      { targets: [] },
      { targets: ['a', 'b', 'c', 'd', 'e', 'f'] },
      { targets: ['a', 'A'] },
    ]) {
      const res = await t.edge(request('POST', '/api/tab/calls', { token: 'token-adele', body }));
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match((res.body as Body).error!.message, /targets/);
    }
    assert.equal(t.asked.length, 0);
  });

  it('lists only the user’s own calls and hides other users’ calls', async () => {
    const t = setup();
    const placed = await t.edge(
      request('POST', '/api/tab/calls', { token: 'token-adele', body: { targets: ['x'] } }),
    );
    const id = (placed.body as { call: { id: string } }).call.id;
    const mine = await t.edge(request('GET', '/api/tab/calls', { token: 'token-adele' }));
    assert.deepEqual(
      (mine.body as { calls: Array<{ id: string }> }).calls.map((c) => c.id),
      [id],
    );
    const theirs = await t.edge(request('GET', '/api/tab/calls', { token: 'token-megan' }));
    assert.deepEqual((theirs.body as { calls: unknown[] }).calls, []);
    const peek = await t.edge(request('GET', `/api/tab/calls/${id}`, { token: 'token-megan' }));
    assert.equal(peek.status, 404);
    const hang = await t.edge(request('POST', `/api/tab/calls/${id}/hangup`, { token: 'token-megan' }));
    assert.equal(hang.status, 404);
    assert.ok(!t.asked.some((a) => a.op === 'hangUp'));
  });

  it('shows a call the user is a participant of, with the bot marked', async () => {
    const t = setup();
    const placed = await t.edge(
      request('POST', '/api/tab/calls', { token: 'token-megan', body: { targets: [ADELE.id] } }),
    );
    const id = (placed.body as { call: { id: string } }).call.id;
    const view = t.calls.get(id)!;
    t.calls.set(id, {
      ...view,
      origin: { surface: 'tab', requestedBy: { id: 'megan-0000', name: 'Megan Bowen' } },
      people: [participant('p1', ADELE.id, 'Adele Vance'), participant('p0', '', '', true)],
    });
    const res = await t.edge(request('GET', `/api/tab/calls/${id}`, { token: 'token-adele' }));
    assert.equal(res.status, 200);
    const parts = (
      res.body as { call: { participants: Array<{ id: string; isBot: boolean; userId?: string }> } }
    ).call.participants;
    assert.deepEqual(
      parts.map((p) => [p.id, p.isBot, p.userId]),
      [
        ['p1', false, ADELE.id],
        ['p0', true, undefined],
      ],
    );
  });

  it('drives the controls of the user’s call: invite, mute, remove, announce, hang up', async () => {
    const t = setup();
    const placed = await t.edge(
      request('POST', '/api/tab/calls', { token: 'token-adele', body: { targets: ['x'] } }),
    );
    const id = (placed.body as { call: { id: string } }).call.id;
    const tok = { token: 'token-adele' };
    const invite = await t.edge(
      request('POST', `/api/tab/calls/${id}/participants`, { ...tok, body: { targets: ['y'] } }),
    );
    assert.equal(invite.status, 202);
    assert.ok((invite.body as { operationId: string }).operationId);
    assert.equal(
      (await t.edge(request('POST', `/api/tab/calls/${id}/participants/p9/mute`, tok))).status,
      202,
    );
    assert.equal((await t.edge(request('DELETE', `/api/tab/calls/${id}/participants/p9`, tok))).status, 204);
    const bad = await t.edge(
      request('POST', `/api/tab/calls/${id}/announce`, { ...tok, body: { prompt: '../x.wav' } }),
    );
    assert.equal(bad.status, 400);
    const ok = await t.edge(
      request('POST', `/api/tab/calls/${id}/announce`, { ...tok, body: { prompt: 'please-hold.wav' } }),
    );
    assert.equal(ok.status, 202);
    assert.equal((await t.edge(request('POST', `/api/tab/calls/${id}/hangup`, tok))).status, 204);
    assert.deepEqual(
      t.asked
        .filter((a) => ['invite', 'mute', 'remove', 'playPrompt', 'hangUp'].includes(a.op))
        .map((a) => [a.op, ...a.args]),
      [
        ['invite', id, [{ user: 'y', tenantId: TENANT }]],
        ['mute', id, 'p9'],
        ['remove', id, 'p9'],
        ['playPrompt', id, 'please-hold.wav'],
        // The call's end will say who hung up.
        ['hangUp', id, { by: 'Adele Vance' }],
      ],
    );
  });

  it('answers 503 with a message when the deployment has no calling, and 405 for a wrong method', async () => {
    const api = createTabApi({ verify, logger: silentLogger });
    const res = await api.edge(
      request('POST', '/api/tab/calls', { token: 'token-adele', body: { targets: ['x'] } }),
    );
    assert.equal(res.status, 503);
    assert.match((res.body as Body).error!.message, /MicrosoftAppId/);
    assert.equal((await api.edge(request('DELETE', '/api/tab/me', { token: 'token-adele' }))).status, 405);
  });
});

describe('tab API: sign-in checks that cannot run', () => {
  it('answers 503 (and lets nobody in) when the authority keys cannot be loaded', async () => {
    const api = createTabApi({
      verify: async () => {
        throw new Error('GET https://login.example/t/discovery/v2.0/keys answered 500');
      },
      logger: silentLogger,
    });
    const res = await api.edge(request('GET', '/api/tab/me', { token: 'token-adele' }));
    assert.equal(res.status, 503);
    assert.match((res.body as Body).error!.message, /Try again/);
  });
});

describe('tab API: call history route', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-tab-history-'));
  let store: Store | undefined;
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('charts the call records the user organized or took part in, per day, and refuses a bad range', async () => {
    store = await openStore({ sqlitePath: path.join(dir, 'history.db') });
    const records = createCallRecordSummaries(store);
    const at = (iso: string) => Date.parse(iso);
    const rec = (id: string, start: string, minutes: number, who: Partial<CallRecordSummary>) => ({
      id,
      version: 1,
      type: 'peerToPeer',
      modalities: ['audio'],
      startAt: at(start),
      endAt: at(start) + minutes * 60_000,
      organizerId: null,
      participantIds: [],
      ...who,
    });
    await records.put(rec('r1', '2026-11-20T09:00:00Z', 10, { participantIds: [ADELE.id, MEGAN.id] }), 1);
    await records.put(rec('r2', '2026-11-19T23:30:00Z', 2, { organizerId: ADELE.id }), 1);
    await records.put(rec('r3', '2026-11-18T10:00:00Z', 60, { participantIds: [ADELE.id] }), 1);
    await records.put(rec('r4', '2026-11-20T10:00:00Z', 5, { participantIds: [MEGAN.id] }), 1);
    const api = createTabApi({
      verify,
      logger: silentLogger,
      records,
      now: () => Date.parse('2026-11-20T12:00:00Z'),
    });
    const mine = await api.edge(request('GET', '/api/tab/history?days=2', { token: 'token-adele' }));
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body, {
      days: [
        { date: '2026-11-19', calls: 1, totalSeconds: 120 },
        { date: '2026-11-20', calls: 1, totalSeconds: 600 },
      ],
      totals: { calls: 2, totalSeconds: 720, averageSeconds: 360 },
    });
    const theirs = await api.edge(request('GET', '/api/tab/history?days=2', { token: 'token-megan' }));
    assert.deepEqual((theirs.body as { totals: unknown }).totals, {
      calls: 2,
      totalSeconds: 900,
      averageSeconds: 450,
    });
    for (const days of ['0', '91', 'x'])
      assert.equal(
        (await api.edge(request('GET', `/api/tab/history?days=${days}`, { token: 'token-adele' }))).status,
        400,
      );
  });

  it('answers 503 when the deployment keeps no call records', async () => {
    const api = createTabApi({ verify, logger: silentLogger });
    const res = await api.edge(request('GET', '/api/tab/history', { token: 'token-adele' }));
    assert.equal(res.status, 503);
  });
});
