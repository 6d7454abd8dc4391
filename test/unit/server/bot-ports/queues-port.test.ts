import assert from 'node:assert/strict';
import type { BoardWatch, QueueBoard, QueueBoards } from '../../../../calling';
import { createQueuesPort } from '../../../../server/bot-ports/queues-port';

const BOARD: QueueBoard = {
  queue: 'Support',
  at: 5,
  callers: [{ callId: 'c1', position: 1, caller: 'Megan', waitedMs: 3000 }],
  longestWaitMs: 3000,
  agents: [
    {
      id: 'u-ann',
      name: 'Ann',
      state: 'idle',
      signedIn: true,
      availability: 'Available',
      activity: 'Available',
    },
    {
      id: 'u-bob',
      name: 'Bob',
      state: 'idle',
      signedIn: true,
      availability: 'Focusing',
      activity: 'Focusing',
    },
  ],
};

function setUp() {
  const signIns: unknown[] = [];
  let checks = 0;
  const boards: QueueBoards = {
    names: () => ['Support'],
    board: async (q) => (q === 'Support' ? BOARD : undefined),
    boards: async () => [BOARD],
    agentsOf: async (q) =>
      q === 'Support' ? BOARD.agents.map((a) => ({ id: a.id, name: a.name })) : undefined,
  };
  const watch: BoardWatch = {
    subscribe: () => () => undefined,
    check: async () => {
      checks += 1;
    },
    stop: () => undefined,
  };
  const port = createQueuesPort({
    boards,
    watch,
    store: { setSignedIn: async (e) => void signIns.push(e) },
    now: () => 42,
  });
  return { port, signIns, checks: () => checks };
}

describe('bot ports: queues', () => {
  it('finds a queue in any case and reads an availability Graph added later as unknown', async () => {
    const { port } = setUp();
    const b = await port.board('support');
    assert.equal(b?.queue, 'Support');
    assert.deepEqual(
      b?.agents.map((a) => a.presence.availability),
      ['Available', 'PresenceUnknown'],
    );
    assert.equal(await port.board('sales'), undefined);
  });

  it('an agent signs themself out (stored in lower case) and the other cards are told at once', async () => {
    const { port, signIns, checks } = setUp();
    await port.setSignedIn('SUPPORT', false, { name: 'Ann', aadObjectId: 'U-ANN' });
    assert.deepEqual(signIns, [{ queue: 'Support', agentId: 'u-ann', signedIn: false, now: 42 }]);
    assert.equal(checks(), 1);
  });

  it('refuses someone who is not an agent of the queue, naming its agents', async () => {
    const { port, signIns } = setUp();
    await assert.rejects(
      port.setSignedIn('support', true, { name: 'Cy', aadObjectId: 'u-cy' }),
      (err: unknown) => {
        const e = err as { code: string; message: string; hint: string };
        assert.equal(e.code, 'not_an_agent');
        assert.match(e.message, /You are not an agent of the Support queue/);
        assert.match(e.hint, /Its agents are Ann, Bob/);
        return true;
      },
    );
    await assert.rejects(
      port.setSignedIn('sales', true, { name: 'Ann', aadObjectId: 'u-ann' }),
      /no call queue named "sales"/,
    );
    assert.deepEqual(signIns, []);
  });
});
