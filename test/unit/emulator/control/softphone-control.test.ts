// The control endpoints behind the softphone page, in process on the emulated clock: a `manual` ring
// waits for answer/decline by hand, and the person's event stream reports rings, states and entries.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import type { CallRec } from '../../../../emulator/graph/model';
import { controlFixture } from '../../../helpers/control-fixture';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';

interface Sent {
  resourceData: { state?: string; resultInfo?: { code: number; subcode: number } };
}

/** A stand-in for the response of a server-sent event stream: collects what is written. */
class FakeStream {
  chunks: string[] = [];
  private closers: (() => void)[] = [];
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  on(event: string, fn: () => void): this {
    if (event === 'close') this.closers.push(fn);
    return this;
  }
  close(): void {
    for (const fn of this.closers) fn();
  }
  events(): { event: string; data: Record<string, unknown> }[] {
    return this.chunks
      .filter((c) => c.startsWith('event: '))
      .map((c) => {
        const [head, data] = c.split('\n');
        return { event: head!.slice(7), data: JSON.parse(data!.slice(6)) as Record<string, unknown> };
      });
  }
}

describe('emulator softphone control: manual rings and person events', () => {
  let sent: Sent[] = [];
  const { clock, control, ringPerson } = controlFixture({
    now: 7_000_000,
    deliver: (_url, body) => sent.push(...(body as { value: Sent[] }).value),
  });

  function ring(personId: string): CallRec {
    const call = ringPerson(personId);
    clock.advance(50);
    return call;
  }

  const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  beforeEach(async () => {
    sent = [];
    await control('POST', '/emulator/reset');
  });
  after(() => clock.reset());

  it('accepts the manual script and keeps ringing until the person answers', async () => {
    assert.equal(
      (await control('PUT', `/emulator/people/${ADELE}/script`, { onRing: 'manual' })).status,
      200,
    );
    const call = ring(ADELE);
    clock.advance(30_000);
    assert.deepEqual([...call.ringing], [ADELE]);
    assert.equal(call.state, 'establishing');
    const res = await control('POST', `/emulator/calls/${call.id}/answer`, {});
    assert.equal(res.status, 202);
    assert.equal((res.body as { personId: string }).personId, ADELE);
    assert.equal(call.state, 'established');
    assert.equal(sent.at(-1)?.resourceData.state, 'established');
    assert.equal((await control('POST', `/emulator/calls/${call.id}/answer`, {})).status, 400);
    assert.equal(
      (await control('POST', `/emulator/calls/${call.id}/answer`, { personId: ADELE })).status,
      409,
    );
  });

  it('declines by hand with 480 / 10134, and lets a manual ring time out with 408 / 10057', async () => {
    await control('PUT', `/emulator/people/${ADELE}/script`, { onRing: 'manual' });
    const declined = ring(ADELE);
    assert.equal((await control('POST', `/emulator/calls/${declined.id}/decline`, {})).status, 202);
    assert.deepEqual(
      [declined.state, declined.resultInfo?.code, declined.resultInfo?.subcode],
      ['terminated', 480, 10134],
    );
    const unanswered = ring(ADELE);
    clock.advance(60_000);
    assert.deepEqual([unanswered.resultInfo?.code, unanswered.resultInfo?.subcode], [408, 10057]);
    assert.equal((await control('POST', '/emulator/calls/nope/answer', {})).status, 404);
  });

  it('lets a person pick up before their scripted answer', async () => {
    await control('PUT', `/emulator/people/${ALEX}/script`, { onRing: 'answer', answerAfterMs: 5000 });
    const call = ring(ALEX);
    assert.equal(
      (await control('POST', `/emulator/calls/${call.id}/answer`, { personId: ALEX })).status,
      202,
    );
    assert.equal(call.state, 'established');
    clock.advance(6000);
    assert.equal(call.timeline.filter((e) => e.event === 'answered').length, 1);
  });

  it('shows the person as calling while the app has not answered their meeting invite', async () => {
    const res = await control('GET', `/emulator/events?person=${ADELE}`);
    const stream = new FakeStream();
    res.stream?.(stream as unknown as ServerResponse);
    const placed = await control('POST', `/emulator/people/${ADELE}/call`, {
      to: 'app',
      meetingId: 'seed-standup',
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    await flush();
    const view = stream.events().at(-1)?.data.call as { kind: string; status: string; placedByMe: boolean };
    assert.deepEqual([view.kind, view.status, view.placedByMe], ['meeting', 'calling', true]);
    stream.close();
  });

  it('streams the person’s calls: hello, then ring, answer, keys and end with fresh views', async () => {
    await control('PUT', `/emulator/people/${ADELE}/script`, { onRing: 'manual' });
    assert.equal((await control('GET', '/emulator/events')).status, 400);
    assert.equal((await control('GET', '/emulator/events?person=nobody')).status, 404);
    const res = await control('GET', `/emulator/events?person=${ADELE}`);
    assert.equal(res.status, 200);
    assert.match(String(res.headers?.['Content-Type']), /^text\/event-stream/);
    const other = new FakeStream();
    const stream = new FakeStream();
    res.stream?.(stream as unknown as ServerResponse);
    (await control('GET', `/emulator/events?person=${ALEX}`)).stream?.(other as unknown as ServerResponse);
    const [hello] = stream.events();
    assert.equal(hello?.event, 'hello');
    assert.equal((hello?.data.person as { id: string }).id, ADELE);
    assert.deepEqual(hello?.data.calls, []);

    const call = ring(ADELE);
    await flush();
    const ringing = stream.events().filter((e) => e.event === 'call');
    const view = ringing.at(-1)?.data.call as { id: string; status: string; participants: unknown[] };
    assert.equal(view.id, call.id);
    assert.equal(view.status, 'ringing');
    const entries = ringing.flatMap((e) => e.data.entries as { event?: string; body?: unknown }[]);
    assert.ok(entries.some((e) => e.event === 'ringing'));
    assert.ok(
      entries.every((e) => e.body === undefined),
      'notification bodies are left out',
    );

    await control('POST', `/emulator/calls/${call.id}/answer`, {});
    await flush();
    await control('POST', `/emulator/calls/${call.id}/keys`, { tones: '7' });
    clock.advance(10);
    await flush();
    await control('POST', `/emulator/calls/${call.id}/hangup`, {});
    clock.advance(200);
    await flush();
    const views = stream
      .events()
      .filter((e) => e.event === 'call')
      .map((e) => e.data.call as { status: string; participants: { name: string; me: boolean }[] });
    assert.deepEqual(
      [...new Set(views.map((v) => v.status))],
      ['ringing', 'connected', 'ended'],
      'status goes ringing → connected → ended',
    );
    const connected = views.find((v) => v.status === 'connected')!;
    assert.deepEqual(
      connected.participants.map((p) => [p.name, p.me]),
      [
        ['Switchboard', false],
        ['Adele Vance', true],
      ],
    );
    const all = stream.events().flatMap((e) => (e.data.entries ?? []) as { event?: string; key?: string }[]);
    assert.ok(
      all.some((e) => e.event === 'key' && e.key === '7'),
      'the key press is streamed',
    );
    assert.equal(other.events().length, 1, 'another person’s stream sees only its hello');

    stream.close();
    ring(ALEX);
    await flush();
    assert.equal(stream.events().filter((e) => e.event === 'call').length, views.length, 'closed');
    other.close();
  });
});
