import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  agentRungNotice,
  boardContent,
  cachedPresence,
  createQueueBoards,
  queuesFileSchema,
  watchBoards,
  type QueueBoard,
} from '../../../../../calling/flows/queue';
import type { QueueStore } from '../../../../../calling';
import { createQueueStore, openStore, type Store } from '../../../../../store';

const QUEUES = queuesFileSchema.parse({
  queues: {
    support: {
      description: 'Technical support',
      agents: ['ann', { user: 'U-BOB', displayName: 'Bob Kelly' }, 'cy'],
      afterMaxWait: 'message',
      message: { notify: { title: 't', text: 't' } },
    },
    sales: { agents: ['ann'], afterMaxWait: 'message', message: { notify: { title: 't', text: 't' } } },
  },
}).queues;
const DIRECTORY = {
  people: {
    ann: { user: 'u-ann', displayName: 'Ann Lee' },
    cy: { user: 'u-cy' },
  },
  meetings: {},
};
const OFFER = { policy: 'inOrder' as const, retryAfterMs: 30_000 };

describe('queue boards', () => {
  let dir = '';
  let store: Store;
  let queues: QueueStore;
  let presence: Record<string, { availability: string; activity: string }>;
  let presenceFails = false;
  let presenceReads = 0;
  let t = 0;

  const boards = () =>
    createQueueBoards({
      queues: QUEUES,
      directory: async () => DIRECTORY,
      store: queues,
      presence: {
        async getPresences(ids) {
          presenceReads += 1;
          if (presenceFails) throw new Error('Graph answered 503');
          return ids.flatMap((id) => (presence[id] ? [{ id: id.toUpperCase(), ...presence[id] }] : []));
        },
      },
      now: () => t,
    });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-board-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    queues = createQueueStore(store);
    presence = {
      'u-ann': { availability: 'Available', activity: 'Available' },
      'u-bob': { availability: 'Busy', activity: 'InACall' },
      'u-cy': { availability: 'DoNotDisturb', activity: 'Presenting' },
    };
    presenceFails = false;
    presenceReads = 0;
    t = 0;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows callers in order with their waits and who is rung, and each agent with state and presence', async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', caller: 'Megan Bowen', now: 1000 });
    await queues.enqueue({ queue: 'support', callId: 'c2', caller: '+14255550100', now: 5000 });
    await queues.enqueue({ queue: 'support', callId: 'c3', now: 9000 });
    await queues.offerNext('support', {
      ...OFFER,
      agents: ['u-ann', 'u-bob', 'u-cy'],
      available: new Set(['u-ann']),
      now: 10_000,
    });
    await queues.setSignedIn({ queue: 'support', agentId: 'u-cy', signedIn: false, now: 10_000 });
    t = 61_000;
    const b = await boards().board('support');
    assert.ok(b);
    assert.equal(b.description, 'Technical support');
    assert.deepEqual(b.callers, [
      { callId: 'c1', position: 1, caller: 'Megan Bowen', waitedMs: 60_000, ringing: 'Ann Lee' },
      { callId: 'c2', position: 2, caller: '+14255550100', waitedMs: 56_000 },
      { callId: 'c3', position: 3, caller: 'Unknown caller', waitedMs: 52_000 },
    ]);
    assert.equal(b.longestWaitMs, 60_000);
    assert.deepEqual(
      b.agents.map((a) => [a.id, a.name, a.state, a.signedIn, a.availability, a.activity]),
      [
        ['u-ann', 'Ann Lee', 'ringing', true, 'Available', 'Available'],
        ['u-bob', 'Bob Kelly', 'idle', true, 'Busy', 'InACall'],
        ['u-cy', 'cy', 'signedOut', false, 'DoNotDisturb', 'Presenting'],
      ],
    );
    const other = await boards().board('sales');
    assert.deepEqual([other?.callers, other?.longestWaitMs], [[], undefined], 'queues are apart');
    assert.equal(await boards().board('nowhere'), undefined);
  });

  it('reads presence once for every board and says so when it cannot', async () => {
    const all = await boards().boards();
    assert.deepEqual(
      all.map((b) => b.queue),
      ['support', 'sales'],
    );
    assert.equal(presenceReads, 1);
    presenceFails = true;
    const [b] = await boards().boards();
    assert.match(b?.presenceProblem ?? '', /Presence could not be read \(Graph answered 503\)/);
    assert.deepEqual(
      b?.agents.map((a) => a.availability),
      ['PresenceUnknown', 'PresenceUnknown', 'PresenceUnknown'],
    );
  });

  it('an answered ring shows the agent on a call and the caller gone', async () => {
    await queues.enqueue({ queue: 'sales', callId: 'c1', caller: 'Megan', now: 0 });
    const offer = await queues.offerNext('sales', {
      ...OFFER,
      agents: ['u-ann'],
      available: new Set(['u-ann']),
      now: 100,
    });
    await queues.ringEnded(offer!.attemptId, 'answered', 200);
    const b = await boards().board('sales');
    assert.deepEqual(b?.callers, []);
    assert.equal(b?.agents[0]?.state, 'onCall');
  });

  it("builds the agent's ring notice from a ring attempt", async () => {
    await queues.enqueue({ queue: 'support', callId: 'c1', caller: 'Megan Bowen', now: 1000 });
    const offer = await queues.offerNext('support', {
      ...OFFER,
      agents: ['u-bob'],
      available: new Set(['u-bob']),
      now: 2000,
    });
    assert.ok(offer);
    const n = await agentRungNotice(offer, {
      queues: QUEUES,
      store: queues,
      directory: async () => DIRECTORY,
      now: () => 95_000,
    });
    assert.deepEqual(
      [n.queue, n.queueDescription, n.agentId, n.agentName, n.caller, n.waitedMs, n.attemptId],
      ['support', 'Technical support', 'u-bob', 'Bob Kelly', 'Megan Bowen', 94_000, offer.attemptId],
    );
  });

  it('the watcher reports a board when its content changes, and while callers wait every redraw period', async () => {
    const seen: QueueBoard[] = [];
    const watch = watchBoards(boards(), {
      everyMs: 60_000,
      redrawMs: 30_000,
      log: { warn: () => {} },
      now: () => t,
    });
    const off = watch.subscribe((b) => seen.push(b));
    try {
      await watch.check();
      assert.deepEqual(
        seen.map((b) => b.queue),
        ['support', 'sales'],
        'the first read reports every board',
      );
      seen.length = 0;
      await watch.check();
      assert.equal(seen.length, 0, 'nothing changed');
      presence['u-ann'] = { availability: 'DoNotDisturb', activity: 'DoNotDisturb' };
      await watch.check();
      assert.deepEqual(
        seen.map((b) => b.queue),
        ['support', 'sales'],
        'Ann is in both queues',
      );
      seen.length = 0;
      await queues.enqueue({ queue: 'sales', callId: 'c1', now: 0 });
      await watch.check();
      assert.deepEqual(
        seen.map((b) => b.queue),
        ['sales'],
      );
      seen.length = 0;
      t = 10_000;
      await watch.check();
      assert.equal(seen.length, 0, 'not yet time to redraw the waits');
      t = 31_000;
      await watch.check();
      assert.deepEqual(
        seen.map((b) => [b.queue, b.callers[0]?.waitedMs]),
        [['sales', 31_000]],
        'only the board with callers is redrawn',
      );
    } finally {
      off();
      watch.stop();
    }
  });

  it('a check asked for during a read reads once more, so a change made meanwhile is reported', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let askedFirst: () => void = () => {};
    const asked = new Promise<void>((r) => (askedFirst = r));
    let first = true;
    const slow = createQueueBoards({
      queues: QUEUES,
      directory: async () => DIRECTORY,
      store: queues,
      presence: {
        async getPresences(ids) {
          // What Graph said when asked; the answer arrives later.
          const said = ids.flatMap((id) => (presence[id] ? [{ id, ...presence[id] }] : []));
          if (first) {
            first = false;
            askedFirst();
            await gate;
          }
          return said;
        },
      },
      now: () => t,
    });
    const seen: QueueBoard[] = [];
    const watch = watchBoards(slow, { everyMs: 60_000, log: { warn: () => {} }, now: () => t });
    const off = watch.subscribe((b) => seen.push(b));
    try {
      const reading = watch.check();
      await asked;
      presence['u-ann'] = { availability: 'Offline', activity: 'OffWork' };
      const after = watch.check();
      release();
      await Promise.all([reading, after]);
      assert.equal(seen.filter((b) => b.queue === 'sales').at(-1)?.agents[0]?.availability, 'Offline');
    } finally {
      off();
      watch.stop();
    }
  });

  it('the watcher reads nothing while nobody watches', async () => {
    const watch = watchBoards(boards(), { everyMs: 5, log: { warn: () => {} }, now: () => t });
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(presenceReads, 0, 'no listener: no reads');
    const off = watch.subscribe(() => undefined);
    await new Promise((r) => setTimeout(r, 40));
    assert.ok(presenceReads > 0, 'read while watched');
    off();
    await new Promise((r) => setTimeout(r, 10));
    const after = presenceReads;
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(presenceReads, after, 'the last listener gone: reads stop');
    watch.stop();
  });

  it('the watched boards read Graph presence again only on a presence notification or every 60 s', async () => {
    const listeners: Array<(id: string) => void> = [];
    const changes = { onChange: (l: (id: string) => void) => listeners.push(l) };
    const watched = createQueueBoards({
      queues: QUEUES,
      directory: async () => DIRECTORY,
      store: queues,
      presence: cachedPresence(
        {
          async getPresences(ids) {
            presenceReads += 1;
            return ids.flatMap((id) => (presence[id] ? [{ id, ...presence[id] }] : []));
          },
        },
        { changes, now: () => t },
      ),
      now: () => t,
    });
    const seen: QueueBoard[] = [];
    const watch = watchBoards(watched, { everyMs: 60_000, log: { warn: () => {} }, now: () => t });
    const off = watch.subscribe((b) => seen.push(b));
    const annIn = (b: QueueBoard | undefined) => b?.agents.find((a) => a.id === 'u-ann')?.availability;
    try {
      await watch.check();
      assert.equal(presenceReads, 1);
      presence['u-ann'] = { availability: 'DoNotDisturb', activity: 'DoNotDisturb' };
      t = 3_000;
      await watch.check();
      assert.equal(presenceReads, 1, 'the store is read, Graph presence is not');
      assert.equal(annIn(seen.at(-1)), 'Available');
      for (const l of listeners) l('U-ANN');
      t = 6_000;
      await watch.check();
      assert.equal(presenceReads, 2, 'a notification: read at the next look, not 60 s later');
      assert.equal(annIn(seen.at(-1)), 'DoNotDisturb');
      presence['u-ann'] = { availability: 'Away', activity: 'Away' };
      t = 60_000;
      await watch.check();
      assert.equal(presenceReads, 2);
      t = 66_000;
      await watch.check();
      assert.equal(presenceReads, 3, 'every 60 s at the latest');
      assert.equal(annIn(seen.at(-1)), 'Away');
    } finally {
      off();
      watch.stop();
    }
  });

  it("a board's content ignores the clock", () => {
    const b: QueueBoard = { queue: 'q', at: 1, callers: [], agents: [] };
    assert.equal(boardContent(b), boardContent({ ...b, at: 2 }));
    assert.notEqual(
      boardContent(b),
      boardContent({ ...b, callers: [{ callId: 'c', position: 1, caller: 'x', waitedMs: 0 }] }),
    );
  });
});
