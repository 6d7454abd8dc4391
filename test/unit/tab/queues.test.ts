import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { describe, it } from 'mocha';
import type { QueueBoard } from '../../../calling';
import { createTabApi, type TabQueues } from '../../../teams-tab/api';
import { request, silentLogger, verify } from './fakes';

const AT = Date.parse('2026-12-06T10:00:00Z');
const BOARD: QueueBoard = {
  queue: 'support',
  description: 'Technical support',
  at: AT,
  callers: [
    { callId: 'call-1', position: 1, caller: 'Megan Bowen', waitedMs: 65_000, ringing: 'Adele Vance' },
  ],
  longestWaitMs: 65_000,
  agents: [
    {
      id: 'adele-0000',
      name: 'Adele Vance',
      state: 'ringing',
      signedIn: true,
      availability: 'Available',
      activity: 'Available',
    },
  ],
};

function fakeQueues() {
  const listeners = new Set<(b: QueueBoard) => void>();
  const queues: TabQueues = {
    boards: {
      names: () => ['support'],
      board: async (q) => (q === 'support' ? BOARD : undefined),
      boards: async () => [BOARD],
    },
    watch: {
      subscribe(l) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
  };
  return { queues, listeners, push: (b: QueueBoard) => listeners.forEach((l) => l(b)) };
}

describe('tab API: call queues', () => {
  it('lists the boards and reads one by name in any case, without call ids, times in ISO 8601', async () => {
    const api = createTabApi({ verify, logger: silentLogger, queues: fakeQueues().queues });
    try {
      const all = await api.edge(request('GET', '/api/tab/queues', { token: 'token-adele' }));
      assert.equal(all.status, 200);
      const [b] = (all.body as { queues: Array<Record<string, unknown>> }).queues;
      assert.equal(b?.['at'], '2026-12-06T10:00:00.000Z');
      assert.deepEqual(b?.['callers'], [
        { position: 1, caller: 'Megan Bowen', waitedMs: 65_000, ringing: 'Adele Vance' },
      ]);
      const one = await api.edge(request('GET', '/api/tab/queues/Support', { token: 'token-adele' }));
      assert.equal((one.body as { queue: { queue: string } }).queue.queue, 'support');
      const none = await api.edge(request('GET', '/api/tab/queues/sales', { token: 'token-adele' }));
      assert.equal(none.status, 404);
      assert.match(
        JSON.stringify(none.body),
        /There is no call queue named \\"sales\\". The queues are: support/,
      );
      const anon = await api.edge(request('GET', '/api/tab/queues'));
      assert.equal(anon.status, 401, 'SSO protects the boards like every tab route');
    } finally {
      api.close();
    }
  });

  it('answers 503 saying how to set queues up when the deployment has none', async () => {
    const api = createTabApi({ verify, logger: silentLogger });
    try {
      const res = await api.edge(request('GET', '/api/tab/queues', { token: 'token-adele' }));
      assert.equal(res.status, 503);
      assert.match(JSON.stringify(res.body), /QUEUES_CONFIG/);
    } finally {
      api.close();
    }
  });

  it('streams a queue event when a board changes, and stops watching when the last stream closes', async () => {
    const q = fakeQueues();
    const api = createTabApi({ verify, logger: silentLogger, queues: q.queues });
    try {
      assert.equal(q.listeners.size, 0, 'nobody watches before a stream opens');
      const res = await api.edge(request('GET', '/api/tab/events?ids=', { token: 'token-adele' }));
      const body = res.body as Readable;
      assert.equal(q.listeners.size, 1);
      let text = '';
      const got = new Promise<void>((resolve) =>
        body.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (/"callers":\[\]/.test(text)) resolve();
        }),
      );
      // Let the stream's opening board go out first: what follows is the change.
      await new Promise((r) => setTimeout(r, 20));
      q.push({ queue: 'support', at: AT + 1000, callers: [], agents: BOARD.agents });
      await got;
      const sent = [...text.matchAll(/event: queue\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1] ?? '{}'));
      assert.equal(sent.length, 2, text);
      assert.deepEqual(sent[1].queue.callers, []);
      body.destroy();
      await new Promise((r) => setTimeout(r, 20));
      assert.equal(q.listeners.size, 0);
    } finally {
      api.close();
    }
  });

  it('starts every new stream with the boards as they are, so a page that reopens its stream misses nothing', async () => {
    const q = fakeQueues();
    const api = createTabApi({ verify, logger: silentLogger, queues: q.queues });
    try {
      const res = await api.edge(request('GET', '/api/tab/events?ids=', { token: 'token-adele' }));
      const body = res.body as Readable;
      let text = '';
      await new Promise<void>((resolve) =>
        body.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          if (/event: queue/.test(text)) resolve();
        }),
      );
      const data = /event: queue\ndata: (.*)\n/.exec(text)?.[1];
      assert.deepEqual(JSON.parse(data ?? '{}').queue.callers, [
        { position: 1, caller: 'Megan Bowen', waitedMs: 65_000, ringing: 'Adele Vance' },
      ]);
      body.destroy();
    } finally {
      api.close();
    }
  });

  it('never follows a change with the older board it read when the stream opened', async () => {
    const q = fakeQueues();
    let release: (boards: QueueBoard[]) => void = () => undefined;
    const slow: TabQueues = {
      ...q.queues,
      boards: { ...q.queues.boards, boards: () => new Promise((resolve) => (release = resolve)) },
    };
    const api = createTabApi({ verify, logger: silentLogger, queues: slow });
    try {
      const res = await api.edge(request('GET', '/api/tab/events?ids=', { token: 'token-adele' }));
      const body = res.body as Readable;
      let text = '';
      body.on('data', (c: Buffer) => (text += c.toString('utf8')));
      q.push({ queue: 'support', at: AT + 1000, callers: [], agents: BOARD.agents });
      release([BOARD]);
      await new Promise((r) => setTimeout(r, 20));
      const sent = [...text.matchAll(/event: queue\ndata: (.*)\n/g)].map((m) => JSON.parse(m[1] ?? '{}'));
      assert.equal(sent.length, 1, text);
      assert.deepEqual(sent[0].queue.callers, [], 'the change, not the read that began before it');
      body.destroy();
    } finally {
      api.close();
    }
  });
});
