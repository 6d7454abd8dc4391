import assert from 'node:assert/strict';
import { Deliverer } from '../../../../emulator/notify';
import type { DeliveryEvent, DeliveryOptions } from '../../../../emulator/notify';
import { retryAfterMs } from '../../../../emulator/notify/post-json';
import { Receiver, until } from './receiver';

describe('emulator/notify Deliverer faults', () => {
  let receiver: Receiver;
  let deliverer: Deliverer | undefined;
  let events: DeliveryEvent[];
  const meta = (callId = 'call-a') => ({ aud: 'app', tid: 'tenant', callId });

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
      sign: async (aud, tid) => `token-for-${aud}-${tid}`,
      retryDelaysMs: [20, 20, 20],
      onEvent: (e) => events.push(e),
      ...opts,
    });
    return deliverer;
  }

  /** Delivers notifications with seq 1..n for one call and waits for all of them. */
  function sendSeqs(d: Deliverer, n: number, callId = 'call-a') {
    return Promise.all(
      Array.from({ length: n }, (_, i) => d.deliver(receiver.url(), { seq: i + 1 }, meta(callId))),
    );
  }

  it('drop: the next N notifications are never POSTed', async () => {
    const d = make();
    d.setFaults({ drop: 2 });
    const results = await sendSeqs(d, 4);
    assert.deepEqual(receiver.seqs(), [3, 4]);
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['dropped', 'dropped', 'delivered', 'delivered'],
    );
    assert.equal(events.filter((e) => e.type === 'dropped').length, 2);
    assert.equal(d.getFaults().drop, 0);
  });

  it('duplicate: the next N notifications are POSTed twice, in place', async () => {
    const d = make();
    d.setFaults({ duplicate: 1 });
    await sendSeqs(d, 3);
    assert.deepEqual(receiver.seqs(), [1, 1, 2, 3]);
    assert.deepEqual(receiver.got[0]?.body, receiver.got[1]?.body);
    assert.equal(events.filter((e) => e.type === 'duplicated').length, 1);
  });

  it('reorder: each of the next N is sent after the one that follows it', async () => {
    const d = make();
    d.setFaults({ reorder: 2 });
    await sendSeqs(d, 5);
    assert.deepEqual(receiver.seqs(), [2, 1, 4, 3, 5]);
    assert.equal(events.filter((e) => e.type === 'reordered').length, 2);
  });

  it('reorder: a follower that arrives later still overtakes, and a lone one goes out after the hold', async () => {
    const d = make({ reorderHoldMs: 400 });
    d.setFaults({ reorder: 1 });
    const first = d.deliver(receiver.url(), { seq: 'establishing' }, meta());
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(receiver.got.length, 0, 'held');
    await Promise.all([first, d.deliver(receiver.url(), { seq: 'established' }, meta())]);
    assert.deepEqual(receiver.seqs(), ['established', 'establishing']);

    d.setFaults({ reorder: 1 });
    const started = Date.now();
    const lone = await d.deliver(receiver.url(), { seq: 'lone' }, meta('call-b'));
    assert.equal(lone.outcome, 'delivered');
    assert.ok(Date.now() - started >= 390, 'held for reorderHoldMs');
  });

  it('endpointDown: attempts fail like refused connections and are retried until it clears', async () => {
    const d = make({ retryDelaysMs: [40, 40, 40, 40, 40, 40] });
    d.setFaults({ endpointDown: true });
    const pending = d.deliver(receiver.url(), { seq: 1 }, meta());
    const refusals = () => events.filter((e) => e.type === 'error');
    await until(() => refusals().length >= 2);
    assert.equal(receiver.got.length, 0);
    assert.match(refusals()[0]?.error ?? '', /ECONNREFUSED/);
    d.setFaults({ endpointDown: false });
    const r = await pending;
    assert.equal(r.outcome, 'delivered');
    assert.deepEqual(receiver.seqs(), [1]);
  });

  it('endpointDown: gives up when it outlasts the retries, and nothing reaches the endpoint', async () => {
    const d = make({ retryDelaysMs: [10, 10] });
    d.setFaults({ endpointDown: true });
    const r = await d.deliver(receiver.url(), { seq: 1 }, meta());
    assert.equal(r.outcome, 'gave-up');
    assert.equal(r.attempts, 3);
    assert.match(r.error ?? '', /ECONNREFUSED/);
    assert.equal(receiver.got.length, 0);
  });

  it('setFaults merges, so one fault can change without clearing the others', () => {
    const d = make();
    d.setFaults({ drop: 3, endpointDown: true });
    d.setFaults({ endpointDown: false });
    assert.deepEqual(d.getFaults(), { drop: 3, duplicate: 0, reorder: 0, endpointDown: false });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    const now = Date.parse('2030-01-01T00:00:00Z');
    assert.equal(retryAfterMs('Tue, 01 Jan 2030 00:00:05 GMT', now), 5000);
    assert.equal(retryAfterMs('Mon, 31 Dec 2029 00:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs(undefined), undefined);
  });
});
