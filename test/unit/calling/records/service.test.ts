// The call-record service over a real SQLite store and the real Graph client with a fake fetch:
// notifications become fetch jobs and stored summaries (newer version wins, older ones are kept out),
// a forged clientState schedules nothing, 429 is waited out and a record Graph never finds is given up;
// the subscription is created with its secret, renewed before expiry and made again when Graph lost it;
// the reconcile fetches only records that are new or newer.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { fakeFetch, type FakeAnswer, type SentRequest } from '../../../helpers/fake-fetch';
import { createCallRecords, RECORDS_KV, type CallRecordsService } from '../../../../calling';
import type { TokenProvider } from '../../../../calling/graph/app-token';
import { createGraphClient } from '../../../../calling/graph/graph-client';
import { RENEW_LEAD_MS } from '../../../../calling/records';
import { createCallRecordSummaries, openStore, type Store } from '../../../../store';

const BASE = 'https://graph.example.test/v1.0';
const URL_OK = 'https://app.example/api/notifications';
const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const SUB = { id: 'sub-0', clientState: 'the-secret', notificationUrl: URL_OK, expiresAt: 0 };

function json(status: number, body?: unknown, headers: Record<string, string> = {}): FakeAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

const record = (id: string, version: number, people: string[]) => ({
  id,
  version,
  type: 'peerToPeer',
  modalities: ['audio'],
  startDateTime: '2026-11-20T10:00:00Z',
  endDateTime: '2026-11-20T10:05:00Z',
  organizer_v2: { id: 'app', identity: { application: { id: 'app' } } },
  participants_v2: people.map((p) => ({ id: p, identity: { user: { id: p } } })),
});

const notice = (id: string, clientState = SUB.clientState, subscriptionId = SUB.id) => ({
  value: [
    {
      subscriptionId,
      clientState,
      changeType: 'updated',
      resource: `communications/callRecords/${id}`,
      resourceData: { '@odata.type': '#Microsoft.Graph.callRecord', id },
    },
  ],
});

describe('calling records: the service', function () {
  this.timeout(20_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-records-'));
  let store: Store;
  let n = 0;
  let now = Date.parse('2026-11-20T12:00:00Z');
  let sent: SentRequest[];
  let waits: number[];
  let reply: (req: SentRequest) => FakeAnswer;
  let service: CallRecordsService | undefined;

  function build(notificationUrl: string | null = URL_OK): CallRecordsService {
    const tokens: TokenProvider = {
      appToken: () => Promise.resolve('app-token'),
      onBehalfOf: () => Promise.reject(new Error('call records are app-only')),
    };
    const graph = createGraphClient({
      baseUrl: BASE,
      tokens,
      logger: pino({ level: 'silent' }),
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
      fetch: fakeFetch((req) => (sent.push(req), reply(req))).fetch,
    });
    service = createCallRecords({
      store,
      graph,
      logger: pino({ level: 'silent' }),
      now: () => now,
      pollMs: 60_000,
      ...(notificationUrl ? { notificationUrl } : {}),
    });
    return service;
  }

  beforeEach(async () => {
    store = await openStore({ sqlitePath: path.join(dir, `s${n++}.db`) });
    sent = [];
    waits = [];
    reply = () => json(404, { error: { code: 'NotFound', message: 'nothing here' } });
  });
  afterEach(async () => {
    await service?.stop();
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores the record a notification names; an older version never replaces a newer one', async () => {
    const s = build();
    await store.kv.put(RECORDS_KV, 'subscription', SUB);
    let version = 3;
    let people = [ADELE];
    reply = (req) =>
      /\/communications\/callRecords\/r-1\?\$expand=participants_v2$/.test(req.url)
        ? json(200, record('R-1', version, people))
        : json(404, {});

    assert.equal(await s.accept(notice('R-1')), 1);
    assert.equal(await s.tick(), 1);
    const records = createCallRecordSummaries(store);
    assert.deepEqual((await records.get('r-1'))?.participantIds, [ADELE]);
    assert.equal(sent[0]?.headers['authorization'], 'Bearer app-token');

    version = 2;
    people = [ALEX];
    await s.accept(notice('r-1'));
    await s.tick();
    assert.equal((await records.get('r-1'))?.version, 3, 'the older version was kept out');

    version = 4;
    await s.accept(notice('r-1'));
    await s.tick();
    assert.deepEqual(await records.get('r-1').then((r) => [r?.version, r?.participantIds]), [4, [ALEX]]);
    assert.equal(sent.length, 3);
  });

  it('schedules nothing for a forged clientState or another subscription', async () => {
    const s = build();
    await store.kv.put(RECORDS_KV, 'subscription', SUB);
    assert.equal(await s.accept(notice('r-2', 'guess')), 0);
    assert.equal(await s.accept(notice('r-2', SUB.clientState, 'sub-other')), 0);
    assert.equal((await store.jobs.list({ kind: 'calling.records.fetch' })).length, 0);
    assert.equal(await s.tick(), 0);
    assert.equal(sent.length, 0);
  });

  it('waits out a 429 (Retry-After) and gives up on a record Graph keeps answering 404 for', async () => {
    const s = build();
    await store.kv.put(RECORDS_KV, 'subscription', SUB);
    const replies = [json(429, {}, { 'retry-after': '2' }), json(200, record('r-3', 1, [ADELE]))];
    reply = () => replies.shift() ?? json(404, { error: { code: 'NotFound', message: 'no' } });
    await s.accept(notice('r-3'));
    await s.tick();
    assert.deepEqual(waits, [2000]);
    assert.equal((await createCallRecordSummaries(store).get('r-3'))?.version, 1);

    await s.accept(notice('r-gone'));
    for (let i = 0; i < 5; i++) {
      assert.equal(await s.tick(), 1, `try ${i + 1}`);
      now += 31 * 60_000;
    }
    assert.equal((await store.jobs.list({ kind: 'calling.records.fetch' })).length, 0, 'given up');
    assert.equal(await createCallRecordSummaries(store).get('r-gone'), undefined);
  });

  it('creates the subscription with a secret, renews it before expiry, and makes a new one Graph lost', async () => {
    let made = 0;
    reply = (req) => {
      if (req.method === 'POST' && req.url.endsWith('/subscriptions'))
        return json(201, {
          id: `sub-${++made}`,
          expirationDateTime: new Date(now + 4200 * 60_000).toISOString(),
        });
      if (req.method === 'PATCH') return json(404, { error: { code: 'ResourceNotFound', message: 'gone' } });
      if (req.url.includes('/communications/callRecords?')) return json(200, { value: [] });
      return json(404, {});
    };
    const s = build();
    await s.start();
    await s.stop();
    await s.tick();
    const state = (await store.kv.get<typeof SUB>(RECORDS_KV, 'subscription'))?.value;
    assert.equal(state?.id, 'sub-1');
    const post = sent.find((r) => r.method === 'POST');
    const body = JSON.parse(String(post?.body));
    assert.equal(body.resource, '/communications/callRecords');
    assert.equal(body.changeType, 'created,updated');
    assert.equal(body.notificationUrl, URL_OK);
    assert.equal(body.clientState, state?.clientState);
    assert.ok(body.clientState.length >= 32 && body.clientState.length <= 128);
    assert.ok(Date.parse(body.expirationDateTime) - now <= 4230 * 60_000);
    const [renewal] = await store.jobs.list({ kind: 'calling.records.subscription' });
    assert.equal(renewal?.dueAt, (state?.expiresAt ?? 0) - RENEW_LEAD_MS);

    now = (renewal?.dueAt ?? 0) + 1;
    assert.equal(await s.tick(), 1);
    assert.ok(sent.some((r) => r.method === 'PATCH' && r.url.endsWith('/subscriptions/sub-1')));
    const again = (await store.kv.get<typeof SUB>(RECORDS_KV, 'subscription'))?.value;
    assert.equal(again?.id, 'sub-2');
    assert.notEqual(again?.clientState, state?.clientState);
  });

  it('reconciles by listing recent records and fetching only new or newer ones', async () => {
    const records = createCallRecordSummaries(store);
    const summary = {
      type: 'peerToPeer',
      modalities: ['audio'],
      startAt: now,
      endAt: now,
      organizerId: null,
      participantIds: [],
    };
    await records.put({ id: 'known', version: 2, ...summary }, now);
    await records.put({ id: 'stale', version: 1, ...summary }, now);
    reply = (req) => {
      if (req.url.includes('/communications/callRecords?')) {
        const filter = new URL(req.url).searchParams.get('$filter') ?? '';
        assert.match(filter, /^startDateTime ge \d{4}-\d\d-\d\dT/);
        return json(200, {
          value: [
            { id: 'known', version: 2 },
            { id: 'stale', version: 5 },
            { id: 'new', version: 1 },
          ],
        });
      }
      const id = /callRecords\/([^?]+)/.exec(req.url)?.[1] ?? '';
      return json(200, record(id, id === 'stale' ? 5 : 1, [ADELE]));
    };
    const s = build(null);
    await s.start();
    await s.stop();
    await s.tick();
    const fetched = sent
      .filter((r) => /callRecords\/[^?]+\?/.test(r.url))
      .map((r) => /callRecords\/([^?]+)/.exec(r.url)?.[1]);
    assert.deepEqual(fetched.sort(), ['new', 'stale']);
    assert.equal((await records.get('stale'))?.version, 5);
    assert.ok(await records.get('new'));
    assert.equal(sent.filter((r) => r.url.endsWith('/subscriptions')).length, 0, 'no URL, no subscription');
  });
});
