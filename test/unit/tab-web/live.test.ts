import assert from 'node:assert/strict';
import { ApiError } from '../../../teams-tab/web/src/api';
import type { Api } from '../../../teams-tab/web/src/api';
import { watch } from '../../../teams-tab/web/src/live';
import type { StreamLike } from '../../../teams-tab/web/src/live';
import type { Presence, QueueBoard } from '../../../teams-tab/web/src/types';

/** A stream the test drives: emit(type, data) delivers an event, fail() an error. */
class FakeStream implements StreamLike {
  onerror: ((e: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, (e: Event) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (e: Event) => void): void {
    this.listeners.set(type, listener);
  }
  emit(type: string, data: unknown): void {
    this.listeners.get(type)?.({ data: JSON.stringify(data) } as unknown as Event);
  }
  fail(): void {
    this.onerror?.({} as Event);
  }
  close(): void {
    this.closed = true;
  }
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

function fakeApi(opts: {
  ticket?: () => Promise<unknown>;
  presence?: () => Promise<Presence[]>;
  queues?: () => Promise<QueueBoard[]>;
}) {
  const calls = { tickets: 0, polls: 0, queues: 0 };
  const api = {
    eventsTicket: async () => {
      calls.tickets += 1;
      if (opts.ticket) await opts.ticket();
      return {
        ticket: `t${calls.tickets}`,
        url: `/api/tab/events?ticket=t${calls.tickets}`,
        expiresInSeconds: 60,
      };
    },
    presence: async () => {
      calls.polls += 1;
      return opts.presence ? opts.presence() : [];
    },
    queues: async () => {
      calls.queues += 1;
      return opts.queues ? opts.queues() : [];
    },
  } as unknown as Api;
  return { api, calls };
}

describe('tab web: live updates', () => {
  it('passes presence and call events on and reports the server mode', async () => {
    const streams: FakeStream[] = [];
    const seen: string[] = [];
    const { api } = fakeApi({});
    const stop = watch(
      api,
      ['a'],
      {
        presence: (p) => seen.push(`${p.id}:${p.availability}`),
        call: (c) => seen.push(`call:${c.id}:${c.state}`),
        mode: (m) => seen.push(`mode:${m}`),
      },
      { openStream: (url) => (streams.push(new FakeStream(url)), streams.at(-1) as FakeStream) },
    );
    await tick();
    assert.equal(streams[0]?.url, '/api/tab/events?ticket=t1');
    streams[0]?.emit('ready', { presenceUpdates: 'polling', ids: ['a'] });
    streams[0]?.emit('presence', { id: 'a', availability: 'Busy', activity: 'InACall' });
    streams[0]?.emit('call', { call: { id: 'c1', state: 'established' } });
    stop();
    assert.deepEqual(seen, ['mode:polling', 'a:Busy', 'call:c1:established']);
    assert.equal(streams[0]?.closed, true);
  });

  it('a stream that cannot even be opened falls back to polling, with a warning on the console', async () => {
    const modes: string[] = [];
    const got: string[] = [];
    const warned: unknown[][] = [];
    const { api, calls } = fakeApi({
      presence: async () => [{ id: 'a', availability: 'Away', activity: 'Away' }],
    });
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const stop = watch(
        api,
        ['a'],
        { presence: (p) => got.push(p.availability), call: () => undefined, mode: (m) => modes.push(m) },
        {
          openStream: () => {
            throw new SyntaxError('The URL is invalid');
          },
        },
      );
      await tick();
      stop();
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(modes, ['tab-polling']);
    assert.equal(calls.polls, 1);
    assert.deepEqual(got, ['Away']);
    assert.ok(
      warned.some((args) => args.some((a) => a instanceof SyntaxError)),
      `the failure reaches the console: ${JSON.stringify(warned)}`,
    );
  });

  it('reopens a failed stream with a new ticket, and polls after three failures in a row', async () => {
    const streams: FakeStream[] = [];
    const modes: string[] = [];
    const got: string[] = [];
    const { api, calls } = fakeApi({
      presence: async () => [{ id: 'a', availability: 'Away', activity: 'Away' }],
    });
    const stop = watch(
      api,
      ['a'],
      { presence: (p) => got.push(p.availability), call: () => undefined, mode: (m) => modes.push(m) },
      { openStream: (url) => (streams.push(new FakeStream(url)), streams.at(-1) as FakeStream), retryMs: 5 },
    );
    try {
      for (let i = 0; i < 3; i++) {
        await tick(30);
        streams.at(-1)?.fail();
      }
      await tick(30);
      assert.equal(calls.tickets, 3, 'one new ticket per attempt');
      assert.deepEqual(
        streams.map((s) => s.url),
        ['/api/tab/events?ticket=t1', '/api/tab/events?ticket=t2', '/api/tab/events?ticket=t3'],
      );
      assert.ok(streams.every((s) => s.closed));
      assert.deepEqual(modes, ['tab-polling']);
      assert.equal(calls.polls, 1);
      assert.deepEqual(got, ['Away']);
    } finally {
      stop();
    }
  });

  it("polling without a stream reads the queues' boards too, and a deployment without queues is fine", async () => {
    const board: QueueBoard = { queue: 'support', at: '2026-12-06T10:00:00.000Z', callers: [], agents: [] };
    const boards: string[] = [];
    const withQueues = fakeApi({ queues: async () => [board] });
    const failing = () => {
      throw new SyntaxError('The URL is invalid');
    };
    const warn = console.warn;
    const warned: unknown[][] = [];
    console.warn = (...args: unknown[]) => warned.push(args);
    try {
      const stop = watch(
        withQueues.api,
        ['a'],
        {
          presence: () => undefined,
          call: () => undefined,
          queue: (b) => boards.push(b.queue),
          mode: () => undefined,
        },
        { openStream: failing },
      );
      await tick();
      stop();
      assert.deepEqual(boards, ['support']);
      const without = fakeApi({
        presence: async () => [{ id: 'a', availability: 'Away', activity: 'Away' }],
        queues: async () => {
          throw new ApiError(503, { code: 'not_configured', message: 'No call queues are set up.' });
        },
      });
      const got: string[] = [];
      const stop2 = watch(
        without.api,
        ['a'],
        {
          presence: (p) => got.push(p.availability),
          call: () => undefined,
          queue: () => undefined,
          mode: () => undefined,
        },
        { openStream: failing },
      );
      await tick();
      stop2();
      assert.deepEqual(got, ['Away'], 'presence still arrives');
      assert.equal(without.calls.queues, 1);
      assert.ok(
        !warned.some((args) => args.some((a) => a instanceof ApiError)),
        'a 503 for queues is not a failure',
      );
    } finally {
      console.warn = warn;
    }
  });

  it('says when each stream opens, once per stream, so the view can read what it missed between streams', async () => {
    const streams: FakeStream[] = [];
    let opened = 0;
    const { api } = fakeApi({});
    const stop = watch(
      api,
      ['a'],
      {
        presence: () => undefined,
        call: () => undefined,
        mode: () => undefined,
        opened: () => (opened += 1),
      },
      { openStream: (url) => (streams.push(new FakeStream(url)), streams.at(-1) as FakeStream), retryMs: 5 },
    );
    try {
      await tick();
      assert.equal(opened, 0, 'not before the server says the stream is ready');
      streams[0]?.emit('ready', { presenceUpdates: 'polling' });
      streams[0]?.emit('ready', { presenceUpdates: 'subscription' });
      assert.equal(opened, 1, 'a stream switching to a subscription is still the same stream');
      streams[0]?.fail();
      await tick(30);
      streams[1]?.emit('ready', { presenceUpdates: 'polling' });
      assert.equal(opened, 2, 'the replacement stream opened');
    } finally {
      stop();
    }
  });

  it('stops and reports a consent refusal instead of polling', async () => {
    const refused = new ApiError(403, {
      code: 'consent_required',
      message: 'Consent needed.',
      consent: { required: true, buttonLabel: 'Allow' },
    });
    const failures: ApiError[] = [];
    const modes: string[] = [];
    const { api, calls } = fakeApi({
      ticket: async () => {
        throw refused;
      },
    });
    const stop = watch(api, ['a'], {
      presence: () => undefined,
      call: () => undefined,
      mode: (m) => modes.push(m),
      fail: (e) => failures.push(e),
    });
    await tick(20);
    stop();
    assert.deepEqual(failures, [refused]);
    assert.deepEqual(modes, []);
    assert.equal(calls.polls, 0);
  });
});
