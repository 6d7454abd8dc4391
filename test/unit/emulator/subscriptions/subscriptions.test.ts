// Subscriptions in-process: resources and change types, lifetimes, date formats, the handshake and the
// delivery queue against a loopback endpoint, and the service's lifecycle notices on a fake clock.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClock } from '../../../../emulator/clock';
import { GraphError } from '../../../../emulator/http';
import {
  NotificationQueues,
  RULES,
  SubscriptionService,
  checkExpiration,
  graphDate,
  notificationDate,
  parseChangeTypes,
  parseResource,
  validateEndpoint,
  validationUrl,
} from '../../../../emulator/subscriptions';
import type { DeliveryStep, NewSubscription } from '../../../../emulator/subscriptions';

const MINUTE = 60_000;
const status400 = (e: unknown) => e instanceof GraphError && e.status === 400;

describe('emulator subscriptions: rules', () => {
  it('reads call-record and presence resources', () => {
    assert.deepEqual(parseResource('/communications/callRecords'), { kind: 'callRecords' });
    assert.deepEqual(parseResource('communications/callRecords/'), { kind: 'callRecords' });
    const filtered = parseResource("/communications/callRecords?$filter=participants/any(p:p/id eq 'u1')");
    assert.equal(filtered.kind, 'callRecords');
    assert.ok(filtered.kind === 'callRecords' && filtered.filter);
    assert.deepEqual(parseResource('/communications/presences/u1'), { kind: 'presence', userIds: ['u1'] });
    assert.deepEqual(parseResource("/communications/presences?$filter=id in ('u1','u2')"), {
      kind: 'presence',
      userIds: ['u1', 'u2'],
    });
  });

  it('refuses other resources and filters', () => {
    assert.throws(() => parseResource('/me/messages'), status400);
    assert.throws(() => parseResource("/communications/callRecords?$filter=type eq 'groupCall'"), status400);
    assert.throws(() => parseResource('/communications/presences'), status400);
    const many = Array.from({ length: 651 }, (_, i) => `'u${i}'`).join(',');
    assert.throws(() => parseResource(`/communications/presences?$filter=id in (${many})`), /at most 650/);
  });

  it('checks change types per resource', () => {
    assert.deepEqual(parseChangeTypes('created,updated', 'r', RULES.callRecords), ['created', 'updated']);
    assert.throws(() => parseChangeTypes('created', 'r', RULES.presence), /'created' is not supported/);
    assert.throws(() => parseChangeTypes('deleted', 'r', RULES.callRecords), status400);
  });

  it('enforces the future and the maximum lifetime with Graph’s ExtensionError', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    const at = (m: number) => new Date(now + m * MINUTE).toISOString();
    assert.equal(checkExpiration(at(4230), now, 4230), now + 4230 * MINUTE);
    assert.throws(
      () => checkExpiration(at(4231), now, 4230),
      (e: unknown) =>
        e instanceof GraphError && e.code === 'ExtensionError' && /4230 minutes/.test(e.message),
    );
    assert.throws(() => checkExpiration(at(0), now, 60), status400);
  });

  it('writes dates as Graph does', () => {
    const t = Date.parse('2030-01-03T10:00:00.123Z');
    assert.equal(graphDate(t), '2030-01-03T10:00:00.1230000Z');
    assert.equal(notificationDate(t), '2030-01-03T10:00:00.1230000+00:00');
  });

  it('keeps the endpoint’s query string and adds the token', () => {
    const url = new URL(validationUrl('https://x.example/n?a=1', 'Validation: a b'));
    assert.equal(url.searchParams.get('a'), '1');
    assert.equal(url.searchParams.get('validationToken'), 'Validation: a b');
  });
});

describe('emulator subscriptions: handshake and delivery', () => {
  let server: http.Server;
  let base: string;
  const answers: number[] = [];
  const seen: string[] = [];
  let echo: (token: string) => string = (t) => t;

  before(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const token = url.searchParams.get('validationToken');
      req.resume();
      req.on('end', () => {
        if (token !== null) {
          res.writeHead(200, { 'content-type': 'text/plain' });
          return void res.end(echo(token));
        }
        seen.push(url.pathname);
        res.writeHead(answers.shift() ?? 202);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('passes an exact echo and fails anything else', async () => {
    echo = (t) => t;
    await validateEndpoint(`${base}/ok`);
    echo = (t) => encodeURIComponent(t);
    await assert.rejects(validateEndpoint(`${base}/encoded`), /must exactly match/);
    await assert.rejects(
      validateEndpoint('http://127.0.0.1:9/closed', { timeoutMs: 2000 }),
      /must respond with 200 OK/,
    );
    echo = (t) => t;
  });

  it('retries 5xx, gives up on other 4xx, and drops what is no longer wanted', async () => {
    const queues = new NotificationQueues({ retryDelaysMs: [10, 10] });
    const steps: DeliveryStep[] = [];
    const done = (n: number) =>
      new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (steps.filter((s) => s.outcome !== 'retrying').length >= n) {
            clearInterval(t);
            resolve();
          }
        }, 5);
      });
    answers.push(503, 202);
    queues.send(
      'k',
      `${base}/retry`,
      { value: [] },
      () => true,
      (s) => steps.push(s),
    );
    await done(1);
    assert.deepEqual(
      steps.map((s) => [s.outcome, s.status]),
      [
        ['retrying', 503],
        ['delivered', 202],
      ],
    );
    answers.push(400);
    queues.send(
      'k',
      `${base}/bad`,
      { value: [] },
      () => true,
      (s) => steps.push(s),
    );
    queues.send(
      'k',
      `${base}/gone`,
      { value: [] },
      () => false,
      (s) => steps.push(s),
    );
    await done(3);
    assert.deepEqual(
      steps.slice(2).map((s) => s.outcome),
      ['gave-up', 'dropped'],
    );
    assert.ok(!seen.includes('/gone'));
    queues.stop();
  });

  it('a fault inside a queue reports that notification as given up, logs it, and the queue goes on', async () => {
    const logged: Array<{ msg: string; err: unknown }> = [];
    const queues = new NotificationQueues({ log: (msg, err) => logged.push({ msg, err }) });
    const steps: Array<[string, DeliveryStep]> = [];
    const settled = new Promise<void>((resolve) => {
      const report = (name: string) => (s: DeliveryStep) => {
        steps.push([name, s]);
        if (name === 'after' && s.outcome !== 'retrying') resolve();
      };
      queues.send(
        'faulty',
        `${base}/faulty`,
        { value: [] },
        () => {
          throw new Error('subscription record is corrupt');
        },
        report('faulty'),
      );
      queues.send('faulty', `${base}/after`, { value: [] }, () => true, report('after'));
    });
    await settled;
    assert.deepEqual(
      steps.map(([name, s]) => [name, s.outcome]),
      [
        ['faulty', 'gave-up'],
        ['after', 'delivered'],
      ],
    );
    assert.match(steps[0]?.[1].error ?? '', /subscription record is corrupt/);
    assert.equal(logged.length, 1);
    assert.match(String(logged[0]?.err), /subscription record is corrupt/);
    assert.ok(seen.includes('/after'));
    queues.stop();
  });
});

describe('emulator subscriptions: lifecycle on the emulator clock', () => {
  const clock = createClock(() => 10_000_000);
  afterEach(() => clock.reset());

  function service() {
    const sent: { url: string; body: { value: Record<string, unknown>[] } }[] = [];
    const queues = {
      send: (_k: string, url: string, body: object, alive: () => boolean) => {
        if (alive()) sent.push({ url, body: body as { value: Record<string, unknown>[] } });
      },
    } as unknown as NotificationQueues;
    return { svc: new SubscriptionService({ clock, queues }), sent };
  }
  const init = (minutes: number, extra: Partial<NewSubscription> = {}): NewSubscription => ({
    resource: '/communications/presences/u1',
    parsed: { kind: 'presence', userIds: ['u1'] },
    changeTypes: ['updated'],
    notificationUrl: 'https://n.example/n',
    lifecycleNotificationUrl: 'https://n.example/l',
    clientState: 'cs',
    expiresAt: clock.now() + minutes * MINUTE,
    applicationId: 'app',
    creatorId: 'sp',
    tenantId: 't',
    latestSupportedTlsVersion: 'v1_2',
    ...extra,
  });
  const events = (sent: { url: string; body: { value: Record<string, unknown>[] } }[]) =>
    sent.map((s) => s.body.value[0]?.lifecycleEvent ?? s.body.value[0]?.changeType);

  it('warns ten minutes before expiry, then removes the subscription and says so', () => {
    const { svc, sent } = service();
    const sub = svc.add(init(60));
    clock.advance(49 * MINUTE);
    assert.deepEqual(events(sent), []);
    clock.advance(MINUTE);
    assert.deepEqual(events(sent), ['reauthorizationRequired']);
    svc.presenceChanged('U1');
    clock.advance(10 * MINUTE);
    assert.deepEqual(events(sent), ['reauthorizationRequired', 'updated', 'subscriptionRemoved']);
    assert.equal(svc.get(sub.id), undefined);
    svc.presenceChanged('u1');
    assert.equal(sent.length, 3);
    assert.equal(sent[2]?.url, 'https://n.example/l');
    assert.equal(sent[2]?.body.value[0]?.clientState, 'cs');
  });

  it('starts the timers again on renewal and stays silent without a lifecycle URL', () => {
    const { svc, sent } = service();
    const sub = svc.add(init(30, { lifecycleNotificationUrl: undefined }));
    clock.advance(25 * MINUTE);
    svc.renew(sub, { expiresAt: clock.now() + 30 * MINUTE });
    clock.advance(25 * MINUTE);
    assert.ok(svc.get(sub.id));
    clock.advance(5 * MINUTE);
    assert.equal(svc.get(sub.id), undefined);
    assert.deepEqual(sent, []);
  });

  it('sends a lifecycle notice when told: subscriptionRemoved removes the subscription, missed keeps it', () => {
    const { svc, sent } = service();
    const sub = svc.add(init(60));
    svc.tell(sub, 'missed');
    assert.ok(svc.get(sub.id), 'missed leaves the subscription in place');
    svc.tell(sub, 'subscriptionRemoved');
    assert.equal(svc.get(sub.id), undefined);
    svc.presenceChanged('u1');
    assert.deepEqual(events(sent), ['missed', 'subscriptionRemoved']);
    assert.deepEqual(Object.keys(sent[1]?.body.value[0] ?? {}).sort(), [
      'clientState',
      'lifecycleEvent',
      'subscriptionExpirationDateTime',
      'subscriptionId',
      'tenantId',
    ]);
    assert.equal(sent[1]?.url, 'https://n.example/l');
    clock.advance(60 * MINUTE);
    assert.equal(sent.length, 2, 'a removed subscription’s timers are gone');
  });

  it('filters call records by participant', () => {
    const { svc, sent } = service();
    svc.add(
      init(60, {
        resource: 'r',
        parsed: parseResource("/communications/callRecords?$filter=participants/any(p:p/id eq 'u2')"),
        changeTypes: ['created'],
      }),
    );
    svc.recordCreated({ id: 'r1', participants: [{ user: { id: 'u1' } }] });
    svc.recordCreated({ id: 'r2', participants: [{ user: { id: 'U2' } }, { application: { id: 'app' } }] });
    assert.deepEqual(
      sent.map((s) => (s.body.value[0]?.resourceData as { id: string }).id),
      ['r2'],
    );
  });
});
