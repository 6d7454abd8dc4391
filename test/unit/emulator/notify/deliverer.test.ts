import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };
import { Deliverer } from '../../../../emulator/notify';
import type { DeliveryEvent, DeliveryOptions } from '../../../../emulator/notify';
import { closedPort, Receiver, selfSignedCert } from './receiver';

const ISSUER = 'https://graph.microsoft.com';
// jose is ESM-only; import() keeps this CommonJS test free of require(esm).
type Jose = typeof JoseModule;

describe('emulator/notify Deliverer', () => {
  let jose: Jose;
  let keys: Awaited<ReturnType<Jose['generateKeyPair']>>;
  let receiver: Receiver;
  let deliverer: Deliverer | undefined;
  let events: DeliveryEvent[];
  const meta = (callId = 'call-a') => ({ aud: 'app-1', tid: 'tenant-1', callId });

  before(async () => {
    jose = await import('jose');
    keys = await jose.generateKeyPair('RS256');
  });
  beforeEach(async () => {
    receiver = await new Receiver().listen();
    events = [];
  });
  afterEach(async () => {
    deliverer?.stop();
    deliverer = undefined;
    await receiver.close();
  });

  function make(opts: Partial<DeliveryOptions> = {}): Deliverer {
    deliverer = new Deliverer({
      sign: (aud, tid) =>
        new jose.SignJWT({ tid })
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setIssuer(ISSUER)
          .setAudience(aud)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(keys.privateKey),
      retryDelaysMs: [30, 60, 120],
      onEvent: (e) => events.push(e),
      ...opts,
    });
    return deliverer;
  }

  it('POSTs JSON with a bearer token that verifies with the signing key', async () => {
    const d = make();
    const body = { value: [{ id: randomUUID() }] };
    const r = await d.deliver(receiver.url(), body, meta());
    assert.deepEqual(r, { outcome: 'delivered', ok: true, status: 202, attempts: 1 });
    const [got] = receiver.got;
    assert.deepEqual(got?.body, body);
    assert.equal(got?.contentType, 'application/json');
    const token = /^Bearer (.+)$/.exec(got?.authorization ?? '')?.[1] ?? '';
    const { payload } = await jose.jwtVerify(token, keys.publicKey, { issuer: ISSUER, audience: 'app-1' });
    assert.equal(payload.tid, 'tenant-1');
    const other = await jose.generateKeyPair('RS256');
    await assert.rejects(jose.jwtVerify(token, other.publicKey), /signature/);
    assert.deepEqual(
      events.map((e) => e.type),
      ['sent', 'status', 'delivered'],
    );
  });

  it('names the notification (seq) on each event, and reports it sent once its token is signed', async () => {
    let signedAt = 0;
    const d = make({
      sign: async () => {
        await new Promise((r) => setTimeout(r, 60));
        signedAt = Date.now();
        return 'token';
      },
      now: Date.now,
    });
    await d.deliver(receiver.url(), { seq: 1 }, { ...meta(), seq: 41 });
    assert.deepEqual(
      events.map((e) => [e.type, e.seq]),
      [
        ['sent', 41],
        ['status', 41],
        ['delivered', 41],
      ],
    );
    assert.ok(events[0]!.at >= signedAt, `sent at ${events[0]!.at}, signed at ${signedAt}`);
  });

  it('keeps a call in order while one of its notifications is retried, without blocking other calls', async () => {
    const d = make({ retryDelaysMs: [150] });
    let failedOnce = false;
    receiver.answer = (r) => {
      if (r.body.seq !== 1 || failedOnce) return { status: 200 };
      failedOnce = true;
      return { status: 503 };
    };
    const all = [1, 2, 3, 4].map((seq) => d.deliver(receiver.url(), { seq, call: 'a' }, meta('a')));
    await new Promise((r) => setTimeout(r, 20));
    const other = d.deliver(receiver.url(), { seq: 'b1', call: 'b' }, meta('b'));
    await Promise.all([...all, other]);
    const forA = receiver.got.filter((g) => g.body.call === 'a').map((g) => g.body.seq);
    assert.deepEqual(forA, [1, 1, 2, 3, 4]);
    const b = receiver.got.find((g) => g.body.call === 'b')!;
    const retryOfA = receiver.got.filter((g) => g.body.seq === 1)[1]!;
    assert.ok(b.at < retryOfA.at, 'call b went out during call a backoff');
  });

  it('backs off between retries after 503s, with the configured delays', async () => {
    const d = make({ retryDelaysMs: [40, 80, 160] });
    receiver.answer = (_r, i) => ({ status: i < 3 ? 503 : 200 });
    const r = await d.deliver(receiver.url(), { seq: 1 }, meta());
    assert.equal(r.outcome, 'delivered');
    assert.equal(r.attempts, 4);
    const gaps = receiver.got.slice(1).map((g, i) => g.at - receiver.got[i]!.at);
    [40, 80, 160].forEach((want, i) =>
      assert.ok(gaps[i]! >= want - 5, `gap ${i} was ${gaps[i]} ms, ${want} wanted`),
    );
    assert.deepEqual(
      events.filter((e) => e.type === 'retried').map((e) => e.delayMs),
      [40, 80, 160],
    );
  });

  it('retries after a refused connection until the endpoint comes up', async () => {
    const port = await closedPort();
    const late = new Receiver();
    const d = make({
      retryDelaysMs: [100, 100, 100, 100],
      onEvent: (e) => {
        events.push(e);
        if (e.type === 'error' && e.attempt === 1) void late.listen(port);
      },
    });
    try {
      const r = await d.deliver(`http://127.0.0.1:${port}/api/calls`, { seq: 1 }, meta());
      assert.equal(r.outcome, 'delivered');
      assert.ok(r.attempts >= 2);
      assert.match(events.find((e) => e.type === 'error')?.error ?? '', /ECONNREFUSED/);
      assert.deepEqual(late.seqs(), [1]);
    } finally {
      await late.close().catch(() => undefined);
    }
  });

  it('honours Retry-After on 429 instead of its own delay', async () => {
    const d = make({ retryDelaysMs: [10] });
    receiver.answer = (_r, i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 };
    const r = await d.deliver(receiver.url(), { seq: 1 }, meta());
    assert.equal(r.outcome, 'delivered');
    const gap = receiver.got[1]!.at - receiver.got[0]!.at;
    assert.ok(gap >= 990, `retried after ${gap} ms`);
    assert.equal(events.find((e) => e.type === 'retried')?.delayMs, 1000);
  });

  it('gives up at once on a 4xx and goes on with the next notification', async () => {
    const d = make();
    receiver.answer = (r) => ({ status: r.body.seq === 1 ? 403 : 200 });
    const [first, second] = await Promise.all([
      d.deliver(receiver.url(), { seq: 1 }, meta()),
      d.deliver(receiver.url(), { seq: 2 }, meta()),
    ]);
    assert.deepEqual(first, { outcome: 'gave-up', ok: false, status: 403, attempts: 1 });
    assert.equal(second.outcome, 'delivered');
    assert.deepEqual(receiver.seqs(), [1, 2]);
    assert.ok(events.some((e) => e.type === 'gave-up' && e.status === 403));
  });

  it('gives up after the last delay when the endpoint keeps failing', async () => {
    const d = make({ retryDelaysMs: [10, 10] });
    receiver.answer = () => ({ status: 500 });
    const r = await d.deliver(receiver.url(), { seq: 1 }, meta());
    assert.deepEqual(r, { outcome: 'gave-up', ok: false, status: 500, attempts: 3 });
    assert.equal(receiver.got.length, 3);
  });

  it('resolves idle() once every queue is empty, and stop() settles what is left', async () => {
    const d = make({ retryDelaysMs: [5000] });
    receiver.answer = (r) => ({ status: r.body.seq === 'stuck' ? 503 : 200 });
    void d.deliver(receiver.url(), { seq: 1 }, meta('x'));
    void d.deliver(receiver.url(), { seq: 2 }, meta('y'));
    await d.idle();
    assert.equal(receiver.got.length, 2);
    const stuck = d.deliver(receiver.url(), { seq: 'stuck' }, meta('z'));
    const behind = d.deliver(receiver.url(), { seq: 'behind' }, meta('z'));
    let idle = false;
    void d.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(idle, false);
    d.stop();
    assert.equal((await stuck).outcome, 'stopped');
    assert.equal((await behind).outcome, 'stopped');
    await d.idle();
    assert.equal((await d.deliver(receiver.url(), { seq: 3 }, meta())).outcome, 'stopped');
    // 1 and 2 went to two calls' queues, which deliver side by side: either may arrive first.
    const seqs = receiver.seqs();
    assert.deepEqual([...seqs.slice(0, 2)].sort(), [1, 2]);
    assert.deepEqual(seqs.slice(2), ['stuck'], 'nothing after the stuck one, and nothing once stopped');
  });

  it('counts an unanswered POST as a network failure and retries it', async () => {
    const d = make({ requestTimeoutMs: 150, retryDelaysMs: [10] });
    receiver.answer = (_r, i) => ({ status: i === 0 ? 0 : 200 });
    const r = await d.deliver(receiver.url(), { seq: 1 }, meta());
    assert.equal(r.outcome, 'delivered');
    assert.equal(r.attempts, 2);
    assert.match(events.find((e) => e.type === 'error')?.error ?? '', /no answer within 150 ms/);
  });

  it('stop() cuts an in-flight POST short', async () => {
    const d = make({ requestTimeoutMs: 10_000 });
    receiver.answer = () => ({ status: 0 });
    const pending = d.deliver(receiver.url(), { seq: 1 }, meta());
    while (receiver.got.length === 0) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    d.stop();
    const r = await pending;
    assert.equal(r.outcome, 'stopped');
    assert.ok(Date.now() - started < 1000);
    assert.ok(events.some((e) => e.type === 'stopped'));
  });

  it('delivers over https when trusting the extra CA, and not otherwise', async function () {
    const cert = selfSignedCert();
    if (!cert) {
      this.test!.title += ' [skipped: openssl is not available to make a test certificate]';
      this.skip();
    }
    const secure = await new Receiver(cert).listen();
    try {
      const trusting = make({ ca: cert.cert });
      assert.equal((await trusting.deliver(secure.url(), { seq: 1 }, meta())).outcome, 'delivered');
      trusting.stop();
      const wary = make({ retryDelaysMs: [] });
      const r = await wary.deliver(secure.url(), { seq: 2 }, meta());
      assert.equal(r.outcome, 'gave-up');
      assert.match(r.error ?? '', /self.signed|certificate/i);
      assert.deepEqual(secure.seqs(), [1]);
    } finally {
      await secure.close();
    }
  });

  it('a fault inside delivery settles its queue as given up with the error, logs it, and the next one goes out', async () => {
    const logged: Array<{ msg: string; err: unknown }> = [];
    let broken = true;
    const d = make({
      onEvent: (e) => {
        if (broken && e.type === 'sent') throw new Error('timeline is broken');
        events.push(e);
      },
      log: (msg, err) => logged.push({ msg, err }),
    });
    const first = d.deliver(receiver.url(), { seq: 1 }, meta());
    const second = d.deliver(receiver.url(), { seq: 2 }, meta());
    const [a, b] = await Promise.all([first, second]);
    for (const r of [a, b]) {
      assert.equal(r.outcome, 'gave-up');
      assert.equal(r.ok, false);
      assert.match(r.error ?? '', /timeline is broken/);
    }
    assert.equal(logged.length, 1);
    assert.match(logged[0]?.msg ?? '', /call-a/);
    assert.match(String(logged[0]?.err), /timeline is broken/);
    await d.idle();
    broken = false;
    const third = await d.deliver(receiver.url(), { seq: 3 }, meta());
    assert.equal(third.outcome, 'delivered');
  });
});
