import assert from 'node:assert/strict';
import { backoffMs, decideRetry, isIdempotent } from '../../../../calling/graph/retry-policy';
import type { AttemptOutcome } from '../../../../calling/graph/retry-policy';

const status = (s: number): AttemptOutcome => ({ kind: 'status', status: s });
const notSent: AttemptOutcome = { kind: 'network', maybeSent: false, certificate: false };
const lostAfterSend: AttemptOutcome = { kind: 'network', maybeSent: true, certificate: false };
const badCert: AttemptOutcome = { kind: 'network', maybeSent: false, certificate: true };

// method, path, outcome → retry?  (the "unsafe" column: the request may have acted and must not repeat)
const TABLE: ReadonlyArray<[string, string, AttemptOutcome, boolean, boolean]> = [
  ['GET', '/communications/calls/c1', status(429), true, false],
  ['POST', '/communications/calls', status(429), true, false],
  ['POST', '/communications/calls/c1/playPrompt', status(503), true, false],
  ['DELETE', '/communications/calls/c1', status(503), true, false],
  ['GET', '/communications/calls/c1', status(504), true, false],
  ['DELETE', '/communications/calls/c1', status(504), true, false],
  ['POST', '/communications/calls/c1/keepAlive', status(504), true, false],
  ['POST', '/communications/calls', status(504), false, true],
  ['POST', '/communications/calls/c1/transfer', status(504), false, true],
  ['PATCH', '/subscriptions/s1', status(504), false, true],
  ['POST', '/communications/calls', notSent, true, false],
  ['POST', '/communications/calls', lostAfterSend, false, true],
  ['GET', '/users/u1/presence', lostAfterSend, true, false],
  ['POST', '/communications/calls/c1/keepAlive', lostAfterSend, true, false],
  ['GET', '/communications/calls/c1', badCert, false, false],
  ['GET', '/communications/calls/c1', status(500), false, false],
  ['GET', '/communications/calls/c1', status(502), false, false],
  ['POST', '/communications/calls', status(400), false, false],
  ['GET', '/communications/calls/c1', status(404), false, false],
  ['POST', '/communications/calls/c1/answer', status(403), false, false],
];

describe('retry policy', () => {
  for (const [method, path, outcome, retry, unsafe] of TABLE) {
    const what =
      outcome.kind === 'status'
        ? String(outcome.status)
        : outcome.certificate
          ? 'bad certificate'
          : outcome.maybeSent
            ? 'lost after send'
            : 'not sent';
    it(`${method} ${path} + ${what} → ${retry ? 'retry' : unsafe ? 'stop: outcome unknown' : 'stop'}`, () => {
      const d = decideRetry(method, path, outcome);
      assert.equal(d.retry, retry);
      assert.equal(d.unsafe === true, unsafe);
    });
  }

  it('lets a request declare itself idempotent (a read sent as POST)', () => {
    assert.equal(decideRetry('POST', '/communications/getPresencesByUserId', status(504)).retry, false);
    assert.equal(decideRetry('POST', '/communications/getPresencesByUserId', status(504), true).retry, true);
    assert.equal(decideRetry('GET', '/x', lostAfterSend, false).retry, false);
  });

  it('knows which requests are idempotent', () => {
    assert.ok(isIdempotent('get', '/a'));
    assert.ok(isIdempotent('DELETE', '/communications/calls/c1'));
    assert.ok(isIdempotent('POST', '/communications/calls/c1/keepAlive'));
    assert.ok(isIdempotent('POST', '/communications/calls/c1/keepalive?x=1'));
    assert.ok(!isIdempotent('POST', '/communications/calls/keepAliveNot/playPrompt'));
    assert.ok(!isIdempotent('POST', '/communications/calls'));
    assert.ok(!isIdempotent('PATCH', '/subscriptions/s1'));
  });

  it('backs off exponentially with bounded jitter', () => {
    assert.equal(
      backoffMs(1, () => 0.5),
      1000,
    );
    assert.equal(
      backoffMs(2, () => 0.5),
      2000,
    );
    assert.equal(
      backoffMs(3, () => 0.5),
      4000,
    );
    assert.equal(
      backoffMs(3, () => 0),
      3200,
    );
    assert.equal(
      backoffMs(3, () => 1),
      4800,
    );
    assert.equal(
      backoffMs(20, () => 0.5),
      30_000,
    );
  });
});
